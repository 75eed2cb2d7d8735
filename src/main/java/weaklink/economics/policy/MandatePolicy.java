package weaklink.economics.policy;

import weaklink.economics.decision.FirmTerms;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;

/**
 * {@code mandate}: a legal duty for every firm of tier {@code ≥ min_tier} to meet (and certify) the
 * standard, at its own cost. Share {@code compliance_rate} of the obliged firms comply whatever it
 * costs them, beyond their budget if need be (a law-abiding firm borrows); which firms comply is
 * drawn once per run and firm (the same firms under every mandate of the run, so a higher rate adds
 * compliers). The others weigh the expected annual penalty {@code penalty_yen} (a fine × the chance
 * of being caught) against the cost of complying, within their budget. Firms that no investment can
 * bring to the standard are left alone.
 */
public record MandatePolicy(PolicySpec.Mandate spec) implements CostSharingPolicy {
    /** The key of the draw deciding which firms comply out of duty. */
    static final long COMPLIANCE_DRAW = 1;

    @Override
    public SecurityFunding fund(PolicyContext ctx) {
        SupplyNetwork net = ctx.network();
        SecurityFunding.Builder b = new SecurityFunding.Builder(ctx);
        for (int i = 0; i < net.firmCount(); i++) {
            if (net.tier(i) < spec.minTier()) continue;
            Standard standard = CostSharingPolicy.standardFor(ctx, spec.standard(), i);
            if (Double.isInfinite(ctx.breach(i).investmentToReach(standard.maxVulnerability()))) continue;
            b.address(i, standard);
            FirmTerms terms = new FirmTerms(ctx.budgetYen(i));
            if (ctx.uniform(COMPLIANCE_DRAW, i) < spec.complianceRate()) terms.duty(standard);
            else if (spec.penaltyYen() > 0) terms.require(standard, spec.penaltyYen(), SecurityFunding.PENALTY);
            b.decide(i, terms);
        }
        return b.build();
    }
}
