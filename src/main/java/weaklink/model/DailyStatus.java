package weaklink.model;

import java.util.Arrays;

/**
 * Each firm's {@link FirmStatus} day by day, and the daily counts of compromised and down firms,
 * kept, when the model is stepped day by day (a display), by its end-of-day step from the
 * transitions the compromises schedule (a batch run uses {@link DailyCounts} instead): the start
 * and end of each undetected compromise, and of each outage (detonation, then recovery).
 *
 * <p>A day {@code t} counts an interval {@code [a, b)} when it overlaps {@code [t, t+1)}: days
 * {@code floor(a)} to {@code ceil(b) − 1}, or day {@code floor(a)} alone when the interval is
 * empty. A firm counts once however many of its intervals overlap (per-firm counters of open
 * intervals). Transitions wait in per-day buckets, so the cost is O(1) per transition and O(1)
 * per day, never O(firms) per day.
 */
final class DailyStatus {
    private static final int COMPROMISE_START = 0, COMPROMISE_END = 1, OUTAGE_START = 2, OUTAGE_END = 3;
    private static final int AFFECTED = 1 << 30, COUNT = AFFECTED - 1;

    private final int days;
    private final int[][] bucket;
    private final IntArrayPool pool = new IntArrayPool();
    private final int[] bucketSize;
    /** Per firm: open undetected compromises, with {@link #AFFECTED} set once the firm was ever compromised (one memory access per transition). */
    private final int[] openCompromises;
    private final int[] openOutages;
    private int compromisedNow;
    private int downNow;
    private int day = -1;
    final int[] dailyCompromised;
    final int[] dailyDown;

    DailyStatus(int firms, int days) {
        if (firms >= 1 << 29) throw new IllegalArgumentException("at most 2^29 firms");
        this.days = days;
        this.bucket = new int[days][];
        this.bucketSize = new int[days];
        this.openCompromises = new int[firms];
        this.openOutages = new int[firms];
        this.dailyCompromised = new int[days];
        this.dailyDown = new int[days];
    }

    /** Schedules the undetected compromise of {@code firm} over {@code [start, end)}. */
    void compromise(int firm, double start, double end) { interval(firm, start, end, COMPROMISE_START); }

    /** Schedules the outage of {@code firm} over {@code [start, end)}. */
    void outage(int firm, double start, double end) { interval(firm, start, end, OUTAGE_START); }

    private void interval(int firm, double start, double end, int startKind) {
        double first = Math.floor(start);
        if (!(first < days)) return;
        double afterLast = end > start ? Math.ceil(end) : first + 1;
        push((int) Math.max(0, first), firm << 2 | startKind);
        if (afterLast < days) push((int) afterLast, firm << 2 | (startKind + 1));
    }

    private void push(int t, int transition) {
        if (t <= day) throw new IllegalStateException("transition for day " + t + " scheduled after that day ended");
        int[] b = bucket[t];
        if (b == null) b = bucket[t] = pool.take(64);
        else if (bucketSize[t] == b.length) b = bucket[t] = Arrays.copyOf(b, b.length * 2);
        b[bucketSize[t]++] = transition;
    }

    /** Applies day {@code t}'s transitions and records its counts; days end in order. */
    void endDay(int t) {
        if (t != day + 1) throw new IllegalStateException("day " + t + " ended after day " + day);
        int[] b = bucket[t];
        for (int k = 0, n = bucketSize[t]; k < n; k++) {
            int firm = b[k] >>> 2;
            switch (b[k] & 3) {
                case COMPROMISE_START -> {
                    if ((openCompromises[firm] & COUNT) == 0) compromisedNow++;
                    openCompromises[firm] = (openCompromises[firm] + 1) | AFFECTED;
                }
                case COMPROMISE_END -> { if ((--openCompromises[firm] & COUNT) == 0) compromisedNow--; }
                case OUTAGE_START -> { if (openOutages[firm]++ == 0) downNow++; }
                case OUTAGE_END -> { if (--openOutages[firm] == 0) downNow--; }
                default -> throw new IllegalStateException();
            }
        }
        if (b != null) pool.give(b);
        bucket[t] = null;
        dailyCompromised[t] = compromisedNow;
        dailyDown[t] = downNow;
        day = t;
    }

    /** The last day that ended, or -1 before the first. */
    int day() { return day; }

    /** The firm's status during the last day that ended. */
    FirmStatus status(int firm) {
        if (openOutages[firm] > 0) return FirmStatus.DOWN;
        if ((openCompromises[firm] & COUNT) > 0) return FirmStatus.COMPROMISED;
        return openCompromises[firm] != 0 ? FirmStatus.RECOVERED : FirmStatus.HEALTHY;
    }
}
