package weaklink.model;

import ec.util.MersenneTwisterFast;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import weaklink.experiment.Accumulators;
import weaklink.experiment.ReplicateEngine;
import weaklink.network.NetworkCsv;
import weaklink.network.NetworkCsvWriter;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.random.Seeds;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * Benchmark W1 (docs/BENCHMARKS.md, "A whole replicate against the bare percolation"): what a user
 * waits for per replicate of a large outbreak, against the least any code could spend on the same
 * percolation, in one JVM and one window.
 *
 * <p>The network: 1,000,000 firms, Erdős–Rényi of mean degree 5 ({@link TestNetworks#erdosRenyi},
 * seed 5, the network of {@link PropagationBenchmark}), each edge two {@code edi} trust links
 * (5,000,000 links), every vulnerability 1. It is written with the project's own writer
 * ({@link NetworkCsv}) to {@code firms.csv} and {@code links.csv} and read back the way a scenario
 * with {@code network.files} reads it: that read is the <b>import</b> figure (N4). The scenario:
 * one seed firm compromised on day 0 by data theft (no outages, so no cascade) with a fixed dwell of
 * 10 days, daily trust probability {@code p = 1 − 0.7^(1/10)} (transmissibility {@code T = 0.3}), the
 * policy {@code none}.
 *
 * <p>Per replicate, interleaved so both see the same load:
 * <ul>
 *   <li><b>bare</b>: a breadth-first search over the network's trust arrays from the same seed firm,
 *       each link crossed with probability {@code T} (a {@link SplittableRandom} draw), a visited
 *       bit per firm: bond percolation with nothing else;</li>
 *   <li><b>whole</b>: {@link ReplicateEngine#run} of the replicate — the attack model, the daily
 *       counts, the loss model, the settlement, the {@code replicates.csv} row — and adding it to the
 *       run's sums, as a run's worker and writer do.</li>
 * </ul>
 * Only major outbreaks (at least half the giant component's expected share of firms) are kept, after
 * three warm-up ones of each. Prints each pair, then {@code RESULT} lines with medians (wall and CPU of
 * the thread) and the ratio whole ÷ bare. Arguments {@code [firms] [measured]}.
 */
public final class WholeReplicateBenchmark {
    private WholeReplicateBenchmark() {}

    static final double MEAN_DEGREE = 5, TRANSMISSIBILITY = 0.3;
    static final int DWELL_DAYS = 10;

    public static void main(String[] args) throws IOException, BadInputException {
        int firms = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int warmup = 3;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("weaklink-w1");
        try {
            double p = TestNetworks.dailyProbability(TRANSMISSIBILITY, DWELL_DAYS);
            Scenario plain = TestNetworks.scenario(p, "");
            SupplyNetwork generated = TestNetworks.undirected(plain, firms, TestNetworks.erdosRenyi(firms, MEAN_DEGREE, new MersenneTwisterFast(5)));
            // the seed firm: P1's first draw in the giant component (degree >= 1 is enough for the outbreak to be major often)
            MersenneTwisterFast draws = new MersenneTwisterFast(11);
            int seed = draws.nextInt(firms);
            while (generated.trustOutDegree(seed) < 3) seed = draws.nextInt(firms);
            try (Writer w = Files.newBufferedWriter(dir.resolve("firms.csv"), StandardCharsets.UTF_8)) {
                NetworkCsvWriter.writeFirms(generated, plain.sizeClasses(), false, w);
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("links.csv"), StandardCharsets.UTF_8)) {
                NetworkCsvWriter.writeLinks(generated, plain.economics().substitutionDays(), plain.economics().substitutionShare(), false, w);
            }
            generated = null;
            String yaml = """
                    name: w1-outbreak
                    network:
                      files: {firms: firms.csv, links: links.csv}
                    trust_types:
                      edi: {daily_probability: %s}
                    initial_compromises:
                      - {firm: %d, day: 0, effect: data-theft, dwell_days: %d}
                    policies:
                      - {id: none}
                    """.formatted(p, seed, DWELL_DAYS);
            Files.writeString(dir.resolve("w1.yaml"), yaml);
            Scenario s = ScenarioLoader.load(dir.resolve("w1.yaml"));

            // N4: the import, timed twice (the second with a warmer JIT)
            SupplyNetwork net = null;
            for (int i = 0; i < 2; i++) {
                System.gc();
                long a = System.nanoTime(), cpuA = threads.getCurrentThreadCpuTime();
                net = Networks.build(s, new Seeds(s.seed()).network());
                System.out.printf("import %d: %d firms, %d trust links read in %.2f s wall, %.2f s CPU%n", i + 1, net.firmCount(),
                        net.trustLinkCount(), (System.nanoTime() - a) / 1e9, (threads.getCurrentThreadCpuTime() - cpuA) / 1e9);
            }
            ReplicateEngine engine = new ReplicateEngine(s, s.seed(), List.of(s.policies().get(0)));
            Accumulators acc = engine.newAccumulators();
            int seedIndex = net.indexOf(seed);
            double share = Percolation.erdosRenyiGiantShare(MEAN_DEGREE, TRANSMISSIBILITY);
            int major = (int) (share * firms / 2);
            Bfs bfs = new Bfs(net);
            double[][] wall = new double[2][measured], cpu = new double[2][measured];
            int doneBare = 0, doneWhole = 0, warmBare = 0, warmWhole = 0;
            for (int r = 0; doneBare < measured || doneWhole < measured; r++) {
                if (doneBare < measured) {
                    long a = System.nanoTime(), cpuA = threads.getCurrentThreadCpuTime();
                    int size = bfs.outbreak(seedIndex, TRANSMISSIBILITY, new SplittableRandom(r));
                    double sec = (System.nanoTime() - a) / 1e9, c = (threads.getCurrentThreadCpuTime() - cpuA) / 1e9;
                    if (size >= major) {
                        if (warmBare++ >= warmup) {
                            wall[0][doneBare] = sec;
                            cpu[0][doneBare++] = c;
                            System.out.printf("bare  %d: %d firms in %.3f s wall, %.3f s CPU%n", doneBare, size, sec, c);
                        }
                    }
                }
                if (doneWhole < measured) {
                    long a = System.nanoTime(), cpuA = threads.getCurrentThreadCpuTime(), bytesA = threads.getCurrentThreadAllocatedBytes();
                    ReplicateEngine.ReplicateResult result = engine.run(r);
                    result.addTo(acc);
                    double sec = (System.nanoTime() - a) / 1e9, c = (threads.getCurrentThreadCpuTime() - cpuA) / 1e9;
                    double mb = (threads.getCurrentThreadAllocatedBytes() - bytesA) / 1e6;
                    int size = firmsCompromised(result.csv());
                    if (size >= major) {
                        if (warmWhole++ >= warmup) {
                            wall[1][doneWhole] = sec;
                            cpu[1][doneWhole++] = c;
                            System.out.printf("whole %d: %d firms in %.3f s wall, %.3f s CPU, %.1f MB allocated%n", doneWhole, size, sec, c, mb);
                        }
                    }
                }
            }
            double bareWall = median(wall[0]), bareCpu = median(cpu[0]), wholeWall = median(wall[1]), wholeCpu = median(cpu[1]);
            System.out.printf("RESULT bare_bfs_seconds wall=%.3f cpu=%.3f (median of %d)%n", bareWall, bareCpu, measured);
            System.out.printf("RESULT whole_replicate_seconds wall=%.3f cpu=%.3f (median of %d)%n", wholeWall, wholeCpu, measured);
            System.out.printf("RESULT whole_over_bare wall=%.2f cpu=%.2f%n", wholeWall / bareWall, wholeCpu / bareCpu);
            System.out.printf("load average after the run: %.2f on %d processors%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        } finally {
            for (String f : new String[] {"firms.csv", "links.csv", "w1.yaml"}) Files.deleteIfExists(dir.resolve(f));
            Files.deleteIfExists(dir);
        }
    }

    /** The {@code firms_compromised} cell of a one-policy replicate's row. */
    private static int firmsCompromised(String csvRow) {
        List<String> header = Arrays.asList(weaklink.experiment.ReplicateRow.header().split(","));
        String[] cells = csvRow.trim().split(",");
        return Integer.parseInt(cells[header.indexOf("firms_compromised")]);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Bond percolation by breadth-first search over the trust arrays, nothing else: the bare limit. */
    static final class Bfs {
        private final SupplyNetwork net;
        private final int[] queue;
        private final long[] visited;

        Bfs(SupplyNetwork net) {
            this.net = net;
            this.queue = new int[net.firmCount()];
            this.visited = new long[(net.firmCount() + 63) >>> 6];
        }

        /** Firms reached from {@code seed} when each trust link transmits with probability {@code t}. */
        int outbreak(int seed, double t, SplittableRandom rng) {
            Arrays.fill(visited, 0);
            int head = 0, tail = 0;
            queue[tail++] = seed;
            visited[seed >>> 6] |= 1L << seed;
            while (head < tail) {
                int f = queue[head++];
                for (int e = net.trustOutStart(f), end = net.trustOutEnd(f); e < end; e++) {
                    if (rng.nextDouble() >= t) continue;
                    int g = net.trustTarget(e);
                    long bit = 1L << g;
                    if ((visited[g >>> 6] & bit) != 0) continue;
                    visited[g >>> 6] |= bit;
                    queue[tail++] = g;
                }
            }
            return tail;
        }
    }
}
