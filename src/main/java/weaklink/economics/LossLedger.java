package weaklink.economics;

import weaklink.production.IntMap;
import java.util.Arrays;
import weaklink.economics.ReplicateLosses.Component;

/**
 * A replicate's losses per (firm, campaign) by component, in primitive arrays: a slot per firm
 * (found through {@link IntMap}, or through an array over all firms when the ledger will hold a
 * sizeable share of them) heads a short list of entries, one per
 * campaign that cost the firm something; an entry's yen sit at {@code yen[entry × components + c]}.
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
    private int[] entryCampaign;
    private int[] entryNext;
    private double[] yen;
    private int campaignBound;
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
        entryCampaign = new int[cap];
        entryNext = new int[cap];
        yen = new double[cap * LossModel.COMPONENTS];
    }

    /** The entry of (firm, campaign), added (at zero) if new. */
    int entry(int firm, int campaign) {
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
        for (int x = slotHead[slot]; x >= 0; x = entryNext[x]) if (entryCampaign[x] == campaign) return x;
        if (entries == entryCampaign.length) {
            int cap = 2 * entries;
            entryCampaign = Arrays.copyOf(entryCampaign, cap);
            entryNext = Arrays.copyOf(entryNext, cap);
            yen = Arrays.copyOf(yen, cap * LossModel.COMPONENTS);
        }
        int x = entries++;
        entryCampaign[x] = campaign;
        entryNext[x] = slotHead[slot];
        slotHead[slot] = x;
        slotEntries[slot]++;
        campaignBound = Math.max(campaignBound, campaign + 1);
        return x;
    }

    void add(int entry, Component c, double amount) { yen[entry * LossModel.COMPONENTS + c.ordinal()] += amount; }

    double yen(int entry, Component c) { return yen[entry * LossModel.COMPONENTS + c.ordinal()]; }

    double yen(int entry, int component) { return yen[entry * LossModel.COMPONENTS + component]; }

    int campaign(int entry) { return entryCampaign[entry]; }

    /** One more than the largest campaign in the ledger. */
    int campaignBound() { return campaignBound; }

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
     * The slot's entries in increasing campaign order, in a scratch array reused by the next
     * call (the first {@link #entryCount} are valid).
     */
    int[] entriesByCampaign(int slot) {
        int n = slotEntries[slot];
        if (scratch.length < n) scratch = new int[Math.max(n, 2 * scratch.length)];
        int i = 0;
        for (int x = slotHead[slot]; x >= 0; x = entryNext[x]) {
            int j = i++;
            for (; j > 0 && entryCampaign[scratch[j - 1]] > entryCampaign[x]; j--) scratch[j] = scratch[j - 1];
            scratch[j] = x;
        }
        return scratch;
    }
}
