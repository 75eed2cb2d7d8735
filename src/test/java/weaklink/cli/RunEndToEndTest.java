package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Json;

class RunEndToEndTest {
    static final Path QUICKSTART = Path.of("scenarios/quickstart.yaml");

    @TempDir Path dir;

    static int run(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void runWritesTheThreeFilesWithTheDocumentedColumns() throws Exception {
        Path out = dir.resolve("r");
        assertEquals(0, run(new StringWriter(), "run", QUICKSTART.toString(), "--replicates", "20", "--policies", "none,targeted", "--out",
                out.toString(), "--quiet"));
        List<String> rows = Files.readAllLines(out.resolve("replicates.csv"));
        assertEquals(2 * 20 + 1, rows.size());
        for (String col : List.of("policy", "replicate", "total_loss", "direct_loss", "bi_loss", "cbi_loss", "insured_loss",
                "security_spend", "policy_cost", "firms_compromised", "firms_down")) {
            assertTrue(rows.get(0).contains(col), col);
        }
        String summaryHeader = Files.readAllLines(out.resolve("summary.csv")).get(0);
        for (String col : List.of("policy", "replicates", "mean_loss", "ci95_low", "ci95_high", "p50", "p90", "p99", "var_99_5",
                "tvar_99_5", "mean_security_spend", "mean_policy_cost", "mean_societal_cost", "diff_vs_baseline", "diff_ci95_low", "diff_ci95_high")) {
            assertTrue(List.of(summaryHeader.split(",")).contains(col), col);
        }
        JsonNode m = Json.read(out.resolve("manifest.json"));
        assertEquals("complete", m.get("status").asText());
        assertEquals(20, m.get("replicates").asInt());
        assertEquals(64, m.get("scenario_sha256").asText().length());
        assertTrue(m.get("scenario").has("network"));
        assertFalse(Files.exists(out.resolve("replicates.csv.partial")));
    }

    @Test
    void sameSeedGivesSameBytesAtAnyThreadCount() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b"), c = dir.resolve("c");
        assertEquals(0, run(new StringWriter(), "run", QUICKSTART.toString(), "--replicates", "30", "--threads", "1", "--out", a.toString(), "--quiet"));
        assertEquals(0, run(new StringWriter(), "run", QUICKSTART.toString(), "--replicates", "30", "--threads", "2", "--out", b.toString(), "--quiet"));
        assertEquals(0, run(new StringWriter(), "run", QUICKSTART.toString(), "--replicates", "30", "--seed", "7", "--out", c.toString(), "--quiet"));
        assertArrayEquals(Files.readAllBytes(a.resolve("replicates.csv")), Files.readAllBytes(b.resolve("replicates.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("summary.csv")), Files.readAllBytes(b.resolve("summary.csv")));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("replicates.csv")), Files.readAllBytes(c.resolve("replicates.csv"))));
    }

    @Test
    void timingsPrintOneLinePerPhaseEvenWhenQuiet() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "run", QUICKSTART.toString(), "--replicates", "5", "--threads", "2", "--out", dir.resolve("t").toString(),
                "--quiet", "--timings"));
        List<String> phases = err.toString().lines().filter(l -> l.startsWith("timing: ")).map(l -> l.substring(8, 32).trim()).toList();
        List<String> policies = new java.util.ArrayList<>();
        Json.read(dir.resolve("t").resolve("manifest.json")).get("policies").forEach(p -> policies.add("funding " + p.asText()));
        List<String> expected = new java.util.ArrayList<>(List.of("network", "firms' decisions"));
        expected.addAll(policies);
        expected.addAll(List.of("funding, all policies", "loss model and groups", "replicates", "summaries and charts"));
        assertEquals(expected, phases, err.toString());
        assertTrue(err.toString().lines().allMatch(l -> !l.startsWith("timing: ")
                        || l.matches(".* [0-9.]+ s wall, +[0-9.]+ s CPU of its (thread|thread and [0-9]+ pool threads?|[0-9]+ worker threads?), +[0-9.]+ s CPU of the process")),
                err.toString());
        // each line says whose CPU it counts: the replicates' workers, the summaries' thread and the pools it started
        assertTrue(line(err, "replicates").contains("CPU of its 2 worker threads,"), err.toString());
        assertTrue(line(err, "summaries and charts").matches(".*CPU of its thread and [0-9]+ pool threads?,.*"), err.toString());
        assertTrue(line(err, "network").contains("CPU of its thread,"), err.toString());
    }

    /** The timing line of phase {@code phase}. */
    private static String line(StringWriter err, String phase) {
        return err.toString().lines().filter(l -> l.startsWith("timing: ") && l.substring(8, 32).trim().equals(phase)).findFirst().orElseThrow();
    }

    @Test
    void badScenarioExitsTwoAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(QUICKSTART).replace("campaigns_per_year: 4", "campaigns_per_yer: 4"));
        Path out = dir.resolve("never");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "run", bad.toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("did you mean 'campaigns_per_year'"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void validateAcceptsTheShippedScenario() {
        assertEquals(0, run(new StringWriter(), "validate", QUICKSTART.toString()));
    }

    @Test
    void runRefusesANonEmptyResultsFolder() throws Exception {
        Path out = dir.resolve("full");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "keep me");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "run", QUICKSTART.toString(), "--replicates", "2", "--out", out.toString()));
        assertTrue(err.toString().contains("not empty"), err.toString());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
    }
}
