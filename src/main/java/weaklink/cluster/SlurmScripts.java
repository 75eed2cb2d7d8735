package weaklink.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import weaklink.io.AtomicFile;

/**
 * Writes the Slurm scripts of a sharded run into {@code OUT/slurm/}: {@code shards.sbatch}, a job
 * array whose task I runs {@code run --shard I/N} into {@code OUT/shards/shard-I-of-N} (or resumes
 * it, when the task is requeued or resubmitted); {@code merge.sbatch}, which merges the N shards
 * into {@code OUT/results}; and {@code submit.sh}, which submits the array, then the merge with
 * {@code --dependency=afterok} on it. Every path in the scripts is absolute, so they run from any
 * working directory on nodes that share the file system. The java command is run after the setup
 * lines (so {@code module load java/17} chooses it on the compute node), and each task appends to
 * its log, one header per attempt, so a requeued task keeps the first attempt's messages. Each JVM
 * is told the cores its task was given (a shard's {@code --cpus-per-task}, the merge's one), so it
 * keeps to them where the cluster does not bind tasks to cores.
 */
public final class SlurmScripts {
    public static final String FOLDER = "slurm", SHARDS_SCRIPT = "shards.sbatch", MERGE_SCRIPT = "merge.sbatch",
            SUBMIT_SCRIPT = "submit.sh", SHARDS_FOLDER = "shards", RESULTS_FOLDER = "results", LOGS_FOLDER = "logs";

    /**
     * What to run and how to ask Slurm for it.
     *
     * @param java          the java command on the compute nodes, run after the setup lines ({@code java}: the one they put on PATH)
     * @param jar           weaklink.jar, readable on the compute nodes
     * @param scenario      the scenario file, readable on the compute nodes
     * @param out           the run's folder (shared file system)
     * @param jobName       Slurm job name
     * @param shards        N: the array's size
     * @param runOptions    extra options of {@code run} (replicates, seed, policies), already validated
     * @param cpusPerTask   cores per shard (the shard's threads)
     * @param memory        memory per shard in Slurm's syntax (e.g. 8G), or null for the cluster's default
     * @param javaHeap      the JVM's -Xmx, or null
     * @param time          time limit per shard (e.g. 02:00:00), or null
     * @param partition     partition, or null
     * @param account       account, or null
     * @param parallel      at most this many shards at once (the array's %K), or null
     * @param setup         shell lines run before java (e.g. module load java/17)
     * @param sbatchOptions further #SBATCH options, verbatim (e.g. --qos=long)
     */
    public record Job(String java, Path jar, Path scenario, Path out, String jobName, int shards, List<String> runOptions,
                      int cpusPerTask, String memory, String javaHeap, String time, String partition, String account,
                      Integer parallel, List<String> setup, List<String> sbatchOptions) {
        public Job {
            runOptions = List.copyOf(runOptions);
            setup = List.copyOf(setup);
            sbatchOptions = List.copyOf(sbatchOptions);
        }

        public Path folder() { return out.resolve(FOLDER); }
        public Path shardDir(int i) { return out.resolve(SHARDS_FOLDER).resolve(shardName(i, shards)); }
        public Path results() { return out.resolve(RESULTS_FOLDER); }
    }

    private SlurmScripts() {}

    static String shardName(int index, int count) { return "shard-" + index + "-of-" + count; }

    /** Writes the three scripts and creates the logs folder; returns the path of submit.sh. */
    public static Path write(Job job) throws IOException {
        Path folder = job.folder();
        Files.createDirectories(folder.resolve(LOGS_FOLDER));
        Files.createDirectories(job.out().resolve(SHARDS_FOLDER));
        writeScript(folder.resolve(SHARDS_SCRIPT), shardsScript(job));
        writeScript(folder.resolve(MERGE_SCRIPT), mergeScript(job));
        Path submit = folder.resolve(SUBMIT_SCRIPT);
        writeScript(submit, submitScript(job));
        return submit;
    }

    static String shardsScript(Job job) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# WeakLink: one shard of a run of ").append(job.scenario().getFileName()).append(" per array task.\n");
        s.append("# Written by 'weaklink slurm'; submit with ").append(SUBMIT_SCRIPT).append(" (which also submits the merge).\n");
        s.append("#SBATCH --job-name=").append(job.jobName()).append('\n');
        s.append("#SBATCH --array=1-").append(job.shards()).append(job.parallel() == null ? "" : "%" + job.parallel()).append('\n');
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --cpus-per-task=").append(job.cpusPerTask()).append('\n');
        resources(s, job);
        s.append("#SBATCH --output=").append(job.folder().resolve(LOGS_FOLDER).resolve("shard-%a.log")).append('\n');
        s.append("#SBATCH --open-mode=append\n");
        for (String o : job.sbatchOptions()) s.append("#SBATCH ").append(o).append('\n');
        s.append("set -euo pipefail\n");
        s.append("shard=\"${SLURM_ARRAY_TASK_ID:?run this script with sbatch}\"\n");
        attemptHeader(s, "shard $shard of " + job.shards());
        for (String line : job.setup()) s.append(line).append('\n');
        requireJava(s, job);
        s.append("dir=").append(quote(job.out().resolve(SHARDS_FOLDER).toString())).append("/shard-\"$shard\"-of-").append(job.shards()).append('\n');
        s.append("threads=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
        String java = javaCommand(job, "\"$threads\"");
        s.append("if [ -f \"$dir/manifest.json\" ]; then\n");
        s.append("  # requeued or resubmitted: continue the shard; completed replicates are kept, a complete shard is left as it is\n");
        s.append("  exec ").append(java).append(" run ").append(quote(job.scenario().toString())).append(" --resume \"$dir\" --threads \"$threads\" --quiet\n");
        s.append("else\n");
        s.append("  exec ").append(java).append(" run ").append(quote(job.scenario().toString())).append(" --shard \"$shard/").append(job.shards())
                .append("\" --out \"$dir\" --threads \"$threads\" --quiet");
        for (String o : job.runOptions()) s.append(' ').append(quote(o));
        s.append("\nfi\n");
        return s.toString();
    }

