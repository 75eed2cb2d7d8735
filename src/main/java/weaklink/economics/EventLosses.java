package weaklink.economics;

import java.util.Arrays;
import weaklink.model.ReplicateRecord;
import weaklink.scenario.InsuranceSpec.EventDefinition;

/**
 * One replicate's losses event by event, as an insurer's event loss table needs them: for each
 * event with a loss (in the order the events occurred), its id, start day and actor, and per summary
 * cell ({@link SummarySets}) the ground-up loss and the insured loss with the exposure each touched.
 * With an insurer's book, ground-up and insured losses are the book's (its firms' losses, its share
 * of what their policies pay) and each book firm's claim is kept ({@link Claims}); without one, they
 * are the market's (every firm's loss, what every policy pays).
 *
 * <p>An event is one campaign, or under an {@code actor-window} definition the campaigns of one
 * actor starting within the window's hours of the event's first campaign ({@link #eventOfCampaign});
 * its id is the id of its first campaign, so the same campaigns make the same event under every
 * policy (common random numbers).
 */
public final class EventLosses {
    private final int count;
    private final int[] id, day, actor;
    /** Number of summary cells. */
    private final int cells;
    /**
     * Per event, the slot of each cell the settlement touched (1 + its index in {@link #slab}; 0: untouched, every
     * measure 0): of about 200 cells (tiers, size classes, sectors) an event touches a few, so its four measures are
     * kept for those only, not in four arrays of every cell.
     */
    private final int[][] slotOf;
    /** Per event, the cells it touched as a bitset (for {@link #nextCell}). */
    private final long[][] touched;
    /** Per slot: ground-up loss, ground-up exposure, insured loss, insured exposure, as the settlement summed them. */
    private final double[] slab;
    private final Claims claims;

    EventLosses(int count, int[] id, int[] day, int[] actor, int cells, int[][] slotOf, long[][] touched, double[] slab, Claims claims) {
        this.count = count;
        this.id = id;
        this.day = day;
        this.actor = actor;
        this.cells = cells;
        this.slotOf = slotOf;
        this.touched = touched;
        this.slab = slab;
        this.claims = claims;
    }

    /** Number of events with a loss (ground-up or insured). */
    public int size() { return count; }
    /** The event's id within the replicate: the id of its first campaign (from 0). */
    public int id(int e) { return id[e]; }
    /** The day the event's first campaign started. */
    public int day(int e) { return day[e]; }
    /** The actor of the event (its index in the scenario), or -1 for a stress-test seed. */
    public int actor(int e) { return actor[e]; }
    /** Ground-up loss of event {@code e} in summary cell {@code cell}. */
    public double gul(int e, int cell) { return measure(e, cell, 0); }
    /** Revenue of the firms of the cell with a ground-up loss in the event (the exposure it touched). */
    public double gulExposure(int e, int cell) { return measure(e, cell, 1); }
    /** Insured loss of event {@code e} in cell {@code cell}. */
    public double il(int e, int cell) { return measure(e, cell, 2); }
    /** Limits (times the book's share) of the cell's firms whose policies paid for the event. */
    public double ilExposure(int e, int cell) { return measure(e, cell, 3); }

    private double measure(int e, int cell, int measure) {
        int slot = slotOf[e][cell];
        return slot == 0 ? 0 : slab[4 * (slot - 1) + measure];
    }

    /**
     * The first cell from {@code cell} on (ascending) that event {@code e} touched, or -1: every cell it skips has all
     * four measures 0, so a walk over these cells sees every cell with a loss, in order.
     */
    public int nextCell(int e, int cell) {
        long[] bits = touched[e];
        int w = cell >>> 6;
        if (w >= bits.length) return -1;
        long word = bits[w] & -1L << cell;
        while (word == 0) {
            if (++w == bits.length) return -1;
            word = bits[w];
        }
        return w * 64 + Long.numberOfTrailingZeros(word);
    }
    /** The book's claims, or null without a book. */
    public Claims claims() { return claims; }

