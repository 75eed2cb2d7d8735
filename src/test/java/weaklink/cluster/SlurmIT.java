package weaklink.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

/**
 * On a real Slurm (a single-node cluster on 127.0.0.1 that .ci/run starts): the scripts that
 * {@code weaklink slurm} writes run a 4-task job array and a dependent merge, and the merged
 * results equal a local run's. Skipped where there is no Slurm, except in CI, where it must run.
 */
@Tag("slurm")
class SlurmIT {
    static final String QUICKSTART = "src/test/resources/scenarios/small-network.yaml";
    static final long TIMEOUT_MILLIS = 10 * 60 * 1000;

    @TempDir Path dir;

    @Test
    void jobArrayOfFourShardsAndItsMergeEqualALocalRun() throws Exception {
        requireSlurm();

        Path local = dir.resolve("local"), onSlurm = dir.resolve("slurm");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", QUICKSTART, "--replicates", "40", "--out", local.toString(), "--quiet"), err.toString());
        assertEquals(0, cli(err, "slurm", QUICKSTART, "--shards", "4", "--replicates", "40", "--out", onSlurm.toString(),
                "--jar", "target/weaklink.jar", "--mem", "1G"), err.toString());

        String submitted = run("bash", onSlurm.resolve("slurm/submit.sh").toString());
        Matcher m = Pattern.compile("job array (\\d+); merge: job (\\d+)").matcher(submitted);
        assertTrue(m.find(), submitted);
        awaitJobs(m.group(1) + "," + m.group(2), onSlurm);

        Path merged = onSlurm.resolve("results");
        if (!Files.exists(merged.resolve("summary.csv"))) fail("the merge produced no results; logs:\n" + logs(onSlurm));
        SameResults.assertSameResults(local, merged);
        for (int i = 1; i <= 4; i++) assertTrue(Files.exists(onSlurm.resolve("shards/shard-" + i + "-of-4/replicates.csv")));
    }

    /**
     * As on a cluster whose compute nodes get their Java from a module: the setup line puts a
     * {@code java} on PATH (here a wrapper that says so in the log) and the jobs call that one, not
     * the login node's JDK path. A resubmitted array (what a requeue or a rerun of submit.sh does)
     * appends to each task's log under a new header, keeping the first attempt's lines.
     */
    @Test
    void setupLinesChooseTheJavaAndAResubmittedTaskAppendsToItsLog() throws Exception {
        requireSlurm();
        Path bin = Files.createDirectories(dir.resolve("module-bin"));
        Path wrapper = bin.resolve("java");
        Files.writeString(wrapper, "#!/bin/bash\necho \"java chosen by the setup line\" >&2\nexec "
                + Path.of(System.getProperty("java.home"), "bin", "java") + " \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        Path onSlurm = dir.resolve("slurm");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "slurm", QUICKSTART, "--shards", "2", "--replicates", "20", "--out", onSlurm.toString(),
                "--jar", "target/weaklink.jar", "--mem", "1G", "--setup", "export PATH=" + bin + ":$PATH"), err.toString());
        assertTrue(Files.readString(onSlurm.resolve("slurm/shards.sbatch")).contains("exec java -Xmx"));

        String submitted = run("bash", onSlurm.resolve("slurm/submit.sh").toString());
        Matcher m = Pattern.compile("job array (\\d+); merge: job (\\d+)").matcher(submitted);
        assertTrue(m.find(), submitted);
        awaitJobs(m.group(1) + "," + m.group(2), onSlurm);
        assertTrue(Files.exists(onSlurm.resolve("results/summary.csv")), logs(onSlurm));
        Path log = onSlurm.resolve("slurm/logs/shard-1.log");
        String first = Files.readString(log);
        assertTrue(first.contains("java chosen by the setup line"), first);

        String again = run("sbatch", "--parsable", onSlurm.resolve("slurm/shards.sbatch").toString()).trim();
        String array = again.contains(";") ? again.substring(0, again.indexOf(';')) : again;
        awaitJobs(array, onSlurm);
        String both = Files.readString(log);
        assertTrue(both.startsWith(first), "the first attempt's lines are kept:\n" + both);
        assertEquals(2, both.split("== weaklink shard 1 of 2: job ", -1).length - 1, both);
    }

    void requireSlurm() {
        boolean haveSlurm = Stream.of(System.getenv("PATH").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "sbatch")));
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(haveSlurm && controllerAnswers(), "no running Slurm on this machine (start one with: sudo bash .ci/slurm-up)");
        }
        assertTrue(haveSlurm, "CI must have Slurm: .ci/run starts it with .ci/slurm-up");
    }

    /** Whether {@code sinfo} reaches a Slurm controller. */
    static boolean controllerAnswers() {
        try {
            run("sinfo", "-h");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int cli(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    /** Polls squeue until none of the jobs is pending or running (sbatch --wait is unreliable on one node). */
    static void awaitJobs(String jobs, Path runDir) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String queued = run("squeue", "-h", "-o", "%i %T %r", "-t", "PENDING,RUNNING,CONFIGURING,COMPLETING,SUSPENDED", "-j", jobs).trim();
            if (queued.isEmpty()) return;
            if (queued.contains("DependencyNeverSatisfied")) fail("a shard failed, so the merge can never run:\n" + queued + "\n" + logs(runDir));
            Thread.sleep(1000);
        }
        List<String> cancel = new ArrayList<>(List.of("scancel"));
        cancel.addAll(List.of(jobs.split(",")));
        run(cancel.toArray(String[]::new));
        fail("Slurm jobs " + jobs + " did not finish in " + TIMEOUT_MILLIS / 1000 + " s; logs:\n" + logs(runDir));
    }

    static String logs(Path runDir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(runDir.resolve("slurm/logs"))) {
            for (Path f : files.sorted().toList()) sb.append("== ").append(f.getFileName()).append('\n').append(Files.readString(f));
        }
        return sb.toString();
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) throw new IOException(String.join(" ", command) + " exited " + code + ": " + out);
        return out;
    }
}
