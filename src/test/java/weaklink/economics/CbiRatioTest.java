package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weaklink.experiment.ReplicateEngine;
import weaklink.experiment.ReplicateColumn;
import weaklink.experiment.ReplicateRow;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The ratio of indirect (CBI) to direct losses over whole runs on a generated scale-free tiered
 * network: Inoue &amp; Todo (2019) find indirect losses far above direct ones when inputs are hard to
 * substitute. Direct here is the compromised firms' own loss (direct + BI), as in their comparison.
 * No spare capacity: substitution only through new suppliers, as each test sets it.
 */
class CbiRatioTest {
    static final int REPLICATES = 60;

    /** A lean (just-in-time) tiered network with strong preferential attachment, hit by ransomware. */
    static Scenario scenario(double substitutionDays, double substitutionShare) throws Exception {
        return ScenarioLoader.parse("ratio.yaml", """
                name: cbi-ratio
                days: 365
                network:
                  generator:
                    tiers:
                      - firms: 4
                        size_mix: {large: 1.0}
                      - firms: 40
                        size_mix: {medium: 0.7, small: 0.3}
                        suppliers_per_buyer: 12
                      - firms: 200
                        size_mix: {small: 0.6, micro: 0.4}
                        suppliers_per_buyer: 4
                    attachment: 3.0
                size_classes:
                  large: {inventory_days: 1}
                  medium: {inventory_days: 2}
                  small: {inventory_days: 3}
                  micro: {inventory_days: 3}
                actors:
                  - mode: opportunistic
                    campaigns_per_year: 4
                    attempt_probability: 0.02
                economics:
                  spare_capacity: 0
                  substitution_days: %s
                  substitution_share: %s
                """.formatted(substitutionDays, substitutionShare), Path.of("."));
    }

    /** Sum of CBI over sum of the compromised firms' own losses (direct + BI), over the run. */
    static double cbiToOwnLossRatio(Scenario s) throws Exception {
        ReplicateEngine engine = new ReplicateEngine(s, 11, s.policies());
        double cbi = 0, own = 0;
        for (int r = 0; r < REPLICATES; r++) {
            for (String line : engine.run(r).csv().split("\n")) {
                ReplicateRow row = ReplicateRow.parse(line);
                assertEquals(row.value(ReplicateColumn.TOTAL_LOSS), row.value(ReplicateColumn.DIRECT_LOSS) + row.value(ReplicateColumn.BI_LOSS) + row.value(ReplicateColumn.CBI_LOSS), 1e-6 * Math.max(1, row.value(ReplicateColumn.TOTAL_LOSS)));
                cbi += row.value(ReplicateColumn.CBI_LOSS);
                own += row.value(ReplicateColumn.DIRECT_LOSS) + row.value(ReplicateColumn.BI_LOSS);
            }
        }
        assertTrue(own > 0, "the run must compromise some firms");
        return cbi / own;
    }

    @Test
    void withLowSubstitutabilityIndirectLossesExceedDirectOnes() throws Exception {
        double ratio = cbiToOwnLossRatio(scenario(60, 0.0));
        assertTrue(ratio > 1.5, "CBI / (direct + BI) = " + ratio);
    }

    @Test
    void immediateFullSubstitutionLeavesNoIndirectLoss() throws Exception {
        assertEquals(0.0, cbiToOwnLossRatio(scenario(0, 1.0)), 1e-12);
    }

    @Test
    void fasterSubstitutionLowersTheRatio() throws Exception {
        assertTrue(cbiToOwnLossRatio(scenario(3, 0.8)) < cbiToOwnLossRatio(scenario(60, 0.0)));
    }
}
