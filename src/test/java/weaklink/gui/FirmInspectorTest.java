package weaklink.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sim.util.SimpleProperties;
import weaklink.economics.LossModel;
import weaklink.economics.ReplicateLosses;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;

/** What MASON's inspectors show: read through MASON's own property reader, as the inspector does. */
class FirmInspectorTest {
    @TempDir Path dir;

    static int index(SimpleProperties p, String name) {
        for (int i = 0; i < p.numProperties(); i++) if (p.getName(i).equals(name)) return i;
        throw new AssertionError("no inspector property " + name);
    }

    static Object value(SimpleProperties p, String name) {
        return p.getValue(index(p, name));
    }

    @Test
    void firmInspectorShowsTierSizeVulnerabilityInvestmentAndLosses() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        ScenarioGuiTest.runToEnd(gui);
        SupplyNetwork net = gui.network();
        SimpleProperties p = new SimpleProperties(gui.view().node(7));
        assertEquals(net.tier(7), value(p, "Tier"));
        assertEquals(net.sizeClass(7).label(), value(p, "SizeClass"));
        assertEquals(net.vulnerability(7), value(p, "Vulnerability"));
        assertEquals(weaklink.report.Measure.moneyText(s.currency()).write(gui.funding().investmentYen()[7]), value(p, "Investment"),
                "money as the report writes it, not 7.2131881606E10");
        assertEquals(gui.funding().posture().successProbability()[7], value(p, "VulnerabilityAfterInvestment"));
        assertTrue((Integer) value(p, "TimesCompromised") >= 1);
        assertTrue(gui.view().node(7).lossesSoFarYen() > 0, "firm 7 was compromised on day 0");
        assertTrue(((String) value(p, "LossesSoFar")).startsWith("¥"), (String) value(p, "LossesSoFar"));
    }

    @Test
    void lossesSoFarStartAtTheCompromiseAndNeverFall() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        ScenarioGuiTest.runToEnd(gui);
        ReplicateRecord r = gui.model().record();
        SupplyNetwork net = gui.network();
        int firm = 40; // compromised on day 3 by the scenario's second initial compromise
        LossModel losses = gui.lossModel();
        assertEquals(0.0, RunningLoss.lossSoFarYen(losses, r, firm, 2));
        double incident = net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, firm) + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, firm) * net.revenueYen(firm);
        assertEquals(incident, RunningLoss.lossSoFarYen(losses, r, firm, 3), 1e-6 * incident);
        double previous = 0;
        for (int day = 0; day < s.days(); day++) {
            double loss = RunningLoss.lossSoFarYen(losses, r, firm, day);
            assertTrue(loss >= previous, "day " + day);
            previous = loss;
        }
        assertTrue(previous > incident, "ransom and business interruption follow detection");
    }

    @Test
    void businessInterruptionSoFarIsTheBatchRunsOnceEveryOutageHasEnded() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        ScenarioGuiTest.runToEnd(gui);
        ReplicateRecord r = gui.model().record();
        LossModel losses = gui.lossModel();
        ReplicateLosses batch = losses.losses(r, new weaklink.random.Seeds(s.seed()).replicate(gui.settings().getReplicate()));
        int checked = 0;
        for (int k = 0; k < batch.firms().size(); k++) {
            int firm = batch.firms().firm()[k];
            // the batch reports losses per year (× 365 / days); the running figure is the replicate's own days
            double bi = batch.firms().yen(ReplicateLosses.Component.BI, k) * s.days() / 365.0;
            if (bi <= 0 || lastOutageEnd(r, firm) >= s.days() - 1) continue;
            // the running figure at year end less its expected incident, ransom and breach terms leaves its BI
            double expectedDirect = 0;
            for (int j = 0; j < r.size(); j++) {
                if (r.firm(j) != firm) continue;
                expectedDirect += losses.incidentYen(firm) + (r.effect(j) == ReplicateRecord.RANSOMWARE ? losses.expectedRansomYen(firm) : losses.breachYen(firm));
            }
            assertEquals(bi, RunningLoss.lossSoFarYen(losses, r, firm, s.days() - 1) - expectedDirect, 1e-9 * bi, "firm " + firm);
            checked++;
        }
        assertTrue(checked > 0, "some firm had an outage that ended within the year");
    }

    static double lastOutageEnd(ReplicateRecord r, int firm) {
        double end = -1;
        for (int k = 0; k < r.size(); k++) if (r.firm(k) == firm && r.causesOutage(k)) end = Math.max(end, r.outageEnd(k));
        return end;
    }

    @Test
    void thePolicyChosenInTheModelTabSetsEachFirmsInvestmentAtTheNextStart() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        SimpleProperties model = new SimpleProperties(gui.getSimulationInspectedObject());
        model.setValue(index(model, "Policy"), "1");
        ScenarioGuiTest.runToEnd(gui);
        SupplyNetwork net = gui.network();
        var context = weaklink.economics.policy.PolicyContext.of(s, net, s.seed());
        double[] mandate = context.fund(weaklink.economics.policy.CostSharingPolicy.of(s.policy("mandate"))).investmentYen();
        double[] none = context.fund(weaklink.economics.policy.CostSharingPolicy.of(s.policy("none"))).investmentYen();
        int raised = 0;
        for (int f = 0; f < net.firmCount(); f++) {
            assertEquals(mandate[f], gui.view().node(f).investmentYen(), "firm " + f);
            if (mandate[f] > none[f]) raised++;
        }
        assertTrue(raised > 0, "the mandate raises some suppliers' investment");
    }

    @Test
    void modelTabOffersTheScenariosPoliciesAndTheReplicate() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        SimpleProperties p = new SimpleProperties(gui.getSimulationInspectedObject());
        int policy = index(p, "Policy");
        assertArrayEquals(s.policies().stream().map(x -> x.name()).toArray(), (Object[]) p.getDomain(policy));
        assertTrue(p.isReadWrite(policy));
        int replicate = index(p, "Replicate");
        p.setValue(replicate, "4");
        assertEquals(4, gui.settings().getReplicate());
        ScenarioGuiTest.runToEnd(gui);
        assertArrayEquals(ScenarioGuiTest.batchReplicate(s, 4).dailyCompromised(),
                ScenarioGuiTest.firstDays(gui.chart().compromisedSeries(), s.days()), "the next start shows the replicate set in the Model tab");
    }
}
