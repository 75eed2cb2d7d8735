package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.io.Json;

/**
 * A run stopped by SIGTERM (a scheduler's time limit; Ctrl-C's SIGINT takes the same path) says how
 * to continue it, and the command it prints does; a run that ends by itself says nothing of the kind.
 */
class StopSignalTest {
    static final String SCENARIO = "src/test/resources/scenarios/small-network.yaml";

    @TempDir Path tmp;

    @Test
    void aRunStoppedBySigtermPrintsTheCommandThatContinuesIt() throws Exception {
        Path dir = tmp.resolve("stopped");
        Path err = tmp.resolve("child.err");
        Process child = new ProcessBuilder(childCommand("run", SCENARIO, "--replicates", "1500", "--threads", "1", "--out", dir.toString(),
                "--quiet", "--checkpoint-millis", "50")).redirectOutput(tmp.resolve("child.out").toFile()).redirectError(err.toFile()).start();
        try {
            waitForACheckpoint(dir.resolve("accumulators.json"), child);
        } finally {
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end on SIGTERM");
        }
        String said = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(said.contains("interrupted: " + dir + " keeps everything up to its last checkpoint; continue with"), said);
        Matcher m = Pattern.compile("java -jar \\S+ (run \\S+ --resume \\S+)").matcher(said);
        assertTrue(m.find(), said);
        assertEquals("run " + SCENARIO + " --resume " + dir, m.group(1));

        StringWriter resumed = new StringWriter();
        int code = Main.execute(Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(resumed, true)),
                (m.group(1) + " --quiet").split(" "));
        assertEquals(0, code, resumed.toString());
        assertEquals("complete", Json.read(dir.resolve("manifest.json")).get("status").asText());
    }

    @Test
    void aRunThatEndsByItselfSaysNothingAboutContinuing() throws Exception {
        Path err = tmp.resolve("child.err");
        Process child = new ProcessBuilder(childCommand("run", SCENARIO, "--replicates", "20", "--out", tmp.resolve("done").toString(), "--quiet"))
                .redirectOutput(tmp.resolve("child.out").toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue());
        assertFalse(Files.readString(err, StandardCharsets.UTF_8).contains("interrupted"), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> childCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static void waitForACheckpoint(Path accumulators, Process child) throws Exception {
        for (int i = 0; i < 12000 && child.isAlive(); i++) {
            if (Files.exists(accumulators)) {
                try {
                    if (Json.read(accumulators).path("replicates_done").asInt() > 0) return;
                } catch (java.io.IOException e) {
                    // being replaced right now; read it again
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the child run never reached a checkpoint (alive: " + child.isAlive() + ")");
    }
}
