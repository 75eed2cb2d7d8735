package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TailEstimateTest {
    private static double[] lognormalYears(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1e9 * Math.exp(1.5 * DistributionGaussian.quantile(rng.nextDouble()));
        return x;
    }

    /** Φ⁻¹ by bisection on the error function: an independent route to normal draws for the fixture. */
    private static final class DistributionGaussian {
        static double quantile(double u) {
            double lo = -10, hi = 10;
            for (int i = 0; i < 80; i++) {
                double mid = (lo + hi) / 2;
                if (0.5 * org.apache.commons.math3.special.Erf.erfc(-mid / Math.sqrt(2)) < u) lo = mid;
                else hi = mid;
            }
            return (lo + hi) / 2;
        }
    }

    @Test
    void aHundredYearsAreTooFewForVaR995AndTheNoteSaysHowManyAreNeeded() {
        TailEstimate t = TailEstimate.of(new Sample(lognormalYears(100, 1)), 0.995, 0.95, 1000, 5);
        assertFalse(t.estimated());
        assertTrue(Double.isNaN(t.valueAtRisk()) && Double.isNaN(t.tailValueAtRisk()) && Double.isNaN(t.valueAtRiskLow()));
        assertEquals("0.5 of 100 years lie beyond the 99.5 % level, fewer than 10; at least 2,000 replicates are needed", t.note());
    }

    @Test
    void theThresholdIsTenYearsBeyondTheLevel() {
        assertFalse(TailEstimate.supported(1999, 0.995));
        assertTrue(TailEstimate.supported(2000, 0.995));
        assertEquals(2000, TailEstimate.yearsNeeded(0.995));
        assertEquals(100, TailEstimate.yearsNeeded(0.9));
    }

    @Test
    void fiveThousandYearsGiveVaRAndTVaRWithIntervalsAroundThem() {
        Sample s = new Sample(lognormalYears(5000, 2));
        TailEstimate t = TailEstimate.of(s, 0.995, 0.95, 1000, 5);
        assertTrue(t.estimated());
        assertEquals(s.valueAtRisk(0.995), t.valueAtRisk(), 0);
        assertEquals(s.tailValueAtRisk(0.995), t.tailValueAtRisk(), 0);
        assertTrue(t.valueAtRiskLow() < t.valueAtRisk() && t.valueAtRisk() < t.valueAtRiskHigh());
        assertTrue(t.tailLow() < t.tailValueAtRisk() && t.tailValueAtRisk() < t.tailHigh());
        // the 99.5 % quantile of this lognormal is 1e9·exp(1.5·2.5758) = ¥47.7B; the interval must cover it
        double truth = 1e9 * Math.exp(1.5 * 2.5758293035489);
        assertTrue(t.valueAtRiskLow() < truth && truth < t.valueAtRiskHigh(), t.valueAtRiskLow() + " " + truth + " " + t.valueAtRiskHigh());
    }

    @Test
    void theCountingBootstrapEqualsResamplingAndSorting() {
        // the same resample indices, drawn the plain way: sort each resample, read VaR and TVaR with Sample
        double[] years = lognormalYears(2400, 3);
        Sample s = new Sample(years);
        double[] sorted = s.sorted();
        int resamples = 200;
        long seed = 99;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] vars = new double[resamples], tvars = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double[] r = new double[sorted.length];
            for (int i = 0; i < r.length; i++) r[i] = sorted[rng.nextInt(sorted.length)];
            Sample rs = new Sample(r);
            vars[b] = rs.valueAtRisk(0.995);
            tvars[b] = rs.tailValueAtRisk(0.995);
        }
        Arrays.sort(vars);
        Arrays.sort(tvars);
        TailEstimate t = TailEstimate.of(s, 0.995, 0.95, resamples, seed);
        assertEquals(new Sample(vars).quantile(0.025), t.valueAtRiskLow(), 0);
        assertEquals(new Sample(vars).quantile(0.975), t.valueAtRiskHigh(), 0);
        assertEquals(new Sample(tvars).quantile(0.025), t.tailLow(), Math.ulp(t.tailLow()) * 64);
        assertEquals(new Sample(tvars).quantile(0.975), t.tailHigh(), Math.ulp(t.tailHigh()) * 64);
    }
}
