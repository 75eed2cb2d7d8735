package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import weaklink.network.NetworkCsv;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * Fuzzes the network CSV reader with mutations of a valid firms.csv/links.csv pair: every
 * mutation is either read or refused with a {@link BadInputException} naming one of the two
 * files — never another exception. Bounded in tries.
 */
class NetworkCsvFuzzTest {
    static final String FIRMS = "id,name,tier,size_class,role,revenue_yen,vulnerability,inventory_days,technologies\n"
            + "0,Buyer,0,large,manufacturer,1000000000,0.3,2,vpn\n1,\"Supplier, A\",1,small,manufacturer,,0.6,,\n"
            + "2,Supplier B,1,micro,logistics,5e7,,10,vpn;edi-box\n3,MSP,2,small,it-service,,,,\n";
    static final String LINKS = "kind,source,target,type,share,substitution_days,substitution_share\n"
            + "supply,1,0,,0.5,30,0.5\nsupply,2,0,,0.3,,\ntrust,1,0,remote-access,,,\ntrust,3,1,managed-service,,,\ntrust,3,2,managed-service,,,\n";

    record Mutation(boolean links, int kind, int position, int length, String text) {}

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(1, 20),
                Arbitraries.strings().withChars(",\"\n\r;-.eE0123456789abcxyz\u00e9 ").ofMaxLength(8)).as(Mutation::new);
    }

    static String apply(String text, Mutation m) {
        int pos = m.position() % (text.length() + 1);
        int end = Math.min(text.length(), pos + m.length());
        return switch (m.kind()) {
            case 0 -> text.substring(0, pos) + text.substring(end);
            case 1 -> text.substring(0, pos) + m.text() + text.substring(pos);
            case 2 -> text.substring(0, pos) + m.text() + text.substring(end);
            default -> text.substring(0, pos);
        };
    }

    @Property(tries = 300, seed = "20261125")
    void mutatedNetworkFilesAreReadOrRefusedWithTheirName(@ForAll("mutations") Mutation a, @ForAll("mutations") Mutation b) throws Exception {
        Path dir = Files.createTempDirectory("wl-fuzz");
        try {
            String firms = FIRMS, links = LINKS;
            for (Mutation m : new Mutation[] {a, b}) {
                if (m.links()) links = apply(links, m);
                else firms = apply(firms, m);
            }
            Path f = dir.resolve("firms.csv"), l = dir.resolve("links.csv");
            Files.writeString(f, firms, StandardCharsets.UTF_8);
            Files.writeString(l, links, StandardCharsets.UTF_8);
            Scenario scenario = ScenarioLoader.parse("fuzz.yaml", "name: fuzz\nnetwork: {files: {firms: firms.csv, links: links.csv}}\n"
                    + "actors: [{mode: opportunistic}]\n", dir);
            try {
                NetworkCsv.read(f, l, scenario, 0);
            } catch (BadInputException e) {
                assertTrue(e.getMessage().contains("firms.csv") || e.getMessage().contains("links.csv"), e.getMessage());
            }
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
