package weaklink.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The empirical exceedance-probability curve of annual losses, read at return periods: the loss
 * exceeded on average once every {@code T} years is {@code VaR_{1 − 1/T}} of the sample of
 * simulated years, and the tail mean beyond it is {@code TVaR_{1 − 1/T}} (definitions in
 * {@link Sample}). Applied to annual aggregate losses it is the AEP curve; applied to each year's
 * largest single event it is the OEP curve (Grossi &amp; Kunreuther 2005, "Catastrophe Modeling",
 * ch. 2; Oasis ORD EPT).
 *
 * <p>A return period is reported only where the sample supports it: at least
 * {@link TailEstimate#MIN_YEARS_BEYOND} of the {@code n} simulated years lie beyond it
 * ({@code n/T ≥ 10}, so {@code T ≤ n/10}); a longer one would be little more than the worst years
 * simulated (at {@code T = n}, the sample maximum).
 */
public final class ExceedanceCurve {
    /** The return periods reported by default, in years (2 to 1,000; 200 is the Solvency II 1-in-200). */
    public static final List<Integer> STANDARD_RETURN_PERIODS = List.of(2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000);

    /**
     * One point of the curve.
     *
     * @param returnPeriodYears      {@code T}
     * @param exceedanceProbability  {@code 1 / T}, the annual probability of a larger loss
     * @param loss                   {@code VaR_{1 − 1/T}}
     * @param tailMeanLoss           {@code TVaR_{1 − 1/T}}, the mean of the worst {@code n / T} years
     */
    public record Point(int returnPeriodYears, double exceedanceProbability, double loss, double tailMeanLoss) {}

    private ExceedanceCurve() {}

    /** The curve of {@code annualLosses} at each of {@code returnPeriods} that the sample supports, in the given order. */
    public static List<Point> of(Sample annualLosses, List<Integer> returnPeriods) {
        List<Point> out = new ArrayList<>();
        for (int t : returnPeriods) {
            if (t < 1) throw new IllegalArgumentException("return period must be at least 1 year, found " + t);
            if (!TailEstimate.supported(annualLosses.size(), 1 - 1.0 / t)) continue;
            double alpha = 1 - 1.0 / t;
            out.add(new Point(t, 1.0 / t, annualLosses.valueAtRisk(alpha), annualLosses.tailValueAtRisk(alpha)));
        }
        return out;
    }
}
