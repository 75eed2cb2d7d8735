package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MeanIntervalTest {
    @Test
    void theQuantileIsStudentsTAsTabulated() {
        // t tables: t_{9, 0.975} = 2.262, t_{49, 0.975} = 2.010, t_{999, 0.95} = 1.646
        assertEquals(2.262157, MeanInterval.tQuantile(10, 0.95), 1e-6);
        assertEquals(2.009575, MeanInterval.tQuantile(50, 0.95), 1e-6);
        assertEquals(1.646380, MeanInterval.tQuantile(1000, 0.90), 1e-6);
    }

    /** The last quantile is kept and reused: whatever the order of the calls and the threads, each is the fresh computation's to the bit. */
    @Test
    void aQuantileKeptIsTheFreshComputationsToTheBitWhateverTheOrderOfCallsAndThreads() throws Exception {
        long[] ns = {2, 3, 10, 100, 1000, 1000, 1000, 5000};
        double[] levels = {0.9, 0.95, 0.95, 0.99};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    for (int i = 0; i < 2_000; i++) {
                        long n = ns[rng.nextInt(ns.length)];
                        double level = levels[rng.nextInt(levels.length)];
                        assertEquals(Double.doubleToRawLongBits(MeanInterval.tQuantileOf(n, level)), Double.doubleToRawLongBits(MeanInterval.tQuantile(n, level)),
                                "n = " + n + ", level = " + level);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theHalfWidthIsTTimesTheStandardError() {
        assertEquals(MeanInterval.tQuantileOf(25, 0.95) * 3.0 / 5.0, MeanInterval.halfWidth(3.0, 25, 0.95), 0.0);
        assertEquals(Double.NaN, MeanInterval.halfWidth(3.0, 1, 0.95));
    }
}
