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

    @Test
    void theYearsSortedFromTheYearsWithALossAreEveryYearSortedBitForBit() {
        SplittableRandom rng = new SplittableRandom(2608);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rng.nextInt(3_000);
            OrdExport.YearTotals t = totals(rng, n, new double[] {0.001, 0.1, 0.5, 1.0}[trial % 4], trial % 3 == 0);
            for (boolean largest : new boolean[] {false, true}) {
                assertArrayEquals(bits(sorted(t.dense(n, largest))), bits(t.sortedDense(n, largest)), "trial " + trial + ", largest " + largest);
            }
        }
    }

    @Test
    void theCurvesOfTheSortedYearsAreThoseOfTheYearsInOrder() {
        SplittableRandom rng = new SplittableRandom(26);
        for (int trial = 0; trial < 200; trial++) {
            int n = 10 + rng.nextInt(2_000);
            OrdExport.YearTotals t = totals(rng, n, new double[] {0.01, 0.3, 1.0}[trial % 3], trial % 2 == 0);
            List<Double> periods = ReturnPeriodLosses.supported(n, trial % 4 == 0 ? List.of(2.0, 3.5, 10.0, 7.0 * n / 8, (double) n) : null);
            for (Convention c : Convention.values()) {
                assertEquals(ReturnPeriodLosses.of(t.dense(n, false), periods, c), ReturnPeriodLosses.ofSorted(t.sortedDense(n, false), periods, c),
                        "trial " + trial + ", " + c);
            }
        }
    }
}
