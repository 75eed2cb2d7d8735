package weaklink.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference in mean annual loss between a policy and the baseline, from paired replicates:
 * replicate {@code i} of both saw the same attacks (common random numbers), so the differences
 * {@code d_i = x_i − y_i} carry only the policy's effect and its interaction with the draws, and
 * their spread is far smaller than that of either sample (Law 2015, "Simulation Modeling and
 * Analysis", §11.2). Two intervals are given for the mean difference: the paired Student-t interval
 * {@code d̄ ± t_{n−1, (1+level)/2} · s_d / √n}, and the bootstrap percentile interval (Efron &amp;
 * Tibshirani 1993, ch. 13) from resamples drawn with a seeded generator, so it is reproducible.
 * {@link #welchInterval} gives the unpaired (Welch) interval for comparison.
 */
public final class PairedComparison {
    private final double[] differences;
    private final Sample sample;

    /** {@code policy[i]} and {@code baseline[i]} are the same replicate. */
    public PairedComparison(double[] policy, double[] baseline) {
        if (policy.length != baseline.length) {
            throw new IllegalArgumentException("paired samples differ in size: " + policy.length + " and " + baseline.length);
        }
        differences = new double[policy.length];
        for (int i = 0; i < policy.length; i++) differences[i] = policy[i] - baseline[i];
        sample = new Sample(differences);
    }

    /** A confidence interval. */
    public record Interval(double low, double high) {
        public double width() { return high - low; }
    }

    public int size() { return differences.length; }

    /** {@code d̄}, the mean paired difference (policy minus baseline). */
    public double meanDifference() { return sample.mean(); }

    /** Standard error of {@code d̄}: {@code s_d / √n}. */
    public double standardError() { return sample.standardError(); }

    /** The paired Student-t interval of the mean difference. */
    public Interval tInterval(double level) {
        double half = sample.ciHalfWidth(level);
        return new Interval(sample.mean() - half, sample.mean() + half);
    }

    /**
     * The bootstrap percentile interval of the mean difference: {@code resamples} means of
     * {@code n} differences drawn with replacement, and their empirical {@code (1 − level)/2} and
     * {@code (1 + level)/2} quantiles. Deterministic for a given {@code seed}.
     */
    public Interval bootstrapInterval(double level, int resamples, long seed) {
        int n = differences.length;
        if (n == 0 || resamples < 1) return new Interval(Double.NaN, Double.NaN);
        BootstrapDraws draws = new BootstrapDraws(seed);
        int[] index = new int[n];
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            draws.indices(index, n);
            double s = 0;
            for (int i = 0; i < n; i++) s += differences[index[i]];
            means[b] = s / n;
        }
        Arrays.sort(means);
        Sample boot = new Sample(means);
        return new Interval(boot.quantile((1 - level) / 2), boot.quantile((1 + level) / 2));
    }

    /**
     * The unpaired interval of {@code mean(a) − mean(b)} that ignores the pairing (Welch 1947):
     * {@code ± t_ν · √(s_a²/n_a + s_b²/n_b)} with the Welch–Satterthwaite degrees of freedom
     * {@code ν = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1))}.
     */
    public static Interval welchInterval(double[] a, double[] b, double level) {
        Sample sa = new Sample(a), sb = new Sample(b);
        double va = sa.sd() * sa.sd() / a.length, vb = sb.sd() * sb.sd() / b.length;
        double diff = sa.mean() - sb.mean();
        if (va + vb == 0) return new Interval(diff, diff);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = new TDistribution(null, df).inverseCumulativeProbability(0.5 + level / 2) * Math.sqrt(va + vb);
        return new Interval(diff - half, diff + half);
    }
}
