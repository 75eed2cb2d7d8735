package weaklink.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.swing.SwingUtilities;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.economics.CostSharingPolicy;
import weaklink.random.RandomStreams;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
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

    static ReplicateRecord batchReplicate(Scenario s, int replicate) throws Exception {
        SupplyNetwork net = Networks.build(s, RandomStreams.derive(s.seed(), -1, RandomStreams.Stream.NETWORK));
        var posture = CostSharingPolicy.of(s.policies().get(0)).fund(s, net).posture();
        return new ReplicateModel(s, net, posture, new RandomStreams(s.seed(), replicate)).run();
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
            assertTrue(gui.states().state(f) != FirmState.HEALTHY, "firm " + f + " was compromised this year");
        }
    }
}
