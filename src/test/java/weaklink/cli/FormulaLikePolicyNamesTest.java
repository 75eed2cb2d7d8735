package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Csv;

/**
 * Policy names that a spreadsheet would take for a formula ({@code +buyer-50}, {@code =x},
 * {@code @y}, {@code -z}) or that start with the guard itself ({@code 'quoted}) are written with
 * the formula guard and read back without it: the run, its summaries and a merge of its shards all
 * finish (they ended with "row for unknown policy" when the reader kept the guard).
 */
class FormulaLikePolicyNamesTest {
    static final List<String> NAMES = List.of("+buyer-50", "=x", "@y", "-z", "'quoted");
    static final String SCENARIO = """
            name: formula-names
            network:
              generator:
                tiers:
                  - firms: 2
                  - firms: 12
                    suppliers_per_buyer: 3
            actors:
              - mode: opportunistic
                campaigns_per_year: 3
                attempt_probability: 0.3
            policies:
              - {id: none, name: "+buyer-50"}
              - {id: buyer-share, name: "=x", phi: 0.5}
              - {id: none, name: "@y"}
              - {id: none, name: "-z"}
              - {id: none, name: "'quoted"}
            """;

    @TempDir Path dir;

    static int cli(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void formulaLikePolicyNamesRunSummariseAndMergeFromShards() throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        StringWriter err = new StringWriter();
        Path whole = dir.resolve("whole"), s1 = dir.resolve("s1"), s2 = dir.resolve("s2"), merged = dir.resolve("merged");
        assertEquals(0, cli(err, "validate", scenario.toString()), err.toString());
        assertEquals(0, cli(err, "run", scenario.toString(), "--replicates", "6", "--out", whole.toString(), "--quiet"), err.toString());
        assertEquals(0, cli(err, "run", scenario.toString(), "--replicates", "6", "--shard", "1/2", "--out", s1.toString(), "--quiet"), err.toString());
        assertEquals(0, cli(err, "run", scenario.toString(), "--replicates", "6", "--shard", "2/2", "--out", s2.toString(), "--quiet"), err.toString());
        assertEquals(0, cli(err, "merge", s1.toString(), s2.toString(), "--out", merged.toString()), err.toString());

        List<String> summary = Files.readAllLines(whole.resolve("summary.csv"));
        for (int p = 0; p < NAMES.size(); p++) {
            String cell = summary.get(p + 1).substring(0, summary.get(p + 1).indexOf(','));
            assertTrue(cell.startsWith("'"), "written with the formula guard: " + cell);
            assertEquals(NAMES.get(p), Csv.split(summary.get(p + 1)).get(0));
        }
        assertArrayEquals(Files.readAllBytes(whole.resolve("summary.csv")), Files.readAllBytes(merged.resolve("summary.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("replicates.csv")), Files.readAllBytes(merged.resolve("replicates.csv")));
    }

    @Test
    void formulaLikePolicyNamesAreSelectedOnTheCommandLine() throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        StringWriter err = new StringWriter();
        Path out = dir.resolve("two");
        assertEquals(0, cli(err, "run", scenario.toString(), "--replicates", "3", "--policies", "'quoted,+buyer-50", "--out", out.toString(), "--quiet"),
                err.toString());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("'quoted", Csv.split(summary.get(1)).get(0));
        assertEquals("+buyer-50", Csv.split(summary.get(2)).get(0));
    }
}
