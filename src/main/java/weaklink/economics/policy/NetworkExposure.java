package weaklink.economics.policy;

import weaklink.economics.decision.FirmRisk;
import weaklink.economics.decision.GordonLoeb.BreachFunction;
import weaklink.economics.decision.RiskModel;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Scenario;
import weaklink.scenario.TrustType;

/**
 * What a firm's compromises cost the whole network in a year, for spending a budget where it lowers
 * network-wide expected loss most (the {@code targeted} policy). Unlike a firm's own risk
 * ({@link FirmRisk}), it counts what a firm's breach costs others — the externality a firm's own
 * decision ignores (Kunreuther &amp; Heal 2003). An ex-ante approximation of what the model simulates,
 * with every other firm at its baseline choice:
 *
 * <pre>
 * EL_i(s) = own_i(s) + N^R_i(s) · C_i + N_i(s) · O_i + Σ_{seeds k→i} T_ki(s) · (λ_i(s) + C_i + O_i)
 * own_i   = the firm's own expected loss ({@link FirmRisk#expectedLossYen}); N_i, N^R_i its expected compromises (all, ransomware)
 * C_i     = the CBI its mean outage causes downstream, by the production cascade's rules ({@code SupplyExposure})
 * O_i     = Σ_{i→j trust} T_ij · (λ_j + C_j)                 partners' losses when the attacker moves on from i
 * T_ij    = 1 − (1 − p_type · S_j)^D                          the attacker moves on to j within the dwell D (bond percolation, Newman 2002)
 * </pre>
 * with {@code λ_j} a partner's loss per compromise at its baseline vulnerability {@code S_j},
 * {@code D} the mean dwell of the scenario's actors weighted by campaigns, and, in a stress test,
 * the seeds (initial compromises) compromised for certain, once. Lateral movement is counted one
 * link deep.
 */
final class NetworkExposure {
    private final PolicyContext ctx;
    private final FirmRisk[] risk;
    private final double[] cbi, onward;
    /** Every firm's reference success probability (the other firms' posture the exposure is priced at). */
    private final double[] reference;
    /** Per firm, the trust links from a stress test's seeds into it: {daily probability, days of dwell}; null if none. */
    private final double[][][] seedLinks;
    private final boolean ransomware;

    /** Every other firm at its own choice with no policy in {@code ctx}. */
    NetworkExposure(PolicyContext ctx) {
        this(ctx, baseline(ctx));
    }

    private static double[] baseline(PolicyContext ctx) {
        double[] s = new double[ctx.network().firmCount()];
        for (int i = 0; i < s.length; i++) s[i] = ctx.breach(i).vulnerability(ctx.baselineInvestmentYen(i));
        return s;
    }

    /** Every other firm at success probability {@code reference} (the planner's previous round). */
    NetworkExposure(PolicyContext ctx, double[] reference) {
        this(ctx, reference, FirmChunks.SERIAL);
    }

