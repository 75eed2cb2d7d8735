package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * summary.csv's cost-effectiveness columns on a fixture computed by hand: four replicates of a
 * baseline and of a policy, paired by replicate.
 *
 * <pre>
 * replicate                 1    2    3    4
 * baseline loss = societal 10   12    9   13     (no security spending, no policy cost)
 * policy loss               6    8    5    7
 * policy societal cost      8   11    8   10     (loss + its security spending)
 * policy cost               2    2    2    2
 * societal difference d    -2   -1   -1   -3     d̄ = −1.75, s_d² = 2.75/3, half-width = t_{3,.975}·s_d/2
 * loss avoided a            4    4    4    6     ā/c̄ = 2.25, half-width = t_{3,.975}·1/2 / 2
 * </pre>
 */
class CostEffectivenessSummaryTest {
    static final double T3 = 3.182446305284263;

    private static Map<String, Double> row(List<PolicySummary> rows, String policy) {
        PolicySummary s = rows.stream().filter(x -> x.policy.equals(policy)).findFirst().orElseThrow();
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (SummaryColumn c : SummaryColumn.values()) if (!c.isText()) out.put(c.header(), SummaryColumn.TABLE.column(c.header()).value(s));
        return out;
    }

    private static List<PolicySummary> fixture() {
        ResultsFinalizer.PolicyColumns base = new ResultsFinalizer.PolicyColumns(), policy = new ResultsFinalizer.PolicyColumns();
        double[] baseLoss = {10, 12, 9, 13}, loss = {6, 8, 5, 7}, societal = {8, 11, 8, 10};
        for (int i = 0; i < 4; i++) {
            base.addForTest(baseLoss[i], baseLoss[i], 0, baseLoss[i], 0);
            policy.addForTest(loss[i], loss[i], 0, societal[i], 2);
        }
        return ResultsFinalizer.summarise(List.of("none", "pay"), "none", Map.of("none", base, "pay", policy), ResultsFinalizer.seeds(1));
    }

    @Test
    void thePairedSocietalCostIntervalIsTheHandComputedOne() {
        Map<String, Double> pay = row(fixture(), "pay");
        double half = T3 * Math.sqrt(2.75 / 3) / 2;
        assertEquals(-1.75, pay.get("diff_societal_cost"), 1e-12);
        assertEquals(-1.75 - half, pay.get("diff_societal_ci95_low"), 1e-9);
        assertEquals(-1.75 + half, pay.get("diff_societal_ci95_high"), 1e-9);
        assertEquals(-3.273480180829078, pay.get("diff_societal_ci95_low"), 1e-9);
        assertEquals(1.75, pay.get("net_benefit"), 1e-12);
        assertEquals(1.75 - half, pay.get("net_benefit_ci95_low"), 1e-9);
    }

    /**
     * The gap to the planner, by hand: with a planner whose societal cost is 6, 7, 5, 8 (mean 6.5) the
     * gap is 11 − 6.5 = 4.5, of which the policy (mean 9.25) closes 1.75 / 4.5; the policy's paired
     * difference against the planner is 2, 4, 3, 2 (mean 2.75, s² = 0.91667, half-width t·s/2).
     */
    @Test
    void theShareOfTheGapClosedIsMeasuredAgainstThePlanner() {
        ResultsFinalizer.PolicyColumns base = new ResultsFinalizer.PolicyColumns(), policy = new ResultsFinalizer.PolicyColumns(),
                planner = new ResultsFinalizer.PolicyColumns();
        double[] baseLoss = {10, 12, 9, 13}, loss = {6, 8, 5, 7}, societal = {8, 11, 8, 10}, best = {6, 7, 5, 8};
        for (int i = 0; i < 4; i++) {
            base.addForTest(baseLoss[i], baseLoss[i], 0, baseLoss[i], 0);
            policy.addForTest(loss[i], loss[i], 0, societal[i], 2);
            planner.addForTest(best[i] - 1, best[i] - 1, 0, best[i], 3);
        }
        List<PolicySummary> rows = ResultsFinalizer.summarise(List.of("none", "pay", "best"), "none", "best",
                Map.of("none", base, "pay", policy, "best", planner), ResultsFinalizer.seeds(1));
        assertEquals(1.75 / 4.5, row(rows, "pay").get("gap_closed"), 1e-12);
        assertEquals(0, row(rows, "none").get("gap_closed"), 0);
        assertEquals(1, row(rows, "best").get("gap_closed"), 0);
        double half = T3 * Math.sqrt(2.75 / 3) / 2;
        assertEquals(2.75, row(rows, "pay").get("diff_societal_vs_planner"), 1e-12);
        assertEquals(2.75 - half, row(rows, "pay").get("diff_societal_vs_planner_ci95_low"), 1e-9);
        assertEquals(2.75 + half, row(rows, "pay").get("diff_societal_vs_planner_ci95_high"), 1e-9);
        assertTrue(Double.isNaN(row(fixture(), "pay").get("gap_closed")), "no planner in the run: no gap");
    }

