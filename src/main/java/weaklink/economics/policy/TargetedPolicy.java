package weaklink.economics.policy;

import java.util.Map;
import java.util.PriorityQueue;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;

/**
 * {@code targeted}: a fixed budget buys security, on top of what firms spend themselves
 * (earmarked: a funded firm may not spend less of its own), for the firms where it lowers expected
 * network-wide loss most per yen ({@link NetworkExposure}: a firm's own loss, the CBI it causes
 * downstream and the partners an attacker reaches through its trust links). Greedy: the budget is
 * cut into {@value #CHUNKS} equal chunks and each goes to the firm whose next chunk cuts
 * {@code EL_i} most; a chunk that would cut nothing anywhere is not spent. Greedy allocation is
 * optimal when each {@code EL_i} is convex in {@code z} (diminishing returns), as it is for class I
 * and II breach functions away from saturation. Administering it costs share
 * {@code administration_share} of what it spends.
 *
 * <p>The payer is named in the scenario: the government (public money), the pool (prevention paid
 * out of nothing else in this policy), or buyers — then large buyers pay for each funded firm by
 * their share of its sales ({@link BuyerSharePolicy#largeBuyerShares}, any distance downstream,
 * normalised), and for firms that sell to no large buyer (e.g. an MSP) all large firms pay in
 * proportion to revenue.
 */
public record TargetedPolicy(PolicySpec.Targeted spec) implements CostSharingPolicy {
    static final int CHUNKS = 1000;

    @Override
    public SecurityFunding fund(PolicyContext ctx) {
        return fund(ctx, null);
    }

    /**
     * A round after {@code previous}: a firm whose {@code EL_i} is the same function of its investment as in the round before
     * ({@link NetworkExposure#sameFunction}) and whose baseline investment is the same, bit for bit, gains what it gained there
     * from its first chunk — taken from the round before ({@link FirstGains}), not computed again; the others' are computed.
     */
    @Override
    public SecurityFunding fund(PolicyContext ctx, Equilibrium.PreviousRound previous) {
        SupplyNetwork net = ctx.network();
        int n = net.firmCount();
        double[] base = new double[n];
        for (int i = 0; i < n; i++) base[i] = ctx.baselineInvestmentYen(i);
        NetworkExposure exposure = new NetworkExposure(ctx);
        FirstGains first = spec.budgetYen() > 0 && n > 0 ? firstGains(exposure, base, previous) : null;
        double[] grant = allocate(exposure, base, spec.budgetYen(), first == null ? null : first.gain());
        SecurityFunding.Builder b = new SecurityFunding.Builder(ctx);
        if (first != null) b.firstGains(first);
        boolean buyers = spec.payer().equals("buyers");
        int tag = spec.payer().equals("pool") ? SecurityFunding.POOL : SecurityFunding.GOVERNMENT;
        double[] fallback = buyers ? fallbackPayerShares(net) : null;
        double spent = 0;
        for (int i = 0; i < n; i++) {
            if (grant[i] <= 0) continue;
            spent += grant[i];
            if (buyers) chargeBuyers(b, ctx, i, grant[i], fallback);
            else b.fundAdditional(i, tag, grant[i]);
        }
        b.administration(spec.administrationShare() * spent, tag == SecurityFunding.GOVERNMENT && !buyers);
        return b.build();
    }

    /**
     * Greedy allocation of {@code budgetYen} in {@value #CHUNKS} chunks, each to the firm whose
     * expected network loss falls most with it, starting from investments {@code baseYen}.
     * Returns the grant per firm; ties go to the lower firm index.
     */
    static double[] allocate(NetworkExposure exposure, double[] baseYen, double budgetYen) {
        return allocate(exposure, baseYen, budgetYen, null);
    }