    static String mergeScript(Job job) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# WeakLink: merges the ").append(job.shards()).append(" shards into ").append(job.results()).append(".\n");
        s.append("# Submitted by ").append(SUBMIT_SCRIPT).append(" to start once every shard has succeeded.\n");
        s.append("#SBATCH --job-name=").append(job.jobName()).append("-merge\n");
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --cpus-per-task=1\n");
        resources(s, job);
        s.append("#SBATCH --kill-on-invalid-dep=yes\n");
        s.append("#SBATCH --output=").append(job.folder().resolve(LOGS_FOLDER).resolve("merge.log")).append('\n');
        s.append("#SBATCH --open-mode=append\n");
        for (String o : job.sbatchOptions()) s.append("#SBATCH ").append(o).append('\n');
        s.append("set -euo pipefail\n");
        attemptHeader(s, "merge");
        for (String line : job.setup()) s.append(line).append('\n');
        requireJava(s, job);
        s.append("shards=()\n");
        s.append("for i in $(seq 1 ").append(job.shards()).append("); do shards+=(").append(quote(job.out().resolve(SHARDS_FOLDER).toString()))
                .append("/shard-\"$i\"-of-").append(job.shards()).append("); done\n");
        s.append("exec ").append(javaCommand(job, "1")).append(" merge \"${shards[@]}\" --out ").append(quote(job.results().toString())).append('\n');
        return s.toString();
    }

    static String submitScript(Job job) {
        String folder = quote(job.folder().toString());
        return "#!/bin/bash\n"
                + "# Submits the shards of " + job.scenario().getFileName() + " as a Slurm job array, and the merge as a job that\n"
                + "# starts when every shard has succeeded. Run it again after a failure: finished shards are kept.\n"
                + "set -euo pipefail\n"
                + "array=$(sbatch --parsable " + folder + "/" + SHARDS_SCRIPT + ")\n"
                + "array=\"${array%%;*}\"\n"
                + "merge=$(sbatch --parsable --dependency=afterok:\"$array\" " + folder + "/" + MERGE_SCRIPT + ")\n"
                + "merge=\"${merge%%;*}\"\n"
                + "echo \"shards: job array $array; merge: job $merge (after every shard succeeds)\"\n"
                + "echo \"results: " + job.results().toString().replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"\n";
    }

    /**
     * A line that starts each attempt's part of the log: with {@code --open-mode=append} a requeued
     * or resubmitted task adds to its log instead of overwriting what the failed attempt said.
     */
    private static void attemptHeader(StringBuilder s, String what) {
        s.append("echo \"== weaklink ").append(what).append(": job ${SLURM_JOB_ID:-?}, attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 )),")
                .append(" on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ)\"\n");
    }

    /** Fails the task at once, with a message in its log, when the java command is not there after the setup lines. */
    private static void requireJava(StringBuilder s, Job job) {
        String java = quote(job.java());
        s.append("if ! command -v ").append(java).append(" >/dev/null 2>&1; then\n");
        s.append("  echo \"weaklink: no java command\" ").append(java)
                .append(" \"on $(hostname) after the setup lines; load a Java 17 or later with --setup (e.g. 'module load java/17') or give --java\" >&2\n");
        s.append("  exit 127\n");
        s.append("fi\n");
    }

    private static void resources(StringBuilder s, Job job) {
        if (job.memory() != null) s.append("#SBATCH --mem=").append(job.memory()).append('\n');
        if (job.time() != null) s.append("#SBATCH --time=").append(job.time()).append('\n');
        if (job.partition() != null) s.append("#SBATCH --partition=").append(job.partition()).append('\n');
        if (job.account() != null) s.append("#SBATCH --account=").append(job.account()).append('\n');
    }

    /**
     * The java command of a task given {@code cores} cores (a shell word): the JVM is told it has that many
     * ({@code -XX:ActiveProcessorCount}), so every pool it sizes from the cores, its own (the collector's,
     * the compiler's) and the run's ({@code --threads} by default), fits the task's allocation even where
     * Slurm does not bind the task to its cores.
     */
    private static String javaCommand(Job job, String cores) {
        List<String> words = new ArrayList<>();
        words.add(quote(job.java()));
        if (job.javaHeap() != null) words.add(quote("-Xmx" + job.javaHeap()));
        words.add("-XX:ActiveProcessorCount=" + cores);
        words.add("-jar");
        words.add(quote(job.jar().toString()));
        return String.join(" ", words);
    }

    /** A shell word that stands for {@code s} exactly (single quotes; a quote inside as '\''). */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=,+@%-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void writeScript(Path file, String text) throws IOException {
        AtomicFile.writeString(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: run the scripts with bash explicitly
        }
    }
}
