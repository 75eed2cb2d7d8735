package weaklink.model;

import java.util.Arrays;

/**
 * What happened in one replicate, as primitive arrays (in pages): one entry per compromise with its day, route
 * (direct entry, or from which firm over which trust link), detection day and outage interval.
 * Daily counts of compromised and down firms are kept by the model's end-of-day steps when it is
 * stepped day by day, and computed from the finished record when it is run to the end.
 *
 * <p>Times are in days from the start of the year; a compromise is active on
 * {@code [day, detectDay)}; a ransomware outage covers {@code [detectDay, outageEnd)}; data theft
 * has no outage ({@code outageEnd} is NaN).
 */
public final class ReplicateRecord {
    public static final byte RANSOMWARE = 0;
    public static final byte DATA_THEFT = 1;

    /** Entries sit in pages of {@code 2^PAGE_BITS}: the record grows by a page, never by copying. */
    private static final int PAGE_BITS = 13, PAGE = 1 << PAGE_BITS, MASK = PAGE - 1;

    private final int days;
    private int count;
    /** Compromises with an outage (a non-NaN {@code outageEnd}). */
    private int outages;
    private int campaigns;
    private int capacity;
    private int[][] firm = new int[4][];
    private int[][] campaign = new int[4][];
    private int[][] actor = new int[4][];
    private int[][] day = new int[4][];
    private int[][] source = new int[4][];
    private int[][] trustLink = new int[4][];
    private byte[][] effect = new byte[4][];
    private double[][] detectDay = new double[4][];
    private double[][] outageEnd = new double[4][];
    private int[] dailyCompromised;
    private int[] dailyDown;
    /** {@link #byFirm()}'s order, and the size of the record it was computed for (-1: not yet). */
    private int[] byFirm;
    /** The firm of each position of {@link #byFirm}, in that order (increasing). */
    private int[] byFirmFirms;
    private int byFirmCount = -1;
    /** Per campaign id: the day it started and its actor (-1 for a stress-test seed); -1 day until it starts. */
    private int[] campaignDay = new int[8];
    private int[] campaignActor = new int[8];
    /** Where this record borrows full pages from and gives them back to ({@link #recycle}); null: none (its pages go to the collector). */
    private final ModelWorkspaces workspaces;
    /** The page pool lent to this record, borrowed when it first fills a page; null before, and after {@link #recycle}. */
    private PagePool pages;

    /** A record whose pages are its own (left to the collector when it is dropped). */
    public ReplicateRecord(int days) {
        this(days, null);
    }

    /**
     * A record that takes full pages from {@code workspaces} (its run's) as it grows and gives its own back there
     * when {@link #recycle}d; null: none.
     */
    public ReplicateRecord(int days, ModelWorkspaces workspaces) {
        this.days = days;
        this.workspaces = workspaces;
        this.dailyCompromised = new int[days];
        this.dailyDown = new int[days];
        Arrays.fill(campaignDay, -1);
    }

    void add(int f, int c, int a, int d, int src, int link, byte eff, double detect, double end) {
        if (count == capacity) grow();
        int p = count >>> PAGE_BITS, i = count & MASK;
        firm[p][i] = f;
        campaign[p][i] = c;
        actor[p][i] = a;
        day[p][i] = d;
        source[p][i] = src;
        trustLink[p][i] = link;
        effect[p][i] = eff;
        detectDay[p][i] = detect;
        outageEnd[p][i] = end;
        if (!Double.isNaN(end)) outages++;
        count++;
    }

