package weaklink.experiment;

import weaklink.io.Csv;
import weaklink.io.Json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

class RunnerTest {
    static final String SCENARIO = "src/test/resources/scenarios/small-network.yaml";

    @TempDir Path tmp;

    static int run(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    static void assertSameFiles(Path a, Path b) throws Exception {
        List<String> files = ResumeAfterKillTest.filesOf(a);
        assertEquals(files, ResumeAfterKillTest.filesOf(b));
        for (String f : files) {
            if (!f.equals(Runner.MANIFEST)) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void sameSeedGivesTheSameBytesInEveryFileAtOneTwoAndFourThreads() throws Exception {
        Path one = tmp.resolve("one"), two = tmp.resolve("two"), four = tmp.resolve("four");
        assertEquals(0, run(new StringWriter(), "run", SCENARIO, "--replicates", "250", "--threads", "1", "--out", one.toString(), "--quiet"));
        assertEquals(0, run(new StringWriter(), "run", SCENARIO, "--replicates", "250", "--threads", "2", "--out", two.toString(), "--quiet"));
        assertEquals(0, run(new StringWriter(), "run", SCENARIO, "--replicates", "250", "--threads", "4", "--out", four.toString(), "--quiet"));
        assertTrue(ResumeAfterKillTest.filesOf(one).size() >= 10, ResumeAfterKillTest.filesOf(one).toString());
        assertSameFiles(one, two);
        assertSameFiles(one, four);
    }

    @Test
    void targetCiStopsAtAFixedBoundaryWhateverTheThreadCount() throws Exception {
        Path one = tmp.resolve("one"), two = tmp.resolve("two");
        assertEquals(0, run(new StringWriter(), "run", SCENARIO, "--replicates", "5000", "--target-ci", "5%", "--threads", "1",
                "--out", one.toString(), "--quiet"));
        assertEquals(0, run(new StringWriter(), "run", SCENARIO, "--replicates", "5000", "--target-ci", "5%", "--threads", "2",
                "--out", two.toString(), "--quiet"));
        assertSameFiles(one, two);
        JsonNode m = Json.read(one.resolve(Runner.MANIFEST));
        int ran = m.get("replicates_run").asInt();
        assertEquals(Runner.TARGET_CI_REACHED, m.get("stop_reason").asText());
        assertEquals(5.0, m.get("target_ci_percent").asDouble());
        assertTrue(ran > 0 && ran < 5000 && ran % Runner.CI_CHECK_EVERY == 0, "ran " + ran);
        List<String> summary = Files.readAllLines(one.resolve("summary.csv"));
        List<String> header = Csv.split(summary.get(0)), row = Csv.split(summary.get(1));
        double mean = Double.parseDouble(row.get(header.indexOf("mean_loss")));
        double half = (Double.parseDouble(row.get(header.indexOf("ci95_high"))) - Double.parseDouble(row.get(header.indexOf("ci95_low")))) / 2;
        assertEquals(ran, Integer.parseInt(row.get(header.indexOf("replicates"))));
        assertTrue(half <= 0.05 * mean, "half-width " + half + " of mean " + mean);
        // one boundary earlier the target was not yet met, or the run would have stopped there
        Path shorter = tmp.resolve("shorter");
        assertEquals(0, run(new StringWriter(), "run", SCENARIO, "--replicates", Integer.toString(ran - Runner.CI_CHECK_EVERY),
                "--out", shorter.toString(), "--quiet"));
        List<String> s2 = Files.readAllLines(shorter.resolve("summary.csv"));
        List<String> r2 = Csv.split(s2.get(1));
        double half2 = (Double.parseDouble(r2.get(header.indexOf("ci95_high"))) - Double.parseDouble(r2.get(header.indexOf("ci95_low")))) / 2;
        assertTrue(half2 > 0.05 * Double.parseDouble(r2.get(header.indexOf("mean_loss"))), "already met at " + (ran - Runner.CI_CHECK_EVERY));
    }

    @Test
    void targetCiThatIsNeverMetRunsEveryReplicate() throws Exception {
        Path out = tmp.resolve("all");
        assertEquals(0, run(new StringWriter(), "run", SCENARIO, "--replicates", "200", "--target-ci", "0.1%", "--out", out.toString(), "--quiet"));
        JsonNode m = Json.read(out.resolve(Runner.MANIFEST));
        assertEquals(200, m.get("replicates_run").asInt());
        assertEquals(Runner.ALL_REPLICATES, m.get("stop_reason").asText());
    }

    @Test
    void targetCiWithShardsIsRefusedAsBadInput() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "run", SCENARIO, "--target-ci", "5%", "--shard", "1/2", "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString().contains("--target-ci") && err.toString().contains("--shard"), err.toString());
        assertTrue(!Files.exists(tmp.resolve("x")));
    }

    @Test
    void targetCiMustBeAPercentage() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "run", SCENARIO, "--target-ci", "lots", "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString().contains("--target-ci: expected a percentage"), err.toString());
    }
}
