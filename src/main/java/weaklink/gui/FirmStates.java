package weaklink.gui;

import java.util.Arrays;
import weaklink.model.FirmStatus;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.network.SupplyNetwork;

/**
 * What the display shows of the day the model last ended: each firm's {@link FirmStatus} (the
 * model's {@link ReplicateModel#firmStatus(int)}), the day's totals of compromised and down firms
 * (the replicate's daily counts, as in {@code timeseries.csv}), and how many firms of each tier
 * are in each state. Only firms the record mentions are visited on an update, so the cost follows
 * the compromises so far, not the size of the network.
 */
final class FirmStates {
    private static final FirmStatus[] STATES = FirmStatus.values();

    private final SupplyNetwork net;
    private final int[] tierFirms;
    private final byte[] state;
    private final boolean[] touched;
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
        this.tierCounts = new int[tierFirms.length][STATES.length];
        reset();
    }

    /** Every firm healthy, nothing seen: the state before a replicate starts. */
    void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int f = touchedList[i];
            touched[f] = false;
            state[f] = (byte) FirmStatus.HEALTHY.ordinal();
        }
        touchedCount = 0;
        entriesSeen = 0;
        compromised = 0;
        down = 0;
        day = -1;
        for (int t = 0; t < tierFirms.length; t++) {
            Arrays.fill(tierCounts[t], 0);
            tierCounts[t][FirmStatus.HEALTHY.ordinal()] = tierFirms[t];
        }
    }

    /** Reads the model's status of every firm it has touched, for the day it last ended. */
    void update(ReplicateModel model) {
        ReplicateRecord record = model.record();
        int t = model.statusDay();
        for (int k = entriesSeen; k < record.size(); k++) {
            int f = record.firm(k);
            if (touched[f]) continue;
            touched[f] = true;
            if (touchedCount == touchedList.length) touchedList = Arrays.copyOf(touchedList, touchedCount * 2);
            touchedList[touchedCount++] = f;
        }
        entriesSeen = record.size();
        for (int[] c : tierCounts) Arrays.fill(c, 0);
        for (int i = 0; i < touchedCount; i++) {
            int f = touchedList[i];
            FirmStatus s = model.firmStatus(f);
            state[f] = (byte) s.ordinal();
            tierCounts[net.tier(f)][s.ordinal()]++;
        }
        for (int tier = 0; tier < tierFirms.length; tier++) {
            int affected = 0;
            for (FirmStatus s : STATES) if (s != FirmStatus.HEALTHY) affected += tierCounts[tier][s.ordinal()];
            tierCounts[tier][FirmStatus.HEALTHY.ordinal()] = tierFirms[tier] - affected;
        }
        compromised = t >= 0 ? record.dailyCompromised()[t] : 0;
        down = t >= 0 ? record.dailyDown()[t] : 0;
        day = t;
    }

    FirmStatus state(int firm) { return STATES[state[firm]]; }

    /** The day shown, or -1 before the first day has ended. */
    int day() { return day; }

    /** Firms with an undetected compromise during the day (as {@code timeseries.csv}'s mean_compromised). */
    int compromised() { return compromised; }

    /** Firms in an outage during the day (as {@code timeseries.csv}'s mean_down). */
    int down() { return down; }

    int tierCount() { return tierFirms.length; }

    int totalFirms() { return state.length; }

    int tierFirms(int tier) { return tierFirms[tier]; }

    /** Firms of {@code tier} whose colour on the day is {@code s} (the categories add up to the tier). */
    int tierCount(int tier, FirmStatus s) { return tierCounts[tier][s.ordinal()]; }
}
