package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import weaklink.stats.ReturnPeriodLosses.Convention;

/**
 * The points of a sample given as its non-zero values and the count of its zeros are those of the whole
 * sample, bit for bit, under both conventions: drawn values of any sign and size, every return period from 1
 * year to the sample's length, and samples all zero, without zeros, or of one value.
 */
class ReturnPeriodLossesNonZeroTest {
    static long[] bits(List<ReturnPeriodLosses.Point> points) {
        return points.stream().flatMapToLong(p -> java.util.stream.LongStream.of(Double.doubleToRawLongBits(p.returnPeriod()),
                Double.doubleToRawLongBits(p.loss()), Double.doubleToRawLongBits(p.tailValue()))).toArray();
    }

    static void assertSamePoints(double[] sample, List<Double> periods, String what) {
        double[] nonZero = Arrays.stream(sample).filter(x -> x != 0).sorted().toArray();
        for (Convention c : Convention.values()) {
            assertArrayEquals(bits(ReturnPeriodLosses.of(sample, periods, c)),
                    bits(ReturnPeriodLosses.ofNonZero(nonZero, sample.length, periods, c)), what + ", " + c);
        }
    }

    /** Every whole return period up to {@code n}, halves between, and the market grid's, longest first. */
    static List<Double> periods(int n) {
        List<Double> out = new ArrayList<>();
        for (int t = 1; t <= n; t++) {
            out.add((double) t);
            if (t < n) out.add(t + 0.5);
        }
        return ReturnPeriodLosses.supported(n, out);
    }

    @Test
    void drawnSamplesOfAnySignGiveTheSamePointsAsEveryValue() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + rng.nextInt(trial % 5 == 0 ? 8 : 400);
            double share = new double[] {0.0, 0.02, 0.3, 0.9, 1.0}[trial % 5];
            double[] sample = new double[n];
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() >= share) continue;
                double x = rng.nextInt(4) == 0 ? rng.nextDouble() * 1e-3 : rng.nextDouble() * Math.pow(10, rng.nextInt(12));
                sample[i] = rng.nextInt(8) == 0 ? -x : x;
            }
            assertSamePoints(sample, periods(n), "trial " + trial);
            assertSamePoints(sample, ReturnPeriodLosses.supported(n, null), "trial " + trial + ", market grid");
        }
    }

    @Test
    void edgeSamplesGiveTheSamePointsAsEveryValue() {
        assertSamePoints(new double[] {0}, periods(1), "one zero");
        assertSamePoints(new double[] {7.25}, periods(1), "one loss");
        assertSamePoints(new double[] {-7.25}, periods(1), "one gain");
        assertSamePoints(new double[1000], periods(1000), "all zero");
        double[] none = new double[1000];
        for (int i = 0; i < none.length; i++) none[i] = i + 1;
        assertSamePoints(none, periods(1000), "no zero");
        double[] last = new double[1000];
        last[999] = Double.MAX_VALUE / 4;
        last[3] = Double.MIN_VALUE;
        assertSamePoints(last, periods(1000), "extremes");
    }
}
