package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weaklink.economics.decision.BestResponse;
import weaklink.economics.decision.BestResponse.Choice;
import weaklink.economics.decision.FirmTerms;
import weaklink.economics.decision.PostureRule;
import weaklink.model.Posture;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * A policy's best-response rounds ({@link Equilibrium}) on the quick start's network: a round told
 * the round before reuses the firms' own choices that round made where a firm's risk has not moved,
 * its firms' risk objects, and the decisions the policy made there where a firm's terms have not moved
 * either, and gives what a round decided afresh gives, bit for bit.
 */
class PolicyRoundsTest {
    final Scenario scenario = load();
    final SupplyNetwork net = build(scenario);
    final PolicyContext ctx = PolicyContext.of(scenario, net, 11);

    static Scenario load() {
        try {
            return ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SupplyNetwork build(Scenario s) {
        try {
            return Networks.build(s, 11);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The planner's first round's posture: far from the run's reference, so most firms' risk moves. */
    Posture planned() {
        return PostureRule.postureFor(net, ctx.fund(CostSharingPolicy.of(new PolicySpec.Planner("planner"))).posture().successProbability().clone());
    }

    @Test
    void aRoundAfterAnotherMakesTheFirmsOwnChoicesAFreshRoundMakes() {
        Posture second = planned();
        PolicyContext before = ctx.repriced(second);
        for (int i = 0; i < net.firmCount(); i++) before.baselineInvestmentYen(i); // the round made its firms' own choices
        // the next round: one firm's posture moves again (its partners' risk moves with it, the others' does not)
        double[] s = second.successProbability().clone();
        int moved = 0;
        for (int i = 0; i < s.length; i++) if (net.trustOutEnd(i) - net.trustOutStart(i) > net.trustOutEnd(moved) - net.trustOutStart(moved)) moved = i;
        s[moved] *= 0.5;
        Posture third = PostureRule.postureFor(net, s);
        PolicyContext fresh = ctx.repriced(third), reusing = ctx.repriced(third, before, null);
        int changedFromRoot = 0;
        for (int i = 0; i < s.length; i++) {
            assertEquals(Double.doubleToRawLongBits(fresh.baselineInvestmentYen(i)), Double.doubleToRawLongBits(reusing.baselineInvestmentYen(i)), "firm " + i);
            assertEquals(Double.doubleToRawLongBits(fresh.baselineLossYen(i)), Double.doubleToRawLongBits(reusing.baselineLossYen(i)), "firm " + i);
            assertEquals(fresh.baselineBudgetBound(i), reusing.baselineBudgetBound(i), "firm " + i);
            if (fresh.baselineInvestmentYen(i) != ctx.baselineInvestmentYen(i)) changedFromRoot++;
        }
        // not vacuous: many firms' own choices differ from the run's, so the round before is what they could be reused from
        assertTrue(changedFromRoot > s.length / 10, changedFromRoot + " of " + s.length + " firms choose otherwise than at the run's reference");
    }

    /** The round after {@code planned()}'s: the posture of the firm with the most trust partners moves again (its partners' risk with it). */
    Posture third(Posture second) {
        double[] s = second.successProbability().clone();
        int moved = 0;
        for (int i = 0; i < s.length; i++) if (net.trustOutEnd(i) - net.trustOutStart(i) > net.trustOutEnd(moved) - net.trustOutStart(moved)) moved = i;
        s[moved] *= 0.5;
        return PostureRule.postureFor(net, s);
    }

    static void assertSameBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), what + " of firm " + i);
        }
    }

    @Test
    void aRoundTakingTheDecisionsOfTheRoundBeforeFundsEveryPolicyAsAFreshRoundBitForBit() {
        Posture second = planned(), third = third(second);
        int reused = 0, decidedAgain = 0;
        for (PolicySpec spec : scenario.policies()) {
            CostSharingPolicy policy = CostSharingPolicy.of(spec);
            PolicyContext before = ctx.repriced(second);
            SecurityFunding earlier = policy.fund(before);
            SecurityFunding fresh = policy.fund(ctx.repriced(third)), reusing = policy.fund(ctx.repriced(third, before, earlier.decisions()));
            String name = spec.name();
            assertSameBits(fresh.investmentYen(), reusing.investmentYen(), name + ": investment");
            assertSameBits(fresh.certificationYen(), reusing.certificationYen(), name + ": certification");
            assertSameBits(fresh.expectedLossYen(), reusing.expectedLossYen(), name + ": expected loss");
            assertSameBits(fresh.paidBySelf(), reusing.paidBySelf(), name + ": paid by self");
            assertSameBits(fresh.paidByBuyers(), reusing.paidByBuyers(), name + ": paid by buyers");
            assertSameBits(fresh.paidByGovernment(), reusing.paidByGovernment(), name + ": paid by government");
            assertSameBits(fresh.paidForSuppliers(), reusing.paidForSuppliers(), name + ": paid for suppliers");
            assertSameBits(fresh.lostBusinessYen(), reusing.lostBusinessYen(), name + ": lost business");
            assertSameBits(fresh.penaltyYen(), reusing.penaltyYen(), name + ": penalty");
            assertSameBits(fresh.posture().successProbability(), reusing.posture().successProbability(), name + ": posture");
            for (int i = 0; i < net.firmCount(); i++) {
                assertEquals(fresh.budgetBound(i), reusing.budgetBound(i), name + ": budget bound, firm " + i);
                assertEquals(fresh.meetsStandard(i), reusing.meetsStandard(i), name + ": meets its standard, firm " + i);
            }
            if (reusing.decisions() != null) {
                reused += reusing.decisions().reused();
                decidedAgain += reusing.decisions().made() - reusing.decisions().reused();
            }
        }
        // not vacuous: the policies' firms took many choices from the round before, and the moved firms decided again
        assertTrue(reused > 100, reused + " decisions taken from the round before");
        assertTrue(decidedAgain > 0, decidedAgain + " decisions made again");
    }

