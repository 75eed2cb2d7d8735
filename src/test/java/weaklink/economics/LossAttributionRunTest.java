package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weaklink.experiment.Accumulators;
import weaklink.experiment.ReplicateEngine;
import weaklink.experiment.ReplicateColumn;
import weaklink.experiment.ReplicateRow;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/** Over a whole run of the shipped quick-start scenario, the losses by group add up to the total of replicates.csv. */
class LossAttributionRunTest {
    @Test
    void groupLossesOfARunAddUpToItsTotalLoss() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("src/test/resources/scenarios/small-network.yaml"));
        ReplicateEngine engine = new ReplicateEngine(s, 3, s.policies());
        Accumulators acc = engine.newAccumulators();
        double total = 0, cbi = 0;
        int replicates = 30;
        for (int r = 0; r < replicates; r++) {
            ReplicateEngine.ReplicateResult result = engine.run(r);
            result.addTo(acc);
            for (String line : result.csv().split("\n")) {
                ReplicateRow row = ReplicateRow.parse(line);
                total += row.value(ReplicateColumn.TOTAL_LOSS);
                cbi += row.value(ReplicateColumn.CBI_LOSS);
                assertEquals(row.value(ReplicateColumn.TOTAL_LOSS) - row.value(ReplicateColumn.INSURED_LOSS), row.value(ReplicateColumn.UNINSURED_LOSS), 0.011);
            }
        }
        long[] groupLoss = acc.policy(s.policies().get(0).name()).groupLoss;
        long byGroup = 0;
        for (long g : groupLoss) byGroup += g;
        assertTrue(cbi > 0, "the quick-start run must have contingent losses");
        // each group is rounded to whole yen per replicate, and each row's cells to the sen
        assertEquals(total, byGroup, groupLoss.length * replicates * 0.5 + replicates * 0.01);
    }
}
