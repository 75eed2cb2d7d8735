package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.report.ResultsFinalizer;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The replicates handed to the workers ahead of the rows written ({@link Runner#WINDOW_PER_THREAD},
 * bounded by the rows the finished ones hold) change when a replicate is computed, never what is
 * written: the files are those of one thread whether the window is as wide as it may be or bounded to
 * no rows at all (then no replicate is handed out while a finished one waits, beyond one per thread).
 */
class ReplicateWindowTest {
    @TempDir Path tmp;

    private static final List<String> FILES = List.of("replicates.csv", "events.csv", "accumulators.json", "summary.csv");

    private Path run(String name, int threads, long windowBytes) throws Exception {
        Path file = Path.of(Folders.QUICKSTART), out = tmp.resolve(name);
        Scenario s = ScenarioLoader.load(file);
        RunPlan plan = new RunPlan(s, file, Manifest.sha256(file), s.seed(), 120, s.policies(), Shard.WHOLE, threads, out);
        new Runner(plan, ProgressListener.SILENT, Runner.CHECKPOINT_MILLIS, windowBytes).start(false, ResultsFinalizer.summariser(2));
        return out;
    }

    @Test
    void aWideOrATightlyBoundedWindowWritesTheBytesOfOneThread() throws Exception {
        Path one = run("one", 1, Runner.WINDOW_BYTES);
        Path wide = run("wide", 3, Runner.WINDOW_BYTES);
        Path tight = run("tight", 3, 0);
        for (String f : FILES) {
            byte[] expected = Files.readAllBytes(one.resolve(f));
            assertArrayEquals(expected, Files.readAllBytes(wide.resolve(f)), "wide window: " + f);
            assertArrayEquals(expected, Files.readAllBytes(tight.resolve(f)), "window bounded to no waiting rows: " + f);
        }
    }

    /**
     * The window itself, on tasks of at most a few microseconds (a hundredth of a replicate's), so that replicates
     * finish between any two steps of {@link ReplicateWindow#take}: 200,000 of them come back in order on one thread
     * with empty tasks and on four with tasks of 0-20 µs, and none is waited for in vain (a take that found the head
     * running and then every replicate in line finished once failed).
     */
    @Test
    void theWindowGivesEveryReplicateInOrderWhenTheyFinishBetweenItsSteps() throws Exception {
        takeAllInOrder(1, 0);
        takeAllInOrder(4, 20_000);
    }

    /**
     * The same at the end of a run, where the head is the last replicate running, 100,000 times over: windows of one
     * replicate of 0-2 µs, which often finishes while {@link ReplicateWindow#take} looks which one to wait for.
     */
    @Test
    void aLastReplicateThatFinishesWhileTheWindowLooksIsTaken() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int k = 0; k < 100_000; k++) {
                ReplicateWindow<Integer> window = new ReplicateWindow<>((i, hold) -> {
                    long until = System.nanoTime() + (i * 2_654_435_761L >>> 20) % 2_000;
                    while (System.nanoTime() < until) Thread.onSpinWait();
                    return i;
                }, r -> 8, pool, k, k + 1, 1, Runner.WINDOW_BYTES, () -> false);
                assertEquals(k, window.take());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void takeAllInOrder(int threads, long maxNanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int n = 200_000;
            ReplicateWindow<Integer> window = new ReplicateWindow<>((i, hold) -> {
                long until = System.nanoTime() + (maxNanos == 0 ? 0 : (i * 2_654_435_761L >>> 20) % maxNanos); // scattered
                while (System.nanoTime() < until) Thread.onSpinWait();
                return i;
            }, r -> 8, pool, 0, n, threads, Runner.WINDOW_BYTES, () -> false);
            int taken = 0;
            while (window.hasMore()) assertEquals(taken++, window.take(), threads + " threads");
            assertEquals(n, taken);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A replicate that fails is thrown when its turn comes, after every one before it was given. */
    @Test
    void aFailedReplicateIsThrownInItsTurn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ReplicateWindow<Integer> window = new ReplicateWindow<>((i, hold) -> {
                if (i == 37) throw new IllegalStateException("replicate 37 failed");
                return i;
            }, r -> 8, pool, 0, 100, 2, Runner.WINDOW_BYTES, () -> false);
            for (int i = 0; i < 37; i++) assertEquals(i, window.take());
            assertEquals("replicate 37 failed", assertThrows(IllegalStateException.class, window::take).getMessage());
        } finally {
            pool.shutdownNow();
        }
    }
}
