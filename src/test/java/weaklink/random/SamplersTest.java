package weaklink.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samplers against the distributions they claim, as Commons Math computes them. */
class SamplersTest {
    static final int DRAWS = 40_000;

    /**
     * Chi-square goodness of fit of {@link Samplers#poisson} against the Poisson probabilities, at means on both sides of
     * the switch between the two methods and far above it. Cells are merged until each expects at least 20 draws, so the
     * test's chi-square approximation holds; with a fixed seed the verdict is fixed, and a wrong sampler (such as a
     * normal approximation, or an off-by-one) gives p-values far below 1e-4 at this sample size.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 2.5, 9.99, 10, 17.5, 60, 730, 25_000})
    void poissonDrawsFollowThePoissonDistribution(double mean) {
        MersenneTwisterFast rng = new MersenneTwisterFast(20261130L + Double.hashCode(mean));
        PoissonDistribution truth = new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        int lo = (int) Math.max(0, Math.floor(mean - 8 * Math.sqrt(mean) - 2)), hi = (int) Math.ceil(mean + 8 * Math.sqrt(mean) + 10);
        long[] counts = new long[hi - lo + 1];
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            int k = Samplers.poisson(mean, rng);
            sum += k;
            counts[Math.min(hi, Math.max(lo, k)) - lo]++;
        }
        // cells: [.., lo], lo+1, ..., [hi, ..), merged left to right until each expects at least 20
        List<Double> expected = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        double e = 0;
        long o = 0;
        for (int k = lo; k <= hi; k++) {
            double p = k == lo ? truth.cumulativeProbability(lo) : k == hi ? 1 - truth.cumulativeProbability(hi - 1) : truth.probability(k);
            e += p * DRAWS;
            o += counts[k - lo];
            if (e >= 20 || k == hi) {
                expected.add(e);
                observed.add(o);
                e = 0;
                o = 0;
            }
        }
        int last = expected.size() - 1;
        if (expected.get(last) < 20 && last > 0) {
            expected.set(last - 1, expected.get(last - 1) + expected.remove(last));
            observed.set(last - 1, observed.get(last - 1) + observed.remove(last));
        }
        double p = new ChiSquareTest().chiSquareTest(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                observed.stream().mapToLong(Long::longValue).toArray());
        assertTrue(p > 1e-4, "mean " + mean + ": chi-square p-value " + p + " over " + expected.size() + " cells");
        // and the sample mean within 5 standard errors of the mean
        assertEquals(mean, sum / DRAWS, 5 * Math.sqrt(mean / DRAWS), "sample mean");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN})
    void poissonOfNoMeanIsZero(double mean) {
        assertEquals(0, Samplers.poisson(mean, new MersenneTwisterFast(1)));
    }
}
