package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import weaklink.stats.ReturnPeriodLosses;
import weaklink.stats.ReturnPeriodLosses.Convention;

/**
 * A summary group's years sorted for the EPT by sorting only the years with a loss are every year
 * sorted, bit for bit, and give the curves of the unsorted years under both conventions.
 */
class OrdYearTotalsTest {
    /** Totals of a group over {@code n} years: a loss in about {@code share} of them, by events or by whole years (some negative or 0). */
    static OrdExport.YearTotals totals(SplittableRandom rng, int n, double share, boolean byYear) {
        OrdExport.YearTotals t = new OrdExport.YearTotals();
        for (int y = 0; y < n; y++) {
            if (rng.nextDouble() >= share) continue;
            if (byYear) {
                long total = rng.nextInt(10) == 0 ? -rng.nextLong(1, 1_000) : rng.nextInt(10) == 0 ? 0 : rng.nextLong(1, 1L << 40);
                t.addYear(y, total, total / 2);
            } else {
                for (int e = rng.nextInt(1, 5); e > 0; e--) t.add(y, rng.nextInt(20) == 0 ? 1 + rng.nextInt(3) : rng.nextLong(1, 1L << 36));
            }
        }
        return t;
    }

    static double[] sorted(double[] xs) {
        double[] out = xs.clone();
        Arrays.sort(out);
        return out;
    }

    static long[] bits(double[] xs) { return Arrays.stream(xs).mapToLong(Double::doubleToRawLongBits).toArray(); }

    /** The values of {@code xs} sorted, without their zeros. */
    static double[] sortedNonZero(double[] xs) { return Arrays.stream(sorted(xs)).filter(x -> x != 0).toArray(); }

    static long[] bits(List<ReturnPeriodLosses.Point> points) {
        return points.stream().flatMapToLong(p -> java.util.stream.LongStream.of(Double.doubleToRawLongBits(p.returnPeriod()),
                Double.doubleToRawLongBits(p.loss()), Double.doubleToRawLongBits(p.tailValue()))).toArray();
    }

    @Test
    void theYearsWithALossSortedAreEveryYearSortedWithoutItsZerosBitForBit() {
        SplittableRandom rng = new SplittableRandom(2608);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(3_000);
            OrdExport.YearTotals t = totals(rng, n, new double[] {0.001, 0.1, 0.5, 1.0}[trial % 4], trial % 3 == 0);
            for (boolean largest : new boolean[] {false, true}) {
                assertArrayEquals(bits(sortedNonZero(t.dense(n, largest))), bits(t.sortedNonZero(largest)), "trial " + trial + ", largest " + largest);
            }
        }
    }

    @Test
    void theCurvesOfTheYearsWithALossAndTheCountOfTheOthersAreThoseOfEveryYearBitForBit() {
        SplittableRandom rng = new SplittableRandom(26);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(2_000);
            OrdExport.YearTotals t = totals(rng, n, new double[] {0.0, 0.001, 0.01, 0.3, 1.0}[trial % 5], trial % 2 == 0);
            List<Double> periods = ReturnPeriodLosses.supported(n, trial % 4 == 0
                    ? List.of(1.0, 1.0 + 1.0 / n, 2.0, 3.5, 10.0, 7.0 * n / 8, n - 0.5, (double) n) : null);
            for (Convention c : Convention.values()) {
                for (boolean largest : new boolean[] {false, true}) {
                    assertArrayEquals(bits(ReturnPeriodLosses.of(t.dense(n, largest), periods, c)),
                            bits(ReturnPeriodLosses.ofNonZero(t.sortedNonZero(largest), n, periods, c)), "trial " + trial + ", " + c);
                }
            }
        }
    }

    @Test
    void theSdWithoutTheYearArrayIsSampleSdOfEveryYearBitForBit() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(trial % 10 == 0 ? 3 : 3_000);
            OrdExport.YearTotals t = totals(rng, n, new double[] {0.0, 0.001, 0.1, 0.5, 1.0}[trial % 5], trial % 3 == 0);
            double[] years = t.dense(n, false);
            assertEquals(Double.doubleToRawLongBits(weaklink.stats.Sample.sd(years, weaklink.stats.Sample.mean(years))),
                    Double.doubleToRawLongBits(t.sd(n)), "trial " + trial + ", n " + n);
        }
    }

    @Test
    void theSdOfYearsAddedOutOfOrderIsThatOfTheYearArray() {
        OrdExport.YearTotals t = new OrdExport.YearTotals();
        t.add(5, 1234);
        t.add(2, 99_999);
        t.add(5, 7);
        double[] years = t.dense(10, false);
        assertEquals(weaklink.stats.Sample.sd(years, weaklink.stats.Sample.mean(years)), t.sd(10));
    }
}
