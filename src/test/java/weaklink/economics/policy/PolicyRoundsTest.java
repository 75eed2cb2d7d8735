package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
 * and gives what a round decided afresh gives, bit for bit.
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
        before.baselineInvestmentYen(0); // the round made its firms' own choices
        // the next round: one firm's posture moves again (its partners' risk moves with it, the others' does not)
        double[] s = second.successProbability().clone();
        int moved = 0;
        for (int i = 0; i < s.length; i++) if (net.trustOutEnd(i) - net.trustOutStart(i) > net.trustOutEnd(moved) - net.trustOutStart(moved)) moved = i;
        s[moved] *= 0.5;
        Posture third = PostureRule.postureFor(net, s);
        PolicyContext fresh = ctx.repriced(third), reusing = ctx.repriced(third, before);
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
}
