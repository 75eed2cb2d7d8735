// A/B timing of replicates in one JVM (docs/BENCHMARKS.md, "Performance, second round"): each jar is
// loaded in its own class loader with its own ReplicateEngine for the scenario (all its policies), and
// the jars run replicates 0..REPS-1 in turn, ROUNDS times (the order reversed every other round), so
// that both see the same load on a shared machine. Prints the CPU time of the thread per replicate
// (all policies) for each jar and round, the median over rounds 1.. (round 0 is JIT warm-up) and the
// median of the per-round ratios to the first jar.
//
//   java -Xmx3g scripts/AbReplicates.java SCENARIO.yaml REPS ROUNDS JAR_A.jar JAR_B.jar [JAR_C.jar ...]
import java.lang.management.ManagementFactory;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/** A/B in one JVM: each jar in its own class loader, replicates of a scenario run alternately, thread CPU per replicate. */
public class AbReplicates {
    public static void main(String[] a) throws Exception {
        String scenario = a[0]; int reps = Integer.parseInt(a[1]); int rounds = Integer.parseInt(a[2]);
        int jars = a.length - 3;
        Object[] engines = new Object[jars]; Method[] run = new Method[jars];
        for (int j = 0; j < jars; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {Paths.get(a[3 + j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> loader = cl.loadClass("weaklink.scenario.ScenarioLoader");
            Object s = loader.getMethod("load", Path.class).invoke(null, Paths.get(scenario));
            long seed = (long) s.getClass().getMethod("seed").invoke(s);
            Object policies = s.getClass().getMethod("policies").invoke(s);
            Class<?> eng = cl.loadClass("weaklink.experiment.ReplicateEngine");
            Constructor<?> c = eng.getConstructor(cl.loadClass("weaklink.scenario.Scenario"), long.class, List.class);
            engines[j] = c.newInstance(s, seed, policies);
            run[j] = eng.getMethod("run", int.class);
        }
        var tm = ManagementFactory.getThreadMXBean();
        double[][] ms = new double[jars][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j0 = 0; j0 < jars; j0++) {
                int j = (r % 2 == 0) ? j0 : jars - 1 - j0;
                long c0 = tm.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) run[j].invoke(engines[j], i);
                ms[j][r] = (tm.getCurrentThreadCpuTime() - c0) / 1e6 / reps;
            }
            StringBuilder sb = new StringBuilder("round " + r + ":");
            for (int j = 0; j < jars; j++) sb.append(String.format(" %.3f", ms[j][r]));
            System.out.println(sb + " ms CPU per replicate (all policies); load " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        for (int j = 0; j < jars; j++) {
            double[] x = Arrays.copyOfRange(ms[j], 1, rounds); Arrays.sort(x);
            double[] q = new double[rounds - 1];
            for (int r = 1; r < rounds; r++) q[r - 1] = ms[j][r] / ms[0][r];
            Arrays.sort(q);
            System.out.printf("jar %d %s: median of rounds 1..%d %.3f ms per replicate; median ratio to jar 0 by round %.3f%n", j, a[3 + j], rounds - 1, x[x.length / 2], q[q.length / 2]);
        }
    }
}
