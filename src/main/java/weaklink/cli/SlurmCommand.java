package weaklink.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.cluster.SlurmScripts;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes Slurm scripts for a sharded run: a job array (one shard per task) and a merge job that",
                "starts when every shard has succeeded, into OUT/slurm/. Submit with: bash OUT/slurm/submit.sh",
                "The merged results land in OUT/results/, identical to those of an unsharded 'run'."})
final class SlurmCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file (on a file system the compute nodes share).")
    Path scenarioFile;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "Array tasks: the replicates (or, for a scenario with an uncertainty: block, its draws) are cut into N contiguous shards.")
    int shards;

    @Option(names = "--out", paramLabel = "DIR", description = "The run's folder (shared file system). Default: results/<scenario>-slurm-<timestamp>.")
    Path out;

    @Option(names = "--replicates", paramLabel = "N", description = "Replicates per policy. Default: the scenario's.")
    Integer replicates;

    @Mixin Options.Seed seed;

    @Mixin Options.Policies policies;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "Cores (threads) per shard. Default: ${DEFAULT-VALUE}.")
    int cpusPerTask = 1;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per shard, as sbatch --mem (e.g. 4G); Java gets 80 %% of it as heap.")
    String memory;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit per shard, as sbatch --time (e.g. 02:00:00).")
    String time;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition.")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account to charge.")
    String account;

    @Option(names = "--parallel", paramLabel = "K", description = "Run at most K shards at once (the array's %%K).")
    Integer parallel;

    @Option(names = "--setup", paramLabel = "LINE", description = "A shell line run before Java in every job (repeatable), e.g. 'module load java/17'.")
    List<String> setup = new ArrayList<>();

    @Option(names = "--sbatch", paramLabel = "OPTION", description = "A further #SBATCH option, verbatim (repeatable), e.g. --qos=long.")
    List<String> sbatchOptions = new ArrayList<>();

    @Option(names = "--java", paramLabel = "CMD", description = "The java command on the compute nodes, run after the --setup lines."
            + " Default: 'java' from the PATH the --setup lines make; without --setup, this Java (its absolute path, for nodes that share it).")
    String java;

    @Option(names = "--jar", paramLabel = "FILE", description = "weaklink.jar on the shared file system. Default: the jar running this command.")
    Path jar;

    @Spec
    CommandSpec spec;

    private static final Pattern MEMORY = Pattern.compile("(\\d+)([KMGT]?)B?", Pattern.CASE_INSENSITIVE);

    @Override
    public Integer call() throws Exception {
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        List<PolicySpec> selected = policies.of(scenario);
        int runReplicates = replicates != null ? replicates : scenario.replicates();
        Bounds.replicates(replicates, 1);
        seed.checked();
        if (scenario.uncertainty() != null) {
            // an uncertainty run is sharded by draws (run --shard I/N computes a block of draws; merge joins them)
            int draws = scenario.uncertainty().draws();
            if (shards < 1 || shards > draws) throw BadInputException.option("--shards", "must be between 1 and the scenario's uncertainty draws (" + draws + "), found " + shards);
        } else if (shards < 1 || shards > runReplicates) {
            throw BadInputException.option("--shards", "must be between 1 and the replicates (" + runReplicates + "), found " + shards);
        }
        Bounds.threads("--cpus-per-task", cpusPerTask); // each shard runs with --threads of this many
        if (parallel != null && parallel < 1) throw BadInputException.option("--parallel", "must be at least 1, found " + parallel);
        Path jarFile = (jar != null ? jar : Options.runningJar()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jarFile)) throw BadInputException.option("--jar", jarFile + " is not a file; build it with 'mvn -q -B package -DskipTests' or give --jar");
        Path dir = (out != null ? out : Options.defaultFolder(scenario, "slurm", "")).toAbsolutePath().normalize();
        if (dir.toString().chars().anyMatch(Character::isWhitespace)) {
            throw BadInputException.option("--out", "Slurm's #SBATCH --output cannot name a folder with spaces: " + dir);
        }
        if (Files.exists(dir.resolve(SlurmScripts.FOLDER)) || Files.exists(dir.resolve(SlurmScripts.RESULTS_FOLDER))) {
            throw BadInputException.option("--out", dir + " already holds a Slurm run; choose another --out");
        }
        var err = spec.commandLine().getErr();
        warnIfNodeLocal(err, "--out", dir);
        warnIfNodeLocal(err, "the scenario", scenarioFile.toAbsolutePath().normalize());
        warnIfNodeLocal(err, "--jar", jarFile);

        List<String> runOptions = new ArrayList<>();
        if (replicates != null) runOptions.addAll(List.of("--replicates", Integer.toString(replicates)));
        if (seed.value != null) runOptions.addAll(List.of("--seed", Long.toString(seed.value)));
        if (policies.names != null) runOptions.addAll(List.of("--policies", String.join(",", selected.stream().map(PolicySpec::name).toList())));
        String javaCommand = java != null ? java : setup.isEmpty() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : "java";
        SlurmScripts.Job job = new SlurmScripts.Job(javaCommand, jarFile, scenarioFile.toAbsolutePath().normalize(), dir, "weaklink-" + scenario.name(),
                shards, runOptions, cpusPerTask, memory == null ? null : checkedMemory(memory), memory == null ? null : heapFor(memory),
                time, partition, account, parallel, setup, sbatchOptions);
        Path submit = SlurmScripts.write(job);
        var o = spec.commandLine().getOut();
        o.println("wrote " + job.folder().resolve(SlurmScripts.SHARDS_SCRIPT) + " (job array of " + shards + " shards)");
        o.println("wrote " + job.folder().resolve(SlurmScripts.MERGE_SCRIPT) + " (merge into " + job.results() + ")");
        o.println("submit with: bash " + submit);
        return Main.OK;
    }

    /** Folders that are local to each node on almost every cluster (not shared between nodes). */
    static final List<Path> NODE_LOCAL = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));

    /** Warns (on stderr; the scripts are still written) when {@code path} lies in a node-local folder such as /tmp. */
    static void warnIfNodeLocal(java.io.PrintWriter err, String what, Path path) {
        for (Path local : NODE_LOCAL) {
            if (path.startsWith(local)) {
                err.println("warning: " + what + " " + path + " is under " + local + ", which is local to each node on most clusters:"
                        + " the compute nodes would not see it (nor each other's shards); use a folder on a shared file system");
                err.flush();
                return;
            }
        }
    }

    private static String checkedMemory(String mem) throws BadInputException {
        if (!MEMORY.matcher(mem.trim()).matches()) throw BadInputException.option("--mem", "expected a size such as 4096, 4G or 512M, found '" + mem + "'");
        return mem.trim().toUpperCase(Locale.ROOT);
    }

    /** 80 % of the job's memory, in megabytes (Slurm's unit when none is given), leaving room for the JVM's own. */
    static String heapFor(String mem) throws BadInputException {
        Matcher m = MEMORY.matcher(mem.trim());
        if (!m.matches()) throw BadInputException.option("--mem", "expected a size such as 4096, 4G or 512M, found '" + mem + "'");
        long kilobytes = Long.parseLong(m.group(1)) * switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1L;
            case "G" -> 1024L * 1024;
            case "T" -> 1024L * 1024 * 1024;
            default -> 1024L;
        };
        long megabytes = kilobytes / 1024;
        return Math.max(64, megabytes * 8 / 10) + "m";
    }
}