    /** The first page doubles from a small size (most replicates have few compromises) up to a full page; then full pages are added. */
    private void grow() {
        if (capacity > 0 && capacity < PAGE) {
            int n = 2 * capacity;
            firm[0] = Arrays.copyOf(firm[0], n);
            campaign[0] = Arrays.copyOf(campaign[0], n);
            actor[0] = Arrays.copyOf(actor[0], n);
            day[0] = Arrays.copyOf(day[0], n);
            source[0] = Arrays.copyOf(source[0], n);
            trustLink[0] = Arrays.copyOf(trustLink[0], n);
            effect[0] = Arrays.copyOf(effect[0], n);
            detectDay[0] = Arrays.copyOf(detectDay[0], n);
            outageEnd[0] = Arrays.copyOf(outageEnd[0], n);
            capacity = n;
            return;
        }
        int p = capacity >>> PAGE_BITS;
        if (p == firm.length) {
            int n = 2 * p;
            firm = Arrays.copyOf(firm, n);
            campaign = Arrays.copyOf(campaign, n);
            actor = Arrays.copyOf(actor, n);
            day = Arrays.copyOf(day, n);
            source = Arrays.copyOf(source, n);
            trustLink = Arrays.copyOf(trustLink, n);
            effect = Arrays.copyOf(effect, n);
            detectDay = Arrays.copyOf(detectDay, n);
            outageEnd = Arrays.copyOf(outageEnd, n);
        }
        if (capacity > 0 && workspaces != null) {
            if (pages == null) pages = workspaces.borrowPages();
            if (pages.take(this, p)) {
                capacity += PAGE;
                return;
            }
        }
        int size = capacity == 0 ? 64 : PAGE;
        firm[p] = new int[size];
        campaign[p] = new int[size];
        actor[p] = new int[size];
        day[p] = new int[size];
        source[p] = new int[size];
        trustLink[p] = new int[size];
        effect[p] = new byte[size];
        detectDay[p] = new double[size];
        outageEnd[p] = new double[size];
        capacity += size;
    }

    /**
     * Gives this record's full pages to the next records of its run ({@link ModelWorkspaces}), and leaves it
     * unreadable: for a caller that has taken all it needs from it (a run's replicate engine, once the
     * replicate's losses, row and counts are made), so that a large outbreak's pages are not
     * allocated and zeroed again every replicate. A page handed out again is written at every
     * position before the new record counts it, so nothing of this record shows through. Reading
     * the record or adding to it afterwards fails (its pages are gone). Without workspaces the pages
     * are left to the collector.
     */
    public void recycle() {
        if (pages != null) {
            for (int p = 1; p < firm.length && firm[p] != null; p++) pages.give(this, p);
            workspaces.giveBack(pages);
            pages = null;
        }
        firm = campaign = actor = day = source = trustLink = null;
        effect = null;
        detectDay = outageEnd = null;
        count = capacity = 0;
        byFirm = byFirmFirms = null;
        byFirmCount = -1;
    }

    /**
     * Full pages of finished records, kept for the next ones: at most {@link #MAX} (about 43 MB,
     * the pages of some 1,000,000 compromises); more are left to the collector; and the by-firm sort's four arrays
     * (16 bytes per compromise of the largest record sorted). Lent by a run's {@link ModelWorkspaces} to one record
     * at a time, from its first full page or its first by-firm sort of {@value #RADIX_FROM} or more to its {@link #recycle}.
     */
    static final class PagePool {
        static final int MAX = 128;
        private final int[][][] ints = new int[6][MAX][];
        private final byte[][] bytes = new byte[MAX][];
        private final double[][][] doubles = new double[2][MAX][];
        private int size;
        /** The by-firm sort's positions and keys, and their copies for its passes ({@link #byFirm}): stale contents. */
        private final int[][] sort = new int[4][0];

        /** The {@code i}-th of the sort's arrays, with room for {@code n} elements (grown without copying: contents stale). */
        int[] sortArray(int i, int n) {
            if (sort[i].length < n) sort[i] = new int[Math.max(n, sort[i].length + (sort[i].length >> 1))];
            return sort[i];
        }

        void give(ReplicateRecord r, int p) {
            if (size == MAX) return;
            int i = size++;
            ints[0][i] = r.firm[p];
            ints[1][i] = r.campaign[p];
            ints[2][i] = r.actor[p];
            ints[3][i] = r.day[p];
            ints[4][i] = r.source[p];
            ints[5][i] = r.trustLink[p];
            bytes[i] = r.effect[p];
            doubles[0][i] = r.detectDay[p];
            doubles[1][i] = r.outageEnd[p];
        }

        /** Puts a kept page at page {@code p} of {@code r}; false when none is kept. */
        boolean take(ReplicateRecord r, int p) {
            if (size == 0) return false;
            int i = --size;
            r.firm[p] = ints[0][i];
            r.campaign[p] = ints[1][i];
            r.actor[p] = ints[2][i];
            r.day[p] = ints[3][i];
            r.source[p] = ints[4][i];
            r.trustLink[p] = ints[5][i];
            r.effect[p] = bytes[i];
            r.detectDay[p] = doubles[0][i];
            r.outageEnd[p] = doubles[1][i];
            for (int[][] field : ints) field[i] = null;
            bytes[i] = null;
            doubles[0][i] = doubles[1][i] = null;
            return true;
        }
    }

