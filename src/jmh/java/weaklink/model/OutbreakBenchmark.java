package weaklink.model;

import weaklink.random.RandomStreams;
import ec.util.MersenneTwisterFast;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;

/**
 * Propagation: one major outbreak on an Erdős–Rényi trust network of mean degree 5 at
 * transmissibility T = 0.3, the set-up of {@link PropagationBenchmark} (fixed dwell 10 days, every
 * vulnerability 1, one seed firm, data theft so no outages) at {@code firms} firms; the 1,000,000-firm
 * case stays in {@link PropagationBenchmark}. The set-up draws seed firms as it does and keeps the
 * first {@value #OUTBREAKS} (seed firm, replicate) pairs whose outbreak is major (at least half the
 * giant component's expected share); each invocation runs all of them ({@code ReplicateModel.run()}
 * each), so every iteration does the same work; the score is per outbreak.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@OperationsPerInvocation(OutbreakBenchmark.OUTBREAKS)
public class OutbreakBenchmark {
    static final int OUTBREAKS = 8;
    static final double MEAN_DEGREE = 5, TRANSMISSIBILITY = 0.3;
    static final int DWELL_DAYS = 10;

    @Param({"100000"})
    public int firms;

    private SupplyNetwork net;
    private Posture posture;
    private final Scenario[] seeded = new Scenario[OUTBREAKS];
    private final int[] replicate = new int[OUTBREAKS];

    @Setup
    public void build() {
        Scenario s = TestNetworks.scenario(TestNetworks.dailyProbability(TRANSMISSIBILITY, DWELL_DAYS), "");
        net = TestNetworks.undirected(s, firms, TestNetworks.erdosRenyi(firms, MEAN_DEGREE, new MersenneTwisterFast(5)));
        posture = TestNetworks.basePosture(net);
        double share = Percolation.erdosRenyiGiantShare(MEAN_DEGREE, TRANSMISSIBILITY);
        MersenneTwisterFast seeds = new MersenneTwisterFast(11);
        int found = 0;
        for (int r = 0; found < OUTBREAKS; r++) {
            Scenario candidate = TestNetworks.seeded(s, net, seeds.nextInt(firms), DWELL_DAYS);
            ReplicateRecord rec = new ReplicateModel(candidate, net, posture, new RandomStreams(1, r)).run();
            if (rec.size() < share * firms / 2) continue;
            seeded[found] = candidate;
            replicate[found++] = r;
        }
    }

    @Benchmark
    public void outbreak(Blackhole bh) {
        for (int i = 0; i < OUTBREAKS; i++) bh.consume(new ReplicateModel(seeded[i], net, posture, new RandomStreams(1, replicate[i])).run());
    }
}
