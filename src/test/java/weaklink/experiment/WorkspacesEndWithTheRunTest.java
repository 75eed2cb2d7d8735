package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weaklink.Collectable;
import weaklink.io.Json;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * A run's working memory (the loss model's arrays, the records' pages, the cascade's indexes, the
 * reconnaissance marks) belongs to its engine and is lent to its replicates one at a time: on a pool
 * whose threads outlive runs (a Spark executor's task threads, one JVM's sweep points or uncertainty
 * draws), the replicates give what a fresh engine gives to the bit, and once the run is dropped nothing
 * of it stays with the threads.
 */
class WorkspacesEndWithTheRunTest {
    static final int REPLICATES = 16;

    /** The insurer's book: several ransomware actors, waiting periods, CBI and the book's claims. */
    static Scenario scenario() throws Exception {
        return ScenarioLoader.load(Path.of("scenarios/insurer-book.yaml"));
    }

    /** Every replicate's rows and event rows, then the sums of all of them added in replicate order. */
    static String fingerprint(List<ReplicateEngine.ReplicateResult> results, ReplicateEngine engine) throws Exception {
        StringBuilder b = new StringBuilder();
        Accumulators sums = engine.newAccumulators();
        for (ReplicateEngine.ReplicateResult r : results) {
            b.append(r.csv()).append(r.eventRows());
            r.addTo(sums);
        }
        return b.append(Json.MAPPER.writeValueAsString(sums.toJson())).toString();
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void aRunOnAKeptPoolGivesAFreshRunsNumbersAndLeavesNothingWithItsThreads(int threads) throws Exception {
        Scenario s = scenario();
        ReplicateEngine alone = new ReplicateEngine(s, s.seed(), s.policies());
        List<ReplicateEngine.ReplicateResult> inTurn = new ArrayList<>();
        for (int r = 0; r < REPLICATES; r++) inTurn.add(alone.run(r));
        String expected = fingerprint(inTurn, alone);
        ExecutorService kept = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 2; round++) { // a second run on the same threads, after the first one's
                List<WeakReference<Object>> engine = new ArrayList<>();
                assertEquals(expected, runOn(kept, s, engine), "round " + round + " on " + threads + " threads");
                kept.invokeAll(List.of(() -> 0)); // the threads live on
                assertTrue(Collectable.cleared(engine), "nothing of the run's engine is left once it is dropped (round " + round + ")");
            }
        } finally {
            kept.shutdownNow();
        }
    }

    /** A new engine's replicates on {@code pool}, one task each: their fingerprint; {@code engine} gets a weak reference to the engine. */
    private static String runOn(ExecutorService pool, Scenario s, List<WeakReference<Object>> engine) throws Exception {
        ReplicateEngine e = new ReplicateEngine(s, s.seed(), s.policies());
        List<Callable<ReplicateEngine.ReplicateResult>> tasks = new ArrayList<>();
        for (int r = 0; r < REPLICATES; r++) {
            int replicate = r;
            tasks.add(() -> e.run(replicate));
        }
        List<ReplicateEngine.ReplicateResult> results = new ArrayList<>();
        for (Future<ReplicateEngine.ReplicateResult> f : pool.invokeAll(tasks)) results.add(f.get());
        engine.add(new WeakReference<>(e));
        return fingerprint(results, e);
    }
}
