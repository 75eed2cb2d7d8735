package weaklink.model;

import weaklink.random.RandomStreams;
import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;

/**
 * Benchmark (docs/BENCHMARKS.md, "Propagation"): one major outbreak on a 1,000,000-firm
 * Erdős–Rényi trust network of mean degree 5 at transmissibility T = 0.3 (fixed dwell 10 days,
 * every vulnerability 1, one seed firm, data theft so no outages), on one thread. For each measured
 * major outbreak it prints the wall time, the model thread's CPU time (less sensitive to other load
 * on the machine), the bytes the thread allocated and the time spent in garbage collection (the
 * serial collector runs outside the model's thread, so it is in the wall time only), then the
 * median. Run with {@code mvn -B -Pbench verify} (the {@code bench} profile); arguments
 * {@code [firms] [meanDegree] [T] [measured]} override the defaults.
 */
public final class PropagationBenchmark {
    private PropagationBenchmark() {}

    public static void main(String[] args) {
        int firms = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        double meanDegree = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        double t = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        int warmup = 3, dwell = 10;
        long t0 = System.nanoTime();
        Scenario s = TestNetworks.scenario(TestNetworks.dailyProbability(t, dwell), "");
        SupplyNetwork net = TestNetworks.undirected(s, firms, TestNetworks.erdosRenyi(firms, meanDegree, new MersenneTwisterFast(5)));
        Posture posture = TestNetworks.basePosture(net);
        double built = (System.nanoTime() - t0) / 1e9;
        double share = Percolation.erdosRenyiGiantShare(meanDegree, t);
        System.out.printf("network: %d firms, %d trust links (both directions), built in %.2f s; theory S = %.4f%n",
                firms, net.trustLinkCount(), built, share);
        MersenneTwisterFast seeds = new MersenneTwisterFast(11);
        double[] seconds = new double[measured], cpuSeconds = new double[measured];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        double[] allocated = new double[measured];
        int done = 0, majors = 0;
        for (int r = 0; done < measured; r++) {
            int seed = seeds.nextInt(firms);
            Scenario seeded = TestNetworks.seeded(s, net, seed, dwell);
            long a = System.nanoTime(), cpuA = threads.getCurrentThreadCpuTime(), bytesA = threads.getCurrentThreadAllocatedBytes(), gcA = gcMillis();
            ReplicateRecord rec = new ReplicateModel(seeded, net, posture, new RandomStreams(1, r)).run();
            double sec = (System.nanoTime() - a) / 1e9, cpu = (threads.getCurrentThreadCpuTime() - cpuA) / 1e9;
            double mb = (threads.getCurrentThreadAllocatedBytes() - bytesA) / 1e6;
            long gc = gcMillis() - gcA;
            if (rec.size() < share * firms / 2) continue; // a small outbreak: not what is measured
            majors++;
            if (majors <= warmup) {
                System.out.printf("warm-up major outbreak: %d firms (%.4f) in %.3f s%n", rec.size(), (double) rec.size() / firms, sec);
                continue;
            }
            cpuSeconds[done] = cpu;
            allocated[done] = mb;
            seconds[done++] = sec;
            System.out.printf("major outbreak %d: %d firms (%.4f) in %.3f s wall, %.3f s CPU, %.1f MB allocated, %d ms in GC%n", done, rec.size(), (double) rec.size() / firms, sec, cpu, mb, gc);
        }
        report("wall", seconds);
        report("cpu", cpuSeconds);
        System.out.printf("load average after the run: %.2f on %d processors%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /** Milliseconds spent in garbage collection so far, all collectors (the serial collector runs outside the model's thread). */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }

    private static void report(String clock, double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT propagation_major_outbreak_seconds_%s median=%.3f min=%.3f max=%.3f (n=%d)%n",
                clock, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
