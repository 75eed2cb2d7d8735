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

    public ReplicateRecord(int days) {
        this.days = days;
        this.dailyCompromised = new int[days];
        this.dailyDown = new int[days];
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

    void campaignStarted() { campaigns++; }

    /** Days in the replicate's year. */
    public int days() { return days; }
    /** Number of compromises (a firm hit by two campaigns counts twice). */
    public int size() { return count; }
    /** Number of campaigns (and stress-test seeds) that started. */
    public int campaigns() { return campaigns; }
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
        int[] f = new int[count];
        for (int k = 0; k < count; k++) f[k] = firm(k);
        Arrays.sort(f);
        int n = 0;
        for (int i = 0; i < f.length; i++) if (i == 0 || f[i] != f[i - 1]) n++;
        return n;
    }

    /** Distinct firms that suffered an outage. */
    public int distinctFirmsDown() {
        int[] f = new int[count];
        int m = 0;
        for (int k = 0; k < count; k++) if (causesOutage(k)) f[m++] = firm(k);
        Arrays.sort(f, 0, m);
        int n = 0;
        for (int i = 0; i < m; i++) if (i == 0 || f[i] != f[i - 1]) n++;
        return n;
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
