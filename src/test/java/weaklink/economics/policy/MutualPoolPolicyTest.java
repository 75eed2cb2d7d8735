package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weaklink.economics.ReplicateLosses;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

class MutualPoolPolicyTest {
    static final String ATTACKED = """
            name: pool
            network:
              generator:
                tiers:
                  - firms: 2
                  - firms: 2
                  - firms: 1
            actors:
              - mode: opportunistic
                campaigns_per_year: 2
                attempt_probability: 0.1
            """;
    final Scenario scenario = PolicyFixtures.scenario(ATTACKED);
    final SupplyNetwork net = PolicyFixtures.chain(scenario);
    final PolicySpec.MutualPool spec = new PolicySpec.MutualPool("pool", 0.001, 1e7, 0.3, 2e6, 0.1);
    final MutualPoolPolicy pool = new MutualPoolPolicy(spec);
    final PolicyContext ctx = PolicyContext.of(scenario, net, 1);
    final SecurityFunding f = pool.fund(ctx);

    @Test
    void membersPayPremiumRateTimesRevenueAndThePoolSpendsKappaOfItOnPreventionByRisk() {
        double revenue = 0;
        for (int i = 0; i < net.firmCount(); i++) {
            assertEquals(0.001 * net.revenueYen(i), f.premiumYen()[i], 1e-9);
            revenue += net.revenueYen(i);
        }
        assertEquals(0.3 * 0.001 * revenue, f.totalPaidByPool(), 1e-6);
        assertEquals(0.1 * 0.001 * revenue, f.administrationYen(), 1e-6);
        assertEquals(0, f.publicFundsYen());
        // prevention is in proportion to risk (each member's expected loss with no policy) and comes on top of own spending
        double riskA = ctx.baselineLossYen(0), riskS = ctx.baselineLossYen(2);
        assertEquals(riskA / riskS, f.paidByPool()[0] / f.paidByPool()[2], 1e-9 * riskA / riskS);
        assertEquals(ctx.baselineInvestmentYen(2) + f.paidByPool()[2], f.investmentYen()[2], 1e-6);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void thePoolPaysLossesAboveTheRetentionAndItsBooksBalance() {
        // members 0 and 2 lose 5e7 and 3e6: claims (5e7 − 1e7) + 0
        ReplicateLosses year = losses(new int[] {0, 2}, new double[] {5e7, 3e6});
        PoolSettlement s = pool.settle(f, year);
        double available = 2e6 + f.totalPremiums() - f.totalPaidByPool() - f.administrationYen();
        assertEquals(4e7, s.claimsYen(), 1e-6);
        assertEquals(Math.min(4e7, available), s.payoutsYen(), 1e-6);
        assertEquals(2e6 + f.totalPremiums(), f.totalPaidByPool() + f.administrationYen() + s.payoutsYen() + s.balanceYen(), 1e-3);
        assertEquals(4e7 > available, s.ruined());
    }

    @Test
    void thePoolPaysLossesNetOfWhatInsurersPaid() {
        // member 0 lost 5e7 of which its insurer paid 3e7: the pool pays 5e7 − 3e7 − 1e7, not 4e7 (a member is not paid twice)
        ReplicateLosses year = losses(new int[] {0, 2}, new double[] {5e7, 3e6}, new double[] {3e7, 0});
        assertEquals(1e7, pool.settle(f, year).claimsYen(), 1e-6);
        // an insurer paying everything above the retention leaves the pool nothing to pay
        assertEquals(0, pool.settle(f, losses(new int[] {0}, new double[] {5e7}, new double[] {4e7})).claimsYen(), 1e-6);
    }

    @Test
    void claimsBeyondThePoolsFundsRuinIt() {
        double available = 2e6 + f.totalPremiums() - f.totalPaidByPool() - f.administrationYen();
        PoolSettlement s = pool.settle(f, losses(new int[] {1}, new double[] {1e7 + available + 1}));
        assertTrue(s.ruined());
        assertEquals(available, s.payoutsYen(), 1e-6);
        assertEquals(0, s.balanceYen(), 1e-6);
    }

    @Test
    void aQuietYearLeavesThePoolItsCapitalPremiumsLessPrevention() {
        PoolSettlement s = pool.settle(f, losses(new int[0], new double[0]));
        assertFalse(s.ruined());
        assertEquals(0, s.payoutsYen());
        assertEquals(2e6 + f.totalPremiums() - f.totalPaidByPool() - f.administrationYen(), s.balanceYen(), 1e-6);
    }

    static ReplicateLosses losses(int[] firms, double[] yen) {
        return losses(firms, yen, new double[firms.length]);
    }

    static ReplicateLosses losses(int[] firms, double[] yen, double[] insured) {
        double total = 0;
        for (double y : yen) total += y;
        double[][] components = new double[ReplicateLosses.Component.values().length][];
        for (int c = 0; c < components.length; c++) components[c] = new double[firms.length];
        components[ReplicateLosses.Component.INCIDENT.ordinal()] = yen.clone();
        return new ReplicateLosses(total, 0, 0, 0, 0, 0, total, new double[0], new double[0][0],
                new ReplicateLosses.FirmLosses(firms, components, insured.clone()), null);
    }
}
