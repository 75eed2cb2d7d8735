package weaklink.economics.decision;

import java.util.Arrays;

/**
 * One firm's expected annual loss as a function of its own vulnerability {@code s}, as the firm
 * weighs it ({@link RiskModel} says how the rates are counted):
 *
 * <pre>
 * EL(s) = Σ_a N_a(s) · X_a(s)
 * N_a(s) = entry_a · min(1, c_a s) + Σ_terms rate · M(s) · (1 − q min(1, c_a s))   expected compromises by actor a
 * X_a(s) = incident + ransom + BI(ρ(s))      (ransomware: outage)         loss per compromise
 *        = incident + breach                 (data theft)
 * ρ(s)   = max(0.5, √(s / v))                                             recovery scale of the posture ({@link PostureRule})
 * </pre>
 * {@code incident} is the mean incident-response cost (fixed + share × revenue; the lognormal noise
 * has mean 1), {@code ransom} the expected ransom (propensity × share × revenue), {@code breach}
 * the data-breach cost (records × cost per record), {@code BI(ρ)} the expected own lost production
 * of an outage whose recovery is scaled by {@code ρ}. Insurance is left out: a firm whose premium
 * is risk-rated bears its expected loss either way (assumption). Production lost when the firm's
 * suppliers are down (CBI) does not depend on its own vulnerability, so it does not move its
 * choice; it is in its expected cost where that is reported ({@code SupplyExposure}).
 */
public final class FirmRisk {
    /** Points of the business-interruption table over the recovery scale, from {@link PostureRule#FLOOR} to 1. */
    static final int BI_SCALES = 9;

    private final double v;
    private final double[] entry, capability;
    private final boolean[] ransomware;
    private final int[] termActor;
    private final double[] termRate, termDirect;
    private final RiskModel.LateralCurve[] termCurve;
    private final double incidentYen, ransomYen, breachYen;
    private final double[] biByScale;
    /** Per actor: {@code a/s̄} of an adaptive actor that re-allocates attempts by posture (0: fixed attempts), and its campaigns a year. */
    private final double[] adaptiveScale, campaigns;

    /** With fixed attempts only. The arrays are the firm's from now on: the caller does not change them (they may be shared by firms). */
    FirmRisk(double v, double[] entry, double[] capability, boolean[] ransomware, int[] termActor, double[] termRate, double[] termDirect,
             RiskModel.LateralCurve[] termCurve, double incidentYen, double ransomYen, double breachYen, double[] biByScale) {
        this(v, entry, capability, ransomware, termActor, termRate, termDirect, termCurve, incidentYen, ransomYen, breachYen, biByScale,
                new double[entry.length], new double[entry.length]);
    }

    /**
     * As above, with adaptive actors: actor {@code a}'s attempts at vulnerability {@code s} are {@code campaigns_a · min(1, adaptiveScale_a · s)}.
     * Not copied either ({@link RiskModel} passes every firm the same per-actor tables). The lateral terms come
     * in actor order ({@code termActor} non-decreasing), as {@link RiskModel#firm} makes them.
     */
    FirmRisk(double v, double[] entry, double[] capability, boolean[] ransomware, int[] termActor, double[] termRate, double[] termDirect,
             RiskModel.LateralCurve[] termCurve, double incidentYen, double ransomYen, double breachYen, double[] biByScale,
             double[] adaptiveScale, double[] campaigns) {
        for (int t = 1; t < termActor.length; t++) {
            if (termActor[t] < termActor[t - 1]) throw new IllegalArgumentException("lateral terms not in actor order: " + Arrays.toString(termActor));
        }
        this.v = v;
        this.entry = entry;
        this.capability = capability;
        this.ransomware = ransomware;
        this.termActor = termActor;
        this.termRate = termRate;
        this.termDirect = termDirect;
        this.termCurve = termCurve;
        this.incidentYen = incidentYen;
        this.ransomYen = ransomYen;
        this.breachYen = breachYen;
        this.biByScale = biByScale;
        this.adaptiveScale = adaptiveScale;
        this.campaigns = campaigns;
    }

    /**
     * Actor {@code a}'s direct attempts a year on the firm at vulnerability {@code s}. Kept within C1's inlining size (35 bytes of
     * bytecode; the README's run options compile with C1 only), as are {@link #atMostOne} and the lateral curves' reads: the
     * searches evaluate {@link #expectedLossYen} millions of times, and a call C1 does not inline costs more than the arithmetic.
     */
    private double attempts(int a, double s) {
        double k = adaptiveScale[a];
        return k > 0 ? adaptiveAttempts(a, k, s) : entry[a];
    }

    private double adaptiveAttempts(int a, double k, double s) {
        return campaigns[a] * atMostOne(k * s);
    }

    /** {@code Math.min(1, x)}, the same value for every {@code x} (below 1 it is {@code x}), in a form C1 inlines. */
    static double atMostOne(double x) {
        return x < 1 ? x : Math.min(1, x);
    }

    /** The recovery scale of the {@code g}-th point of the business-interruption table. */
    static double biScale(int g) {
        return PostureRule.FLOOR + (1 - PostureRule.FLOOR) * g / (BI_SCALES - 1);
    }

