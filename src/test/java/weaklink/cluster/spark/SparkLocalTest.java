package weaklink.cluster.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.cluster.SameResults;
import weaklink.io.Json;

/** The Spark runner in Spark's local mode, in this JVM: same results as a local run. */
class SparkLocalTest {
    static final String QUICKSTART = "src/test/resources/scenarios/small-network.yaml";

    @TempDir Path dir;

    /** Spark on 127.0.0.1 only, without its web UI. */
    static int spark(StringWriter err, String... args) {
        String[] loopback = {"--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(loopback)).toArray(String[]::new);
        return weaklink.cli.spark.SparkMain.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), all);
    }

    @Test
    void sparkLocalRunEqualsALocalRunByteForByte() throws Exception {
        Path local = dir.resolve("local"), onSpark = dir.resolve("spark");
        assertEquals(0, Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", QUICKSTART, "--replicates", "23", "--out", local.toString(), "--quiet"));
        StringWriter err = new StringWriter();
        assertEquals(0, spark(err, QUICKSTART, "--master", "local[*]", "--replicates", "23", "--tasks", "5", "--out", onSpark.toString()), err.toString());
        SameResults.assertSameResults(local, onSpark);
        assertTrue(Json.read(onSpark.resolve("manifest.json")).path("engine").asText().startsWith("spark 4."));
    }

    /** With insurance.event_losses: years, the blocks carry year_losses.csv instead of events.csv, as a local run writes it. */
    @Test
    void aSparkRunKeepingYearLossesEqualsALocalRunByteForByte() throws Exception {
        Path scenario = dir.resolve("years.yaml");
        Files.writeString(scenario, Files.readString(Path.of(QUICKSTART)).stripTrailing() + "\n\ninsurance:\n  event_losses: years\n");
        Path local = dir.resolve("local"), onSpark = dir.resolve("spark");
        assertEquals(0, Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", scenario.toString(), "--replicates", "23", "--out", local.toString(), "--quiet"));
        StringWriter err = new StringWriter();
        assertEquals(0, spark(err, scenario.toString(), "--master", "local[*]", "--replicates", "23", "--tasks", "5", "--out", onSpark.toString()),
                err.toString());
        SameResults.assertSameResults(local, onSpark);
        assertTrue(Files.size(onSpark.resolve("year_losses.csv")) > 200 && !Files.exists(onSpark.resolve("events.csv")));
        assertTrue(Files.exists(onSpark.resolve("ord/none/il_S1_ept.csv")) && !Files.exists(onSpark.resolve("ord/none/il_S1_splt.csv")));
    }

    @Test
    void anUncertaintyRunOnSparkEqualsALocalOneByteForByte() throws Exception {
        String scenario = "src/test/resources/scenarios/small-uncertainty.yaml";
        Path local = dir.resolve("local"), onSpark = dir.resolve("spark");
        assertEquals(0, Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", scenario, "--replicates", "3", "--out", local.toString(), "--quiet"));
        StringWriter err = new StringWriter();
        // the driver's pools of one thread (the draws' tables, the hashing): the same bytes
        assertEquals(0, spark(err, scenario, "--master", "local[2]", "--replicates", "3", "--threads", "1", "--out", onSpark.toString()), err.toString());
        List<Path> files = weaklink.cluster.SameResults.files(local);
        assertEquals(files, weaklink.cluster.SameResults.files(onSpark));
        for (Path f : files) {
            if (f.getFileName().toString().equals("manifest.json")) continue; // timestamps, engine
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(onSpark.resolve(f)), f + " byte for byte");
        }
        assertTrue(Json.read(onSpark.resolve("manifest.json")).path("engine").asText().startsWith("spark 4."));
    }

    @Test
    void theDriversPoolsAreAsLargeAsItsThreadsOption() throws Exception {
        weaklink.scenario.Scenario scenario = weaklink.scenario.ScenarioLoader.load(Path.of(QUICKSTART));
        for (int threads : new int[] {1, 3}) {
            SparkRun.Request r = new SparkRun.Request(Path.of(QUICKSTART), scenario, 1, 10, scenario.policies(), null, threads, dir.resolve("out"));
            assertEquals(threads, r.summariser().threads());
            assertEquals(threads, r.drawTables().threads());
        }
    }

    @Test
    void aThreadsOptionOutOfBoundsIsRefusedBeforeSparkStartsAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("never");
        StringWriter err = new StringWriter();
        assertEquals(2, spark(err, QUICKSTART, "--master", "local[1]", "--threads", "0", "--out", out.toString()));
        assertTrue(err.toString().contains("--threads") && err.toString().contains("found 0"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void badScenarioIsRefusedBeforeSparkStartsAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(QUICKSTART)).replace("campaigns_per_year: 4", "campaigns_per_yer: 4"));
        Path out = dir.resolve("never");
        StringWriter err = new StringWriter();
        assertEquals(2, spark(err, bad.toString(), "--master", "local[1]", "--out", out.toString()));
        assertTrue(err.toString().contains("did you mean 'campaigns_per_year'"), err.toString());
        assertFalse(Files.exists(out));
    }
}
