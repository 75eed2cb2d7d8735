package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weaklink.economics.PolicyFixtures.A;
import static weaklink.economics.PolicyFixtures.B;
import static weaklink.economics.PolicyFixtures.MICRO_COST;
import static weaklink.economics.PolicyFixtures.S;
import static weaklink.economics.PolicyFixtures.SMALL_COST;
import static weaklink.economics.PolicyFixtures.T;
import static weaklink.economics.PolicyFixtures.U;

import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

class BuyerSharePolicyTest {
    final Scenario scenario = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS);
    final SupplyNetwork net = PolicyFixtures.chain(scenario);

    SecurityFunding fund(double phi, int tiers) {
        return PolicyFixtures.fund(new PolicySpec.BuyerShare("bs", phi, tiers, "star3"), scenario, net);
    }

    @Test
    void buyersPayPhiOfTheCostToReachTheStandardSplitByTheirShareOfSales() {
        SecurityFunding f = fund(0.5, 1);
        // S sells 2/3 to A and 1/3 to B; T sells only to B
        assertEquals(0.5 * SMALL_COST, f.paidByBuyers()[S], 1e-6);
        assertEquals(0.5 * SMALL_COST * 2 / 3, f.paidForSuppliers()[A], 1e-6);
        assertEquals(0.5 * SMALL_COST / 3 + 0.5 * SMALL_COST, f.paidForSuppliers()[B], 1e-6);
        assertEquals(0.5 * SMALL_COST, f.paidBySelf()[S], 1e-6);
        assertEquals(SMALL_COST, f.investmentYen()[S], 1e-6);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void aSupplierFundedInFullEndsAtTheStandardsVulnerability() {
        SecurityFunding f = fund(1.0, 1);
        assertEquals(0.30, f.posture().successProbability()[S], 1e-12);
        assertEquals(0.30, f.posture().successProbability()[T], 1e-12);
        assertEquals(0, f.paidBySelf()[S], 1e-9);
        assertEquals(0, f.paidBySelf()[T], 1e-9);
    }

    @Test
    void indirectSuppliersArePaidForOnlyWithinTheGivenTiers() {
        assertEquals(0, fund(0.5, 1).paidByBuyers()[U]);
        SecurityFunding two = fund(0.5, 2);
        // all of U's output goes to S, which sells 2/3 of it on to A and 1/3 to B
        assertEquals(0.5 * MICRO_COST, two.paidByBuyers()[U], 1e-6);
        assertEquals(0.5 * SMALL_COST * 2 / 3 + 0.5 * MICRO_COST * 2 / 3, two.paidForSuppliers()[A], 1e-6);
        PolicyFixtures.assertBooksBalance(two);
    }

    @Test
    void largeBuyersPayNothingForThemselvesAndSmallBuyersPayNothing() {
        SecurityFunding f = fund(0.5, 2);
        assertEquals(0, f.paidByBuyers()[A]);
        assertEquals(0, f.paidForSuppliers()[S]);
    }

    @Test
    void aSupplierThatCannotAffordItsPartInvestsAllItHasAndStaysAboveTheStandard() {
        double cap = net.attribute(FirmAttribute.BUDGET_SHARE, S) * net.revenueYen(S);
        assertTrue(cap < 0.9 * SMALL_COST, "fixture: S's own budget is below 90 % of the cost");
        SecurityFunding f = fund(0.1, 1);
        assertEquals(cap + 0.1 * SMALL_COST, f.investmentYen()[S], 1e-6);
        assertTrue(f.posture().successProbability()[S] > 0.30);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void policyCostIsWhatBuyersPayPlusSuppliersCoPayments() {
        SecurityFunding f = fund(0.5, 1);
        // nobody would invest alone here, so all of S's and T's spending is the policy's
        assertEquals(2 * SMALL_COST, f.policyCost(), 1e-6);
        assertEquals(0, PolicyFixtures.fund(new PolicySpec.None("none"), scenario, net).policyCost());
    }
}
