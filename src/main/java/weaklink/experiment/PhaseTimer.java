package weaklink.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;

/**
 * Times the phases of a run (network, each policy's funding, the replicates, the summaries and
 * charts) for {@code run --timings}: wall-clock seconds, CPU seconds of the calling thread, and
 * CPU seconds of the whole process (all threads: workers, writer, JIT compiler, garbage collector).
 * A phase that ran on one thread has thread CPU ≈ its wall time on an idle core; the process CPU
 * shows what ran beside it.
 */
public final class PhaseTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long wall = System.nanoTime();
    private long threadCpu = threadCpuNanos();
    private long processCpu = processCpuNanos();

    /** One timed phase, in seconds. */
    public record Phase(String name, double wallSeconds, double threadCpuSeconds, double processCpuSeconds) {
        @Override
        public String toString() {
            return String.format("timing: %-24s %7.2f s wall, %7.2f s CPU of its thread(s), %7.2f s CPU of the process",
                    name, wallSeconds, threadCpuSeconds, processCpuSeconds);
        }
    }

    /** The phase from the previous lap (or the start) to now, run by the calling thread; the next phase starts now. */
    public Phase lap(String name) {
        long w = System.nanoTime(), t = threadCpuNanos(), p = processCpuNanos();
        Phase phase = new Phase(name, (w - wall) / 1e9, (t - threadCpu) / 1e9, (p - processCpu) / 1e9);
        wall = w;
        threadCpu = t;
        processCpu = p;
        return phase;
    }

    /**
     * As {@link #lap(String)} for a phase run by {@code workers}, threads started during it: its
     * thread CPU is theirs (all their CPU so far), not the calling thread's. Call it while they are alive.
     */
    public Phase lap(String name, Collection<Thread> workers) {
        long cpu = 0;
        for (Thread t : workers) cpu += Math.max(0, THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(t.getId()) : 0);
        Phase own = lap(name);
        return new Phase(name, own.wallSeconds(), cpu / 1e9, own.processCpuSeconds());
    }

    /** A moment of the calling thread, to time a phase that runs beside others on its own thread ({@link #since}). */
    public record Mark(long wallNanos, long threadCpuNanos, long processCpuNanos) {}

    /** Now, on the calling thread. */
    public static Mark mark() {
        return new Mark(System.nanoTime(), threadCpuNanos(), processCpuNanos());
    }

    /**
     * The phase from {@code start} to now, run by the calling thread (which took {@code start}); its
     * process CPU is everything the process did meanwhile, other phases running beside it included.
     */
    public static Phase since(String name, Mark start) {
        return new Phase(name, (System.nanoTime() - start.wallNanos) / 1e9, (threadCpuNanos() - start.threadCpuNanos) / 1e9,
                (processCpuNanos() - start.processCpuNanos) / 1e9);
    }

    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }
}