    /** The array of page {@code p} of the firms' column (null past the last page), for tests. */
    int[] firmPage(int p) { return p < firm.length ? firm[p] : null; }

    /** Campaign {@code id} (of actor {@code actor}, or -1 for a stress-test seed) started on {@code day}. */
    void campaignStarted(int id, int day, int actor) {
        campaigns++;
        if (id >= campaignDay.length) {
            int n = Math.max(id + 1, 2 * campaignDay.length);
            int old = campaignDay.length;
            campaignDay = Arrays.copyOf(campaignDay, n);
            campaignActor = Arrays.copyOf(campaignActor, n);
            Arrays.fill(campaignDay, old, n, -1);
        }
        campaignDay[id] = day;
        campaignActor[id] = actor;
    }

    /** Days in the replicate's year. */
    public int days() { return days; }
    /** Number of compromises (a firm hit by two campaigns counts twice). */
    public int size() { return count; }
    /** Number of compromises that caused an outage (those with {@link #causesOutage}). */
    public int outages() { return outages; }
    /** Number of campaigns (and stress-test seeds) that started. */
    public int campaigns() { return campaigns; }
    /** The day campaign {@code c} (an id below {@link #campaigns()}) started. */
    public int campaignDay(int c) { return campaignDay[c]; }
    /** The actor of campaign {@code c} (its index in the scenario), or -1 for a stress-test seed. */
    public int campaignActor(int c) { return campaignActor[c]; }
    public int firm(int k) { return firm[k >>> PAGE_BITS][k & MASK]; }
    public int campaign(int k) { return campaign[k >>> PAGE_BITS][k & MASK]; }
    /** Index of the actor in the scenario, or -1 for an initial compromise. */
    public int actor(int k) { return actor[k >>> PAGE_BITS][k & MASK]; }
    public int day(int k) { return day[k >>> PAGE_BITS][k & MASK]; }
    /** The firm the actor came from, or -1 for a direct entry. */
    public int source(int k) { return source[k >>> PAGE_BITS][k & MASK]; }
    /** The trust link used, or -1 for a direct entry. */
    public int trustLink(int k) { return trustLink[k >>> PAGE_BITS][k & MASK]; }
    public byte effect(int k) { return effect[k >>> PAGE_BITS][k & MASK]; }
    public double detectDay(int k) { return detectDay[k >>> PAGE_BITS][k & MASK]; }
    public boolean causesOutage(int k) { return !Double.isNaN(outageEnd(k)); }
    public double outageStart(int k) { return detectDay(k); }
    public double outageEnd(int k) { return outageEnd[k >>> PAGE_BITS][k & MASK]; }

    /** Distinct firms compromised at least once. */
    public int distinctFirmsCompromised() {
        byFirm();
        int n = 0, last = -1;
        for (int i = 0; i < count; i++) {
            int f = byFirmFirms[i];
            if (f != last) n++;
            last = f;
        }
        return n;
    }

    /**
     * Distinct firms that suffered an outage: without reading the record at the by-firm order's
     * scattered positions when no compromise, or every one, caused an outage.
     */
    public int distinctFirmsDown() {
        if (outages == 0) return 0;
        if (outages == count) return distinctFirmsCompromised();
        int[] order = byFirm();
        int n = 0, last = -1;
        for (int i = 0; i < count; i++) {
            if (!causesOutage(order[i])) continue;
            int f = byFirmFirms[i];
            if (f != last) n++;
            last = f;
        }
        return n;
    }

    /**
     * The record's positions in increasing firm order, ties (a firm compromised by several campaigns)
     * in record order: a new array the caller may change.
     */
    public int[] positionsByFirm() {
        return Arrays.copyOf(byFirm(), count);
    }

    /**
     * {@link #positionsByFirm()} copied into {@code into} when it holds {@link #size()} positions,
     * else into a new array; the first {@link #size()} positions of the array returned are the order
     * (a caller reusing its arrays from replicate to replicate allocates nothing).
     */
    public int[] positionsByFirm(int[] into) {
        return copyInto(byFirm(), into);
    }

