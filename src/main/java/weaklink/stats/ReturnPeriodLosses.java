package weaklink.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Losses by return period for an exceedance-probability table (Oasis ORD EPT and PSEPT), under one
 * of two quantile conventions, from a sample of {@code n} simulated years (every year counted, years
 * without loss as 0):
 * <ul>
 *   <li>{@link Convention#TYPE1}, WeakLink's: the loss at {@code T} is {@code VaR_{1 − 1/T} = x_(⌈(1 − 1/T)n⌉)}
 *       (the type-1 quantile of Hyndman &amp; Fan 1996) and the tail value is the Acerbi &amp; Tasche (2002)
 *       TVaR — both as {@link Sample} defines them, the figures of {@code exceedance.csv};</li>
 *   <li>{@link Convention#KTOOLS}, Oasis' ktools/oasislmf {@code lec}: the years with a loss ranked from the
 *       largest, the {@code i}-th largest has return period {@code n/i}; the loss at {@code T} is the year at
 *       rank {@code n/T} when that is whole, otherwise linearly interpolated in return period between the two
 *       ranks around it; the tail value adds that loss to the running mean of the larger years,
 *       {@code ((i − 1)·mean(x_1..x_{i−1}) + loss)/i}, with {@code i} the first rank at or below {@code T}
 *       (a second return period between the same ranks continues from the first one's tail value with
 *       {@code i + 1}). Return periods beyond the last year with a loss get loss 0 and the tail value
 *       {@code sum/(k + j)}, {@code k} the years with a loss and {@code j} the return period's place among
 *       those beyond (ktools' {@code aggreports} and oasislmf's {@code pytools/lec}, which never rank the
 *       years without loss).</li>
 * </ul>
 * At {@code T = n/k} for a whole {@code k} the two differ by one rank: type 1 gives the {@code (k+1)}-th
 * largest year, ktools the {@code k}-th; both give the mean of the {@code k} largest as the tail value.
 */
public final class ReturnPeriodLosses {
    /** The quantile convention. */
    public enum Convention { TYPE1, KTOOLS }

    /** The market's grid of return periods in years; {@link #supported} keeps those the years support. */
    public static final List<Double> MARKET_GRID = List.of(2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0,
            2000.0, 2500.0, 5000.0, 10_000.0, 20_000.0, 25_000.0, 50_000.0, 100_000.0, 200_000.0, 250_000.0, 500_000.0, 1_000_000.0);

    /**
     * One point: return period, loss and tail value.
     *
     * @param returnPeriod years
     * @param loss         the loss exceeded on average once in {@code returnPeriod} years
     * @param tailValue    the mean loss of the years beyond it
     */
    public record Point(double returnPeriod, double loss, double tailValue) {}

    private ReturnPeriodLosses() {}

    /**
     * The return periods an EPT reports from {@code n} years: the market grid where at least
     * {@link TailEstimate#MIN_YEARS_BEYOND} years lie beyond ({@code T ≤ n/10}); or the periods the user
     * asked for, each up to {@code n} (ktools' own limit); longest first, as ktools writes them.
     */
    public static List<Double> supported(int n, List<Double> requested) {
        List<Double> out = new ArrayList<>();
        if (requested == null) {
            for (double t : MARKET_GRID) if (t * TailEstimate.MIN_YEARS_BEYOND <= n) out.add(t);
        } else {
            for (double t : requested) if (t <= n) out.add(t);
        }
        out.sort((a, b) -> Double.compare(b, a));
        return out;
    }

    /**
     * The points of {@code annualLosses} (one per simulated year) at {@code returnPeriods} (longest first).
     */
    public static List<Point> of(double[] annualLosses, List<Double> returnPeriods, Convention convention) {
        double[] ascending = annualLosses.clone();
        java.util.Arrays.sort(ascending);
        return ofSorted(ascending, returnPeriods, convention);
    }

    /**
     * {@link #ofSorted} of {@code years} annual losses given as their non-zero values in ascending order
     * ({@code nonZero}, read, never copied; no -0.0) and {@code years − nonZero.length} zeros: the sorted
     * years are {@code nonZero}'s negative values, the zeros, then its positive ones. A summary group with a
     * loss in a few of a thousand years makes no array of every year; under {@link Convention#TYPE1} each point
     * reads the same places and adds the same non-zero values in the same order as {@link Sample#quantile} and
     * {@link Sample#tailValueAtRisk} over every year (adding a year's +0.0 to a sum never changes it), so the
     * points are the same to the bit (OrdYearTotalsTest); ktools' convention is taken from every year.
     */
    public static List<Point> ofNonZero(double[] nonZero, int years, List<Double> returnPeriods, Convention convention) {
        if (convention != Convention.TYPE1 || years == 0) return ofSorted(withZeros(nonZero, years), returnPeriods, convention);
        SortedYears sorted = new SortedYears(nonZero, years);
        List<Point> out = new ArrayList<>(returnPeriods.size());
        for (double t : returnPeriods) {
            double alpha = 1 - 1.0 / t;
            out.add(new Point(t, sorted.quantile(alpha), sorted.tailValueAtRisk(alpha)));
        }
        return out;
    }

    /** Every year in ascending order: {@code nonZero}'s negative values, the zeros, then its positive ones. */
    private static double[] withZeros(double[] nonZero, int years) {
        double[] out = new double[years];
        int negative = SortedYears.negatives(nonZero);
        System.arraycopy(nonZero, 0, out, 0, negative);
        System.arraycopy(nonZero, negative, out, years - (nonZero.length - negative), nonZero.length - negative);
        return out;
    }

    /** The years sorted, read through their non-zero values: Sample's type-1 quantile and TVaR at the same places. */
    private static final class SortedYears {
        private final double[] nonZero;
        private final int n, negative, zeros;

        SortedYears(double[] nonZero, int n) {
            this.nonZero = nonZero;
            this.n = n;
            this.negative = negatives(nonZero);
            this.zeros = n - nonZero.length;
        }

        static int negatives(double[] ascending) {
            int k = 0;
            while (k < ascending.length && ascending[k] < 0) k++;
            return k;
        }

        /** The {@code i}-th smallest year (0-based). */
        double at(int i) {
            if (i < negative) return nonZero[i];
            return i < negative + zeros ? 0.0 : nonZero[i - zeros];
        }

        /** {@link Sample#quantile(double[], double)}: the same index of the same years. */
        double quantile(double p) {
            int k = (int) Math.ceil(p * n - 1e-9);
            return at(Math.min(n - 1, Math.max(0, k - 1)));
        }

        /** {@link Sample#tailValueAtRisk}: the years from {@code k} added in ascending order, the zeros among them skipped. */
        double tailValueAtRisk(double alpha) {
            double tailYears = (1 - alpha) * n;
            if (tailYears <= 1e-9) return at(n - 1);
            int k = Math.min(n, Math.max(1, (int) Math.ceil(alpha * n - 1e-9)));
            double s = 0;
            for (int j = k <= negative ? k : Math.max(negative, k - zeros); j < nonZero.length; j++) s += nonZero[j];
            double partial = Math.max(0, k - alpha * n);
            return (s + partial * at(k - 1)) / tailYears;
        }
    }

    /**
     * {@link #of} of annual losses already sorted in ascending order ({@code Arrays.sort}'s order; read,
     * never copied): a caller that can sort fewer values (an ORD table's years without loss are zeros)
     * skips sorting a copy of every year.
     */
    public static List<Point> ofSorted(double[] ascending, List<Double> returnPeriods, Convention convention) {
        List<Point> out = new ArrayList<>();
        if (convention == Convention.TYPE1) {
            for (double t : returnPeriods) {
                double alpha = 1 - 1.0 / t;
                out.add(new Point(t, Sample.quantile(ascending, alpha), Sample.tailValueAtRisk(ascending, alpha)));
            }
            return out;
        }
        int n = ascending.length, withLoss = 0;
        while (withLoss < n && ascending[n - 1 - withLoss] > 0) withLoss++;
        int next = 0, i = 1;
        double lastRp = 0, lastLoss = 0, mean = 0;
        // ktools ranks only the years with a loss ...
        for (; i <= withLoss && next < returnPeriods.size(); i++) {
            double x = ascending[n - i], rp = (double) n / i;
            int counter = i;
            double tail = mean;
            while (next < returnPeriods.size() && rp <= returnPeriods.get(next)) {
                double t = returnPeriods.get(next);
                double loss = rp == t ? x : (t - rp) * (lastLoss - x) / (lastRp - rp) + x;
                tail = tail - (tail - loss) / counter;
                out.add(new Point(t, loss, tail));
                counter++;
                next++;
            }
            lastRp = rp;
            lastLoss = x;
            mean = mean - (mean - x) / i;
        }
        // ... and gives the return periods beyond them loss 0, its running tail continuing with the next counts
        for (int counter = i; next < returnPeriods.size(); counter++, next++) {
            mean = mean - mean / counter;
            out.add(new Point(returnPeriods.get(next), 0, mean));
        }
        return out;
    }
}
