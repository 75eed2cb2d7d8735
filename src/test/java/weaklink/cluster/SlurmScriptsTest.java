package weaklink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmScriptsTest {
    @TempDir Path dir;

    SlurmScripts.Job job(Path scenario, Integer parallel) {
        return new SlurmScripts.Job("/opt/java 17/bin/java", dir.resolve("weaklink.jar"), scenario, dir.resolve("run"), "weaklink-q", 4,
                List.of("--replicates", "40"), 2, "4G", "3276m", "01:00:00", "short", null, parallel, List.of("module load java/17"), List.of("--qos=low"));
    }

    @Test
    void shardScriptIsAJobArrayWithOneTaskPerShard() {
        String s = SlurmScripts.shardsScript(job(dir.resolve("q.yaml"), 2));
        assertTrue(s.contains("#SBATCH --array=1-4%2\n"), s);
        assertTrue(s.contains("#SBATCH --cpus-per-task=2\n"), s);
        assertTrue(s.contains("#SBATCH --mem=4G\n#SBATCH --time=01:00:00\n#SBATCH --partition=short\n"), s);
        assertTrue(s.contains("#SBATCH --qos=low\n"), s);
        assertTrue(s.contains("--shard \"$shard/4\""), s);
        assertTrue(s.contains("--resume \"$dir\""), "a requeued task resumes its shard: " + s);
    }

    @Test
    void mergeWaitsForEveryShardToSucceed() {
        String submit = SlurmScripts.submitScript(job(dir.resolve("q.yaml"), null));
        assertTrue(submit.contains("--dependency=afterok:\"$array\""), submit);
        String merge = SlurmScripts.mergeScript(job(dir.resolve("q.yaml"), null));
        assertTrue(merge.contains("for i in $(seq 1 4)"), merge);
        assertTrue(merge.contains(" merge \"${shards[@]}\" --out " + dir.resolve("run/results")), merge);
    }

    @Test
    void writtenScriptsAreValidBash() throws Exception {
        Path submit = SlurmScripts.write(job(dir.resolve("it's a scenario.yaml"), null));
        for (String name : List.of(SlurmScripts.SHARDS_SCRIPT, SlurmScripts.MERGE_SCRIPT, SlurmScripts.SUBMIT_SCRIPT)) {
            Path script = submit.resolveSibling(name);
            assertTrue(Files.isExecutable(script), name);
            assertEquals("", bash("-n", script.toString()), name);
        }
        assertTrue(Files.isDirectory(submit.resolveSibling(SlurmScripts.LOGS_FOLDER)), "sbatch needs the log folder to exist");
    }

    @Test
    void javaRunsAfterTheSetupLines() {
        for (String script : List.of(SlurmScripts.shardsScript(job(dir.resolve("q.yaml"), null)), SlurmScripts.mergeScript(job(dir.resolve("q.yaml"), null)))) {
            int setup = script.indexOf("module load java/17\n"), check = script.indexOf("if ! command -v '/opt/java 17/bin/java'"),
                    exec = script.indexOf("exec '/opt/java 17/bin/java'");
            assertTrue(setup > 0 && setup < check && check < exec, script);
        }
    }

    @Test
    void everyAttemptAppendsToItsLogUnderItsOwnHeader() {
        String shards = SlurmScripts.shardsScript(job(dir.resolve("q.yaml"), null));
        assertTrue(shards.contains("#SBATCH --open-mode=append\n"), shards);
        assertTrue(shards.contains("echo \"== weaklink shard $shard of 4: job ${SLURM_JOB_ID:-?}, attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 )),"), shards);
        String merge = SlurmScripts.mergeScript(job(dir.resolve("q.yaml"), null));
        assertTrue(merge.contains("#SBATCH --open-mode=append\n") && merge.contains("echo \"== weaklink merge: job"), merge);
    }

    /** Run by bash as Slurm would, on a node where the setup lines gave no java: the task fails at once and says why. */
    @Test
    void aTaskWithoutJavaAfterItsSetupFailsSayingSo() throws Exception {
        SlurmScripts.Job job = new SlurmScripts.Job("java-that-is-not-installed", dir.resolve("weaklink.jar"), dir.resolve("q.yaml"), dir.resolve("run"),
                "weaklink-q", 2, List.of(), 1, null, null, null, null, null, null, List.of("true # module load java/17"), List.of());
        Path submit = SlurmScripts.write(job);
        ProcessBuilder pb = new ProcessBuilder("bash", submit.resolveSibling(SlurmScripts.SHARDS_SCRIPT).toString()).redirectErrorStream(true);
        pb.environment().put("SLURM_ARRAY_TASK_ID", "1");
        pb.environment().remove("SLURM_JOB_ID");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(127, p.waitFor(), out);
        assertTrue(out.contains("== weaklink shard 1 of 2: job ?, attempt 1, on "), out);
        assertTrue(out.contains("weaklink: no java command java-that-is-not-installed on "), out);
        assertTrue(out.contains("after the setup lines; load a Java 17 or later with --setup"), out);
    }

    /**
     * Run by bash as Slurm would, with a java that shows the flags the JVM took from the options before
     * {@code -jar}: a shard's JVM sees its task's cores, the merge's one.
     */
    @Test
    void eachJvmIsToldTheCoresItsTaskWasGiven() throws Exception {
        Path java = dir.resolve("java-showing-flags");
        String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(java, "#!/bin/bash\nopts=()\nwhile [ \"$1\" != -jar ]; do opts+=(\"$1\"); shift; done\n"
                + "exec " + SlurmScripts.quote(real) + " \"${opts[@]}\" -XX:+PrintFlagsFinal -version\n");
        java.toFile().setExecutable(true);
        SlurmScripts.Job job = new SlurmScripts.Job(java.toString(), dir.resolve("weaklink.jar"), dir.resolve("q.yaml"), dir.resolve("run"),
                "weaklink-q", 2, List.of(), 3, null, "256m", null, null, null, null, List.of(), List.of());
        Path submit = SlurmScripts.write(job);
        assertTrue(flags(submit.resolveSibling(SlurmScripts.SHARDS_SCRIPT), "3").matches("(?s).*\\bActiveProcessorCount += 3\\b.*"));
        assertTrue(flags(submit.resolveSibling(SlurmScripts.MERGE_SCRIPT), "3").matches("(?s).*\\bActiveProcessorCount += 1\\b.*"));
    }

    /** What {@code script} prints run by bash as array task 1 of a job given {@code cpus} cores a task. */
    private static String flags(Path script, String cpus) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("SLURM_ARRAY_TASK_ID", "1");
        pb.environment().put("SLURM_CPUS_PER_TASK", cpus);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void quotedWordsReachTheShellUnchanged() throws Exception {
        for (String word : List.of("plain/path.yaml", "with space", "it's", "$HOME `x` \"q\"", "a;b&c|d")) {
            assertEquals(word, bash("-c", "printf %s " + SlurmScripts.quote(word)));
        }
    }

    static String bash(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
