package weaklink.experiment;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.random.Seeds;
import weaklink.scenario.DistributionSpec;

/**
 * An uncertainty run (a scenario with an {@code uncertainty:} block): 6 draws of the network and two
 * inputs × 10 replicates × 2 policies, run whole once and shared by the tests.
 */
class UncertaintyRunTest {
    static final String SCENARIO = "src/test/resources/scenarios/small-uncertainty.yaml";
    static final int DRAWS = 6, REPLICATES = 10;

    @TempDir static Path shared;
    static Path whole;

    @TempDir Path dir;

    static int cli(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeAll
    static void runWhole() {
        whole = shared.resolve("whole");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", SCENARIO, "--replicates", Integer.toString(REPLICATES), "--out", whole.toString(), "--quiet"), err.toString());
    }

    static List<Path> files(Path d) throws Exception {
        try (Stream<Path> walk = Files.walk(d)) {
            return walk.filter(Files::isRegularFile).map(d::relativize).sorted().toList();
        }
    }

    @Test
    void uncertaintyCsvHasOneRowPerDrawAndPolicyAndEachDrawItsFolder() throws Exception {
        List<String> rows = Files.readAllLines(whole.resolve("uncertainty.csv"));
        assertEquals(1 + DRAWS * 2, rows.size());
        assertTrue(rows.get(0).startsWith("draw,policy,mean_loss,mean_societal_cost"));
        for (int d = 0; d < DRAWS; d++) assertTrue(Files.isRegularFile(UncertaintyRun.drawDir(whole, d).resolve("summary.csv")), "draw " + (d + 1));
        assertEquals(1 + DRAWS * 2, Files.readAllLines(whole.resolve("uncertainty_parameters.csv")).size());
        assertEquals(1 + 2, Files.readAllLines(whole.resolve("uncertainty_summary.csv")).size());
        assertTrue(Files.isRegularFile(whole.resolve("charts/uncertainty_differences.svg")) && Files.isRegularFile(whole.resolve("charts/regret.png")));
    }

    @Test
    void eachDrawRunsTheScenarioWithItsDrawnValuesAndItsOwnNetworkSeed() throws Exception {
        Seeds seeds = new Seeds(20260101);
        DistributionSpec campaigns = DistributionSpec.uniform(2, 6);
        for (int d = 0; d < DRAWS; d++) {
            JsonNode m = Json.read(UncertaintyRun.drawDir(whole, d).resolve("manifest.json"));
            double expected = Double.parseDouble(Csv.number(campaigns.quantile(seeds.uncertaintyParameter(d, 1))));
            assertEquals(expected, m.path("uncertainty_values").path("actors[0].campaigns_per_year").asDouble(), 0);
            assertEquals(expected, m.path("scenario").path("actors").get(0).path("campaigns_per_year").asDouble(), 0, "the draw's scenario has the value");
            assertEquals(seeds.uncertaintyDraw(d), m.path("seed").asLong(), "network_draws: each draw has its own master seed");
        }
    }

    @Test
    void bestAndRegretAreComputedFromTheDrawsSocietalCosts() throws Exception {
        List<String> rows = Files.readAllLines(whole.resolve("uncertainty.csv"));
        List<String> h = Csv.split(rows.get(0));
        int draw = h.indexOf("draw"), cost = h.indexOf("mean_societal_cost"), best = h.indexOf("best"), regret = h.indexOf("regret");
        for (int d = 0; d < DRAWS; d++) {
            List<String> a = Csv.split(rows.get(1 + 2 * d)), b = Csv.split(rows.get(2 + 2 * d));
            assertEquals(Integer.toString(d + 1), a.get(draw));
            double ca = Double.parseDouble(a.get(cost)), cb = Double.parseDouble(b.get(cost));
            assertEquals(ca - Math.min(ca, cb), Double.parseDouble(a.get(regret)), 0.01);
            assertEquals(cb - Math.min(ca, cb), Double.parseDouble(b.get(regret)), 0.01);
            assertEquals(ca < cb ? "1" : ca > cb ? "0" : "0.5", a.get(best));
        }
        String html = Files.readString(whole.resolve("report.html"));
        assertTrue(html.contains("<h2>Rankings by societal cost</h2>") && html.contains("Largest regret") && html.contains("Minimax regret: "));
    }

    @Test
    void threeShardsMergedGiveTheWholeRunsBytes() throws Exception {
        StringWriter err = new StringWriter();
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, cli(err, "run", SCENARIO, "--replicates", Integer.toString(REPLICATES), "--shard", i + "/3", "--threads", Integer.toString(i),
                    "--out", dir.resolve("s" + i).toString(), "--quiet"), err.toString());
        }
        Path merged = dir.resolve("merged");
        assertEquals(0, cli(err, "merge", dir.resolve("s3").toString(), dir.resolve("s1").toString(), dir.resolve("s2").toString(),
                "--out", merged.toString(), "--quiet"), err.toString());
        assertEquals(files(whole), files(merged));
        for (Path f : files(whole)) {
            if (f.getFileName().toString().equals("manifest.json")) continue; // timestamps
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f + " byte for byte");
        }
    }

    @Test
    void anInterruptedRunResumesToTheSameBytes() throws Exception {
        Path copy = dir.resolve("copy");
        for (Path f : files(whole)) {
            Files.createDirectories(copy.resolve(f).getParent());
            Files.copy(whole.resolve(f), copy.resolve(f));
        }
        // as if killed while summarising draw 4 (its rows written, its summary not): later draws and the run's own files not yet there
        try (Stream<Path> w = Files.walk(UncertaintyRun.drawDir(copy, 4))) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.delete(UncertaintyRun.drawDir(copy, 3).resolve("summary.csv"));
        for (String f : List.of("uncertainty.csv", "uncertainty_summary.csv", "report.html")) Files.delete(copy.resolve(f));
        var m = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(UncertaintyRun.drawDir(copy, 3).resolve("manifest.json"));
        m.put("status", "running");
        Json.write(UncertaintyRun.drawDir(copy, 3).resolve("manifest.json"), m);
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", SCENARIO, "--resume", copy.toString(), "--quiet"), err.toString());
        assertEquals(files(whole), files(copy));
        for (Path f : files(whole)) {
            if (f.getFileName().toString().equals("manifest.json")) continue;
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(copy.resolve(f)), f + " byte for byte");
        }
    }

    @Test
    void aMissingShardIsNamedAndNothingIsWritten() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", SCENARIO, "--replicates", "2", "--shard", "1/2", "--out", dir.resolve("a").toString(), "--quiet"), err.toString());
        Path out = dir.resolve("m");
        assertEquals(2, cli(err, "merge", dir.resolve("a").toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("missing shard 2/2"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMisspeltUncertainKeyIsRefusedBeforeAnythingRuns() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(SCENARIO)).replace("actors[0].campaigns_per_year: {type: uniform", "actors[0].campaigns_per_yer: {type: uniform"));
        StringWriter err = new StringWriter();
        Path out = dir.resolve("never");
        assertEquals(2, cli(err, "run", bad.toString(), "--out", out.toString(), "--quiet"));
        assertTrue(err.toString().contains("at uncertainty draw 1") && err.toString().contains("did you mean 'campaigns_per_year'"), err.toString());
        assertTrue(err.toString().contains("actors[0].campaigns_per_yer at " + bad + ":"), "names the key's place in the block: " + err);
        assertFalse(Files.exists(out));
        StringWriter validateErr = new StringWriter();
        assertEquals(2, cli(validateErr, "validate", bad.toString()), "validate checks every draw too");
        assertTrue(validateErr.toString().contains("did you mean 'campaigns_per_year'"), validateErr.toString());
    }

    @Test
    void slurmCutsAnUncertaintyRunByDraws() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("slurm");
        assertEquals(2, cli(err, "slurm", SCENARIO, "--shards", "7", "--out", out.toString(), "--jar", "pom.xml"));
        assertTrue(err.toString().contains("between 1 and the scenario's uncertainty draws (6)"), err.toString());
        assertEquals(0, cli(err, "slurm", SCENARIO, "--shards", "3", "--out", out.toString(), "--jar", "pom.xml"), err.toString());
        assertTrue(Files.readString(out.resolve("slurm/shards.sbatch")).contains("--shard"));
    }

    @Test
    void aValueOutOfRangeInTheBlockIsRefusedWithItsLocation() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(SCENARIO)).replace("draws: 6", "draws: 0"));
        StringWriter err = new StringWriter();
        assertEquals(2, cli(err, "validate", bad.toString()));
        assertTrue(err.toString().contains(bad + ":") && err.toString().contains("draws"), err.toString());
    }
}
