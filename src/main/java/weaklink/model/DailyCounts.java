package weaklink.model;

import java.util.Arrays;

/**
 * The daily counts of compromised and down firms computed once from a finished
 * {@link ReplicateRecord}, for a replicate that is run to its end rather than stepped day by day:
 * the same numbers {@link DailyStatus} keeps day by day, without its per-firm counters and per-day
 * transition buckets (on a large outbreak, two random memory accesses per compromise fewer).
 *
 * <p>A day {@code t} counts an interval {@code [a, b)} when it overlaps {@code [t, t+1)}: days
 * {@code ⌊a⌋ … ⌈b⌉ − 1}, or day {@code ⌊a⌋} alone when the interval is empty, within the year.
 * A firm with one compromise adds its day range to a difference array. A firm counts once per day
 * however many of its intervals overlap, so the firms compromised more than once (by several
 * campaigns; found with a bit per firm) have their day ranges merged first.
 */
final class DailyCounts {
    private DailyCounts() {}

    /** Fills {@code compromised} and {@code down} (one entry per day) from {@code r}. */
    static void count(ReplicateRecord r, int firms, int[] compromised, int[] down) {
        int days = compromised.length, n = r.size();
        long[] seen = new long[(firms + 63) >>> 6], repeated = new long[seen.length];
        int repeats = 0;
        for (int k = 0; k < n; k++) {
            int f = r.firm(k);
            long bit = 1L << f;
            if ((seen[f >>> 6] & bit) != 0) {
                repeats++;
                repeated[f >>> 6] |= bit;
            }
            seen[f >>> 6] |= bit;
        }
        int[] compromisedDiff = new int[days + 1], downDiff = new int[days + 1];
        long[] byFirm = new long[repeats == 0 ? 0 : n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int f = r.firm(k);
            if (repeats > 0 && (repeated[f >>> 6] & 1L << f) != 0) {
                byFirm[m++] = (long) f << 32 | k;
                continue;
            }
            addRange(compromisedDiff, r.day(k), r.detectDay(k), days);
            if (r.causesOutage(k)) addRange(downDiff, r.outageStart(k), r.outageEnd(k), days);
        }
        Arrays.sort(byFirm, 0, m);
        for (int i = 0, j; i < m; i = j) {
            int f = (int) (byFirm[i] >>> 32);
            for (j = i; j < m && (int) (byFirm[j] >>> 32) == f; j++) {
                // the firm's entries byFirm[i..j)
            }
            addUnion(compromisedDiff, r, byFirm, i, j, days, false);
            addUnion(downDiff, r, byFirm, i, j, days, true);
        }
        prefixSums(compromisedDiff, compromised);
        prefixSums(downDiff, down);
    }

    /** Adds day range {@code [lo, hi)} of interval {@code [a, b)} to {@code diff}. */
    private static void addRange(int[] diff, double a, double b, int days) {
        long range = range(a, b, days);
        if (range < 0) return;
        diff[(int) (range >>> 32)]++;
        diff[(int) range]--;
    }

    /** The days {@code [lo, hi)} that interval {@code [a, b)} counts on, as {@code lo << 32 | hi}, or -1 when none. */
    private static long range(double a, double b, int days) {
        double first = Math.floor(a);
        if (!(first < days)) return -1;
        double afterLast = b > a ? Math.ceil(b) : first + 1;
        int lo = (int) Math.max(0, first), hi = (int) Math.min(days, afterLast);
        return (long) lo << 32 | hi;
    }

    /** Adds the union of the day ranges of one firm's entries {@code byFirm[i..j)} (compromises, or outages when {@code outages}). */
    private static void addUnion(int[] diff, ReplicateRecord r, long[] byFirm, int i, int j, int days, boolean outages) {
        long[] ranges = new long[j - i];
        int n = 0;
        for (int x = i; x < j; x++) {
            int k = (int) byFirm[x];
            long range;
            if (outages) range = r.causesOutage(k) ? range(r.outageStart(k), r.outageEnd(k), days) : -1;
            else range = range(r.day(k), r.detectDay(k), days);
            if (range >= 0) ranges[n++] = range;
        }
        Arrays.sort(ranges, 0, n); // by start, then end
        for (int x = 0; x < n; ) {
            int lo = (int) (ranges[x] >>> 32), hi = (int) ranges[x];
            for (x++; x < n && (int) (ranges[x] >>> 32) <= hi; x++) hi = Math.max(hi, (int) ranges[x]);
            diff[lo]++;
            diff[hi]--;
        }
    }

    private static void prefixSums(int[] diff, int[] out) {
        int running = 0;
        for (int t = 0; t < out.length; t++) {
            running += diff[t];
            out[t] = running;
        }
    }
}
