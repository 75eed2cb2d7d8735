package weaklink.stats;


/**
 * Mean and variance of a stream of values in constant memory, by Welford's update (Welford 1962;
 * Knuth, TAOCP vol. 2, §4.2.2): {@code m_k = m_{k−1} + (x_k − m_{k−1})/k},
 * {@code M2_k = M2_{k−1} + (x_k − m_{k−1})(x_k − m_k)}, {@code s² = M2_n/(n − 1)}. The result
 * depends on the order of the values, so callers feed them in a fixed (replicate) order; the state
 * ({@link #count}, {@link #mean}, {@link #sumOfSquaredDeviations}) can be saved and restored exactly.
 */
public final class RunningMean {
    private long n;
    private double mean;
    private double m2;

    public RunningMean() {}

    /** Restores a saved state. */
    public RunningMean(long count, double mean, double sumOfSquaredDeviations) {
        this.n = count;
        this.mean = mean;
        this.m2 = sumOfSquaredDeviations;
    }

    public void add(double x) {
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
    }

    public long count() { return n; }
    public double mean() { return n == 0 ? Double.NaN : mean; }
    /** {@code M2}, the sum of squared deviations from the mean. */
    public double sumOfSquaredDeviations() { return m2; }

    /** Half-width of the two-sided Student-t interval of the mean: {@code t_{n−1,(1+level)/2} · s/√n}. */
    public double ciHalfWidth(double level) {
        if (n < 2) return Double.NaN;
        return MeanInterval.halfWidth(Math.sqrt(m2 / (n - 1)), n, level);
    }

    /**
     * Whether the 95 % interval's half-width is at most {@code relative} × |mean| (a mean and a
     * spread of exactly zero count as precise).
     */
    public boolean precise(double relative) {
        double half = ciHalfWidth(0.95);
        return half == 0 || half <= relative * Math.abs(mean);
    }
}
