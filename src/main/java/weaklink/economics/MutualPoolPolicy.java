package weaklink.economics;

import weaklink.economics.SecurityFunding.Payer;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * {@code mutual-pool}: every firm is a member and pays premium rate ρ × revenue into a pool
 * before the year. The pool spends share κ of the premiums on its members' prevention, in
 * proportion to each member's risk (its expected annual loss at its own investment,
 * {@code attempts × S(z_self) × loss if breached}), as security added to what the member spends
 * itself; the rest, with the pool's capital, pays members' annual losses above the retention
 * ({@link #settle}, per replicate). Models mutual cyber-risk pools and captive-style schemes for
 * SMEs (docs/POLICIES.md).
 */
public record MutualPoolPolicy(PolicySpec.MutualPool spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(Scenario scenario, FirmExposure exposure) {
        int n = exposure.firmCount();
        SecurityFunding.Builder b = new SecurityFunding.Builder(exposure);
        double premiums = 0;
        double[] risk = new double[n];
        double totalRisk = 0;
        for (int i = 0; i < n; i++) {
            double premium = spec.premiumRate() * exposure.network().revenueYen(i);
            b.premium(i, premium);
            premiums += premium;
            risk[i] = exposure.attemptsPerYear(i) * exposure.breach(i).vulnerability(exposure.selfFundedYen(i)) * exposure.lossIfBreachedYen(i);
            totalRisk += risk[i];
        }
        double prevention = spec.preventionShare() * premiums;
        if (totalRisk > 0 && prevention > 0) {
            for (int i = 0; i < n; i++) if (risk[i] > 0) b.fundAdditional(i, Payer.POOL, prevention * risk[i] / totalRisk);
        }
        return b.build();
    }

    /**
     * The year's books: claims are each member's loss above the retention
     * ({@code Σ max(loss_i − retention, 0)}), paid while the pool holds
     * {@code capital + premiums − prevention}.
     */
    @Override
    public PoolSettlement settle(SecurityFunding funding, ReplicateLosses losses) {
        double claims = 0;
        ReplicateLosses.FirmLosses members = losses.firms();
        for (int k = 0; k < members.size(); k++) claims += Math.max(0, members.totalYen(k) - spec.retentionYen());
        double available = spec.capitalYen() + funding.totalPremiums() - funding.totalPaidByPool();
        double payouts = Math.min(claims, Math.max(0, available));
        return new PoolSettlement(claims, payouts, available - payouts, claims > available);
    }
}
