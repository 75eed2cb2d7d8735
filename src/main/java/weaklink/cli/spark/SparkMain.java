package weaklink.cli.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import weaklink.cli.Bounds;
import weaklink.cli.Main;
import weaklink.cluster.spark.SparkRun;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The command line of {@code weaklink-spark.jar} (its Main-Class): parses the options, loads the
 * scenario and hands the run to {@link SparkRun}, with the exit codes and messages of the
 * {@code weaklink} command ({@link Main#configure}). Submit it with
 * {@code spark-submit --class weaklink.cli.spark.SparkMain target/weaklink-spark.jar SCENARIO --out DIR}.
 */
@Command(name = "weaklink-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario's replicates as Spark tasks and writes, on the driver, the results folder",
                "a local 'run' would write (same bytes, manifest timestamps aside).",
                "Submit with: spark-submit --class weaklink.cli.spark.SparkMain weaklink-spark.jar SCENARIO --out DIR"})
public final class SparkMain implements Callable<Integer> {
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

    @Option(names = "--threads", paramLabel = "T", description = "Threads of every pool the driver starts (the summaries' writers, the charts,"
            + " the hashing of the finished folder); 1: one thread works at a time. The executors' tasks are Spark's (its cores per executor)."
            + " Default: all cores the driver's JVM sees (${DEFAULT-VALUE}). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, when not run by spark-submit (e.g. local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, when not run by spark-submit (e.g. spark.ui.enabled=false).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Bounds.replicates(replicates, 1);
        Bounds.seed(seed);
        if (tasks != null && tasks < 1) throw BadInputException.option("--tasks", "must be at least 1, found " + tasks);
        Bounds.threads("--threads", threads);
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        SparkRun.run(new SparkRun.Request(scenarioFile, scenario, seed != null ? seed : scenario.seed(),
                replicates != null ? replicates : scenario.replicates(), scenario.policiesNamed(policies), tasks, threads, out), master, settings);
        return Main.OK;
    }

    /** Runs the command line and returns the exit code (for tests, without exiting the JVM). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return Main.execute(Main.configure(new CommandLine(new SparkMain()), out, err), args);
    }

    public static void main(String[] args) {
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }
}
