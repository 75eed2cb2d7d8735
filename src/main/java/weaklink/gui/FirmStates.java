package weaklink.gui;

import java.util.Arrays;
import weaklink.model.ReplicateRecord;
import weaklink.network.SupplyNetwork;

/**
 * Each firm's {@link FirmState} on a given day, derived from the replicate's record so far, with
 * the day's totals overall and per tier.
 *
 * <p>A day {@code t} counts an interval {@code [a, b)} when it overlaps {@code [t, t+1)} (a
 * zero-length interval counts on its own day), as {@link ReplicateRecord#dailyCompromised()} and
 * {@link ReplicateRecord#dailyDown()} do, so the live chart shows the same numbers as a batch
 * run's {@code timeseries.csv}. Only firms the record mentions are visited on an update: the cost
 * is proportional to the compromises so far, not to the size of the network.
 */
final class FirmStates {
    private static final FirmState[] STATES = FirmState.values();

    private final SupplyNetwork net;
    private final int[] tierFirms;
    private final byte[] state;
    private final boolean[] touched;
    private final boolean[] compromisedToday;
    private final boolean[] downToday;
    private final boolean[] startedByToday;
    private int[] touchedList = new int[64];
    private int touchedCount;
    private int entriesSeen;
    private int compromised;
    private int down;
    private final int[][] tierCounts;
    private int day = -1;

    FirmStates(SupplyNetwork net) {
        this.net = net;
        int n = net.firmCount();
        this.tierFirms = new int[net.maxTier() + 1];
        for (int f = 0; f < n; f++) tierFirms[net.tier(f)]++;
        this.state = new byte[n];
        this.touched = new boolean[n];
        this.compromisedToday = new boolean[n];
        this.downToday = new boolean[n];
        this.startedByToday = new boolean[n];
        this.tierCounts = new int[tierFirms.length][STATES.length];
        reset();
    }

    /** Every firm healthy, nothing seen: the state before a replicate starts. */
    void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int f = touchedList[i];
            touched[f] = false;
            state[f] = (byte) FirmState.HEALTHY.ordinal();
        }
        touchedCount = 0;
        entriesSeen = 0;
        compromised = 0;
        down = 0;
        day = -1;
        for (int t = 0; t < tierFirms.length; t++) {
            Arrays.fill(tierCounts[t], 0);
            tierCounts[t][FirmState.HEALTHY.ordinal()] = tierFirms[t];
        }
    }

    /** Recomputes every state for day {@code t} from the record's entries so far. */
    void update(ReplicateRecord record, int t) {
        for (int k = entriesSeen; k < record.size(); k++) {
            int f = record.firm(k);
            if (touched[f]) continue;
            touched[f] = true;
            if (touchedCount == touchedList.length) touchedList = Arrays.copyOf(touchedList, touchedCount * 2);
            touchedList[touchedCount++] = f;
        }
        entriesSeen = record.size();
        for (int i = 0; i < touchedCount; i++) {
            int f = touchedList[i];
            compromisedToday[f] = false;
            downToday[f] = false;
            startedByToday[f] = false;
        }
        for (int k = 0; k < record.size(); k++) {
            if (record.day(k) > t) continue;
            int f = record.firm(k);
            startedByToday[f] = true;
            if (overlapsDay(record.day(k), record.detectDay(k), t)) compromisedToday[f] = true;
            if (record.causesOutage(k) && overlapsDay(record.outageStart(k), record.outageEnd(k), t)) downToday[f] = true;
        }
        compromised = 0;
        down = 0;
        for (int[] c : tierCounts) Arrays.fill(c, 0);
        for (int i = 0; i < touchedCount; i++) {
            int f = touchedList[i];
            if (compromisedToday[f]) compromised++;
            if (downToday[f]) down++;
            FirmState s = downToday[f] ? FirmState.DOWN : compromisedToday[f] ? FirmState.COMPROMISED
                    : startedByToday[f] ? FirmState.RECOVERED : FirmState.HEALTHY;
            state[f] = (byte) s.ordinal();
            tierCounts[net.tier(f)][s.ordinal()]++;
        }
        for (int tier = 0; tier < tierFirms.length; tier++) {
            int affected = 0;
            for (FirmState s : STATES) if (s != FirmState.HEALTHY) affected += tierCounts[tier][s.ordinal()];
            tierCounts[tier][FirmState.HEALTHY.ordinal()] = tierFirms[tier] - affected;
        }
        day = t;
    }

    /**
     * Whether day {@code t} overlaps {@code [start, end)}: days {@code floor(start)} to
     * {@code ceil(end) - 1}, or day {@code floor(start)} alone when the interval is empty.
     */
    static boolean overlapsDay(double start, double end, int t) {
        double first = Math.floor(start);
        double last = end > start ? Math.ceil(end) - 1 : first;
        return first <= t && t <= last;
    }

    FirmState state(int firm) { return STATES[state[firm]]; }

    /** The day last computed, or -1 before the first update. */
    int day() { return day; }

    /** Firms with an undetected compromise during the day (as {@code timeseries.csv}'s mean_compromised). */
    int compromised() { return compromised; }

    /** Firms in an outage during the day (as {@code timeseries.csv}'s mean_down). */
    int down() { return down; }

    /** How many record entries the last update had seen. */
    int entriesSeen() { return entriesSeen; }

    int tierCount() { return tierFirms.length; }

    int totalFirms() { return state.length; }

    int tierFirms(int tier) { return tierFirms[tier]; }

    /** Firms of {@code tier} whose colour on the day is {@code s} (the categories add up to the tier). */
    int tierCount(int tier, FirmState s) { return tierCounts[tier][s.ordinal()]; }
}
