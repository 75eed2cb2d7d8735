package weaklink.economics.policy;

import weaklink.economics.ReplicateLosses;
import weaklink.scenario.PolicySpec;

/**
 * {@code mutual-pool}: every firm is a member and pays premium rate ρ × revenue into a pool before
 * the year. The pool spends share κ of the premiums on its members' prevention, in proportion to
 * each member's risk (its expected annual loss with no policy, as it prices it), as security bought
 * on top of what the member spends itself (earmarked: the member may not spend less), and share
 * {@code administration_share} on running itself; the rest, with the pool's capital, pays members'
 * annual losses above the retention, net of what their insurers pay ({@link #settle}, per
 * replicate). Models mutual cyber-risk pools and captive-style schemes for SMEs (docs/POLICIES.md).
 */
public record MutualPoolPolicy(PolicySpec.MutualPool spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(PolicyContext ctx) {
        int n = ctx.network().firmCount();
        SecurityFunding.Builder b = new SecurityFunding.Builder(ctx);
        double premiums = 0, totalRisk = 0;
        for (int i = 0; i < n; i++) {
            double premium = spec.premiumRate() * ctx.network().revenueYen(i);
            b.premium(i, premium);
            premiums += premium;
            totalRisk += ctx.baselineLossYen(i);
        }
        double prevention = spec.preventionShare() * premiums;
        if (totalRisk > 0 && prevention > 0) {
            for (int i = 0; i < n; i++) {
                double risk = ctx.baselineLossYen(i);
                if (risk > 0) b.fundAdditional(i, SecurityFunding.POOL, prevention * risk / totalRisk);
            }
        }
        b.administration(spec.administrationShare() * premiums, false);
        return b.build();
    }

    /** Each member's claim is its own loss above the retention. */
    @Override
    public boolean settlesByFirm() {
        return true;
    }

    /**
     * The year's books: claims are each member's loss above the retention, net of what its insurer
     * paid ({@code Σ max(loss_i − insured_i − retention, 0)}: a member is not paid twice), paid
     * while the pool holds {@code capital + premiums − prevention − administration}.
     */
    @Override
    public PoolSettlement settle(SecurityFunding funding, ReplicateLosses losses) {
        double claims = 0;
        ReplicateLosses.FirmLosses members = losses.firms();
        for (int k = 0; k < members.size(); k++) claims += Math.max(0, members.totalYen(k) - members.insuredYen()[k] - spec.retentionYen());
        double available = spec.capitalYen() + funding.totalPremiums() - funding.totalPaidByPool() - funding.administrationYen();
        double payouts = Math.min(claims, Math.max(0, available));
        return new PoolSettlement(claims, payouts, available - payouts, claims > available);
    }
}