    /**
     * The event of each campaign of {@code record}: its own id under the campaign definition; under
     * an actor window, campaigns of one actor sorted by start day (then id) open a window at the first
     * campaign's day, and every campaign of that actor starting less than {@code hours} after it (days
     * count 24 hours from midnight) joins that event; the next one outside opens a new event.
     * Stress-test seeds are each their own event.
     *
     * @return the event id (its first campaign's id) of campaign {@code c} at index {@code c}
     */
    public static int[] eventOfCampaign(ReplicateRecord record, EventDefinition definition) {
        int n = record.campaigns();
        int[] event = new int[n];
        for (int c = 0; c < n; c++) event[c] = c;
        if (definition.byCampaign() || n < 2) return event;
        long[] keys = new long[n];
        for (int c = 0; c < n; c++) {
            int a = record.campaignActor(c);
            // actor (shifted so that seeds, -1, sort first), day, id
            keys[c] = (long) (a + 1) << 44 | (long) record.campaignDay(c) << 22 | c;
        }
        Arrays.sort(keys);
        int openActor = Integer.MIN_VALUE, openDay = 0, openId = -1;
        for (long key : keys) {
            int c = (int) (key & ((1 << 22) - 1));
            int a = record.campaignActor(c), d = record.campaignDay(c);
            if (a >= 0 && a == openActor && (d - openDay) * 24.0 < definition.windowHours()) {
                event[c] = openId;
                continue;
            }
            openActor = a;
            openDay = d;
            openId = c;
        }
        return event;
    }

    /**
     * The book's claims of a replicate, one per (event, insured firm) with a loss, by event in
     * occurrence order, then firm: what the firm lost and what its policy paid.
     */
    public static final class Claims {
        private int size;
        private int[] event = new int[16], firm = new int[16];
        private double[][] yen = new double[FIELDS][16];
        /** Fields of a claim, in this order. */
        public static final int GROUND_UP = 0, BI = 1, CBI = 2, RANSOM = 3, WAITING = 4, PAID = 5, BOOK = 6, FIELDS = 7;

        void add(int eventIndex, int f, double groundUp, double bi, double cbi, double ransom, double waiting, double paid, double book) {
            if (size == event.length) {
                int n = 2 * size;
                event = Arrays.copyOf(event, n);
                firm = Arrays.copyOf(firm, n);
                for (int i = 0; i < FIELDS; i++) yen[i] = Arrays.copyOf(yen[i], n);
            }
            event[size] = eventIndex;
            firm[size] = f;
            double[] v = {groundUp, bi, cbi, ransom, waiting, paid, book};
            for (int i = 0; i < FIELDS; i++) yen[i][size] = v[i];
            size++;
        }

        public int size() { return size; }
        /** The position of the claim's event in the {@link EventLosses} (occurrence order). */
        public int event(int k) { return event[k]; }
        /** The insured firm's network index. */
        public int firm(int k) { return firm[k]; }
        /** One of the claim's amounts, by field ({@link #GROUND_UP} …). */
        public double yen(int k, int field) { return yen[field][k]; }

        /** Replaces each claim's event id by the event's position in occurrence order, and orders the claims by it, then firm. */
        void toPositions(int[] position) {
            for (int k = 0; k < size; k++) event[k] = position[event[k]];
            sort();
        }

        /** Orders the claims by event position, then firm (they are added firm by firm). */
        private void sort() {
            Integer[] order = new Integer[size];
            for (int k = 0; k < size; k++) order[k] = k;
            Arrays.sort(order, (x, y) -> event[x] != event[y] ? Integer.compare(event[x], event[y]) : Integer.compare(firm[x], firm[y]));
            int[] e2 = new int[size], f2 = new int[size];
            double[][] y2 = new double[FIELDS][size];
            for (int i = 0; i < size; i++) {
                int k = order[i];
                e2[i] = event[k];
                f2[i] = firm[k];
                for (int j = 0; j < FIELDS; j++) y2[j][i] = yen[j][k];
            }
            event = e2;
            firm = f2;
            yen = y2;
        }
    }
}
