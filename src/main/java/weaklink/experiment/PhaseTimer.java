package weaklink.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Times the phases of a run (network, each policy's funding, the replicates, the summaries and
 * charts) for {@code run --timings}: wall-clock seconds, CPU seconds of the phase's own threads (each
 * line says which: its thread, its worker threads, or its thread and the pool threads it started), and
 * CPU seconds of the whole process (all threads: workers, writer, JIT compiler, garbage collector).
 * A phase that ran on one thread has thread CPU ≈ its wall time on an idle core; the process CPU
 * shows what ran beside it.
 */
public final class PhaseTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Guards the pool threads' book ({@link #poolThread}). */
    private static final Object POOLS = new Object();
    /** Pool threads started by {@link #poolThread} and not yet ended. */
    private static final Set<Thread> LIVE_POOL_THREADS = new HashSet<>();
    /** CPU nanoseconds of the pool threads that have ended, and how many were started, since the process began. */
    private static long endedPoolCpu, poolThreadsStarted;
    private long wall = System.nanoTime();
    private long threadCpu = threadCpuNanos();
    private long processCpu = processCpuNanos();
    private long[] pools = poolCpuAndCount();

    /**
     * One timed phase, in seconds; {@code threads} says whose CPU {@code threadCpuSeconds} is ("its thread",
     * "its 2 worker threads", "its thread and 5 pool threads").
     */
    public record Phase(String name, double wallSeconds, double threadCpuSeconds, String threads, double processCpuSeconds) {
        @Override
        public String toString() {
            return String.format("timing: %-24s %7.2f s wall, %7.2f s CPU of %s, %7.2f s CPU of the process",
                    name, wallSeconds, threadCpuSeconds, threads, processCpuSeconds);
        }
    }

    /**
     * A thread for a pool of the summaries' writing (the ORD export and its writers, the charts, the hashing), as a
     * pool's thread factory makes it: a daemon named {@code name} running {@code task}, whose CPU {@link #lapWithPools}
     * counts in the phase that started it, including what it ran before it ended.
     */
    public static Thread poolThread(Runnable task, String name) {
        Thread[] self = new Thread[1];
        Thread t = new Thread(() -> {
            try {
                task.run();
            } finally {
                long cpu = threadCpuNanos();
                synchronized (POOLS) {
                    LIVE_POOL_THREADS.remove(self[0]);
                    endedPoolCpu += cpu;
                }
            }
        }, name);
        self[0] = t;
        t.setDaemon(true);
        synchronized (POOLS) {
            LIVE_POOL_THREADS.add(t);
            poolThreadsStarted++;
        }
        return t;
    }

    /** The CPU nanoseconds of every pool thread so far (the ended ones' and the live ones' until now), and how many were started. */
    private static long[] poolCpuAndCount() {
        synchronized (POOLS) {
            long cpu = endedPoolCpu;
            for (Thread t : LIVE_POOL_THREADS) cpu += Math.max(0, THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(t.getId()) : 0);
            return new long[] {cpu, poolThreadsStarted};
        }
    }

    /** The phase from the previous lap (or the start) to now, run by the calling thread; the next phase starts now. */
    public Phase lap(String name) {
        long w = System.nanoTime(), t = threadCpuNanos(), p = processCpuNanos();
        Phase phase = new Phase(name, (w - wall) / 1e9, (t - threadCpu) / 1e9, "its thread", (p - processCpu) / 1e9);
        wall = w;
        threadCpu = t;
        processCpu = p;
        pools = poolCpuAndCount();
        return phase;
    }

    /**
     * As {@link #lap(String)} for a phase whose work also ran on pool threads it started ({@link #poolThread}):
     * its thread CPU is the calling thread's plus theirs. Every pool thread of the process started in the
     * meantime counts (a run's summaries are the only writing of the process while they run).
     */
    public Phase lapWithPools(String name) {
        long[] before = pools;
        Phase own = lap(name);
        long cpu = pools[0] - before[0], started = pools[1] - before[1];
        return new Phase(name, own.wallSeconds(), own.threadCpuSeconds() + cpu / 1e9,
                started == 0 ? "its thread" : "its thread and " + started + " pool thread" + (started == 1 ? "" : "s"), own.processCpuSeconds());
    }

    /**
     * As {@link #lap(String)} for a phase run by {@code workers}, threads started during it: its
     * thread CPU is theirs (all their CPU so far), not the calling thread's. Call it while they are alive.
     */
    public Phase lap(String name, Collection<Thread> workers) {
        long cpu = 0;
        for (Thread t : workers) cpu += Math.max(0, THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(t.getId()) : 0);
        Phase own = lap(name);
        return new Phase(name, own.wallSeconds(), cpu / 1e9, "its " + workers.size() + " worker thread" + (workers.size() == 1 ? "" : "s"),
                own.processCpuSeconds());
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
        return new Phase(name, (System.nanoTime() - start.wallNanos) / 1e9, (threadCpuNanos() - start.threadCpuNanos) / 1e9, "its thread",
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
