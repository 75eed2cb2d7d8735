package weaklink.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.swing.SwingUtilities;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.experiment.ReplicateColumn;
import weaklink.experiment.ReplicateEngine;
import weaklink.experiment.ReplicateRow;
import weaklink.experiment.RunContext;
import weaklink.model.ReplicateRecord;
import weaklink.scenario.Scenario;

/** The GUI's model side, stepped without windows: what it shows is the batch run's replicate. */
class ScenarioGuiTest {
    @TempDir Path dir;

    /** Steps the GUI's simulation to the end, as the console's play thread does, and waits for the chart to catch up. */
    static void runToEnd(ScenarioGui gui) throws Exception {
        gui.start();
        int steps = 0;
        while (gui.step()) if (++steps > 100_000) throw new AssertionError("the schedule never ran out");
        gui.finish();
        SwingUtilities.invokeAndWait(() -> { });
    }

    /** Replicate {@code replicate} of a batch run under the scenario's first policy, run to the end without stepping. */
    static ReplicateRecord batchReplicate(Scenario s, int replicate) throws Exception {
        RunContext run = RunContext.of(s, s.seed());
        return run.model(run.funding(s.policies().get(0)).posture(), run.streams(replicate)).run();
    }

    /** The firms_compromised column of a run's replicates.csv row for the replicate, under the first policy. */
    static double firmsCompromisedInRun(Scenario s, int replicate) throws Exception {
        ReplicateEngine engine = new ReplicateEngine(s, s.seed(), List.of(s.policies().get(0)));
        String row = engine.run(replicate).csv().lines().findFirst().orElseThrow();
        return ReplicateRow.parse(row).value(ReplicateColumn.FIRMS_COMPROMISED);
    }

    static int[] firstDays(XYSeries series, int days) {
        int[] out = new int[days];
        for (int i = 0; i < series.getItemCount(); i++) {
            int day = series.getX(i).intValue();
            if (day < days) out[day] = series.getY(i).intValue();
        }
        return out;
    }

    @Test
    void liveChartEqualsTheBatchRunsDailyCountsForTheChosenReplicate() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        gui.settings().setReplicate(3);
        runToEnd(gui);
        ReplicateRecord batch = batchReplicate(s, 3);
        assertTrue(batch.distinctFirmsCompromised() > 2, "the scenario should spread beyond its two seeds");
        assertEquals(batch.size(), gui.model().record().size());
        assertEquals(firmsCompromisedInRun(s, 3), gui.model().record().distinctFirmsCompromised(), "the run's replicates.csv row for replicate 3");
        assertArrayEquals(batch.dailyCompromised(), firstDays(gui.chart().compromisedSeries(), s.days()));
        assertArrayEquals(batch.dailyDown(), firstDays(gui.chart().downSeries(), s.days()));
    }

    @Test
    void chartCoversEveryDayOfTheYear() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        runToEnd(gui);
        XYSeries c = gui.chart().compromisedSeries();
        assertEquals(0, c.getX(0).intValue());
        assertTrue(c.getItemCount() >= s.days(), "one point per day: " + c.getItemCount());
    }

    @Test
    void restartingShowsTheSameReplicateAgain() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        runToEnd(gui);
        int[] first = firstDays(gui.chart().compromisedSeries(), s.days());
        runToEnd(gui);
        assertArrayEquals(first, firstDays(gui.chart().compromisedSeries(), s.days()));
    }

    @Test
    void everyCompromisedFirmIsDrawnAndColouredByItsState() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        runToEnd(gui);
        ReplicateRecord r = gui.model().record();
        for (int k = 0; k < r.size(); k++) {
            int f = r.firm(k);
            assertTrue(gui.view().isShown(f));
            assertTrue(gui.states().state(f) != weaklink.model.FirmStatus.HEALTHY, "firm " + f + " was compromised this year");
        }
    }
}
