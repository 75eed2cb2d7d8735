package weaklink.experiment;

import weaklink.io.Json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

/**
 * A run killed mid-way (the JVM, not a thread: {@code destroyForcibly} is SIGKILL) and resumed
 * ends with the same files as a run that was never interrupted, and the resumed run starts from
 * the last checkpoint instead of recomputing what was done.
 */
class ResumeAfterKillTest {
    static final String SCENARIO = "src/test/resources/scenarios/small-network.yaml";

    @TempDir Path tmp;

    static int run(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void killedRunResumesToTheSameBytesAsAnUninterruptedRun() throws Exception {
        killResumeAndCompare(600);
    }

    /** The running mean behind the stopping rule is part of the checkpoint, so the resumed run stops where the whole one did. */
    @Test
    void killedRunWithATargetCiStopsWhereTheUninterruptedRunStops() throws Exception {
        killResumeAndCompare(1500, "--target-ci", "6%");
        JsonNode m = Json.read(tmp.resolve("killed").resolve(Runner.MANIFEST));
        assertEquals(Runner.TARGET_CI_REACHED, m.get("stop_reason").asText());
        assertEquals(Json.read(tmp.resolve("whole").resolve(Runner.MANIFEST)).get("replicates_run"), m.get("replicates_run"));
    }

    /**
     * A run keeping only year losses ({@code --event-losses years}) resumes to the bytes of an uninterrupted
     * one, keeping what it started with; asked to keep every event instead, it is refused naming the key,
     * with every file left as it was (one folder never holds two kinds of event losses).
     */
    @Test
    void killedRunKeepingYearLossesResumesAsItStartedAndRefusesToSwitch() throws Exception {
        killResumeAndCompare(600, List.of("year_losses.csv", "ord/none/gul_S1_ept.csv", "ord/none/il_S4_palt.csv"), killed -> {
            java.util.Map<String, byte[]> before = new java.util.LinkedHashMap<>();
            for (String f : filesOf(killed)) before.put(f, Files.readAllBytes(killed.resolve(f)));
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, "run", SCENARIO, "--resume", killed.toString(), "--event-losses", "events"), err.toString());
            assertTrue(err.toString().contains("insurance.event_losses"), err.toString());
            assertEquals(before.keySet(), new java.util.LinkedHashSet<>(filesOf(killed)));
            for (String f : before.keySet()) assertArrayEquals(before.get(f), Files.readAllBytes(killed.resolve(f)), f + " unchanged");
            // the store refuses too, for a plan that asks for other event files than the checkpoint holds
            weaklink.scenario.Scenario s = weaklink.scenario.ScenarioLoader.load(Path.of(SCENARIO));
            JsonNode m = Json.read(killed.resolve(Runner.MANIFEST));
            RunPlan plan = new RunPlan(s, Path.of(SCENARIO), m.get("scenario_sha256").asText(), m.get("seed").asLong(), 600,
                    s.policiesNamed(null), Shard.WHOLE, 1, killed, 0);
            BadInputExceptionCheck.assertRefused(() -> new Runner(plan, ProgressListener.SILENT).resume(weaklink.report.ResultsFinalizer.summariser(2)),
                    "insurance.event_losses");
            // (the store removes a killed run's unfinished temporary writes and takes over its lock when it holds the folder;
            // nothing else changes)
            for (String f : filesOf(killed)) if (!f.equals(".weaklink.lock")) assertArrayEquals(before.get(f), Files.readAllBytes(killed.resolve(f)), f + " unchanged");
        }, "--event-losses", "years");
        assertFalse(Files.exists(tmp.resolve("killed").resolve("events.csv")));
    }

    /** What a test does to the killed folder before resuming it. */
    interface BeforeResume {
        void accept(Path killed) throws Exception;
    }

    /** Asserts that an action is refused as bad input whose message names a key. */
    static final class BadInputExceptionCheck {
        interface Action {
            void run() throws Exception;
        }

        static void assertRefused(Action a, String key) throws Exception {
            try {
                a.run();
            } catch (weaklink.scenario.BadInputException e) {
                assertTrue(e.getMessage().contains(key), e.getMessage());
                return;
            }
            throw new AssertionError("not refused");
        }
    }

    private void killResumeAndCompare(int replicates, String... extra) throws Exception {
        killResumeAndCompare(replicates, List.of("events.csv", "ord/none/gul_S1_ept.csv", "ord/none/il_S4_splt.csv"), k -> { }, extra);
    }

    private void killResumeAndCompare(int replicates, List<String> expectedFiles, BeforeResume beforeResume, String... extra) throws Exception {
        Path killed = tmp.resolve("killed"), whole = tmp.resolve("whole");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", SCENARIO, "--replicates", Integer.toString(replicates), "--threads", "1", "--out", killed.toString(), "--quiet",
                "--checkpoint-millis", "50"));
        command.addAll(List.of(extra));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        int doneAtKill;
        try {
            doneAtKill = waitForCheckpointMidRun(killed.resolve(Runner.ACCUMULATORS), child);
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertTrue(doneAtKill > 0 && doneAtKill < replicates, "killed at " + doneAtKill);
        assertEquals("running", Json.read(killed.resolve(Runner.MANIFEST)).get("status").asText());
        JsonNode checkpoint = Json.read(killed.resolve(Runner.ACCUMULATORS));
        int kept = checkpoint.get("replicates_done").asInt();
        assertTrue(kept < replicates, "the child finished before it was killed; use more replicates");
        beforeResume.accept(killed);

        StringWriter resumeLog = new StringWriter();
        assertEquals(0, run(resumeLog, "run", SCENARIO, "--resume", killed.toString(), "--threads", "2"), resumeLog.toString());
        Matcher first = Pattern.compile("progress: (\\d+)/" + replicates).matcher(resumeLog.toString());
        assertTrue(first.find(), resumeLog.toString());
        assertEquals(kept, Integer.parseInt(first.group(1)), "the resumed run starts after the replicates already done");

        List<String> wholeRun = new java.util.ArrayList<>(List.of("run", SCENARIO, "--replicates", Integer.toString(replicates),
                "--threads", "1", "--out", whole.toString(), "--quiet"));
        wholeRun.addAll(List.of(extra));
        assertEquals(0, run(new StringWriter(), wholeRun.toArray(String[]::new)));
        List<String> files = filesOf(whole);
        assertEquals(files, filesOf(killed));
        assertTrue(files.containsAll(List.of("replicates.csv", "summary.csv", "accumulators.json", "exceedance.csv", "timeseries.csv",
                "by_group.csv")) && files.containsAll(expectedFiles), files.toString());
        for (String f : files) {
            if (f.equals(Runner.MANIFEST)) continue;
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
        assertEquals("complete", Json.read(killed.resolve(Runner.MANIFEST)).get("status").asText());
    }

    /** Waits until the child's checkpoint shows some but not all replicates done. */
    private static int waitForCheckpointMidRun(Path accumulators, Process child) throws Exception {
        for (int i = 0; i < 6000 && child.isAlive(); i++) {
            if (Files.exists(accumulators)) {
                try {
                    int done = Json.read(accumulators).path("replicates_done").asInt();
                    if (done > 0) return done;
                } catch (java.io.IOException e) {
                    // being replaced right now; read it again
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the child run never reached a checkpoint mid-run (alive: " + child.isAlive() + ")");
    }

    static List<String> filesOf(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace(File.separatorChar, '/')).sorted().toList();
        }
    }
}
