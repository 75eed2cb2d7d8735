package weaklink.economics.policy;

import weaklink.economics.decision.BestResponse;
import weaklink.economics.decision.GordonLoeb.BreachFunction;
import weaklink.scenario.PolicySpec;

/**
 * {@code planner}: the benchmark no policy can beat — every firm's investment chosen to minimise the
 * network's societal cost (every firm's expected losses plus security spending), not the firm's own
 * expected cost. The externality a firm's own choice ignores (Kunreuther &amp; Heal 2003; Gordon,
 * Loeb, Lucyshyn &amp; Zhou 2015) is what the planner counts and the firm does not.
 *
 * <p>A documented heuristic, not an exact optimum: a round sets each firm's investment to
 * <pre>
 * z_i = argmin_z  z + EL^net_i(S_i(z))      with every other firm at the reference posture
 * </pre>
 * where {@code EL^net_i} is what the firm's compromises cost the whole network in a year
 * ({@link NetworkExposure}: its own loss, the CBI its outages cause downstream, the partners an
 * attacker reaches through its trust links — the marginal societal benefit of its security),
 * minimised by {@link BestResponse#minimise} (Brent over {@code ln S}, both ends tried). This is
 * greedy by marginal societal benefit per yen taken to its end: each firm's investment grows while a
 * yen buys more than a yen of network loss. Under {@code economics.decisions: equilibrium} the
 * rounds are iterated like firms' best responses ({@link Equilibrium}, from {@code none}'s
 * equilibrium, re-pricing every firm's exposure at the planner's own previous choices) — coordinate
 * descent, a local search that stops when no single firm's investment can lower the societal cost it
 * prices; under {@code independent}, one round against the base posture.
 *
 * <p>Budget rules: the planner is the hypothetical best use of the network's money, so it is held by
 * the same rule as buyers' money — a firm's cash limit binds only its own outlay, and what the planner
 * adds is a transfer (not in societal cost); it pays no certification (it sees postures, it needs no
 * certificate), no administration and no public money's excess burden. Its spending is booked as the
 * firms' own (who pays is not the benchmark's question).
 */
public record PlannerPolicy(PolicySpec.Planner spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(PolicyContext ctx) {
        return fund(ctx, null);
    }

    /**
     * A round after {@code previous}: a firm whose {@code EL^net_i} is the same function of its
     * investment as in the previous round ({@link NetworkExposure#sameFunction}: its risk and its trust
     * partners' reference postures unmoved) keeps the previous round's choice — what the minimisation
     * would find again, bit for bit — and only the others are searched.
     */
    @Override
    public SecurityFunding fund(PolicyContext ctx, Equilibrium.PreviousRound previous) {
        return fund(ctx, previous, FirmChunks.SERIAL);
    }

    /**
     * {@link #fund(PolicyContext, Equilibrium.PreviousRound)} with the exposure's loops and the firms' searches cut into
     * {@code chunks}: each firm's choice depends on its own inputs only and lands in its own slot, and the funding is booked in
     * firm order after every chunk is done, so the bytes cannot depend on the cut.
     */
    @Override
    public SecurityFunding fund(PolicyContext ctx, Equilibrium.PreviousRound previous, FirmChunks chunks) {
        int n = ctx.network().firmCount();
        NetworkExposure exposure = new NetworkExposure(ctx, ctx.referencePosture().successProbability(), chunks);
        double[] investment = new double[n], loss = new double[n];
        chunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (previous != null && exposure.sameFunction(i, previous.risk(), previous.reference().successProbability())) {
                    investment[i] = previous.funding().investmentYen()[i];
                    loss[i] = previous.funding().expectedLossYen()[i];
                    continue;
                }
                int firm = i;
                BreachFunction breach = ctx.breach(i);
                // spending more than the whole network loss at no investment never pays; the cost at 0 is 0 + that loss
                double atZero = exposure.expectedLossYen(i, 0);
                double z = BestResponse.minimise(breach, x -> x + exposure.expectedLossYen(firm, x), 0, atZero, 0.0 + atZero);
                investment[i] = z;
                loss[i] = exposure.risk(i).expectedLossYen(breach.vulnerability(z));
            }
        });
        SecurityFunding.Builder b = SecurityFunding.Builder.planned(ctx);
        for (int i = 0; i < n; i++) b.plan(i, investment[i], loss[i]);
        return b.build();
    }
}