    /**
     * The firm of each of {@link #positionsByFirm()}'s positions, in that order (so in increasing
     * order): a new array, read sequentially where {@code firm(k)} over those positions would read
     * the record at scattered places.
     */
    public int[] firmsByFirm() {
        byFirm();
        return Arrays.copyOf(byFirmFirms, count);
    }

    /** {@link #firmsByFirm()} copied into {@code into} when it holds {@link #size()} firms, else into a new array (as {@link #positionsByFirm(int[])}). */
    public int[] firmsByFirm(int[] into) {
        byFirm();
        return copyInto(byFirmFirms, into);
    }

    private int[] copyInto(int[] values, int[] into) {
        int[] out = into != null && into.length >= count ? into : new int[count];
        System.arraycopy(values, 0, out, 0, count);
        return out;
    }

    /** Below this many compromises the positions are ordered by a comparison sort, above by radix. */
    private static final int RADIX_FROM = 256;
    /** Bits of the firm index a radix pass sorts on, at most (a count table of 2^11 entries stays in the first-level cache). */
    private static final int RADIX_BITS = 11;

    /**
     * {@link #positionsByFirm()}, kept for the record's size (the loss model, the distinct counts and
     * the row all ask for it): a stable least-significant-digit radix sort on the firm index, in
     * as many passes of at most {@value #RADIX_BITS} bits as the largest index needs, or for a few
     * compromises a sort of {@code firm << 32 | position}; the same order either way. A record of its
     * run's ({@link ModelWorkspaces}) sorts in its page pool's four arrays ({@link PagePool#sortArray}),
     * which go to the run's next records with its pages: the first {@link #count} elements of
     * {@link #byFirm} and {@link #byFirmFirms} are the order and its firms, the rest is stale.
     */
    private int[] byFirm() {
        if (byFirmCount == count) return byFirm;
        int n = count;
        boolean lent = workspaces != null && n >= RADIX_FROM;
        if (lent && pages == null) pages = workspaces.borrowPages();
        int[] pos = lent ? pages.sortArray(0, n) : new int[n], key = lent ? pages.sortArray(1, n) : new int[n];
        int max = 0;
        for (int k = 0; k < n; k++) {
            pos[k] = k;
            key[k] = firm(k);
            max = Math.max(max, key[k]);
        }
        if (n < RADIX_FROM) {
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = (long) key[k] << 32 | k;
            Arrays.sort(keys);
            for (int k = 0; k < n; k++) {
                pos[k] = (int) keys[k];
                key[k] = (int) (keys[k] >>> 32);
            }
        } else {
            int bits = 32 - Integer.numberOfLeadingZeros(max);
            int passes = (bits + RADIX_BITS - 1) / RADIX_BITS;
            int digitBits = passes == 0 ? 0 : (bits + passes - 1) / passes, mask = (1 << digitBits) - 1;
            int[] pos2 = lent ? pages.sortArray(2, n) : new int[n], key2 = lent ? pages.sortArray(3, n) : new int[n], start = new int[mask + 2];
            for (int pass = 0, shift = 0; pass < passes; pass++, shift += digitBits) {
                Arrays.fill(start, 0);
                for (int i = 0; i < n; i++) start[(key[i] >>> shift & mask) + 1]++;
                for (int d = 0; d <= mask; d++) start[d + 1] += start[d];
                for (int i = 0; i < n; i++) {
                    int at = start[key[i] >>> shift & mask]++;
                    key2[at] = key[i];
                    pos2[at] = pos[i];
                }
                int[] t = pos; pos = pos2; pos2 = t;
                t = key; key = key2; key2 = t;
            }
        }
        byFirm = pos;
        byFirmFirms = key;
        byFirmCount = n;
        return pos;
    }

    /**
     * Per day of the year, the number of distinct firms with an undetected compromise during that
     * day (an interval {@code [day, detectDay)} counts on the days it overlaps), as kept by the
     * model's end-of-day steps (or from the finished record after {@code run()}); days not yet
     * ended are 0.
     */
    public int[] dailyCompromised() { return dailyCompromised.clone(); }

    /** Per day of the year, the number of distinct firms down (in an outage) during that day, likewise. */
    public int[] dailyDown() { return dailyDown.clone(); }

    void dailyCounts(int[] compromised, int[] down) {
        this.dailyCompromised = compromised;
        this.dailyDown = down;
    }
}
