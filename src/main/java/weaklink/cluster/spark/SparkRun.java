package weaklink.cluster.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import weaklink.experiment.Accumulators;
import weaklink.io.Json;
import weaklink.experiment.Manifest;
import weaklink.experiment.ReplicateEngine;
import weaklink.experiment.ResultsStore;
import weaklink.experiment.RunPlan;
import weaklink.experiment.EventRows;
import weaklink.experiment.Runner;
import weaklink.experiment.Shard;
import weaklink.experiment.UncertaintyRun;
import weaklink.report.ResultsFinalizer;
import weaklink.report.UncertaintyReport;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioSource;

/**
 * Runs a scenario on Spark: the replicates are cut into blocks, each block is a Spark task that
 * computes its rows and sums with the same code as a local run ({@link ReplicateEngine}), and the
 * driver writes the blocks in replicate order and adds their sums, so the results folder equals a
 * local run's byte for byte. The results folder is written on the driver. Its command line is
 * {@code weaklink.cli.spark.SparkMain}.
 */
public final class SparkRun {
    private SparkRun() {}

    /**
     * One Spark run.
     *
     * @param scenarioFile the scenario's file (readable on the driver; network files it names must be
     *                     readable on the executors at the same path)
     * @param scenario     the scenario read from it
     * @param seed         master seed
     * @param replicates   replicates per policy
     * @param policies     policies compared, in order
     * @param tasks        Spark tasks (blocks of replicates), or null for 4 per core of the cluster
     * @param threads      threads of every pool the driver starts (the summaries' writers, the charts, the
     *                     hashing of the finished folder): the command's {@code --threads}
     * @param out          results folder on the driver (absent or empty)
     */
    public record Request(Path scenarioFile, Scenario scenario, long seed, int replicates, List<PolicySpec> policies, Integer tasks, int threads, Path out) {
        public Request {
            policies = List.copyOf(policies);
        }

        /** The results folder's summaries, on the driver, on up to {@link #threads} threads. */
        ResultsStore.Summariser summariser() { return ResultsFinalizer.summariser(threads); }

        /** An uncertainty run's draw folders' summary tables, on the driver, on up to {@link #threads} threads. */
        ResultsStore.Summariser drawTables() { return ResultsFinalizer.tables(threads); }
    }

