package weaklink.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;

/**
 * Network build: {@code Networks.build} of japan-manufacturing's generated network (tiered
 * preferential attachment, trust links, MSP and logistics hubs, firm attributes, CSR arrays) as a
 * run does it once, on the shipped scenario (scale 1, 9,960 firms) and with every firm count
 * ×10 (99,600 firms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class NetworkBuildBenchmark {
    @Param({"1", "10"})
    public int scale;

    private Scenario scenario;
    private long seed;

    @Setup
    public void load() throws BadInputException {
        scenario = BenchScenarios.scaled(BenchScenarios.MANUFACTURING, scale);
        seed = BenchScenarios.networkSeed(scenario);
    }

    @Benchmark
    public SupplyNetwork build() throws BadInputException {
        return Networks.build(scenario, seed);
    }
}
