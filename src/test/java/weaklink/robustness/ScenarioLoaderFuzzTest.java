package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import weaklink.scenario.BadInputException;
import weaklink.scenario.ScenarioLoader;

/**
 * Fuzzes the scenario loader with mutations of the shipped quick-start scenario (deleted,
 * inserted and replaced characters, swapped lines, random text): it must either accept the text
 * or refuse it with a {@link BadInputException} that has a location — never crash with any other
 * exception. Bounded in tries so the suite stays fast.
 */
class ScenarioLoaderFuzzTest {
    static String base;

    @BeforeContainer
    static void readBase() throws Exception {
        base = Files.readString(Path.of("scenarios/quickstart.yaml"));
    }

    record Mutation(int kind, int position, int length, String text) {}

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(1, 40),
                Arbitraries.strings().withChars(":-[]{}&*!|>'\"#,?%@`\t\n 0123456789.eE_abcxyz\u00e9\u3042").ofMaxLength(12))
                .as(Mutation::new);
    }

    static String apply(String text, Mutation m) {
        int pos = m.position() % (text.length() + 1);
        int end = Math.min(text.length(), pos + m.length());
        return switch (m.kind()) {
            case 0 -> text.substring(0, pos) + text.substring(end);                       // delete
            case 1 -> text.substring(0, pos) + m.text() + text.substring(pos);            // insert
            case 2 -> text.substring(0, pos) + m.text() + text.substring(end);            // replace
            case 3 -> {                                                                    // swap two lines
                String[] lines = text.split("\n", -1);
                int a = pos % lines.length, b = (pos / 7 + m.length()) % lines.length;
                String t = lines[a];
                lines[a] = lines[b];
                lines[b] = t;
                yield String.join("\n", lines);
            }
            default -> m.text();                                                           // random text
        };
    }

    @Property(tries = 400, seed = "20261125")
    void mutatedScenarioIsAcceptedOrRefusedWithALocation(@ForAll("mutations") Mutation first, @ForAll("mutations") Mutation second) {
        String text = apply(apply(base, first), second);
        try {
            ScenarioLoader.parse("fuzz.yaml", text, Path.of("."));
        } catch (BadInputException e) {
            assertTrue(e.getMessage().startsWith("fuzz.yaml") || e.key() != null, e.getMessage());
        }
    }
}
