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
    /** The firm-to-slot map of this use when it is sparse (null when dense). */
    private IntMap slotOf;
    /** The firm-to-slot array over all firms of this use when it is dense (null when sparse); -1 where a firm has no slot. */
    private int[] slotOfFirm;
    /** The array over all firms kept from an earlier dense use, every entry -1 again (see {@link #reset}). */
    private int[] spareSlotOfFirm;
    private int slots;
    private int[] slotFirm;
    private int[] slotHead;
    private int[] slotEntries;
    private int entries;
    private int[] entryEvent;
    private int[] entryNext;
    private double[] yen;
    private int eventBound;
    /** BI and CBI within the policy's waiting period, at {@code waiting[2 × entry]} and {@code [2 × entry + 1]}; read only when {@link #hasWaiting}. */
    private double[] waiting;
    /** Whether a firm of this use has had a waiting period's loss (until then {@link #waiting} holds nothing of this use). */
    private boolean hasWaiting;
    private int[] scratch = new int[8];
    /** {@link #slotsByFirm}'s order, kept for the next use (a large outbreak's is megabytes); grown to the most slots met. */
    private int[] slotOrder = new int[16];

    /** A ledger for about {@code expected} entries among {@code firms} firms. */
    LossLedger(int expected, int firms) {
        reset(expected, firms);
    }

    /**
     * Empties the ledger for a new use with about {@code expected} entries among {@code firms}
     * firms, keeping its arrays where they are large enough: a thread's replicates reuse one
     * ledger ({@link LossModel}), so a large outbreak's tens of megabytes are neither allocated nor
     * zeroed again. Nothing of an earlier use is read again: a slot's and an entry's every field is
     * written when it is opened ({@link #entry}), and the array over all firms gets back its -1 at
     * exactly the firms the earlier use opened.
     */
    void reset(int expected, int firms) {
        if (slotOfFirm != null) {
            for (int s = 0; s < slots; s++) slotOfFirm[slotFirm[s]] = -1;
            spareSlotOfFirm = slotOfFirm;
        }
        slots = 0;
        entries = 0;
        eventBound = 0;
        hasWaiting = false;
        int cap = Math.max(16, expected);
        if ((long) expected * DENSE_SHARE >= firms) {
            slotOf = null;
            if (spareSlotOfFirm == null || spareSlotOfFirm.length != firms) {
                spareSlotOfFirm = new int[firms];
                Arrays.fill(spareSlotOfFirm, -1);
            }
            slotOfFirm = spareSlotOfFirm;
        } else {
            slotOf = new IntMap(cap);
            slotOfFirm = null;
        }
        if (slotFirm == null || slotFirm.length < cap) {
            slotFirm = new int[cap];
            slotHead = new int[cap];
            slotEntries = new int[cap];
        }
        if (entryEvent == null || entryEvent.length < cap) {
            entryEvent = new int[cap];
            entryNext = new int[cap];
            yen = new double[cap * LossModel.COMPONENTS];
            waiting = null;
        }
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
            slotEntries[slot] = 0;
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
        for (int at = x * LossModel.COMPONENTS, end = at + LossModel.COMPONENTS; at < end; at++) yen[at] = 0;
        if (hasWaiting) {
            waiting[2 * x] = 0;
            waiting[2 * x + 1] = 0;
        }
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
        if (!hasWaiting) {
            // the first of this use: the entries opened so far start at zero, and from now on each new one does too
            if (waiting == null || waiting.length < 2 * entryEvent.length) waiting = new double[2 * entryEvent.length];
            else Arrays.fill(waiting, 0, 2 * entries, 0);
            hasWaiting = true;
        }
        waiting[2 * entry + (cbi ? 1 : 0)] += amount;
    }

    /** BI ({@code cbi} false) or CBI of the entry within its firm's waiting period. */
    double waiting(int entry, boolean cbi) { return hasWaiting ? waiting[2 * entry + (cbi ? 1 : 0)] : 0; }

    /** Number of firms with an entry. */
    int firms() { return slots; }

    int firm(int slot) { return slotFirm[slot]; }

    int entryCount(int slot) { return slotEntries[slot]; }

    /**
     * The slots in increasing firm order (without sorting when they were opened in that order, as direct losses open
     * them), in an array the ledger keeps for its next use: the first {@link #firms} are valid.
     */
    int[] slotsByFirm() {
        if (slotOrder.length < slots) slotOrder = new int[Math.max(slots, 2 * slotOrder.length)];
        int[] ordered = slotOrder;
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