    @Test
    void aRoundTakesAFirmsRiskObjectFromTheRoundBeforeWhereItsRiskHasNotMoved() {
        Posture second = planned(), third = third(second);
        PolicyContext before = ctx.repriced(second);
        for (int i = 0; i < net.firmCount(); i++) before.risk(i);
        PolicyContext fresh = ctx.repriced(third), reusing = ctx.repriced(third, before, null);
        int taken = 0, built = 0;
        for (int i = 0; i < net.firmCount(); i++) {
            for (double s : new double[] {0, 0.013, 0.3, 1}) {
                assertEquals(Double.doubleToRawLongBits(fresh.risk(i).expectedLossYen(s)), Double.doubleToRawLongBits(reusing.risk(i).expectedLossYen(s)),
                        "firm " + i + " at " + s);
            }
            assertSame(reusing.risk(i), reusing.risk(i), "kept for the round");
            if (reusing.risk(i) == before.risk(i)) taken++;
            else built++;
            if (ctx.risk().at(third).sameFirmRisk(i, before.risk())) assertSame(before.risk(i), reusing.risk(i), "firm " + i);
            else assertNotSame(before.risk(i), reusing.risk(i), "firm " + i);
        }
        assertTrue(taken > net.firmCount() / 2 && built > 0, taken + " taken, " + built + " built");
    }

    @Test
    void aDecisionIsTakenFromTheRoundBeforeOnlyUnderTheSameTermsAndRisk() {
        Posture second = planned();
        PolicyContext before = ctx.repriced(second), after = ctx.repriced(third(second), before, null);
        int unmoved = 0, moved = 0;
        while (!after.sameFirmRisk(unmoved, before.risk())) unmoved++;
        while (after.sameFirmRisk(moved, before.risk())) moved++;
        FirmTerms.Standard star = new FirmTerms.Standard("star", 0.05, 1e6);
        SecurityFunding.Decisions made = new SecurityFunding.Decisions(before.risk(), net.firmCount());
        Choice marker = new Choice(-7, null, 0, 0, -7, 0, -7, false);
        made.record(unmoved, terms(star, 0.5), marker, false);
        made.record(moved, terms(star, 0.5), marker, false);
        assertSame(marker, made.reusable(unmoved, terms(star, 0.5), after));
        assertNull(made.reusable(unmoved, terms(star, Math.nextUp(0.5)), after), "a share one bit apart");
        assertNull(made.reusable(unmoved, terms(star, 0.5).income(1), after), "an income");
        assertNull(made.reusable(unmoved, terms(new FirmTerms.Standard("star", 0.05, 2e6), 0.5), after), "a dearer certificate");
        assertNull(made.reusable(unmoved, new FirmTerms(1e7).share(0.5, 2e6, star, true, 3), after), "a share's condition");
        assertNull(made.reusable(moved, terms(star, 0.5), after), "a firm whose risk moved");
        assertNull(made.reusable(unmoved + 1 == moved ? unmoved + 2 : unmoved + 1, terms(star, 0.5), after), "a firm that did not decide");
    }

    private static FirmTerms terms(FirmTerms.Standard standard, double share) {
        return new FirmTerms(1e7).share(share, 2e6, null, true, 3).require(standard, 5e5, 3);
    }

    @Test
    void aRoundMakesTheOwnChoicesOfTheFirmsThePolicyLeavesAtTheirBaselineOnly() {
        PolicySpec.Mandate spec = (PolicySpec.Mandate) scenario.policies().stream().filter(p -> p instanceof PolicySpec.Mandate).findFirst().orElseThrow();
        PolicyContext round = ctx.repriced(planned());
        SecurityFunding f = CostSharingPolicy.of(spec).fund(round);
        int n = net.firmCount(), undecided = 0;
        for (int i = 0; i < n; i++) {
            if (net.tier(i) >= spec.minTier()) continue; // decided under the mandate (or out of its reach)
            undecided++;
            // a firm left alone is at its own choice against the round's risk, decided as the firm would decide it
            Choice own = BestResponse.decide(round.breach(i), round.risk(i), new FirmTerms(round.budgetYen(i)));
            assertEquals(Double.doubleToRawLongBits(own.investmentYen()), Double.doubleToRawLongBits(f.investmentYen()[i]), "firm " + i);
            assertEquals(Double.doubleToRawLongBits(own.expectedLossYen()), Double.doubleToRawLongBits(f.expectedLossYen()[i]), "firm " + i);
            assertEquals(own.budgetBound(), f.budgetBound(i), "firm " + i);
        }
        int made = round.ownChoicesMade();
        assertTrue(undecided > 0 && made >= undecided && made < n, made + " own choices made for " + undecided + " firms left alone of " + n);
        for (int i = 0; i < n; i++) round.baselineInvestmentYen(i);
        assertEquals(n, round.ownChoicesMade());
    }
}
