package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The lateral movement's day batch is lent by the run's workspaces to one model's day at a time, so the
 * run's replicates share a few: a replicate's record must be the one a model with a batch of its own
 * gives, whatever the run's models did with the batch before (larger or smaller outbreaks) and on
 * however many threads the replicates run.
 */
class LateralBatchReuseTest {
    static final int REPLICATES = 12;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void aReplicatesRecordIsThatOfAModelWithItsOwnBatchWhateverTheRunRanBefore(int threads) throws Exception {
        for (String file : new String[] {"scenarios/insurer-book.yaml", "scenarios/japan-manufacturing.yaml"}) {
            Scenario s = ScenarioLoader.load(Path.of(file));
            RunContext context = RunContext.of(s, s.seed());
            var posture = context.funding(s.policies().get(0)).posture();
            String[] fresh = new String[REPLICATES];
            int smallest = Integer.MAX_VALUE, largest = 0;
            for (int r = 0; r < REPLICATES; r++) {
                // no workspaces: the model's own batch, new
                fresh[r] = fingerprint(new ReplicateModel(s, context.network(), posture, context.streams(r), context.attackSurface(), null).run());
                int size = fresh[r].length();
                smallest = Math.min(smallest, size);
                largest = Math.max(largest, size);
            }
            assertTrue(largest > 2 * smallest + 100, file + ": the fixture's outbreaks differ in size (" + smallest + ", " + largest + ")");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                // every thread runs all replicates of the one run, in its own order: each replicate after different ones
                List<Future<String[]>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int shift = 5 * t;
                    boolean backwards = t % 2 == 1;
                    runs.add(pool.submit(() -> {
                        String[] got = new String[REPLICATES];
                        for (int i = 0; i < REPLICATES; i++) {
                            int r = Math.floorMod((backwards ? -i : i) + shift, REPLICATES);
                            got[r] = fingerprint(context.model(posture, context.streams(r)).run());
                        }
                        return got;
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    String[] got = runs.get(t).get();
                    for (int r = 0; r < REPLICATES; r++) assertEquals(fresh[r], got[r], file + ": replicate " + r + " on thread " + t);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Every field of every compromise of a record, in its order (doubles as their bits). */
    static String fingerprint(ReplicateRecord record) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < record.size(); k++) {
            b.append(record.firm(k)).append(',').append(record.campaign(k)).append(',').append(record.actor(k)).append(',')
                    .append(record.day(k)).append(',').append(record.source(k)).append(',').append(record.trustLink(k)).append(',')
                    .append(record.effect(k)).append(',').append(Long.toHexString(Double.doubleToRawLongBits(record.detectDay(k))))
                    .append(',').append(Long.toHexString(Double.doubleToRawLongBits(record.outageEnd(k)))).append(';');
        }
        return b.toString();
    }
}
