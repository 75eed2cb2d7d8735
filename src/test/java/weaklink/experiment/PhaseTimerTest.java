package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Whose CPU a phase's line counts: its thread's alone, or also that of the pool threads it started. */
class PhaseTimerTest {
    /** Keeps the calling thread busy until it has used {@code nanos} of CPU; returns the thread's CPU then. */
    static long burn(long nanos) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        double x = 0;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 10_000; i++) x += Math.sqrt(i + x);
        }
        if (x < 0) throw new AssertionError();
        return threads.getCurrentThreadCpuTime();
    }

    /** Starts a pool thread that uses {@code nanos} of CPU and ends, waits for it; returns the CPU it used by its last reading. */
    static long poolThreadUsing(long nanos) throws InterruptedException {
        AtomicLong used = new AtomicLong();
        Thread t = PhaseTimer.poolThread(() -> used.set(burn(nanos)), "test-pool");
        t.start();
        t.join();
        return used.get();
    }

    @Test
    void aPhaseWithPoolsCountsTheCpuOfThePoolThreadsItStartedEvenOnceTheyEnded() throws Exception {
        PhaseTimer timer = new PhaseTimer();
        long pool = poolThreadUsing(200_000_000L) + poolThreadUsing(100_000_000L);
        PhaseTimer.Phase phase = timer.lapWithPools("summaries");
        assertEquals("its thread and 2 pool threads", phase.threads());
        assertTrue(phase.threadCpuSeconds() >= pool / 1e9, phase + " counts at least the " + pool / 1e9 + " s the pool threads read of their own CPU");
        assertTrue(phase.toString().contains("s CPU of its thread and 2 pool threads,"), phase.toString());
    }

    @Test
    void aPhaseCountsNoPoolThreadOfAnEarlierPhase() throws Exception {
        PhaseTimer timer = new PhaseTimer();
        long pool = poolThreadUsing(300_000_000L);
        PhaseTimer.Phase first = timer.lapWithPools("first");
        long own = burn(50_000_000L);
        PhaseTimer.Phase second = timer.lapWithPools("second");
        assertEquals("its thread", second.threads(), "no pool thread started in the second phase");
        assertTrue(second.threadCpuSeconds() < pool / 1e9, second + " does not count the first phase's pool thread (" + pool / 1e9 + " s)");
        assertTrue(first.threadCpuSeconds() >= pool / 1e9, first.toString());
        assertTrue(own > 0);
    }

    @Test
    void aPhaseOfItsThreadAloneSaysSo() {
        PhaseTimer.Phase phase = new PhaseTimer().lap("network");
        assertEquals("its thread", phase.threads());
        assertTrue(phase.toString().matches("timing: network +[0-9.]+ s wall, +[0-9.]+ s CPU of its thread, +[0-9.]+ s CPU of the process"), phase.toString());
    }
}
