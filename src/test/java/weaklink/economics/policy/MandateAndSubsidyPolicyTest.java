package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weaklink.economics.policy.PolicyFixtures.A;
import static weaklink.economics.policy.PolicyFixtures.MICRO_COST;
import static weaklink.economics.policy.PolicyFixtures.S;
import static weaklink.economics.policy.PolicyFixtures.SMALL_COST;
import static weaklink.economics.policy.PolicyFixtures.STAR3_CERTIFICATION;
import static weaklink.economics.policy.PolicyFixtures.T;
import static weaklink.economics.policy.PolicyFixtures.U;

import org.junit.jupiter.api.Test;
import weaklink.economics.decision.GordonLoeb.BreachClass;
import weaklink.network.FirmAttribute;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

class MandateAndSubsidyPolicyTest {
    final Scenario scenario = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS);
    final SupplyNetwork net = PolicyFixtures.chain(scenario);

    static PolicySpec.Mandate mandate(int minTier, double complianceRate, double penaltyYen) {
        return new PolicySpec.Mandate("m", "star3", minTier, complianceRate, penaltyYen);
    }

    @Test
    void aMandateObeyedByAllMakesSuppliersMeetAndCertifyTheStandardAtTheirOwnCostBeyondTheirBudget() {
        SecurityFunding f = PolicyFixtures.fund(mandate(1, 1.0, 0), scenario, net);
        for (int firm : new int[] {S, T, U}) {
            assertEquals(0.30, f.posture().successProbability()[firm], 1e-12, "firm " + firm);
            assertEquals(f.spendYen(firm), f.paidBySelf()[firm]);
            assertEquals(STAR3_CERTIFICATION, f.certificationYen()[firm]);
            assertTrue(f.meetsStandard(firm));
        }
        assertEquals(SMALL_COST, f.investmentYen()[S], 1e-6); // ten times S's own budget of 1e5
        assertEquals(0, f.spendYen(A));                       // tier 0 is not a supplier
        assertEquals(2 * SMALL_COST + MICRO_COST + 3 * STAR3_CERTIFICATION, f.policyCost(), 1e-6);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void aMandateFromTierTwoLeavesTierOneAlone() {
        SecurityFunding f = PolicyFixtures.fund(mandate(2, 1.0, 0), scenario, net);
        assertEquals(0, f.spendYen(S));
        assertFalse(f.addressed(S));
        assertEquals(MICRO_COST, f.investmentYen()[U], 1e-6);
    }

    @Test
    void firmsNotComplyingOutOfDutyWeighThePenaltyWithinTheirBudget() {
        // no duty and no penalty: nobody complies
        SecurityFunding none = PolicyFixtures.fund(mandate(1, 0, 0), scenario, net);
        assertEquals(0, none.shareMeetingStandard());
        // a penalty above the cost: those who can afford compliance comply, the others pay the penalty in expectation
        Scenario rich = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS + PolicyFixtures.RICH);
        SecurityFunding f = PolicyFixtures.fund(mandate(1, 0, 5e6), rich, PolicyFixtures.chain(rich));
        assertEquals(1.0, f.shareMeetingStandard());
        SecurityFunding poor = PolicyFixtures.fund(mandate(1, 0, 5e6), scenario, net);
        assertFalse(poor.meetsStandard(S));  // 1.1e6 of compliance against a budget of 1e5
        assertEquals(5e6, poor.penaltyYen()[S]);
        assertTrue(poor.budgetBound(S));
        // a penalty below the cost of complying is paid rather than complied with
        SecurityFunding cheap = PolicyFixtures.fund(mandate(1, 0, SMALL_COST), rich, PolicyFixtures.chain(rich));
        assertFalse(cheap.meetsStandard(S));
        assertEquals(SMALL_COST, cheap.penaltyYen()[S]);
    }

    @Test
    void whoCompliesOutOfDutyIsDrawnOnceSoAHigherRateAddsCompliers() throws Exception {
        Scenario s = PolicyFixtures.scenario("""
                name: many
                network: {generator: {tiers: [{firms: 10, size_mix: {large: 1.0}}, {firms: 2000, suppliers_per_buyer: 200}]}}
                initial_compromises: [{firm: 0}]
                """);
        SupplyNetwork n = Networks.build(s, 5);
        PolicyContext ctx = PolicyContext.of(s, n, 9);
        SecurityFunding low = CostSharingPolicy.of(mandate(1, 0.3, 0)).fund(ctx), high = CostSharingPolicy.of(mandate(1, 0.6, 0)).fund(ctx);
        int obliged = 0, lowCount = 0, highCount = 0;
        for (int i = 0; i < n.firmCount(); i++) {
            if (!low.addressed(i)) continue;
            obliged++;
            if (low.meetsStandard(i)) {
                lowCount++;
                assertTrue(high.meetsStandard(i), "firm " + i);
            }
            if (high.meetsStandard(i)) highCount++;
        }
        // binomial: within four standard deviations of the rate
        assertEquals(0.3 * obliged, lowCount, 4 * Math.sqrt(obliged * 0.3 * 0.7));
        assertEquals(0.6 * obliged, highCount, 4 * Math.sqrt(obliged * 0.6 * 0.4));
    }

    @Test
    void theGovernmentCommitsSigmaOfSmesCostsCheapestFirstUntilTheBudgetRunsOut() {
        // a full grant (σ = 1) conditional on ★3: U's commitment (133,333 + 1e5) in full, then 1e5 to S, nothing to T;
        // U takes its free certificate, S would still pay 9e5 + 1e5 of its own for nothing to protect and does not
        Scenario rich = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS + PolicyFixtures.RICH);
        SupplyNetwork n = PolicyFixtures.chain(rich);
        double budget = MICRO_COST + STAR3_CERTIFICATION + 1e5;
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Subsidy("sub", 1.0, budget, "star3", true, 0.05), rich, n);
        assertEquals(MICRO_COST + STAR3_CERTIFICATION, f.paidByGovernment()[U], 1e-6);
        assertTrue(f.meetsStandard(U));
        assertEquals(0, f.paidByGovernment()[S]);
        assertFalse(f.meetsStandard(S));
        assertEquals(0, f.paidByGovernment()[T]);
        assertEquals(0, f.paidByGovernment()[A]);
        // administration: 5 % of what was paid; public money is the grants and their administration
        assertEquals(0.05 * f.totalPaidByGovernment(), f.administrationYen(), 1e-6);
        assertEquals(1.05 * f.totalPaidByGovernment(), f.publicFundsYen(), 1e-6);
        assertEquals(0.3 * f.publicFundsYen(), f.excessBurdenYen(), 1e-6);
        assertEquals(MICRO_COST + STAR3_CERTIFICATION + f.overheadYen(), f.policyCost(), 1e-6);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void aGrantConditionalOnTheStandardIsPaidOnlyToFirmsThatMeetIt() {
        Scenario attacked = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS.replace("initial_compromises:\n  - firm: 0\n", "")
                + "actors: [{mode: opportunistic, campaigns_per_year: 6, attempt_probability: 0.3}]\n");
        SupplyNetwork n = PolicyFixtures.chain(attacked);
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Subsidy("sub", 1.0, 1e12, "star3", true, 0.05), attacked, n);
        assertTrue(f.addressedCount() > 0);
        for (int i = 0; i < n.firmCount(); i++) {
            if (f.addressed(i)) {
                assertTrue(f.meetsStandard(i), "firm " + i); // a free standard is always worth it when there is something to protect
                // the grant pays reaching ★3 and certifying it; anything beyond, the firm pays itself
                double reach = PolicyContext.of(attacked, n, 1).breach(i).investmentToReach(0.3);
                assertEquals(Math.min(f.investmentYen()[i], reach) + f.certificationYen()[i], f.paidByGovernment()[i], 1e-6);
            } else {
                assertEquals(0, f.paidByGovernment()[i]);
            }
        }
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void smesThatReachTheStandardByThemselvesAreNotEligible() {
        Scenario lax = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS + """
                standards: {lax: 0.65}
                """);
        SupplyNetwork n = PolicyFixtures.chain(lax);
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Subsidy("sub", 1.0, 1e12, "lax", true, 0.05), lax, n);
        assertFalse(f.addressed(S)); // small v = 0.6 is already below 0.65
        assertTrue(f.addressed(U));  // micro v = 0.7 is not
    }

    @Test
    void aSizeClassCanUseClassIIAndItsCostToReachAStandard() {
        Scenario s = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS + """
                size_classes:
                  small: {gl_class: 2}
                """);
        SupplyNetwork n = PolicyFixtures.chain(s);
        assertEquals(2, n.attribute(FirmAttribute.GL_CLASS, S));
        assertEquals(1, n.attribute(FirmAttribute.GL_CLASS, A));
        PolicyContext ctx = PolicyContext.of(s, n, 1);
        assertEquals(BreachClass.CLASS_II, ctx.breach(S).breachClass());
        // class II cost of ★3 for a small firm: (ln 0.3 / ln 0.6 − 1) / 1e-6, met under a mandate
        SecurityFunding f = CostSharingPolicy.of(mandate(1, 1.0, 0)).fund(ctx);
        assertEquals((Math.log(0.3) / Math.log(0.6) - 1) / 1e-6, f.investmentYen()[S], 1e-3);
    }
}
