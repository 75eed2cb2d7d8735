package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weaklink.economics.PolicyFixtures.A;
import static weaklink.economics.PolicyFixtures.MICRO_COST;
import static weaklink.economics.PolicyFixtures.S;
import static weaklink.economics.PolicyFixtures.SMALL_COST;
import static weaklink.economics.PolicyFixtures.T;
import static weaklink.economics.PolicyFixtures.U;

import org.junit.jupiter.api.Test;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

class MandateAndSubsidyPolicyTest {
    final Scenario scenario = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS);
    final SupplyNetwork net = PolicyFixtures.chain(scenario);

    @Test
    void aMandateMakesSuppliersReachTheStandardAtTheirOwnCostBeyondTheirBudget() {
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Mandate("m", "star3", 1), scenario, net);
        for (int firm : new int[] {S, T, U}) {
            assertEquals(0.30, f.posture().successProbability()[firm], 1e-12, "firm " + firm);
            assertEquals(f.investmentYen()[firm], f.paidBySelf()[firm]);
        }
        assertEquals(SMALL_COST, f.investmentYen()[S], 1e-6); // twice S's own budget of 5e5
        assertEquals(0, f.investmentYen()[A]);                // tier 0 is not a supplier
        assertEquals(2 * SMALL_COST + MICRO_COST, f.policyCost(), 1e-6);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void aMandateFromTierTwoLeavesTierOneAlone() {
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Mandate("m", "star3", 2), scenario, net);
        assertEquals(0, f.investmentYen()[S]);
        assertEquals(MICRO_COST, f.investmentYen()[U], 1e-6);
    }

    @Test
    void theGovernmentPaysSigmaOfSmesCostsCheapestFirstUntilTheBudgetRunsOut() {
        // budget: U's half (66,666.67) in full, then 433,333.33 of S's half, nothing for T
        double budget = 5e5;
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Subsidy("sub", 0.5, budget, "star3"), scenario, net);
        assertEquals(0.5 * MICRO_COST, f.paidByGovernment()[U], 1e-6);
        assertEquals(budget - 0.5 * MICRO_COST, f.paidByGovernment()[S], 1e-6);
        assertEquals(0, f.paidByGovernment()[T]);
        assertEquals(budget, f.totalPaidByGovernment(), 1e-6);
        assertEquals(0, f.paidByGovernment()[A]);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void aFullSubsidyBringsEverySmeToTheStandardAtNoCostToIt() {
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Subsidy("sub", 1.0, 1e12, "star3"), scenario, net);
        for (int firm : new int[] {S, T, U}) {
            assertEquals(0.30, f.posture().successProbability()[firm], 1e-12);
            assertEquals(0, f.paidBySelf()[firm], 1e-9);
        }
        assertEquals(2 * SMALL_COST + MICRO_COST, f.totalPaidByGovernment(), 1e-6);
    }

    @Test
    void smesThatReachTheStandardByThemselvesGetNoSubsidy() {
        Scenario rich = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS + """
                standards: {lax: 0.65}
                """);
        SupplyNetwork n = PolicyFixtures.chain(rich);
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Subsidy("sub", 1.0, 1e12, "lax"), rich, n);
        assertEquals(0, f.paidByGovernment()[S]); // small v = 0.6 is already below 0.65
        assertTrue(f.paidByGovernment()[U] > 0);  // micro v = 0.7 is not
    }
}
