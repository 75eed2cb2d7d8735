package weaklink.stats;


/**
 * VaR and TVaR at one level with their bootstrap percentile intervals, or the reason they are not
 * estimated. An empirical quantile at level {@code α} rests on the {@code (1 − α)·n} years beyond
 * it; with fewer than {@link #MIN_YEARS_BEYOND} such years it is little more than the sample
 * maximum (at 100 years and 99.5 % it IS the maximum), so no value is given and {@link #note()}
 * says how many replicates would be needed. The rule of at least ten observations beyond an
 * empirical tail quantile follows common practice in extreme-value work (e.g. McNeil, Frey &amp;
 * Embrechts 2015, "Quantitative Risk Management", §5.2.3, on thresholds leaving enough exceedances).
 *
 * <p>The interval is the bootstrap percentile interval (Efron &amp; Tibshirani 1993, ch. 13):
 * {@code resamples} samples of {@code n} years drawn with replacement by a generator seeded with
 * {@code seed}; the VaR and TVaR of each (definitions of {@link Sample}); their empirical
 * {@code (1 − level)/2} and {@code (1 + level)/2} quantiles. A resample is drawn as counts over the
 * sorted years, so each costs {@code O(n)} and no sort.
 *
 * @param valueAtRisk       {@code VaR_α}, NaN when not estimated
 * @param valueAtRiskLow    lower end of its interval
 * @param valueAtRiskHigh   upper end
 * @param tailValueAtRisk   {@code TVaR_α}, NaN when not estimated
 * @param tailLow           lower end of its interval
 * @param tailHigh          upper end
 * @param note              empty when estimated, otherwise why not
 */
public record TailEstimate(double valueAtRisk, double valueAtRiskLow, double valueAtRiskHigh,
                           double tailValueAtRisk, double tailLow, double tailHigh, String note) {
    /** Years that must lie beyond a tail quantile for it to be estimated. */
    public static final int MIN_YEARS_BEYOND = 10;

    /** Whether a sample of {@code n} years supports a quantile at {@code alpha}: {@code (1 − α)·n ≥} {@link #MIN_YEARS_BEYOND}. */
    public static boolean supported(int n, double alpha) {
        return (1 - alpha) * n >= MIN_YEARS_BEYOND - 1e-9;
    }

    /** The fewest years that support a quantile at {@code alpha}. */
    public static int yearsNeeded(double alpha) {
        return (int) Math.ceil(MIN_YEARS_BEYOND / (1 - alpha) - 1e-9);
    }

    public boolean estimated() { return note.isEmpty(); }

    /** VaR and TVaR of {@code sample} at {@code alpha}, with {@code level} bootstrap intervals. */
    public static TailEstimate of(Sample sample, double alpha, double level, int resamples, long seed) {
        int n = sample.size();
        if (!supported(n, alpha)) {
            String beyond = trim((1 - alpha) * n);
            return new TailEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    String.format(java.util.Locale.ROOT, "%s of %,d years lie beyond the %s %% level, fewer than %d; at least %,d replicates are needed",
                            beyond, n, trim(alpha * 100), MIN_YEARS_BEYOND, yearsNeeded(alpha)));
        }
        double[] sorted = sample.sorted();
        double[] vars = new double[resamples], tvars = new double[resamples];
        int[] counts = new int[n];
        BootstrapDraws draws = new BootstrapDraws(seed);
        int[] index = new int[n];
        int k = (int) Math.ceil(alpha * n - 1e-9);
        double tailYears = (1 - alpha) * n;
        for (int b = 0; b < resamples; b++) {
            java.util.Arrays.fill(counts, 0);
            draws.indices(index, n);
            for (int i = 0; i < n; i++) counts[index[i]]++;
            // walk from the top: the k-th smallest of the resample is the (n − k + 1)-th largest
            int above = n - k; // resampled years strictly beyond rank k
            double tailSum = 0;
            int seen = 0, j = n - 1;
            while (true) {
                int c = counts[j];
                if (seen + c > above) break;
                seen += c;
                tailSum += c * sorted[j];
                j--;
            }
            double var = sorted[j];
            vars[b] = var;
            // Acerbi & Tasche: the years beyond rank k, plus (k − αn) of the k-th
            tvars[b] = (tailSum + (above - seen) * var + Math.max(0, k - alpha * n) * var) / tailYears;
        }
        Sample v = new Sample(vars), t = new Sample(tvars);
        double lo = (1 - level) / 2, hi = (1 + level) / 2;
        return new TailEstimate(sample.valueAtRisk(alpha), v.quantile(lo), v.quantile(hi),
                sample.tailValueAtRisk(alpha), t.quantile(lo), t.quantile(hi), "");
    }

    private static String trim(double x) {
        return java.math.BigDecimal.valueOf(Math.round(x * 1e6) / 1e6).stripTrailingZeros().toPlainString();
    }
}
