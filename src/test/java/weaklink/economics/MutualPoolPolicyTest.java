package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
    final PolicySpec.MutualPool spec = new PolicySpec.MutualPool("pool", 0.001, 1e7, 0.3, 2e6);
    final MutualPoolPolicy pool = new MutualPoolPolicy(spec);
    final SecurityFunding f = pool.fund(scenario, net);

    @Test
    void membersPayPremiumRateTimesRevenueAndThePoolSpendsKappaOfItOnPreventionByRisk() {
        double revenue = 0;
        for (int i = 0; i < net.firmCount(); i++) {
            assertEquals(0.001 * net.revenueYen(i), f.premiumYen()[i], 1e-9);
            revenue += net.revenueYen(i);
        }
        assertEquals(0.3 * 0.001 * revenue, f.totalPaidByPool(), 1e-6);
        FirmExposure e = FirmExposure.of(scenario, net);
        // prevention is in proportion to risk (attempts × S(z_self) × loss if breached) and comes on top of own spending
        double riskA = e.attemptsPerYear(0) * e.breach(0).vulnerability(e.selfFundedYen(0)) * e.lossIfBreachedYen(0);
        double riskS = e.attemptsPerYear(2) * e.breach(2).vulnerability(e.selfFundedYen(2)) * e.lossIfBreachedYen(2);
        assertEquals(riskA / riskS, f.paidByPool()[0] / f.paidByPool()[2], 1e-9 * riskA / riskS);
        assertEquals(e.selfFundedYen(2) + f.paidByPool()[2], f.investmentYen()[2], 1e-6);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void thePoolPaysLossesAboveTheRetentionAndItsBooksBalance() {
        // members 0 and 2 lose 5e7 and 3e6: claims (5e7 − 1e7) + 0
        ReplicateLosses year = losses(new int[] {0, 2}, new double[] {5e7, 3e6});
        PoolSettlement s = pool.settle(f, year);
        double available = 2e6 + f.totalPremiums() - f.totalPaidByPool();
        assertEquals(4e7, s.claimsYen(), 1e-6);
        assertEquals(Math.min(4e7, available), s.payoutsYen(), 1e-6);
        assertEquals(2e6 + f.totalPremiums(), f.totalPaidByPool() + s.payoutsYen() + s.balanceYen(), 1e-3);
        assertEquals(4e7 > available, s.ruined());
    }

    @Test
    void claimsBeyondThePoolsFundsRuinIt() {
        double available = 2e6 + f.totalPremiums() - f.totalPaidByPool();
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
        assertEquals(2e6 + f.totalPremiums() - f.totalPaidByPool(), s.balanceYen(), 1e-6);
    }

    static ReplicateLosses losses(int[] firms, double[] yen) {
        double total = 0;
        for (double y : yen) total += y;
        double[][] components = new double[ReplicateLosses.Component.values().length][];
        for (int c = 0; c < components.length; c++) components[c] = new double[firms.length];
        components[ReplicateLosses.Component.INCIDENT.ordinal()] = yen.clone();
        return new ReplicateLosses(total, 0, 0, 0, 0, 0, total, new double[0], new double[0][0],
                new ReplicateLosses.FirmLosses(firms, components, new double[firms.length]));
    }
}
