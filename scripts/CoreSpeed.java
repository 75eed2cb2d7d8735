// How fast the core this JVM is pinned to runs now (docs/BENCHMARKS.md, "Seventeenth pass"): a fixed piece of
// work that, like a replicate, reads memory it cannot predict from an array larger than a core's own caches
// (16 MB), timed five times on the thread's CPU clock after a warm-up; prints the median in milliseconds.
// On a virtual machine either core can take this work 1.5-2x as long as usual, for a second or for minutes, with no
// steal time reported (the cause is on the host); scripts/bench.sh runs this on each core around its scaling rounds.
//
//   taskset -c N java scripts/CoreSpeed.java
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/** Milliseconds of thread CPU for a fixed amount of cache-missing work: the median of five timings. */
public class CoreSpeed {
    private static final int WORDS = 1 << 22; // 16 MB of ints
    private static final int STEPS = 30_000_000;

    public static void main(String[] args) {
        int[] a = new int[WORDS];
        for (int i = 0; i < WORDS; i++) a[i] = i * 0x9E3779B1;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = work(a, 1);
        double[] ms = new double[5];
        for (int r = 0; r < ms.length; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink += work(a, r + 2);
            ms[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%.0f%n", ms[ms.length / 2]);
        if (sink == 42) System.err.println(); // keeps the work from being optimised away
    }

    /** STEPS reads at places a congruential generator picks (so several misses can be under way at once, as in a replicate). */
    private static long work(int[] a, int seed) {
        long s = 0;
        int j = seed;
        for (int i = 0; i < STEPS; i++) {
            j = (j * 1103515245 + 12345) & (WORDS - 1);
            s += a[j];
        }
        return s;
    }
}
