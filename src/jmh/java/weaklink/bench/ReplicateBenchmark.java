package weaklink.bench;

import java.util.List;
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
import weaklink.experiment.ReplicateEngine;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;

/**
 * One replicate of one policy of japan-manufacturing (9,960 firms, 365 days), exactly as a run
 * computes it: {@code ReplicateEngine.run} — the attack model ({@code ReplicateModel}), the loss
 * model with its CBI cascade ({@code LossModel}), the policy's settlement and the
 * {@code replicates.csv} row. Each invocation runs replicates 0 to {@value #REPLICATES} − 1 of the
 * scenario's master seed (most without an outage, some with large ones), so every iteration does
 * the same work; the score is per replicate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@OperationsPerInvocation(ReplicateBenchmark.REPLICATES)
public class ReplicateBenchmark {
    static final int REPLICATES = 50;

    /** A policy of the shipped scenario: the baseline, and the mandate (more security, fewer and smaller outbreaks). */
    @Param({"none", "mandate"})
    public String policy;

    private ReplicateEngine engine;

    @Setup
    public void build() throws BadInputException {
        Scenario s = BenchScenarios.scaled(BenchScenarios.MANUFACTURING, 1);
        engine = new ReplicateEngine(s, s.seed(), List.of(s.policy(policy)));
    }

    @Benchmark
    public void replicate(Blackhole bh) {
        for (int r = 0; r < REPLICATES; r++) bh.consume(engine.run(r));
    }
}