    /** Base vulnerability. */
    public double v() { return v; }

    /** Expected compromises a year by actor {@code a} at vulnerability {@code s}. */
    public double expectedCompromises(int a, double s) {
        double n = attempts(a, s) * atMostOne(capability[a] * s);
        for (int t = 0; t < termActor.length; t++) if (termActor[t] == a) n += lateral(t, s);
        return n;
    }

    /** Expected compromises a year over lateral term {@code t}: partners' compromises × M(s), less those whose campaign got in directly. */
    private double lateral(int t, double s) {
        int a = termActor[t];
        double q = adaptiveScale[a] > 0 ? atMostOne(adaptiveScale[a] * s) : termDirect[t];
        return termRate[t] * termCurve[t].at(s) * (1 - q * atMostOne(capability[a] * s));
    }

    /** Expected compromises a year by every actor at vulnerability {@code s}. */
    public double expectedCompromises(double s) {
        double n = 0;
        for (int a = 0; a < entry.length; a++) n += attempts(a, s) * atMostOne(capability[a] * s);
        for (int t = 0; t < termActor.length; t++) n += lateral(t, s);
        return n;
    }

    /** Expected compromises a year by ransomware actors (those that take the firm down) at vulnerability {@code s}. */
    public double expectedRansomwareCompromises(double s) {
        double n = 0;
        for (int a = 0; a < entry.length; a++) if (ransomware[a]) n += attempts(a, s) * atMostOne(capability[a] * s);
        for (int t = 0; t < termActor.length; t++) if (ransomware[termActor[t]]) n += lateral(t, s);
        return n;
    }

    /** Expected attempts a year entering the firm directly, by actor {@code a}. */
    public double entryRate(int a) { return entry[a]; }

    /** Expected business interruption of one ransomware compromise at vulnerability {@code s}. */
    public double businessInterruptionYen(double s) {
        double x = (PostureRule.scale(s, v) - PostureRule.FLOOR) / (1 - PostureRule.FLOOR) * (BI_SCALES - 1);
        int g = Math.min((int) x, BI_SCALES - 2);
        return biByScale[g] + (x - g) * (biByScale[g + 1] - biByScale[g]);
    }

    /** The firm's loss from one compromise by a ransomware actor ({@code true}) or a data-theft actor, at vulnerability {@code s}. */
    public double lossPerCompromiseYen(boolean byRansomware, double s) {
        return byRansomware ? incidentYen + ransomYen + businessInterruptionYen(s) : incidentYen + breachYen;
    }

    /** {@code EL(s)}: the firm's expected annual loss from its own compromises at vulnerability {@code s}. */
    public double expectedLossYen(double s) {
        double ransomLoss = Double.NaN;
        double loss = 0;
        for (int a = 0; a < entry.length; a++) {
            double n = attempts(a, s) * atMostOne(capability[a] * s);
            for (int t = 0; t < termActor.length; t++) if (termActor[t] == a) n += lateral(t, s);
            if (n <= 0) continue;
            if (ransomware[a]) {
                if (Double.isNaN(ransomLoss)) ransomLoss = lossPerCompromiseYen(true, s);
                loss += n * ransomLoss;
            } else {
                loss += n * (incidentYen + breachYen);
            }
        }
        return loss;
    }

    /**
     * {@code expectedLossYen(s) + expectedRansomwareCompromises(s) · perRansomwareCompromiseYen + expectedCompromises(s) · perCompromiseYen}
     * (what the firm's compromises cost the network, {@code NetworkExposure}): the same three sums, each
     * added in its own order, with each actor's direct and each term's lateral compromises computed once.
     */
    public double expectedLossYen(double s, double perRansomwareCompromiseYen, double perCompromiseYen) {
        // no array per call (the planner's and the targeted budget's searches call this millions of times): the directs are
        // summed first, then each actor's direct is computed again (the same bits) and its lateral terms, which come in
        // actor order, are added to it and to the two sums — every sum in the order it had with a per-actor array
        int actors = entry.length;
        double all = 0, byRansomware = 0;
        for (int a = 0; a < actors; a++) {
            double direct = attempts(a, s) * atMostOne(capability[a] * s);
            all += direct;
            if (ransomware[a]) byRansomware += direct;
        }
        double ransomLoss = Double.NaN;
        double loss = 0;
        int t = 0;
        for (int a = 0; a < actors; a++) {
            double n = attempts(a, s) * atMostOne(capability[a] * s);
            for (; t < termActor.length && termActor[t] == a; t++) {
                double lateral = lateral(t, s);
                n += lateral;
                all += lateral;
                if (ransomware[a]) byRansomware += lateral;
            }
            if (n <= 0) continue;
            if (ransomware[a]) {
                if (Double.isNaN(ransomLoss)) ransomLoss = lossPerCompromiseYen(true, s);
                loss += n * ransomLoss;
            } else {
                loss += n * (incidentYen + breachYen);
            }
        }
        return loss + byRansomware * perRansomwareCompromiseYen + all * perCompromiseYen;
    }

    /** Whether nothing ever attacks the firm (its expected loss is 0 at any vulnerability). */
    public boolean isQuiet() {
        for (double e : entry) if (e > 0) return false;
        return termActor.length == 0;
    }
}
