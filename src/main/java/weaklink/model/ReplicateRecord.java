package weaklink.model;

import java.util.Arrays;

/**
 * What happened in one replicate, as flat arrays: one entry per compromise with its day, route
 * (direct entry, or from which firm over which trust link), detection day and outage interval.
 * Daily counts of compromised and down firms are kept by the model's end-of-day steps.
 *
 * <p>Times are in days from the start of the year; a compromise is active on
 * {@code [day, detectDay)}; a ransomware outage covers {@code [detectDay, outageEnd)}; data theft
 * has no outage ({@code outageEnd} is NaN).
 */
public final class ReplicateRecord {
    public static final byte RANSOMWARE = 0;
    public static final byte DATA_THEFT = 1;

    private final int days;
    private int count;
    private int campaigns;
    private int[] firm = new int[64];
    private int[] campaign = new int[64];
    private int[] actor = new int[64];
    private int[] day = new int[64];
    private int[] source = new int[64];
    private int[] trustLink = new int[64];
    private byte[] effect = new byte[64];
    private double[] detectDay = new double[64];
    private double[] outageEnd = new double[64];
    private int[] dailyCompromised;
    private int[] dailyDown;

    public ReplicateRecord(int days) {
        this.days = days;
        this.dailyCompromised = new int[days];
        this.dailyDown = new int[days];
    }

    void add(int f, int c, int a, int d, int src, int link, byte eff, double detect, double end) {
        if (count == firm.length) {
            int n = count * 2;
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
        firm[count] = f;
        campaign[count] = c;
        actor[count] = a;
        day[count] = d;
        source[count] = src;
        trustLink[count] = link;
        effect[count] = eff;
        detectDay[count] = detect;
        outageEnd[count] = end;
        count++;
    }

    void campaignStarted() { campaigns++; }

    /** Days in the replicate's year. */
    public int days() { return days; }
    /** Number of compromises (a firm hit by two campaigns counts twice). */
    public int size() { return count; }
    /** Number of campaigns (and stress-test seeds) that started. */
    public int campaigns() { return campaigns; }
    public int firm(int k) { return firm[k]; }
    public int campaign(int k) { return campaign[k]; }
    /** Index of the actor in the scenario, or -1 for an initial compromise. */
    public int actor(int k) { return actor[k]; }
    public int day(int k) { return day[k]; }
    /** The firm the actor came from, or -1 for a direct entry. */
    public int source(int k) { return source[k]; }
    /** The trust link used, or -1 for a direct entry. */
    public int trustLink(int k) { return trustLink[k]; }
    public byte effect(int k) { return effect[k]; }
    public double detectDay(int k) { return detectDay[k]; }
    public boolean causesOutage(int k) { return !Double.isNaN(outageEnd[k]); }
    public double outageStart(int k) { return detectDay[k]; }
    public double outageEnd(int k) { return outageEnd[k]; }

    /** Distinct firms compromised at least once. */
    public int distinctFirmsCompromised() {
        int[] f = Arrays.copyOf(firm, count);
        Arrays.sort(f);
        int n = 0;
        for (int i = 0; i < f.length; i++) if (i == 0 || f[i] != f[i - 1]) n++;
        return n;
    }

    /** Distinct firms that suffered an outage. */
    public int distinctFirmsDown() {
        int[] f = new int[count];
        int m = 0;
        for (int k = 0; k < count; k++) if (causesOutage(k)) f[m++] = firm[k];
        Arrays.sort(f, 0, m);
        int n = 0;
        for (int i = 0; i < m; i++) if (i == 0 || f[i] != f[i - 1]) n++;
        return n;
    }

    /**
     * Per day of the year, the number of distinct firms with an undetected compromise during that
     * day (an interval {@code [day, detectDay)} counts on the days it overlaps), as kept by the
     * model's end-of-day steps; days not yet ended are 0.
     */
    public int[] dailyCompromised() { return dailyCompromised.clone(); }

    /** Per day of the year, the number of distinct firms down (in an outage) during that day, likewise. */
    public int[] dailyDown() { return dailyDown.clone(); }

    void dailyCounts(int[] compromised, int[] down) {
        this.dailyCompromised = compromised;
        this.dailyDown = down;
    }
}
