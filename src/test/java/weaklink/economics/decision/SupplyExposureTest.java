package weaklink.economics.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;

/**
 * The production a supplier's outage costs downstream, as the targeted policy's exposure index
 * weighs it: the cascade's own lost days priced at each buyer's full daily value added, as the
 * simulation charges CBI — a buyer's workaround share (which keeps part of its own production
 * during its own outage) plays no part.
 */
class SupplyExposureTest {
    @Test
    void aSoleSupplierDownForTenDaysCostsItsBuyerWithNoStockTenDaysOfValueAddedWhateverItsWorkaround() throws Exception {
        Scenario s = ScenarioLoader.parse("cbi.yaml", """
                name: cbi
                network: {generator: {tiers: [{firms: 2}]}}
                size_classes:
                  small: {recovery_days: 10}
                  large: {inventory_days: 0, workaround_share: 0.9}
                initial_compromises: [{firm: 1}]
                """, Path.of("."));
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 2);
        b.addFirm(0, 0, SizeClass.LARGE, Role.MANUFACTURER);
        b.addFirm(1, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.setAttribute(0, FirmAttribute.REVENUE_YEN, 3.65e10);
        b.addSupply(1, 0, 1, 30, 0.5);
        SupplyNetwork net = b.build();
        SupplyExposure supply = new SupplyExposure(s, net);
        assertEquals(10, supply.meanOutageDays(1), 1e-12);
        assertEquals(10 * net.dailyValueAddedYen(0), supply.downstreamCbiYen(1), 1e-6 * net.dailyValueAddedYen(0));
        assertEquals(true, supply.halts(0));
        assertEquals(10, supply.buyerLostDays(0), 1e-9);
    }

    @Test
    void aBuyerExpectsTheCbiOfItsSuppliersOutagesTimesHowOftenTheyAreTakenDown() throws Exception {
        // the sole supplier is attacked 2 × 0.5 times a year and falls with v = 0.6: 0.6 outages a year, each costing the buyer 10 days
        Scenario s = ScenarioLoader.parse("cbi.yaml", """
                name: cbi
                network: {generator: {tiers: [{firms: 2}]}}
                size_classes:
                  small: {recovery_days: 10}
                  large: {inventory_days: 0}
                actors: [{mode: mass-exploit, technology: vpn, campaigns_per_year: 2, attempt_probability: 0.5}]
                """, Path.of("."));
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of("vpn"), 2);
        b.addFirm(0, 0, SizeClass.LARGE, Role.MANUFACTURER);
        b.addFirm(1, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.setTechnologyMask(1, 1L);
        b.addSupply(1, 0, 1, 30, 0.5);
        SupplyNetwork net = b.build();
        double[] v = {net.vulnerability(0), net.vulnerability(1)};
        double[] suffered = new SupplyExposure(s, net).expectedCbiSufferedYen(RiskModel.independent(s, net), v, new boolean[] {true});
        assertEquals(2 * 0.5 * 0.6 * 10 * net.dailyValueAddedYen(0), suffered[0], 1e-6 * suffered[0]);
        assertEquals(0, suffered[1]);
    }
}
