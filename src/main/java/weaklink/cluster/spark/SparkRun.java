package weaklink.cluster.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import weaklink.cli.Main;
import weaklink.cli.ScenarioArgs;
import weaklink.experiment.Accumulators;
import weaklink.io.Json;
import weaklink.experiment.Manifest;
import weaklink.experiment.ReplicateEngine;
import weaklink.experiment.ReplicateRow;
import weaklink.experiment.ResultsFolder;
import weaklink.experiment.RunPlan;
import weaklink.experiment.Runner;
import weaklink.experiment.Shard;
import weaklink.report.ResultsFinalizer;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * Runs a scenario on Spark: the replicates are cut into blocks, each block is a Spark task that
 * computes its rows and sums with the same code as a local run ({@link ReplicateEngine}), and the
 * driver writes the blocks in replicate order and adds their sums, so the results folder equals a
 * local run's byte for byte. Submit it with
 * {@code spark-submit --class weaklink.cluster.spark.SparkRun target/weaklink-spark.jar SCENARIO --out DIR};
 * the results folder is written on the driver.
 */
@Command(name = "weaklink-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario's replicates as Spark tasks and writes, on the driver, the results folder",
                "a local 'run' would write (same bytes, manifest timestamps aside).",
                "Submit with: spark-submit --class weaklink.cluster.spark.SparkRun weaklink-spark.jar SCENARIO --out DIR"})
public final class SparkRun implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file (readable on the driver; network files it names must be readable on the executors at the same path).")
    Path scenarioFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results folder on the driver (absent or empty).")
    Path out;

    @Option(names = "--replicates", paramLabel = "N", description = "Replicates (simulated years) per policy. Default: the scenario's.")
    Integer replicates;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed. Default: the scenario's.")
    Long seed;

    @Option(names = "--policies", paramLabel = "a,b,...", split = ",", description = "Policies to compare, by name. Default: all of the scenario's.")
    List<String> policies;

    @Option(names = "--tasks", paramLabel = "K", description = "Spark tasks (blocks of replicates). Default: 4 per core of the cluster. Results do not depend on it.")
    Integer tasks;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, when not run by spark-submit (e.g. local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, when not run by spark-submit (e.g. spark.ui.enabled=false).")
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (replicates != null && replicates < 1) throw BadInputException.option("--replicates", "must be at least 1, found " + replicates);
        if (tasks != null && tasks < 1) throw BadInputException.option("--tasks", "must be at least 1, found " + tasks);
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        List<PolicySpec> selected = ScenarioArgs.selectPolicies(scenario, policies);
        int runReplicates = replicates != null ? replicates : scenario.replicates();
        long runSeed = seed != null ? seed : scenario.seed();
        ResultsFolder.requireAbsentOrEmpty(out);
        // The driver builds the network too: bad input is refused here, before Spark starts.
        new ReplicateEngine(scenario, runSeed, selected);

        SparkConf conf = new SparkConf().setAppName("weaklink " + scenario.name());
        if (master != null) conf.setMaster(master);
        settings.forEach(conf::set);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            int blocks = Math.min(runReplicates, tasks != null ? tasks : 4 * spark.defaultParallelism());
            RunPlan plan = new RunPlan(scenario, scenarioFile, Manifest.sha256(scenarioFile), runSeed, runReplicates, selected,
                    Shard.WHOLE, blocks, out);
            ReplicateBlock task = new ReplicateBlock(scenarioFile.getFileName().toString(), Files.readString(scenarioFile),
                    scenarioFile.toAbsolutePath().getParent().toString(), runSeed, plan.policyNames(), runReplicates, blocks);
            run(spark, plan, task);
        }
        ResultsFinalizer.finish(out);
        return Main.OK;
    }

    /**
     * Computes the blocks in parallel, keeps them on the executors, then streams them to the
     * driver in block order (one block in the driver's memory at a time).
     */
    static void run(JavaSparkContext spark, RunPlan plan, ReplicateBlock task) throws IOException {
        Path dir = plan.outDir();
        Files.createDirectories(dir);
        ObjectNode manifest = Manifest.create(plan, Instant.now());
        manifest.put("engine", "spark " + spark.version() + " " + spark.master());
        Json.write(dir.resolve(Runner.MANIFEST), manifest);

        List<Integer> blockIndices = IntStream.range(0, task.blocks()).boxed().toList();
        JavaRDD<ReplicateBlock.Result> results = spark.parallelize(blockIndices, task.blocks()).map(task).persist(StorageLevel.MEMORY_AND_DISK());
        results.count();
        Accumulators sums = null;
        try (OutputStream rows = Files.newOutputStream(dir.resolve(Runner.PARTIAL), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            rows.write((ReplicateRow.header() + "\n").getBytes(StandardCharsets.UTF_8));
            int expected = 0;
            for (Iterator<ReplicateBlock.Result> it = results.toLocalIterator(); it.hasNext(); expected++) {
                ReplicateBlock.Result block = it.next();
                if (block.block() != expected) throw new IllegalStateException("block " + block.block() + " arrived where block " + expected + " was due");
                rows.write(block.csv().getBytes(StandardCharsets.UTF_8));
                Accumulators blockSums = Accumulators.fromJson(Json.MAPPER.readTree(block.sumsJson()));
                if (sums == null) sums = blockSums;
                else sums.add(blockSums);
            }
        } finally {
            results.unpersist(false);
        }
        Runner.complete(dir, plan.replicates(), sums);
    }

    /** Runs the command line and returns the exit code (for tests, without exiting the JVM). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return Main.configure(new CommandLine(new SparkRun()), out, err).execute(args);
    }

    public static void main(String[] args) {
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }
}