    /**
     * {@link #NetworkExposure(PolicyContext, double[])} with its loops over the firms run by {@code chunks} (each firm's
     * terms in its own slot: the same numbers however they are cut); {@code ctx}'s risk objects are built there, each firm's
     * by the chunk that holds it.
     */
    NetworkExposure(PolicyContext ctx, double[] reference, FirmChunks chunks) {
        this.ctx = ctx;
        this.reference = reference;
        Scenario scenario = ctx.scenario();
        SupplyNetwork net = ctx.network();
        int n = net.firmCount();
        risk = new FirmRisk[n];
        cbi = new double[n];
        onward = new double[n];
        seedLinks = new double[n][][];
        boolean anyRansomware = scenario.actors().isEmpty();
        for (ActorSpec a : scenario.actors()) anyRansomware |= a.effect() == ActorSpec.Effect.RANSOMWARE;
        for (InitialCompromise ic : scenario.initialCompromises()) anyRansomware |= ic.effect() == ActorSpec.Effect.RANSOMWARE;
        ransomware = anyRansomware;
        double dwell = meanDwellDays(scenario);
        double[] trustP = new double[TrustType.values().length];
        for (var e : scenario.trustDailyProbability().entrySet()) trustP[e.getKey().ordinal()] = e.getValue();
        double[] s = new double[n], lambda = new double[n];
        double[] downstream = ransomware ? ctx.downstreamCbiYen() : null;
        chunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                risk[i] = ctx.risk(i);
                s[i] = reference[i];
                lambda[i] = risk[i].lossPerCompromiseYen(ransomware, s[i]);
                cbi[i] = ransomware ? downstream[i] : 0;
            }
        });
        // a firm's onward term reads its partners' (every chunk of the loop above is done)
        chunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int e = net.trustOutStart(i); e < net.trustOutEnd(i); e++) {
                    int j = net.trustTarget(e);
                    onward[i] += (1 - Math.pow(1 - Math.min(1, trustP[net.trustTypeOrdinal(e)] * s[j]), dwell)) * (lambda[j] + cbi[j]);
                }
            }
        });
        // a stress test's seeds are compromised for certain: their partners are exposed over trust links
        for (InitialCompromise ic : scenario.initialCompromises()) {
            int k = net.indexOf(ic.firmId());
            if (k < 0) continue;
            double seedDwell = ic.dwellDays() == null ? dwell : ic.dwellDays().mean();
            for (int e = net.trustOutStart(k); e < net.trustOutEnd(k); e++) {
                int j = net.trustTarget(e);
                double[][] old = seedLinks[j] == null ? new double[0][] : seedLinks[j];
                double[][] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = new double[] {trustP[net.trustTypeOrdinal(e)], Math.floor(seedDwell)};
                seedLinks[j] = grown;
            }
        }
    }

    /** Every firm's reference success probability the exposure is priced at (do not modify). */
    double[] reference() { return reference; }

    /** The firm's risk as the exposure prices it (its context's). */
    FirmRisk risk(int firm) { return risk[firm]; }

    /**
     * Whether the firm's {@code EL_i} is the same function of its investment here as in an exposure
     * priced at {@code otherRisk} (a model of the same lineage, {@link RiskModel#at}) and reference
     * success probabilities {@code otherReference}: it is when the firm's risk is
     * ({@link RiskModel#sameFirmRisk}) and its trust partners' reference vulnerabilities are, bit for
     * bit — {@code O_i} reads nothing else that moves with the posture ({@code λ_j} is a function of
     * {@code S_j} alone, {@code C_j} and the seed links depend on the network only). A choice minimising
     * it is then the same too.
     */
    boolean sameFunction(int firm, RiskModel otherRisk, double[] otherReference) {
        if (!ctx.sameFirmRisk(firm, otherRisk)) return false;
        SupplyNetwork net = ctx.network();
        for (int e = net.trustOutStart(firm), end = net.trustOutEnd(firm); e < end; e++) {
            int j = net.trustTarget(e);
            if (Double.doubleToRawLongBits(reference[j]) != Double.doubleToRawLongBits(otherReference[j])) return false;
        }
        return true;
    }

    /** {@code EL_i} at investment {@code z}. */
    double expectedLossYen(int firm, double z) {
        double s = ctx.breach(firm).vulnerability(z);
        FirmRisk r = risk[firm];
        double loss = r.expectedLossYen(s, cbi[firm], onward[firm]);
        if (seedLinks[firm] != null) {
            double missAll = 1;
            for (double[] link : seedLinks[firm]) missAll *= Math.pow(1 - Math.min(1, link[0] * s), link[1]);
            loss += (1 - missAll) * (r.lossPerCompromiseYen(ransomware, s) + cbi[firm] + onward[firm]);
        }
        return loss;
    }

    /** Mean dwell days over the scenario's actors, weighted by campaigns per year; initial compromises' if no actor; else 10 (assumption). */
    static double meanDwellDays(Scenario scenario) {
        double w = 0, sum = 0;
        for (ActorSpec a : scenario.actors()) {
            w += a.campaignsPerYear();
            sum += a.campaignsPerYear() * a.dwellDays().mean();
        }
        if (w > 0) return sum / w;
        for (InitialCompromise ic : scenario.initialCompromises()) {
            if (ic.dwellDays() != null) {
                w++;
                sum += ic.dwellDays().mean();
            }
        }
        return w > 0 ? sum / w : 10;
    }
}