    @Test
    void theBenefitCostRatioIsLossAvoidedPerYenOfPolicyCost() {
        Map<String, Double> pay = row(fixture(), "pay");
        double half = T3 * 0.5 / 2;
        assertEquals(2.25, pay.get("loss_avoided_per_yen"), 1e-12);
        assertEquals(2.25 - half, pay.get("loss_avoided_per_yen_ci95_low"), 1e-9);
        assertEquals(2.25 + half, pay.get("loss_avoided_per_yen_ci95_high"), 1e-9);
        assertTrue(Double.isNaN(row(fixture(), "none").get("loss_avoided_per_yen")), "the baseline costs nothing beyond itself");
    }

    @Test
    void aPolicyLowerInEveryReplicateRanksFirstWithProbabilityOne() {
        List<PolicySummary> rows = fixture();
        assertEquals(1.0, row(rows, "pay").get("prob_best"), 0);
        assertEquals(0.0, row(rows, "none").get("prob_best"), 0);
        assertEquals(1.0, row(rows, "pay").get("societal_rank"), 0);
        assertEquals(2.0, row(rows, "none").get("societal_rank"), 0);
    }

    @Test
    void aHundredReplicatesLeaveTheTailCellsEmptyWithTheReason() {
        ResultsFinalizer.PolicyColumns c = new ResultsFinalizer.PolicyColumns();
        for (int i = 0; i < 100; i++) c.addForTest(1e9 * (i + 1), 1e8 * (i + 1), 0, 1e9 * (i + 1), 0);
        PolicySummary s = ResultsFinalizer.summarise(List.of("none"), "none", Map.of("none", c), ResultsFinalizer.seeds(1)).get(0);
        String line = SummaryColumn.TABLE.line(s);
        List<String> cells = weaklink.io.Csv.split(line);
        List<String> names = SummaryColumn.TABLE.names();
        for (String col : List.of("var_99_5", "tvar_99_5", "oep_var_99_5", "var_99_5_ci95_low", "var_99_5_ci95_high", "tvar_99_5_ci95_low")) {
            assertEquals("", cells.get(names.indexOf(col)), col + " is empty, not the sample maximum");
        }
        assertEquals("0.5 of 100 years lie beyond the 99.5 % level, fewer than 10; at least 2,000 replicates are needed",
                cells.get(names.indexOf("tail_note")));
    }

    @Test
    void fiveThousandReplicatesGiveVaRWithItsInterval() {
        ResultsFinalizer.PolicyColumns c = new ResultsFinalizer.PolicyColumns();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        for (int i = 0; i < 5000; i++) {
            double x = 1e9 / (1 - rng.nextDouble()); // Pareto(1) years
            c.addForTest(x, x / 2, 0, x, 0);
        }
        PolicySummary s = ResultsFinalizer.summarise(List.of("none"), "none", Map.of("none", c), ResultsFinalizer.seeds(1)).get(0);
        assertTrue(s.aepTail.estimated());
        assertEquals("", s.aepTail.note());
        assertTrue(s.aepTail.valueAtRiskLow() <= s.aepTail.valueAtRisk() && s.aepTail.valueAtRisk() <= s.aepTail.valueAtRiskHigh());
        assertTrue(s.aepTail.valueAtRiskHigh() > s.aepTail.valueAtRiskLow());
        assertTrue(s.oepTail.valueAtRiskHigh() > s.oepTail.valueAtRiskLow());
    }
}
