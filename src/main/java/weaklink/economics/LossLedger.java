package weaklink.economics;

import weaklink.production.IntMap;
import java.util.Arrays;
import weaklink.economics.ReplicateLosses.Component;

/**
 * A replicate's losses per (firm, event) by component, in primitive arrays: a slot per firm
 * (found through {@link IntMap}, or through an array over all firms when the ledger will hold a
 * sizeable share of them) heads a short list of entries, one per
 * event that cost the firm something; an entry's yen sit at {@code yen[entry × components + c]}.
 * An entry also keeps the business interruption and CBI of the waiting period of the firm's
 * policy (the part its insurance does not cover), for firms whose terms have one.
 */
final class LossLedger {
    /**
     * The firm-to-slot index is an array over all firms once the expected entries reach
     * {@code 1/DENSE_SHARE} of the firms: no more memory than the hash map's (at least 16 bytes per
     * entry) within a factor 2, and a large outbreak, whose firms come in increasing order, reads
     * it sequentially instead of at hashed positions (a cache miss each on a million firms).
     */
    private static final int DENSE_SHARE = 8;
    private final IntMap slotOf;
    private final int[] slotOfFirm;
    private int slots;
    private int[] slotFirm;
    private int[] slotHead;
    private int[] slotEntries;
    private int entries;
    private int[] entryEvent;
    private int[] entryNext;
    private double[] yen;
    private int eventBound;
    /** BI and CBI within the policy's waiting period, at {@code waiting[2 × entry]} and {@code [2 × entry + 1]}; null until a firm has one. */
    private double[] waiting;
    private int[] scratch = new int[8];

    /** A ledger for about {@code expected} entries among {@code firms} firms. */
    LossLedger(int expected, int firms) {
        int cap = Math.max(16, expected);
        if ((long) expected * DENSE_SHARE >= firms) {
            slotOf = null;
            slotOfFirm = new int[firms];
            Arrays.fill(slotOfFirm, -1);
        } else {
            slotOf = new IntMap(cap);
            slotOfFirm = null;
        }
        slotFirm = new int[cap];
        slotHead = new int[cap];
        slotEntries = new int[cap];
        entryEvent = new int[cap];
        entryNext = new int[cap];
        yen = new double[cap * LossModel.COMPONENTS];
    }

    /** The entry of (firm, event), added (at zero) if new. */
    int entry(int firm, int event) {
        int slot = slotOfFirm != null ? slotOfFirm[firm] : slotOf.get(firm);
        if (slot < 0) {
            if (slots == slotFirm.length) {
                int cap = 2 * slots;
                slotFirm = Arrays.copyOf(slotFirm, cap);
                slotHead = Arrays.copyOf(slotHead, cap);
                slotEntries = Arrays.copyOf(slotEntries, cap);
            }
            slot = slots++;
            slotFirm[slot] = firm;
            slotHead[slot] = -1;
            if (slotOfFirm != null) slotOfFirm[firm] = slot;
            else slotOf.put(firm, slot);
        }
        for (int x = slotHead[slot]; x >= 0; x = entryNext[x]) if (entryEvent[x] == event) return x;
        if (entries == entryEvent.length) {
            int cap = 2 * entries;
            entryEvent = Arrays.copyOf(entryEvent, cap);
            entryNext = Arrays.copyOf(entryNext, cap);
            yen = Arrays.copyOf(yen, cap * LossModel.COMPONENTS);
            if (waiting != null) waiting = Arrays.copyOf(waiting, 2 * cap);
        }
        int x = entries++;
        entryEvent[x] = event;
        entryNext[x] = slotHead[slot];
        slotHead[slot] = x;
        slotEntries[slot]++;
        eventBound = Math.max(eventBound, event + 1);
        return x;
    }

    void add(int entry, Component c, double amount) { yen[entry * LossModel.COMPONENTS + c.ordinal()] += amount; }

    double yen(int entry, Component c) { return yen[entry * LossModel.COMPONENTS + c.ordinal()]; }

    double yen(int entry, int component) { return yen[entry * LossModel.COMPONENTS + component]; }

    int event(int entry) { return entryEvent[entry]; }

    /** One more than the largest event in the ledger. */
    int eventBound() { return eventBound; }

    /** Adds business interruption ({@code cbi} false) or CBI within the firm's waiting period to an entry. */
    void addWaiting(int entry, boolean cbi, double amount) {
        if (waiting == null) waiting = new double[2 * entryEvent.length];
        waiting[2 * entry + (cbi ? 1 : 0)] += amount;
    }

    /** BI ({@code cbi} false) or CBI of the entry within its firm's waiting period. */
    double waiting(int entry, boolean cbi) { return waiting == null ? 0 : waiting[2 * entry + (cbi ? 1 : 0)]; }

    /** Number of firms with an entry. */
    int firms() { return slots; }

    int firm(int slot) { return slotFirm[slot]; }

    int entryCount(int slot) { return slotEntries[slot]; }

    /** The slots in increasing firm order (without sorting when they were opened in that order, as direct losses open them). */
    int[] slotsByFirm() {
        int[] ordered = new int[slots];
        boolean increasing = true;
        for (int s = 0; s < slots; s++) {
            ordered[s] = s;
            if (s > 0 && slotFirm[s] < slotFirm[s - 1]) increasing = false;
        }
        if (increasing) return ordered;
        long[] keys = new long[slots];
        for (int s = 0; s < slots; s++) keys[s] = (long) slotFirm[s] << 32 | s;
        Arrays.sort(keys);
        for (int k = 0; k < slots; k++) ordered[k] = (int) keys[k];
        return ordered;
    }

    /**
     * The slot's entries in increasing event order, in a scratch array reused by the next
     * call (the first {@link #entryCount} are valid).
     */
    int[] entriesByEvent(int slot) {
        int n = slotEntries[slot];
        if (n == 1) { // most firms of a large outbreak: one event, nothing to order
            scratch[0] = slotHead[slot];
            return scratch;
        }
        if (scratch.length < n) scratch = new int[Math.max(n, 2 * scratch.length)];
        int i = 0;
        for (int x = slotHead[slot]; x >= 0; x = entryNext[x]) {
            int j = i++;
            for (; j > 0 && entryEvent[scratch[j - 1]] > entryEvent[x]; j--) scratch[j] = scratch[j - 1];
            scratch[j] = x;
        }
        return scratch;
    }
}
