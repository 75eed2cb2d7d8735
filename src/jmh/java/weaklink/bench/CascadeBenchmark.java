package weaklink.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.PolicyContext;
import weaklink.economics.LossModel;
import weaklink.model.AttackSurface;
import weaklink.model.Posture;
import weaklink.random.RandomStreams;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.network.SupplyNetwork;
import weaklink.production.ProductionCascade;
import weaklink.production.ShortfallProfile;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;

/**
 * The losses of a replicate with outages, on japan-manufacturing under the baseline policy:
 * {@link #cascade} is the CBI cascade alone ({@code ProductionCascade.run} on all of the
 * replicate's outages), {@link #losses} the whole loss model ({@code LossModel.losses}: direct
 * costs and BI, the cascade once for all campaigns and once per campaign to split CBI, insurance).
 * The replicates are the first {@value #REPLICATES} of the scenario's master seed that have an
 * outage, simulated in the set-up as a run simulates them; each invocation computes all of them,
 * so every iteration does the same work; the score is per replicate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@OperationsPerInvocation(CascadeBenchmark.REPLICATES)
public class CascadeBenchmark {
    static final int REPLICATES = 32;

    private LossModel lossModel;
    private ProductionCascade cascade;
    private ReplicateRecord[] records;
    private RandomStreams[] streams;
    private int[][] outageFirms;
    private ShortfallProfile[][] outageProfiles;

    @Setup
    public void simulate() throws BadInputException {
        Scenario s = BenchScenarios.scaled(BenchScenarios.MANUFACTURING, 1);
        SupplyNetwork net = BenchScenarios.network(s);
        Posture posture = CostSharingPolicy.of(s.policy("none")).fund(PolicyContext.of(s, net, s.seed())).posture();
        AttackSurface surface = AttackSurface.of(net);
        lossModel = new LossModel(s, net);
        cascade = new ProductionCascade(net, s.economics().production());
        List<ReplicateRecord> rec = new ArrayList<>();
        List<RandomStreams> str = new ArrayList<>();
        for (int r = 0; rec.size() < REPLICATES; r++) {
            RandomStreams st = new RandomStreams(s.seed(), r);
            ReplicateRecord record = new ReplicateModel(s, net, posture, st, surface).run();
            if (outages(record) == 0) continue;
            rec.add(record);
            str.add(st);
        }
        records = rec.toArray(new ReplicateRecord[0]);
        streams = str.toArray(new RandomStreams[0]);
        outageFirms = new int[REPLICATES][];
        outageProfiles = new ShortfallProfile[REPLICATES][];
        for (int i = 0; i < REPLICATES; i++) {
            ReplicateRecord record = records[i];
            int n = outages(record), m = 0;
            outageFirms[i] = new int[n];
            outageProfiles[i] = new ShortfallProfile[n];
            for (int k = 0; k < record.size(); k++) {
                if (!record.causesOutage(k)) continue;
                outageFirms[i][m] = record.firm(k);
                outageProfiles[i][m++] = ProductionCascade.outageShortfall(net, record.firm(k), record.outageStart(k), record.outageEnd(k));
            }
        }
    }

    private static int outages(ReplicateRecord record) {
        int n = 0;
        for (int k = 0; k < record.size(); k++) if (record.causesOutage(k)) n++;
        return n;
    }

    @Benchmark
    public void cascade(Blackhole bh) {
        for (int i = 0; i < REPLICATES; i++) bh.consume(cascade.run(outageFirms[i], outageProfiles[i]));
    }

    @Benchmark
    public void losses(Blackhole bh) {
        for (int i = 0; i < REPLICATES; i++) bh.consume(lossModel.losses(records[i], streams[i]));
    }
}