    /**
     * Refuses bad input (a non-empty results folder, a network that cannot be built) before Spark
     * starts, then runs the request on a Spark context and finishes the results folder.
     *
     * @param master   Spark master when not run by spark-submit (e.g. local[*]), or null
     * @param settings further Spark settings (key = value)
     */
    public static void run(Request request, String master, Map<String, String> settings) throws IOException, BadInputException {
        if (request.scenario().uncertainty() != null) {
            runDraws(request, master, settings);
            return;
        }
        ResultsStore.Summariser summariser = request.summariser();
        Path scenarioFile = request.scenarioFile();
        List<Path> inputs = new ArrayList<>(List.of(scenarioFile));
        if (request.scenario().network().fromFiles()) {
            inputs.add(request.scenario().network().firmsFile());
            inputs.add(request.scenario().network().linksFile());
        }
        if (request.scenario().insurance().hasPortfolio()) inputs.add(request.scenario().insurance().portfolio());
        ResultsStore.checkCanCreate(request.out(), false, inputs);
        // The driver builds the network too: bad input is refused here, before Spark starts.
        ReplicateEngine driverEngine = new ReplicateEngine(request.scenario(), request.seed(), request.policies());

        SparkConf conf = new SparkConf().setAppName("weaklink " + request.scenario().name());
        if (master != null) conf.setMaster(master);
        settings.forEach(conf::set);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            int blocks = Math.min(request.replicates(), request.tasks() != null ? request.tasks() : 4 * spark.defaultParallelism());
            RunPlan plan = new RunPlan(request.scenario(), scenarioFile, ScenarioSource.read(scenarioFile).digest().sha256(), request.seed(), request.replicates(),
                    request.policies(), Shard.WHOLE, blocks, request.out());
            ReplicateBlock task = new ReplicateBlock(scenarioFile.getFileName().toString(), Files.readString(scenarioFile),
                    scenarioFile.toAbsolutePath().getParent().toString(), request.seed(), plan.policyNames(), request.replicates(), blocks);
            Manifest manifest = Manifest.create(plan, Instant.now(), "spark " + spark.version() + " " + spark.master(), driverEngine.networkSources());
            try (ResultsStore store = ResultsStore.create(request.out(), manifest, false, inputs, summariser, "weaklink-spark")) {
                run(spark, store, task, request.replicates(), EventRows.files(request.scenario()));
                store.summarise();
                store.complete();
            }
        }
    }

    /**
     * An uncertainty run on Spark: one task per draw; the driver writes each draw's folder as a
     * local run would ({@link Runner#complete}), then the run's own files, so the folder equals a
     * local run's byte for byte.
     */
    static void runDraws(Request request, String master, Map<String, String> settings) throws IOException, BadInputException {
        // every draw's scenario is built and checked on the driver, before Spark starts
        UncertaintyRun run = new UncertaintyRun(request.scenario(), request.scenarioFile(), request.seed(), request.replicates(),
                request.policies().stream().map(weaklink.scenario.PolicySpec::name).toList(), Shard.WHOLE, 1, request.out());
        Map<Integer, Long> seeds = new java.util.LinkedHashMap<>();
        Map<Integer, Map<String, String>> values = new java.util.LinkedHashMap<>();
        for (UncertaintyRun.Draw d : run.draws()) {
            seeds.put(d.index(), d.plan().seed());
            values.put(d.index(), d.values());
        }
        SparkConf conf = new SparkConf().setAppName("weaklink " + request.scenario().name() + " (uncertainty)");
        if (master != null) conf.setMaster(master);
        settings.forEach(conf::set);
        Path scenarioFile = request.scenarioFile();
        DrawTask task = new DrawTask(scenarioFile.getFileName().toString(), Files.readString(scenarioFile),
                scenarioFile.toAbsolutePath().getParent().toString(), seeds, values, run.draws().get(0).plan().policyNames(), request.replicates());
        try (JavaSparkContext spark = new JavaSparkContext(conf); AutoCloseable top = run.holdTop("weaklink-spark (uncertainty)")) {
            spark.setLogLevel("WARN");
            String engine = "spark " + spark.version() + " " + spark.master();
            List<Integer> indices = run.draws().stream().map(UncertaintyRun.Draw::index).toList();
            JavaRDD<ReplicateBlock.Result> results = spark.parallelize(indices, indices.size()).map(task).persist(StorageLevel.MEMORY_AND_DISK());
            results.count();
            try {
                Iterator<ReplicateBlock.Result> it = results.toLocalIterator();
                for (UncertaintyRun.Draw d : run.draws()) {
                    ReplicateBlock.Result r = it.next();
                    if (r.block() != d.index()) throw new IllegalStateException("draw " + r.block() + " arrived where draw " + d.index() + " was due");
                    UncertaintyRun.writeDraw(d, r.csv().getBytes(StandardCharsets.UTF_8), events(r), Accumulators.fromJson(Json.MAPPER.readTree(r.sumsJson())),
                            engine, request.drawTables());
                }
            } finally {
                results.unpersist(false);
            }
            UncertaintyReport.finish(request.out());
            run.writeCompleteManifest(engine);
        } catch (IOException | BadInputException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * Computes the blocks in parallel, keeps them on the executors, then streams them to the
     * driver in block order (one block in the driver's memory at a time).
     */
    static void run(JavaSparkContext spark, ResultsStore store, ReplicateBlock task, int replicates, List<String> streams) throws IOException {
        List<Integer> blockIndices = IntStream.range(0, task.blocks()).boxed().toList();
        JavaRDD<ReplicateBlock.Result> results = spark.parallelize(blockIndices, task.blocks()).map(task).persist(StorageLevel.MEMORY_AND_DISK());
        results.count();
        Accumulators sums = null;
        try (ResultsStore.Rows rows = store.startRows(streams)) {
            int expected = 0;
            for (Iterator<ReplicateBlock.Result> it = results.toLocalIterator(); it.hasNext(); expected++) {
                ReplicateBlock.Result block = it.next();
                if (block.block() != expected) throw new IllegalStateException("block " + block.block() + " arrived where block " + expected + " was due");
                rows.append(block.csv().getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> e : events(block).entrySet()) rows.append(e.getKey(), e.getValue());
                Accumulators blockSums = Accumulators.fromJson(Json.MAPPER.readTree(block.sumsJson()));
                if (sums == null) sums = blockSums;
                else sums.add(blockSums);
            }
            rows.finish(replicates, sums, null, null, Runner.ALL_REPLICATES);
        } finally {
            results.unpersist(false);
        }
    }

    /** A block's event rows by event file, in the order the files are written. */
    static Map<String, byte[]> events(ReplicateBlock.Result r) {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        r.eventRows().forEach((f, rows) -> out.put(f, rows.getBytes(StandardCharsets.UTF_8)));
        return out;
    }
}
