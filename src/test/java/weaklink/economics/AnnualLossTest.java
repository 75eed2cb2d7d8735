package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.PolicyContext;
import weaklink.model.AttackSurface;
import weaklink.model.Posture;
import weaklink.model.ReplicateModel;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.stats.Sample;

/** Losses are reported per year whatever the run's length: a 730-day replicate gives the annual loss of a 365-day one in expectation. */
class AnnualLossTest {
    static final String SCENARIO = """
            name: annual
            days: %d
            network:
              generator:
                tiers:
                  - {firms: 3, size_mix: {large: 1.0}}
                  - {firms: 20, suppliers_per_buyer: 8}
                  - {firms: 40, suppliers_per_buyer: 3}
                trust_probability: {remote-access: 0.3}
            actors:
              - {mode: opportunistic, campaigns_per_year: 4, attempt_probability: 0.1}
              - {mode: targeted, campaigns_per_year: 1}
            """;

    static Sample annualLoss(int days, int replicates) throws Exception {
        Scenario s = ScenarioLoader.parse("annual.yaml", SCENARIO.formatted(days), Path.of("."));
        SupplyNetwork net = Networks.build(s, 17);
        Posture posture = CostSharingPolicy.of(s.policies().get(0)).fund(PolicyContext.of(s, net, 17)).posture();
        LossModel losses = new LossModel(s, net);
        AttackSurface surface = AttackSurface.of(net);
        double[] x = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            RandomStreams streams = new RandomStreams(days, r);
            x[r] = losses.losses(new ReplicateModel(s, net, posture, streams, surface).run(), streams).totalYen();
        }
        return new Sample(x);
    }

    @Test
    void aTwoYearRunReportsTheAnnualLossOfAOneYearRun() throws Exception {
        Sample year = annualLoss(365, 1500), twoYears = annualLoss(730, 1500);
        double se = Math.sqrt(year.standardError() * year.standardError() + twoYears.standardError() * twoYears.standardError());
        assertEquals(year.mean(), twoYears.mean(), 4 * se, "365 days: " + year.mean() + ", 730 days: " + twoYears.mean() + " ± " + se);
        // the test can fail: an unannualised two-year loss (twice the annual one) would lie far outside the band
        assertTrue(4 * se < 0.5 * year.mean(), "standard error " + se + " against a mean of " + year.mean());
    }
}
