package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import weaklink.experiment.Accumulators;
import weaklink.experiment.ReplicateRow;
import weaklink.io.Csv;
import weaklink.network.NetworkCsv;
import weaklink.network.NetworkCsvWriter;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Names;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;

/**
 * Every text field WeakLink writes either is refused by {@code validate} (a {@link BadInputException}
 * at its key, exit code 2) or reads back exactly as written, through the very writers and readers
 * that carry it: policy names (replicates.csv and the other result tables, {@code --policies}),
 * firm names and technology tags (firms.csv), actor, standard and currency names, group labels,
 * and any text cell (sweep values). The one rule is {@link Names}; the CSV reader is the inverse of
 * the writer's formula guard ({@link Csv}). Names are drawn from an alphabet of the characters that
 * matter: formula starters, the guard itself, quotes, separators, spaces, control characters and
 * line breaks, non-ASCII letters.
 */
class NamesRoundTripProperties {
    static final String VALID = """
            name: names
            network:
              generator:
                tiers:
                  - firms: 2
                  - firms: 6
                    suppliers_per_buyer: 2
            actors:
              - mode: opportunistic
            """;

    static Path dir;

    @BeforeContainer
    static void makeDir() throws Exception { dir = Files.createTempDirectory("wl-names"); }

    @AfterContainer
    static void removeDir() throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("=+-@'\",;: \t\r\n\u0000\u001b\u0085\u00a0\u3042\u65e5ab1._()%")
                .ofMinLength(0).ofMaxLength(10);
    }

    @Provide
    Arbitrary<List<String>> rows() {
        return names().filter(s -> s.indexOf('\n') < 0 && s.indexOf('\r') < 0).list().ofMinSize(1).ofMaxSize(5);
    }

    /** {@code s} as a YAML double-quoted scalar that reads back as exactly {@code s}. */
    static String yaml(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c >= 0x20 && c < 0x7f) b.append(c);
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }

    @Property(tries = 400, seed = "20261130")
    void anyRowOfTextCellsWithoutLineBreaksSplitsBackToItself(@ForAll("rows") List<String> cells) {
        List<String> written = new ArrayList<>();
        for (String c : cells) written.add(Csv.text(c));
        assertEquals(cells, Csv.split(Csv.join(written)));
    }

    @Property(tries = 300, seed = "20261130")
    void policyNameIsRefusedAtItsKeyOrReadBackInResultRowsAndOnTheCommandLine(@ForAll("names") String name) throws Exception {
        Scenario s;
        try {
            s = ScenarioLoader.parse("s.yaml", VALID + "policies:\n  - {id: none, name: " + yaml(name) + "}\n", dir);
        } catch (BadInputException e) {
            assertEquals("policies[0].name", e.key(), e.getMessage());
            assertNotNull(Names.problem(name, ","), "refused a good name: " + e.getMessage());
            return;
        }
        assertNull(Names.problem(name, ","));
        assertEquals(name, s.policies().get(0).name());
        // a replicates.csv line as the writer makes it, read back as resume and merge read it
        ReplicateRow row = ReplicateRow.parse(Csv.text(name) + ",7" + ",0".repeat(ReplicateRow.TABLE.columns().size() - 2));
        assertEquals(name, row.policy());
        assertEquals(name, ReplicateRow.parse(row.toCsv()).policy());
        // as picocli splits --policies a,b (split = ",") and the command trims each
        List<String> typed = Arrays.asList(name.split(",", -1));
        assertEquals(name, s.policiesNamed(typed).get(0).name());
    }

    @Property(tries = 200, seed = "20261130")
    void firmNameIsRefusedAtItsCellOrReadBackAndReExportedExactly(@ForAll("names") String name) throws Exception {
        Path firms = dir.resolve("firms.csv"), links = dir.resolve("links.csv");
        Files.writeString(firms, "id,name\n0," + Csv.text(name) + "\n1,other\n", StandardCharsets.UTF_8);
        Files.writeString(links, "kind,source,target\nsupply,1,0\n", StandardCharsets.UTF_8);
        Scenario s = ScenarioLoader.parse("s.yaml", "name: f\nnetwork: {files: {firms: firms.csv, links: links.csv}}\nactors: [{mode: opportunistic}]\n", dir);
        SupplyNetwork net;
        try {
            net = NetworkCsv.read(firms, links, s, 0);
        } catch (BadInputException e) {
            assertTrue(e.getMessage().startsWith(firms + ":2:"), e.getMessage());
            assertNotNull(Names.problem(name, ""), "refused a good name: " + e.getMessage());
            return;
        }
        if (name.isBlank()) {
            assertFalse(net.hasName(0), "a blank cell is no name");
            return;
        }
        assertNull(Names.problem(name, ""));
        assertEquals(name, net.name(0));
        StringWriter out = new StringWriter();
        NetworkCsvWriter.writeFirms(net, s.sizeClasses(), false, out);
        Files.writeString(firms, out.toString(), StandardCharsets.UTF_8);
        assertEquals(name, NetworkCsv.read(firms, links, s, 0).name(0));
    }

    @Property(tries = 200, seed = "20261130")
    void technologyTagIsRefusedAtItsKeyOrReadBackFromFirmsCsv(@ForAll("names") String tag) throws Exception {
        Scenario s;
        try {
            s = ScenarioLoader.parse("s.yaml", VALID.replace("network:\n", "network:\n  technologies: {" + yaml(tag) + ": 1.0}\n"), dir);
        } catch (BadInputException e) {
            assertTrue(e.key() != null && e.key().startsWith("network.technologies"), e.getMessage());
            assertNotNull(Names.problem(tag, ";"), "refused a good tag: " + e.getMessage());
            return;
        }
        assertNull(Names.problem(tag, ";"));
        SupplyNetwork net = Networks.build(s, 1);
        assertEquals(List.of(tag), net.technologies());
        StringWriter firms = new StringWriter(), links = new StringWriter();
        NetworkCsvWriter.writeFirms(net, s.sizeClasses(), false, firms);
        NetworkCsvWriter.writeLinks(net, s.economics().substitutionDays(), s.economics().substitutionShare(), false, links);
        Files.writeString(dir.resolve("firms.csv"), firms.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("links.csv"), links.toString(), StandardCharsets.UTF_8);
        SupplyNetwork back = NetworkCsv.read(dir.resolve("firms.csv"), dir.resolve("links.csv"), s, 0);
        for (int f = 0; f < net.firmCount(); f++) assertEquals(net.technologyMask(f), back.technologyMask(f));
        assertEquals(List.of(tag), back.technologies());
    }

    @Property(tries = 200, seed = "20261130")
    void actorStandardAndCurrencyNamesAreRefusedAtTheirKeyOrKept(@ForAll("names") String name) throws Exception {
        String[][] cases = {
                {VALID.replace("- mode: opportunistic", "- mode: opportunistic\n    name: " + yaml(name)), "actors[0].name"},
                {VALID + "standards: {" + yaml(name) + ": 0.2}\n", "standards"},
                {VALID + "currency: " + yaml(name) + "\n", "currency"}};
        for (String[] c : cases) {
            Scenario s;
            try {
                s = ScenarioLoader.parse("s.yaml", c[0], dir);
            } catch (BadInputException e) {
                assertTrue(e.key() != null && e.key().startsWith(c[1]), c[1] + ": " + e.getMessage());
                assertNotNull(Names.problem(name, ""), "refused a good name: " + e.getMessage());
                continue;
            }
            assertNull(Names.problem(name, ""), c[1]);
            String kept = switch (c[1]) {
                case "actors[0].name" -> s.actors().get(0).name();
                case "standards" -> s.standards().containsKey(name) ? name : null;
                default -> s.currency();
            };
            assertEquals(name, kept, c[1]);
        }
    }

    @Property(tries = 100, seed = "20261130")
    void groupLabelsReadBackToTheirTierAndSizeClass(@ForAll("tiers") int tier, @ForAll("sizes") SizeClass size) {
        String label = Accumulators.groupLabel(tier, size.label());
        String back = Csv.split(Csv.text(label)).get(0);
        assertEquals(tier, Accumulators.groupTier(back));
        assertEquals(size.label(), Accumulators.groupSizeClass(back));
    }

    @Provide Arbitrary<Integer> tiers() { return Arbitraries.integers().between(0, 10_000); }
    @Provide Arbitrary<SizeClass> sizes() { return Arbitraries.of(SizeClass.class); }
}
