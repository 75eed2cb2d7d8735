package weaklink.stats;

import java.util.Arrays;

/**
 * Summary statistics of one sample of annual losses (one value per replicate). Quantiles use
 * the empirical definition {@code VaR_α = inf{x : F_n(x) ≥ α} = x_(⌈αn⌉)} (Hyndman &amp; Fan 1996,
 * type 1) and TVaR is the mean of the worst {@code 1 − α} share of years (see
 * {@link #tailValueAtRisk}), so that VaR 99.5 % is the Solvency II 1-in-200 figure and the loss at
 * return period {@code T} years is {@code VaR_{1 − 1/T}}.
 */
public final class Sample {
    private final double[] sorted;
    private final double mean;
    private final double sd;

    public Sample(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
        this.mean = mean(values);
        this.sd = sd(values, mean);
    }

    /** The mean of {@code values} (NaN when empty), without copying them. */
    public static double mean(double[] values) {
        double m = 0;
        for (double v : values) m += v;
        return values.length == 0 ? Double.NaN : m / values.length;
    }

    /** The sample standard deviation (n − 1) of {@code values} about their {@code mean}, without copying them. */
    public static double sd(double[] values, double mean) {
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : Double.NaN;
    }

    public int size() { return sorted.length; }
    public double mean() { return mean; }
    /** Sample standard deviation (n − 1 denominator). */
    public double sd() { return sd; }
    /** Standard error of the mean. */
    public double standardError() { return sd / Math.sqrt(sorted.length); }

    /** Half-width of the two-sided Student-t confidence interval of the mean at {@code level} (e.g. 0.95). */
    public double ciHalfWidth(double level) {
        return MeanInterval.halfWidth(sd, sorted.length, level);
    }

    /** Empirical quantile {@code x_(⌈pn⌉)}; p = 0 gives the minimum. */
    public double quantile(double p) { return quantile(sorted, p); }

    /** {@link #quantile(double)} of values already sorted in ascending order (read, never copied). */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int k = (int) Math.ceil(p * sorted.length - 1e-9);
        return sorted[Math.min(sorted.length - 1, Math.max(0, k - 1))];
    }

    /** Value at risk at level {@code alpha}: the {@code alpha} quantile. */
    public double valueAtRisk(double alpha) { return quantile(alpha); }

    /**
     * Tail value at risk (expected shortfall) at level {@code alpha}: the mean of the worst
     * {@code (1 − α)} share of years, by the empirical estimator of Acerbi &amp; Tasche (2002, "On the
     * coherence of expected shortfall", eq. 3.3):
     * {@code TVaR_α = ( Σ_{i=k+1..n} x_(i) + (k − αn) x_(k) ) / ((1 − α) n)} with {@code k = ⌈αn⌉}.
     * When {@code αn} is a whole number this is the plain mean of the {@code (1 − α)n} largest values
     * (for 1,000 years at 99.5 %: the mean of the 5 worst). {@code alpha = 1} gives the maximum.
     */
    public double tailValueAtRisk(double alpha) { return tailValueAtRisk(sorted, alpha); }

    /** {@link #tailValueAtRisk(double)} of values already sorted in ascending order (read, never copied). */
    public static double tailValueAtRisk(double[] sorted, double alpha) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        double tailYears = (1 - alpha) * n;
        if (tailYears <= 1e-9) return sorted[n - 1];
        int k = Math.min(n, Math.max(1, (int) Math.ceil(alpha * n - 1e-9)));
        double s = 0;
        for (int i = k; i < n; i++) s += sorted[i];
        double partial = Math.max(0, k - alpha * n);
        return (s + partial * sorted[k - 1]) / tailYears;
    }

    /** The sorted values (a copy). */
    public double[] sorted() { return sorted.clone(); }
}
