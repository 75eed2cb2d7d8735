package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExceedanceCurveTest {
    static final double RATE = 1 / 1e8;       // exponential annual losses with mean 100 million
    static final int YEARS = 200_000;

    static Sample exponentialYears(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] xs = new double[YEARS];
        for (int i = 0; i < YEARS; i++) xs[i] = -Math.log(1 - rng.nextDouble()) / RATE;
        return new Sample(xs);
    }

    /**
     * The return-period loss of an exponential is {@code ln(T)/λ}; the sample quantile at
     * {@code p = 1 − 1/T} has standard error {@code √(p(1 − p)/n) / f(x_p) = √(p(1 − p)/n) · T/λ}
     * (asymptotic normality of order statistics); we allow 4 of them.
     */
    @Test
    void returnPeriodLossesMatchTheExponentialQuantiles() {
        List<ExceedanceCurve.Point> curve = ExceedanceCurve.of(exponentialYears(11), ExceedanceCurve.STANDARD_RETURN_PERIODS);
        assertEquals(ExceedanceCurve.STANDARD_RETURN_PERIODS.size(), curve.size());
        for (ExceedanceCurve.Point pt : curve) {
            double t = pt.returnPeriodYears();
            double p = 1 - 1 / t;
            double expected = Math.log(t) / RATE;
            double se = Math.sqrt(p * (1 - p) / YEARS) * t / RATE;
            assertEquals(expected, pt.loss(), 4 * se, "return period " + t);
            assertEquals(1 / t, pt.exceedanceProbability(), 1e-15);
        }
    }

    /** Memorylessness: the mean loss beyond the T-year loss of an exponential is that loss plus the mean, {@code 1/λ}. */
    @Test
    void tailMeanLossesMatchTheExponentialExpectedShortfall() {
        for (ExceedanceCurve.Point pt : ExceedanceCurve.of(exponentialYears(12), List.of(10, 100, 200))) {
            double t = pt.returnPeriodYears();
            double expected = (Math.log(t) + 1) / RATE;
            // the tail mean of k = n/T years has standard error about (1/λ)/√k, plus the quantile's own error
            double se = (1 / RATE) / Math.sqrt(YEARS / t) + Math.sqrt((1 / t) / YEARS) * t / RATE;
            assertEquals(expected, pt.tailMeanLoss(), 4 * se, "return period " + t);
        }
    }

    @Test
    void returnPeriodsWithFewerThanTenYearsBeyondThemAreLeftOut() {
        Sample thousandYears = new Sample(new double[1000]);
        List<ExceedanceCurve.Point> curve = ExceedanceCurve.of(thousandYears, ExceedanceCurve.STANDARD_RETURN_PERIODS);
        assertEquals(100, curve.get(curve.size() - 1).returnPeriodYears(), "1,000 years support return periods up to 100 years");
        assertTrue(curve.stream().allMatch(p -> p.returnPeriodYears() <= 100));
    }

    @Test
    void theTwoHundredYearLossIsTheSolvencyValueAtRisk() {
        Sample s = exponentialYears(13);
        ExceedanceCurve.Point p200 = ExceedanceCurve.of(s, List.of(200)).get(0);
        assertEquals(s.valueAtRisk(0.995), p200.loss());
        assertEquals(s.tailValueAtRisk(0.995), p200.tailMeanLoss());
    }
}
