package weaklink.bench;

import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;
import weaklink.stats.ExceedanceCurve;
import weaklink.stats.PairedComparison;
import weaklink.stats.Sample;

/**
 * The statistics {@code ResultsFinalizer} computes for each policy of a run, on {@code replicates}
 * annual losses: {@link #exceedance} — the sample (sort, mean, sd) and the exceedance curve at the
 * standard return periods (VaR and TVaR at each); {@link #pairedT} — the paired differences against
 * the baseline and their Student-t interval; {@link #pairedBootstrap} — the bootstrap percentile
 * interval with the finalizer's 1,000 resamples.
 *
 * <p>The losses are drawn (fixed seed) to look like a run's: three years in five without loss,
 * the others lognormal with median 10⁸ yen and σ = 2 (a heavy tail); the policy's loss of the same
 * year is the baseline's times a factor uniform in [0.5, 1.1], or 0 with probability 0.2.
 * These statistics sort and sum, so their cost depends on the count, not on the values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class StatisticsBenchmark {
    /** The finalizer's number of bootstrap resamples of the paired difference. */
    static final int BOOTSTRAP_RESAMPLES = 1000;

    @Param({"1000", "10000"})
    public int replicates;

    private double[] baseline;
    private double[] policy;

    @Setup
    public void draw() {
        SplittableRandom rng = new SplittableRandom(20261125);
        baseline = new double[replicates];
        policy = new double[replicates];
        for (int i = 0; i < replicates; i++) {
            if (rng.nextDouble() < 0.6) continue;
            baseline[i] = 1e8 * Math.exp(2 * gaussian(rng));
            policy[i] = rng.nextDouble() < 0.2 ? 0 : baseline[i] * (0.5 + 0.6 * rng.nextDouble());
        }
    }

    /** A standard normal draw (Box–Muller). */
    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Benchmark
    public List<ExceedanceCurve.Point> exceedance() {
        return ExceedanceCurve.of(new Sample(policy), ExceedanceCurve.STANDARD_RETURN_PERIODS);
    }

    @Benchmark
    public void pairedT(Blackhole bh) {
        PairedComparison diff = new PairedComparison(policy, baseline);
        bh.consume(diff.tInterval(0.95));
        bh.consume(diff.standardError());
    }

    @Benchmark
    public PairedComparison.Interval pairedBootstrap() {
        return new PairedComparison(policy, baseline).bootstrapInterval(0.95, BOOTSTRAP_RESAMPLES, 7);
    }
}
