package weaklink.economics.decision;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import weaklink.production.ProductionCascade;
import weaklink.model.AdaptiveAttempts;
import weaklink.model.AttackSurface;
import weaklink.model.Posture;
import weaklink.model.Reconnaissance;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * The threat every firm faces, as the firm prices it before the year: how often each actor's
 * campaigns come at it, directly or over its partners' trust links, and what one compromise costs
 * it — everything {@link FirmRisk} needs to give a firm's expected annual loss as a function of its
 * own vulnerability. It counts the attacks the way the model ({@code weaklink.model}) makes them,
 * with its partners (and the targeted actors' reconnaissance) at a <em>reference posture</em>:
 *
 * <pre>
 * entry_a(i)  opportunistic:  C_a · p_a                       (each campaign attempts each firm with p_a; adaptive: C_a · min(1, p_a s_i / s̄))
 *             mass-exploit:   C_a · p_a · [i runs the technology]   (adaptive: p_a s_i / s̄ over the firms running it)
 *             targeted:       C_a · Σ_o π_o ((1 − r_a)[i = o] + r_a [i = weakest within h_a trust hops of o])
 * source_a(k) = entry_a(k) · min(1, c_a s_k)                  (compromises of partner k per year, one link deep)
 * N_a(i, s)   = entry_a(i) · min(1, c_a s) + Σ_{k→i trust} source_a(k) · E_D[1 − (1 − p_type · min(1, c_a s))^⌊D·d_k⌋] · (1 − q_a(i) min(1, c_a s))
 * </pre>
 * with {@code C_a} campaigns a year, {@code π_o} the objective's share of the objectives' revenue
 * ({@link AttackSurface}), {@code r_a}, {@code h_a} the reconnaissance probability and depth, the
 * weakest firm chosen by {@link Reconnaissance} on the base vulnerabilities (also for an
 * {@code adaptive} actor, which in the simulation sees what firms chose: firms do not anticipate
 * where it goes instead, see docs/POLICIES.md), {@code c_a} the
 * capability, {@code s_k}, {@code d_k} a partner's reference vulnerability and dwell scale, and
 * {@code D} the actor's dwell. {@code N_a(i, s)} is the expected number of compromises of firm
 * {@code i} by actor {@code a} in a year at vulnerability {@code s} — the simulation charges each
 * compromise once per campaign, so the expected loss is {@code Σ_a N_a · loss per compromise}; a
 * partner's campaign that also attempted {@code i} directly (with probability {@code q_a(i) = entry_a(i)/C_a}
 * for opportunistic and mass-exploit actors, 0 for a targeted one, which enters through one firm)
 * and got in reaches a firm that is already compromised, hence the last factor.
 * Lateral movement is counted one link deep (a partner compromised directly), as the targeted
 * policy's network exposure does.
 *
 * <p>The reference posture is what a firm takes as given when it decides: {@link #independent}
 * (every other firm at its base vulnerability, no investment) or any posture ({@link #at}), so that
 * an equilibrium iteration can re-price every firm's risk at the others' current choices. Initial
 * compromises (stress tests) are hypothetical and are not priced. Expectations over the dwell and
 * recovery distributions use {@value #NODES} equal-probability quantile nodes (the midpoints of
 * their bins).
 */
public final class RiskModel {
    /** Quadrature nodes per distribution: quantiles at {@code (j + 0.5) / NODES}. */
    static final int NODES = 64;
    /** Points of a lateral-movement curve over the target's vulnerability in [0, 1] (linear interpolation between them). */
    static final int CURVE_POINTS = 1025;

    private final Scenario scenario;
    private final SupplyNetwork net;
    private final ActorSpec[] actors;
    private final double[] trustDailyProbability;
    private final double[][] entryRate;
    /** Per actor, {@code a / s̄} of an adaptive opportunistic or mass-exploit actor at the reference posture ({@link AdaptiveAttempts}), else 0. */
    private final double[] adaptiveScale;
    private final double[][] sourceRate;
    private final double[] referenceDwellScale;
    private final double[][] dwellNodes;
    private final double[][] recoveryNodes;
    /** What depends on the scenario and network only, never on the reference posture: built once, shared by every re-priced model. */
    private final Tables tables;

    private RiskModel(Scenario scenario, SupplyNetwork net, Posture reference, RiskModel previous) {
        this.scenario = scenario;
        this.net = net;
        // the tables depend on the scenario and network only, never on the reference posture: a re-priced model shares them
        this.actors = scenario.actors().toArray(ActorSpec[]::new);
        this.trustDailyProbability = new double[TrustType.values().length];
        for (var e : scenario.trustDailyProbability().entrySet()) trustDailyProbability[e.getKey().ordinal()] = e.getValue();
        this.referenceDwellScale = reference.dwellScale();
        int n = net.firmCount();
        double[] s = reference.successProbability();
        double[] base = null;
        for (ActorSpec actor : actors) if (actor.mode() == ActorSpec.Mode.TARGETED && previous == null) base = baseVulnerability(net);
        entryRate = new double[actors.length][];
        adaptiveScale = new double[actors.length];
        sourceRate = new double[actors.length][];
        dwellNodes = new double[actors.length][];
        AttackSurface surface = null;
        for (int a = 0; a < actors.length; a++) {
            ActorSpec actor = actors[a];
            // a targeted actor's entry rates read the network and the base vulnerabilities, never the reference posture:
            // a re-priced model shares the first model's (read-only)
            boolean shared = actor.mode() == ActorSpec.Mode.TARGETED && previous != null;
            double[] rate = shared ? previous.entryRate[a] : new double[n];
            switch (actor.mode()) {
                case OPPORTUNISTIC -> {
                    if (actor.adaptive()) {
                        adaptiveScale[a] = AdaptiveAttempts.scale(actor.attemptProbability(), AdaptiveAttempts.mean(s, null));
                        for (int i = 0; i < n; i++) rate[i] = actor.campaignsPerYear() * AdaptiveAttempts.probability(adaptiveScale[a], s[i]);
                    } else {
                        Arrays.fill(rate, actor.campaignsPerYear() * Math.min(1, actor.attemptProbability()));
                    }
                }
                case MASS_EXPLOIT -> {
                    int tech = net.technologies().indexOf(actor.technology());
                    if (tech >= 0) {
                        if (actor.adaptive()) {
                            double sum = 0;
                            int count = 0;
                            for (int i = 0; i < n; i++) if (net.runs(i, tech)) { sum += s[i]; count++; }
                            adaptiveScale[a] = AdaptiveAttempts.scale(actor.attemptProbability(), count == 0 ? 0 : sum / count);
                        }
                        for (int i = 0; i < n; i++) {
                            if (!net.runs(i, tech)) continue;
                            rate[i] = actor.campaignsPerYear()
                                    * (actor.adaptive() ? AdaptiveAttempts.probability(adaptiveScale[a], s[i]) : actor.attemptProbability());
                        }
                    }
                }
                case TARGETED -> {
                    if (shared) break;
                    if (surface == null) surface = AttackSurface.of(net);
                    int[] mark = new int[n];
                    for (int k = 0; k < surface.objectiveCount(); k++) {
                        int o = surface.objectiveFirm(k);
                        double perYear = actor.campaignsPerYear() * surface.objectiveProbability(k);
                        rate[o] += perYear * (1 - actor.reconProbability());
                        // by base vulnerability, adaptive or not: a firm does not anticipate where an adaptive actor goes instead
                        // (a contest not to be the weakest has no equilibrium in pure investments); the simulation's actor adapts
                        int entry = Reconnaissance.weakestWithin(net, base, o, actor.reconHops(), mark, k + 1);
                        rate[entry] += perYear * actor.reconProbability();
                    }
                }
            }
            entryRate[a] = rate;
            double[] source = new double[n];
            for (int i = 0; i < n; i++) source[i] = rate[i] * Math.min(1, actor.capability() * s[i]);
            sourceRate[a] = source;
            dwellNodes[a] = nodes(actor.dwellDays());
        }
        recoveryNodes = new double[SizeClass.values().length][];
        for (SizeClass c : SizeClass.values()) recoveryNodes[c.ordinal()] = nodes(scenario.defaults(c).recoveryDays());
        tables = previous == null ? new Tables(this) : previous.tables;
    }

    /**
     * The parts of every firm's risk that do not depend on the reference posture, built in the first
     * model's constructor and read-only after it (so re-priced models on several threads share them):
     * per actor its capability, campaigns and effect; per firm its expected business interruption at
     * the business-interruption scales ({@link RiskModel#expectedBusinessInterruption}: its value added times the
     * expected lost days of a table shared by the firms whose outage rule reads the same attributes) and
     * the loss per compromise's fixed parts.
     */
    private static final class Tables {
        final double[] capability, campaigns;
        final boolean[] ransomware;
        /** Per actor, the index of the technology a mass-exploit actor exploits among the network's (-1: none, or not a mass exploit's). */
        final int[] technology;
        /** Per (actor, trust type), the terms of its lateral-movement curves. */
        final MissColumns[][] miss;
        /**
         * Per firm, {@link FirmRisk}'s business-interruption table: made once, not again for every risk object of every re-priced
         * round (a policy's equilibrium builds one per firm and round), and read-only, as FirmRisk keeps it.
         */
        final double[][] businessInterruptionYen;
        final double[] incidentYen, ransomYen, breachYen;

        Tables(RiskModel m) {
            SupplyNetwork net = m.net;
            int actorCount = m.actors.length, n = net.firmCount();
            capability = new double[actorCount];
            campaigns = new double[actorCount];
            ransomware = new boolean[actorCount];
            technology = new int[actorCount];
            miss = new MissColumns[actorCount][m.trustDailyProbability.length];
            for (int a = 0; a < actorCount; a++) {
                for (int type = 0; type < miss[a].length; type++) miss[a][type] = new MissColumns(m.trustDailyProbability[type], m.actors[a].capability());
                technology[a] = m.actors[a].mode() == ActorSpec.Mode.MASS_EXPLOIT ? net.technologies().indexOf(m.actors[a].technology()) : -1;
                capability[a] = m.actors[a].capability();
                campaigns[a] = m.actors[a].campaignsPerYear();
                ransomware[a] = m.actors[a].effect() == ActorSpec.Effect.RANSOMWARE;
            }
            // the expected lost days depend on the firm only through its class's recovery and the attributes the outage rule reads:
            // firms that share them (most firms of a generated network) share one table, computed for the first of them
            Map<OutageKey, double[]> byKey = new HashMap<>();
            businessInterruptionYen = new double[n][];
            incidentYen = new double[n];
            ransomYen = new double[n];
            breachYen = new double[n];
            double costPerRecord = m.scenario.economics().costPerRecordYen();
            for (int i = 0; i < n; i++) {
                int firm = i;
                double[] lostDays = net.dailyValueAddedYen(i) > 0 ? byKey.computeIfAbsent(OutageKey.of(net, i), k -> m.expectedLostDays(firm)) : null;
                businessInterruptionYen[i] = expectedBusinessInterruption(net.dailyValueAddedYen(i), lostDays);
                double revenue = net.revenueYen(i);
                incidentYen[i] = net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, i) + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, i) * revenue;
                ransomYen[i] = net.attribute(FirmAttribute.RANSOM_PROPENSITY, i) * net.attribute(FirmAttribute.RANSOM_REVENUE_SHARE, i) * revenue;
                breachYen[i] = net.attribute(FirmAttribute.RECORDS, i) * costPerRecord;
            }
        }
    }

    /** Every firm's risk with every other firm at its base vulnerability (no investment): the {@code independent} decision. */
    public static RiskModel independent(Scenario scenario, SupplyNetwork net) {
        return new RiskModel(scenario, net, Posture.base(baseVulnerability(net)), null);
    }

    /** Every firm's risk with its partners and the attackers' reconnaissance at {@code reference}. */
    public static RiskModel at(Scenario scenario, SupplyNetwork net, Posture reference) {
        return new RiskModel(scenario, net, reference, null);
    }

    /** The same threat re-priced with partners and reconnaissance at {@code reference} (an equilibrium round); shares this model's tables. */
    public RiskModel at(Posture reference) {
        return new RiskModel(scenario, net, reference, this);
    }

    private static double[] baseVulnerability(SupplyNetwork net) {
        double[] v = new double[net.firmCount()];
        for (int i = 0; i < v.length; i++) v[i] = net.vulnerability(i);
        return v;
    }

    /** The equal-probability quantile nodes of a distribution, increasing. */
    static double[] nodes(DistributionSpec d) {
        double[] x = new double[NODES];
        for (int j = 0; j < NODES; j++) x[j] = d.quantile((j + 0.5) / NODES);
        Arrays.sort(x);
        return x;
    }

    public Scenario scenario() { return scenario; }
    public SupplyNetwork network() { return net; }
    public int actorCount() { return actors.length; }

    /** Expected attempts a year of actor {@code a}'s campaigns entering firm {@code i} directly. */
    public double entryRate(int a, int i) { return entryRate[a][i]; }

    /** Expected compromises a year of firm {@code i} by actor {@code a} at the reference posture, direct entries only. */
    public double sourceRate(int a, int i) { return sourceRate[a][i]; }

    private boolean runsTechnology(int a, int i) {
        int tech = tables.technology[a];
        return tech >= 0 && net.runs(i, tech);
    }

    /**
     * Whether firm {@code i}'s risk ({@link #firm}) is the same function of its vulnerability in this
     * model as in {@code other}, a model of the same lineage ({@link #at}) re-priced at another posture:
     * it is when the inputs {@link #firm} reads that depend on the posture are bit for bit the same —
     * the firm's entry rates, the actors' adaptive scales, and its trust partners' compromise rates
     * and dwell scales (a firm no partner reaches, under actors that do not adapt, keeps its risk).
     * A decision against it is then the same too. False when unsure (another lineage).
     */
    public boolean sameFirmRisk(int i, RiskModel other) {
        if (other.tables != tables) return false;
        for (int a = 0; a < actors.length; a++) {
            if (!same(entryRate[a][i], other.entryRate[a][i]) || !same(adaptiveScale[a], other.adaptiveScale[a])) return false;
        }
        for (int k = net.trustInStart(i), end = net.trustInEnd(i); k < end; k++) {
            int src = net.trustSource(net.trustInEdge(k));
            if (!same(referenceDwellScale[src], other.referenceDwellScale[src])) return false;
            for (int a = 0; a < actors.length; a++) if (!same(sourceRate[a][src], other.sourceRate[a][src])) return false;
        }
        return true;
    }

    private static boolean same(double x, double y) {
        return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
    }

    /** Firm {@code i}'s risk as a function of its own vulnerability. */
    public FirmRisk firm(int i) {
        int actorCount = actors.length;
        double[] entry = new double[actorCount], scale = new double[actorCount];
        for (int a = 0; a < actorCount; a++) {
            entry[a] = entryRate[a][i];
            // an adaptive actor's attempts on the firm follow the firm's own posture (it is among those it can attempt)
            boolean reachable = actors[a].mode() != ActorSpec.Mode.MASS_EXPLOIT || entryRate[a][i] > 0 || runsTechnology(a, i);
            scale[a] = reachable ? adaptiveScale[a] : 0;
        }
        // lateral movement into i: per (actor, trust type), the partners' compromise rates and their rate-weighted dwell scale
        int types = trustDailyProbability.length;
        double[] rate = new double[actorCount * types], dwell = new double[actorCount * types];
        for (int k = net.trustInStart(i), end = net.trustInEnd(i); k < end; k++) {
            int edge = net.trustInEdge(k);
            int src = net.trustSource(edge), type = net.trustTypeOrdinal(edge);
            for (int a = 0; a < actorCount; a++) {
                double r = sourceRate[a][src];
                if (r <= 0) continue;
                rate[a * types + type] += r;
                dwell[a * types + type] += r * referenceDwellScale[src];
            }
        }
        int terms = 0;
        for (int x = 0; x < rate.length; x++) if (rate[x] > 0 && trustDailyProbability[x % types] > 0) terms++;
        int[] termActor = new int[terms];
        double[] termRate = new double[terms], termDirect = new double[terms];
        LateralCurve[] termCurve = new LateralCurve[terms];
        int t = 0;
        for (int x = 0; x < rate.length; x++) {
            int a = x / types, type = x % types;
            if (rate[x] <= 0 || trustDailyProbability[type] <= 0) continue;
            termActor[t] = a;
            termRate[t] = rate[x];
            // the chance that the campaign that came in through the partner also attempted i directly
            boolean oneEntry = actors[a].mode() == ActorSpec.Mode.TARGETED || actors[a].campaignsPerYear() <= 0;
            termDirect[t] = oneEntry ? 0 : Math.min(1, entryRate[a][i] / actors[a].campaignsPerYear());
            termCurve[t] = curve(a, type, dwell[x] / rate[x]);
            t++;
        }
        Tables x = tables;
        return new FirmRisk(net.vulnerability(i), entry, x.capability, x.ransomware, termActor, termRate, termDirect, termCurve, x.incidentYen[i],
                x.ransomYen[i], x.breachYen[i], x.businessInterruptionYen[i], scale, x.campaigns);
    }

    /**
     * A firm's expected business interruption per ransomware compromise, at recovery scales
     * {@link FirmRisk#BI_SCALES}: {@code E_R[own lost days(ρ · recovery_scale · R)] × daily value added}
     * over its size class's recovery distribution {@code R}, where own lost days ({@code lostDays}, null
     * for a firm without value added) come from the production cascade's own outage rule
     * ({@link ProductionCascade#outageShortfall}), evaluated on a geometric grid of outage lengths and
     * interpolated linearly between its points.
     */
    private static double[] expectedBusinessInterruption(double dailyValueAddedYen, double[] lostDays) {
        double[] bi = new double[FirmRisk.BI_SCALES];
        if (dailyValueAddedYen <= 0) return bi;
        for (int g = 0; g < bi.length; g++) bi[g] = lostDays[g] * dailyValueAddedYen;
        return bi;
    }

    private double[] expectedLostDays(int i) {
        double[] out = new double[FirmRisk.BI_SCALES];
        double[] r = recoveryNodes[net.sizeClass(i).ordinal()];
        double attr = net.attribute(FirmAttribute.RECOVERY_SCALE, i);
        double lo = PostureRule.FLOOR * attr * r[0], hi = attr * r[r.length - 1];
        OutageCurve lost = new OutageCurve(net, i, lo, hi);
        for (int g = 0; g < out.length; g++) {
            double scale = FirmRisk.biScale(g) * attr, sum = 0;
            for (double days : r) sum += lost.at(scale * days);
            out[g] = sum / r.length;
        }
        return out;
    }

    /** What a firm's own lost days of an outage depend on ({@link ProductionCascade#outageShortfall} reads these attributes). */
    private record OutageKey(int sizeClass, double recoveryScale, double workaround, double manualDays, double manualShare) {
        static OutageKey of(SupplyNetwork net, int i) {
            return new OutageKey(net.sizeClass(i).ordinal(), net.attribute(FirmAttribute.RECOVERY_SCALE, i), net.attribute(FirmAttribute.WORKAROUND_SHARE, i),
                    net.attribute(FirmAttribute.MANUAL_OPERATION_DAYS, i), net.attribute(FirmAttribute.MANUAL_OPERATION_SHARE, i));
        }
    }

    /**
     * The lateral-movement curve of (actor, trust type, source dwell scale), shared by every firm that needs it, and by
     * every dwell scale whose whole days of dwell are the same at every node ({@link MissColumns#curveOf}).
     */
    private LateralCurve curve(int actor, int type, double dwellScale) {
        MissColumns pair = tables.miss[actor][type];
        // the dwell scale to 1/4096 (its lower 32 bits: a key per curve whatever the scale)
        Integer key = (int) Math.round(dwellScale * 4096);
        LateralCurve known = pair.curves.get(key); // most are known: no need to lock the map's bin
        if (known != null) return known;
        return pair.curves.computeIfAbsent(key, k -> pair.curveOf(trustDailyProbability[type], actors[actor].capability(),
                LateralCurve.dayCounts(dwellNodes[actor], Math.round(dwellScale * 4096) / 4096.0)));
    }

    /**
     * {@code M(s) = E_D[1 − (1 − p · min(1, c s))^⌊D · d⌋]}: the probability that a compromised
     * partner, over a link of daily probability {@code p}, moves into a firm of vulnerability
     * {@code s} before it is detected — the model's lateral rule (one try a day for ⌊dwell⌋ days).
     * Tabulated over {@code s} in [0, 1], linear in between.
     */
    static final class LateralCurve {
        /** A point not computed yet (a NaN no arithmetic produces). */
        private static final long NOT_YET = 0x7ff4_dead_beef_0001L;
        /** A lazy curve's points before any is computed (copied by each: plain stores before the curve is shared, not one volatile store per point). */
        private static final long[] NONE_YET = new long[CURVE_POINTS];
        static {
            Arrays.fill(NONE_YET, NOT_YET);
        }
        /** The curve's points, as raw bits: every one computed at construction, or on first use ({@link #at}). */
        private final AtomicLongArray m;
        private final double daily, capability;
        /** {@code ⌊D·d⌋} at each dwell node (lazy curves only). */
        private final double[] days;
        private final MissColumns miss;
        /** {@code miss}'s column of each node's days, once a point is computed ({@link #columns}). */
        private volatile double[][] columns;

        LateralCurve(double daily, double capability, double[] dwellNodes, double dwellScale) {
            this.daily = daily;
            this.capability = capability;
            this.days = null;
            this.miss = null;
            m = new AtomicLongArray(CURVE_POINTS);
            for (int x = 0; x < CURVE_POINTS; x++) {
                double s = (double) x / (CURVE_POINTS - 1);
                double q = daily * Math.min(1, capability * s);
                double sum = 0;
                if (q >= 1) {
                    for (double d : dwellNodes) sum += Math.floor(d * dwellScale) >= 1 ? 1 : 0;
                } else if (q > 0) {
                    double logMiss = Math.log1p(-q);
                    for (double d : dwellNodes) sum += -Math.expm1(Math.floor(d * dwellScale) * logMiss);
                }
                m.set(x, Double.doubleToRawLongBits(sum / dwellNodes.length));
            }
        }

        /**
         * The same curve, each point computed when first asked for, its terms {@code −expm1(⌊D·d⌋ · ln(1 − q))}
         * taken from {@code miss} (which must be of the same daily probability and capability): the same
         * numbers, added in the same order, without computing them again for every dwell scale, and
         * only at the points a firm's decision reaches. A point is a pure function of the curve: threads
         * that compute one at once store the same value.
         */
        LateralCurve(double daily, double capability, double[] dwellNodes, double dwellScale, MissColumns miss) {
            this(daily, capability, dayCounts(dwellNodes, dwellScale), miss);
        }

        /** The lazy curve of whole days of dwell {@code days} (one per node, the curve's from now on): a point reads nothing else that varies. */
        private LateralCurve(double daily, double capability, double[] days, MissColumns miss) {
            this.daily = daily;
            this.capability = capability;
            this.miss = miss;
            this.days = days;
            m = new AtomicLongArray(NONE_YET);
        }

        /** {@code ⌊D·d⌋} at each dwell node {@code D}, for dwell scale {@code d}. */
        static double[] dayCounts(double[] dwellNodes, double dwellScale) {
            double[] days = new double[dwellNodes.length];
            for (int j = 0; j < days.length; j++) days[j] = Math.floor(dwellNodes[j] * dwellScale);
            return days;
        }

        /** Point {@code x}: small enough for C1 to inline where it is known (the searches read points millions of times). */
        private double point(int x) {
            long bits = m.get(x);
            return bits != NOT_YET ? Double.longBitsToDouble(bits) : compute(x);
        }

        private double compute(int x) {
            double s = (double) x / (CURVE_POINTS - 1);
            double q = daily * Math.min(1, capability * s);
            double sum = 0;
            if (q >= 1) {
                for (double d : days) sum += d >= 1 ? 1 : 0;
            } else if (q > 0) {
                for (double[] column : columns()) sum += column[x];
            }
            double value = sum / days.length;
            m.set(x, Double.doubleToRawLongBits(value));
            return value;
        }

        /**
         * {@code miss.column(d)} of each node's days {@code d}, looked up when the curve's first point is computed rather than for
         * each point (a curve computes tens of points). A pure function of the curve: threads that look them up at once store
         * equal arrays of the same columns.
         */
        private double[][] columns() {
            double[][] c = columns;
            if (c == null) {
                c = new double[days.length][];
                for (int j = 0; j < c.length; j++) c[j] = miss.column(days[j]);
                columns = c;
            }
            return c;
        }

        double at(double s) {
            // Math.min(Math.max(s, 0), 1), the same value (strictly inside it is s), in a form C1 inlines
            double x = (s > 0 && s < 1 ? s : Math.min(Math.max(s, 0), 1)) * (CURVE_POINTS - 1);
            int k = Math.min((int) x, CURVE_POINTS - 2);
            double lo = point(k), hi = point(k + 1);
            return lo + (x - k) * (hi - lo);
        }
    }

    /**
     * For one (actor, trust type): {@code −expm1(N · ln(1 − q(s)))}, the chance that a partner moves
     * in within {@code N} daily tries of probability {@code q(s) = p · min(1, c s)}, at every point of
     * a lateral-movement curve ({@link LateralCurve}; where {@code q} is not in (0, 1) the entry is
     * unused), per whole number of days {@code N}: computed on first use, a pure function of {@code N},
     * shared by every curve of the pair whatever its dwell scale and by every re-priced model; and
     * the pair's curves themselves, by dwell scale.
     */
    static final class MissColumns {
        /** Day counts below this are looked up by index (no boxing); others, if any, in a map. */
        private static final int INDEXED_DAYS = 4096;
        private final AtomicReferenceArray<double[]> indexed = new AtomicReferenceArray<>(INDEXED_DAYS);
        private final Map<Double, double[]> byDays = new ConcurrentHashMap<>();
        /** The pair's lateral-movement curves by dwell scale × 4096 (rounded; its lower 32 bits). */
        final Map<Integer, LateralCurve> curves = new ConcurrentHashMap<>();
        /**
         * The same curves by their whole days of dwell at the nodes: a lazy curve's points read only those (and the pair's
         * probability, capability and columns), so dwell scales that floor to the same days at every node share one curve —
         * its points computed once for all of them (japan-manufacturing's run context and funding: 1,937 curves where there were 6,079).
         */
        private final Map<DayCounts, LateralCurve> byDayCounts = new ConcurrentHashMap<>();

        /** Whole days of dwell at each node, compared by value. */
        private record DayCounts(double[] days) {
            @Override
            public boolean equals(Object o) { return o instanceof DayCounts d && Arrays.equals(days, d.days); }

            @Override
            public int hashCode() { return Arrays.hashCode(days); }

            @Override
            public String toString() { return Arrays.toString(days); }
        }

        /** The pair's lazy curve of whole days of dwell {@code days} (one per node), made on first use; {@code daily} and {@code capability} must be the pair's. */
        LateralCurve curveOf(double daily, double capability, double[] days) {
            return byDayCounts.computeIfAbsent(new DayCounts(days), k -> new LateralCurve(daily, capability, k.days(), this));
        }

        /** Per curve point, whether {@code q} is in (0, 1), and {@code ln(1 − q)} there. */
        private final boolean[] inRange = new boolean[CURVE_POINTS];
        private final double[] logMiss = new double[CURVE_POINTS];

        MissColumns(double daily, double capability) {
            for (int x = 0; x < CURVE_POINTS; x++) {
                double s = (double) x / (CURVE_POINTS - 1);
                double q = daily * Math.min(1, capability * s);
                if (q > 0 && q < 1) {
                    inRange[x] = true;
                    logMiss[x] = Math.log1p(-q);
                }
            }
        }

        double[] column(double days) {
            int d = (int) days;
            if (d >= 0 && d < INDEXED_DAYS && Double.doubleToRawLongBits(days) == Double.doubleToRawLongBits(d)) { // a whole number (not −0)
                double[] known = indexed.get(d);
                if (known == null) {
                    // a pure function of the day count: a thread that loses the race takes the winner's (equal) column
                    double[] computed = compute(days);
                    known = indexed.compareAndExchange(d, null, computed);
                    if (known == null) known = computed;
                }
                return known;
            }
            double[] known = byDays.get(days);
            return known != null ? known : byDays.computeIfAbsent(days, this::compute);
        }

        private double[] compute(double days) {
            double[] out = new double[CURVE_POINTS];
            for (int x = 0; x < CURVE_POINTS; x++) if (inRange[x]) out[x] = -Math.expm1(days * logMiss[x]);
            return out;
        }
    }

    /** A firm's own lost production (days-equivalent) against outage length, on a grid between {@code lo} and {@code hi} days. */
    private static final class OutageCurve {
        private static final int POINTS = 33;
        private final double[] days = new double[POINTS + 1], lost = new double[POINTS + 1];

        OutageCurve(SupplyNetwork net, int firm, double lo, double hi) {
            // 0, then geometric from lo to hi (a constant recovery gives one point)
            days[0] = 0;
            for (int k = 0; k < POINTS; k++) {
                days[k + 1] = lo > 0 && hi > lo ? lo * Math.pow(hi / lo, (double) k / (POINTS - 1)) : Math.max(hi, lo) * (k + 1) / POINTS;
                lost[k + 1] = ProductionCascade.outageShortfall(net, firm, 0, days[k + 1]).integral();
            }
        }

        double at(double d) {
            if (d <= 0) return 0;
            int k = Arrays.binarySearch(days, d);
            if (k >= 0) return lost[k];
            k = -k - 1;
            if (k > POINTS) return lost[POINTS] * d / days[POINTS]; // beyond the grid: proportional (not reached by the nodes)
            return lost[k - 1] + (d - days[k - 1]) * (lost[k] - lost[k - 1]) / (days[k] - days[k - 1]);
        }
    }
}
