package weaklink.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;

/** What the display draws: the whole network when it fits, its affected neighbourhood when it does not. */
class NetworkViewTest {
    @TempDir Path dir;

    @Test
    void aNetworkWithinTheLimitIsDrawnWhole() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        SupplyNetwork net = gui.network();
        assertEquals(net.firmCount(), gui.view().shownCount());
        assertEquals(net.firmCount(), gui.view().firms.getAllObjects().numObjs);
        assertEquals(net.supplyLinkCount(), countEdges(gui.view().supplyLinks));
    }

    @Test
    void aNetworkAboveTheLimitShowsTheSeedsAndNeverMoreThanTheLimit() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        int limit = 40;
        ScenarioGui gui = ScenarioGui.open(s, s.seed(), 0, 0, limit);
        assertTrue(gui.view().isShown(7) && gui.view().isShown(40), "initial compromises are drawn from the start");
        ScenarioGuiTest.runToEnd(gui);
        assertEquals(limit, gui.view().shownCount(), "the outbreak fills the display up to the limit");
        assertEquals(limit, gui.view().firms.getAllObjects().numObjs);
        assertFalse(gui.view().showsAll());
    }

    @Test
    void attackRoutesJoinTheFirmsAnAttackMovedBetween() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        ScenarioGuiTest.runToEnd(gui);
        var r = gui.model().record();
        int lateral = 0;
        for (int k = 0; k < r.size(); k++) {
            if (r.source(k) < 0) continue;
            lateral++;
            assertTrue(gui.view().routes.getEdge(gui.view().node(r.source(k)), gui.view().node(r.firm(k))) != null, "route of entry " + k);
        }
        assertTrue(lateral > 0, "the scenario should have lateral movement");
        assertEquals(lateral, countEdges(gui.view().routes));
    }

    @Test
    void tierBandsStackDownwardsFromTierZero() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        SupplyNetwork net = gui.network();
        TierLayout layout = gui.layout();
        for (int f = 0; f < net.firmCount(); f++) {
            assertTrue(layout.x(f) > 0 && layout.x(f) < layout.width(), "x of " + f);
            assertTrue(layout.y(f) > layout.bandTop(net.tier(f)), "y of " + f);
            if (net.tier(f) + 1 < layout.tiers()) assertTrue(layout.y(f) < layout.bandTop(net.tier(f) + 1), "y of " + f);
        }
    }

    @Test
    void largerFirmsAreDrawnLarger() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        SupplyNetwork net = gui.network();
        for (int a = 0; a < net.firmCount(); a++) {
            for (int b = 0; b < net.firmCount(); b++) {
                if (net.revenueYen(a) > net.revenueYen(b)) assertTrue(gui.layout().diameter(a) > gui.layout().diameter(b));
            }
        }
    }

    static int countEdges(sim.field.network.Network network) {
        int n = 0;
        for (Object node : network.getAllNodes()) n += network.getEdgesOut(node).numObjs;
        return n;
    }
}
