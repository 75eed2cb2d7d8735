package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.economics.EventLosses;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * An event's losses keep the cells the settlement touched ({@link EventLosses#nextCell}), and the event rows walk those
 * only: the walk must give, in ascending order, exactly the cells where any of the four measures is not 0, which a scan
 * of every summary cell (tiers, size classes, about 190 sectors on japan-manufacturing) finds.
 */
class EventCellsTest {
    @Test
    void theTouchedCellsAreTheCellsWithAnyMeasureInAscendingOrder() throws Exception {
        Path file = Path.of("scenarios/japan-manufacturing.yaml");
        Scenario s = ScenarioLoader.parse(file.toString(), Files.readString(file), file.getParent());
        RunContext context = RunContext.of(s, s.seed());
        int cells = context.lossModel().summarySets().cells();
        int events = 0, beyondFirstWord = 0;
        for (var policy : s.policies().subList(0, 3)) {
            var posture = context.funding(policy).posture();
            for (int r = 0; r < 40; r++) {
                EventLosses losses = context.lossModel().losses(context.model(posture, context.streams(r)).run(), context.streams(r)).events();
                for (int e = 0; e < losses.size(); e++) {
                    List<Integer> scanned = new ArrayList<>(), walked = new ArrayList<>();
                    for (int cell = 0; cell < cells; cell++) {
                        if (losses.gul(e, cell) != 0 || losses.gulExposure(e, cell) != 0 || losses.il(e, cell) != 0 || losses.ilExposure(e, cell) != 0) scanned.add(cell);
                    }
                    for (int cell = losses.nextCell(e, 0); cell >= 0; cell = losses.nextCell(e, cell + 1)) walked.add(cell);
                    assertEquals(scanned, walked, "policy " + policy.name() + ", replicate " + r + ", event " + losses.id(e));
                    events++;
                    if (!walked.isEmpty() && walked.get(walked.size() - 1) >= 64) beyondFirstWord++;
                }
            }
        }
        assertTrue(cells > 128, "cells span several words of the bitset: " + cells);
        assertTrue(events > 100 && beyondFirstWord > 0, events + " events, " + beyondFirstWord + " with a cell beyond the first 64");
    }
}