    /**
     * Every firm's gain from its first chunk at investments {@code baseYen}: the round before's ({@code previous}, or null) where the
     * firm's {@code EL_i} and baseline are the same, bit for bit (the same gain), else computed.
     */
    FirstGains firstGains(NetworkExposure exposure, double[] baseYen, Equilibrium.PreviousRound previous) {
        double chunk = spec.budgetYen() / CHUNKS;
        FirstGains before = previous == null ? null : previous.funding().firstGains();
        double[] gain = new double[baseYen.length];
        for (int i = 0; i < gain.length; i++) {
            boolean same = before != null && Double.doubleToRawLongBits(before.baseYen()[i]) == Double.doubleToRawLongBits(baseYen[i])
                    && exposure.sameFunction(i, previous.risk(), before.reference());
            gain[i] = same ? before.gain()[i] : gain(exposure, i, baseYen[i], chunk);
        }
        return new FirstGains(exposure.reference(), baseYen, gain);
    }

    /** {@link #allocate(NetworkExposure, double[], double)} given each firm's gain from its first chunk ({@code firstGain}; null: computed here). */
    private static double[] allocate(NetworkExposure exposure, double[] baseYen, double budgetYen, double[] firstGain) {
        int n = baseYen.length;
        double[] grant = new double[n];
        if (budgetYen <= 0 || n == 0) return grant;
        double chunk = budgetYen / CHUNKS;
        PriorityQueue<double[]> best = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
        for (int i = 0; i < n; i++) best.add(new double[] {firstGain != null ? firstGain[i] : gain(exposure, i, baseYen[i], chunk), i});
        for (int k = 0; k < CHUNKS; k++) {
            double[] top = best.poll();
            if (top[0] <= 0) break;
            int i = (int) top[1];
            grant[i] += chunk;
            best.add(new double[] {gain(exposure, i, baseYen[i] + grant[i], chunk), i});
        }
        return grant;
    }

    private static double gain(NetworkExposure exposure, int firm, double z, double chunk) {
        return exposure.expectedLossYen(firm, z) - exposure.expectedLossYen(firm, z + chunk);
    }

    /**
     * What a round's allocation started from, for the next round: its exposure's reference success probabilities (every firm
     * at its own choice in the round's context), every firm's baseline investment and its gain from its first chunk.
     */
    record FirstGains(double[] reference, double[] baseYen, double[] gain) {}

    /**
     * Large buyers pay {@code yen} for {@code firm} by their share of its sales; for a firm that
     * sells to no large buyer, the {@code fallback} payers do, by their shares.
     */
    private static void chargeBuyers(SecurityFunding.Builder b, PolicyContext ctx, int firm, double yen, double[] fallback) {
        Map<Integer, Double> shares = ctx.largeBuyerShares(firm, ctx.network().maxTier() + 2);
        double total = 0;
        for (double s : shares.values()) total += s;
        if (total > 0) {
            for (Map.Entry<Integer, Double> e : shares.entrySet()) b.fundAdditional(firm, e.getKey(), yen * e.getValue() / total);
            return;
        }
        for (int j = 0; j < fallback.length; j++) if (fallback[j] > 0) b.fundAdditional(firm, j, yen * fallback[j]);
    }

    /** All large firms' shares of their total revenue (tier-0 firms' if the network has no large firm). */
    private static double[] fallbackPayerShares(SupplyNetwork net) {
        int n = net.firmCount();
        boolean anyLarge = false;
        for (int j = 0; j < n && !anyLarge; j++) anyLarge = BuyerSharePolicy.isLargeBuyer(net, j);
        double[] share = new double[n];
        double revenue = 0;
        for (int j = 0; j < n; j++) {
            if (anyLarge ? BuyerSharePolicy.isLargeBuyer(net, j) : net.tier(j) == 0) {
                share[j] = net.revenueYen(j);
                revenue += share[j];
            }
        }
        for (int j = 0; j < n; j++) share[j] = revenue > 0 ? share[j] / revenue : 0;
        return share;
    }
}
