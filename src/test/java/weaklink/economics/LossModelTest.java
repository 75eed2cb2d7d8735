package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static weaklink.production.CascadeNetworks.firm;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weaklink.production.CascadeNetworks;
import weaklink.economics.ReplicateLosses.Component;
import weaklink.economics.ReplicateLosses.FirmLosses;
import weaklink.model.Posture;
import weaklink.random.RandomStreams;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/** Losses of stress-test replicates (firms hit at given days) on hand-built networks with round numbers. */
class LossModelTest {
    static final double EPS = 1e-6;

    /** A scenario whose medium firms recover in exactly 4 days, with no noise on incident costs. */
    static Scenario scenario(String initialCompromises) throws Exception {
        return ScenarioLoader.parse("t.yaml", """
                name: losses
                network:
                  generator:
                    tiers:
                      - firms: 10   # unused: the tests build their own networks
                size_classes:
                  medium:
                    recovery_days: 4
                    incident_sigma: 0
                initial_compromises:
                """ + initialCompromises, Path.of("."));
    }

    static ReplicateLosses run(Scenario s, SupplyNetwork net) {
        RandomStreams streams = new RandomStreams(1, 0);
        ReplicateRecord record = new ReplicateModel(s, net, Posture.base(net.column(FirmAttribute.VULNERABILITY)), streams).run();
        return new LossModel(s, net).losses(record, streams);
    }

    /** OEM 0 buys everything from supplier 1. */
    static NetworkBuilder soleSupplier() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0), supplier = firm(b, 1);
        b.addSupply(supplier, oem, 1, 1000, 0);
        return b;
    }

    @Test
    void businessInterruptionCountsManualOperationAndOverlappingOutagesOnce() throws Exception {
        NetworkBuilder b = CascadeNetworks.builder();
        int f = firm(b, 1);
        b.setAttribute(f, FirmAttribute.WORKAROUND_SHARE, 0.25);
        b.setAttribute(f, FirmAttribute.MANUAL_OPERATION_DAYS, 2);
        b.setAttribute(f, FirmAttribute.MANUAL_OPERATION_SHARE, 0.5);
        LossModel losses = new LossModel(scenario("  - {firm: 0, day: 0}\n"), b.build());
        // one outage [10, 20): 2 days at 1 − 0.25 of output lost, then 8 days at 1 − 0.5; daily value added 1
        assertEquals(2 * 0.75 + 8 * 0.5, losses.businessInterruptionYen(f, new double[] {10}, new double[] {20}), EPS);
        // a second outage [12, 14) inside it counts once: the larger shortfall binds, its own first 2 days at 0.75
        assertEquals(2 * 0.75 + 2 * 0.75 + 6 * 0.5, losses.businessInterruptionYen(f, new double[] {10, 12}, new double[] {20, 14}), EPS);
        // one from 18 to 25: 0.75 on [18, 20) (its own first 2 days), then 0.5 until 25
        assertEquals(2 * 0.75 + 6 * 0.5 + 2 * 0.75 + 5 * 0.5,
                losses.businessInterruptionYen(f, new double[] {10, 18}, new double[] {20, 25}), EPS);
    }

    @Test
    void aSuppliersOutageCostsItsBuyerCbiAtItsDailyValueAdded() throws Exception {
        ReplicateLosses l = run(scenario("  - {firm: 1, day: 10}\n"), soleSupplier().build());
        assertEquals(10, l.incidentYen(), EPS);
        assertEquals(4, l.biYen(), EPS);   // 4 days at daily value added 1
        assertEquals(4, l.cbiYen(), EPS);  // the OEM stops for the same 4 days
        assertEquals(18, l.totalYen(), EPS);
    }

    @Test
    void cbiIsBorneByTheBuyer() throws Exception {
        ReplicateLosses l = run(scenario("  - {firm: 1, day: 10}\n"), soleSupplier().build());
        FirmLosses f = l.firms();
        assertEquals(2, f.size());
        assertEquals(0, f.firm()[0]);
        assertEquals(4, f.yen(Component.CBI, 0), EPS);
        assertEquals(4, f.totalYen(0), EPS);
        assertEquals(14, f.totalYen(1), EPS);
        assertEquals(0, f.yen(Component.CBI, 1), EPS);
    }

    @Test
    void componentsAddUpToTheTotalByFirmByGroupAndOverall() throws Exception {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0), t1 = firm(b, 1), t1b = firm(b, 1), t2 = firm(b, 2);
        b.setAttribute(t1b, FirmAttribute.RANSOM_PROPENSITY, 1);
        b.setAttribute(t1b, FirmAttribute.RANSOM_REVENUE_SHARE, 0.01);
        b.setAttribute(oem, FirmAttribute.INVENTORY_DAYS, 1);
        b.addSupply(t1, oem, 2, 3, 0.5);
        b.addSupply(t1b, oem, 1, 1000, 0);
        b.addSupply(t2, t1, 1, 1000, 0);
        ReplicateLosses l = run(scenario("  - {firm: 3, day: 5}\n  - {firm: 2, day: 7}\n  - {firm: 1, day: 8}\n"), b.build());
        double byComponent = 0, byGroup = 0, byFirm = 0;
        for (Component c : Component.values()) {
            byComponent += l.componentYen(c);
            double groups = 0, firms = 0;
            for (double g : l.groupComponentYen()[c.ordinal()]) groups += g;
            for (int k = 0; k < l.firms().size(); k++) firms += l.firms().yen(c, k);
            assertEquals(l.componentYen(c), groups, EPS, c.label());
            assertEquals(l.componentYen(c), firms, EPS, c.label());
        }
        for (double g : l.groupLossYen()) byGroup += g;
        for (int k = 0; k < l.firms().size(); k++) byFirm += l.firms().totalYen(k);
        assertEquals(l.totalYen(), byComponent, EPS);
        assertEquals(l.totalYen(), byGroup, EPS);
        assertEquals(l.totalYen(), byFirm, EPS);
        assertEquals(l.directYen() + l.biYen() + l.cbiYen(), l.totalYen(), EPS);
        assertEquals(l.totalYen() - l.insuredYen(), l.uninsuredYen(), EPS);
        assertEquals(true, l.cbiYen() > 0 && l.ransomYen() > 0);
    }

    @Test
    void overlappingOutagesOfOneFirmAreChargedOnce() throws Exception {
        ReplicateLosses l = run(scenario("  - {firm: 1, day: 10}\n  - {firm: 1, day: 12}\n"), soleSupplier().build());
        assertEquals(6, l.biYen(), EPS);   // down from day 10 to day 16
        assertEquals(6, l.cbiYen(), EPS);
    }

    @Test
    void theLargestEventHoldsTheCbiItCaused() throws Exception {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0, "cars"), x = firm(b, 1, "seats"), y = firm(b, 1, "glass");
        b.addSupply(x, oem, 1, 1000, 0);
        b.addSupply(y, oem, 1, 1000, 0);
        ReplicateLosses l = run(scenario("  - {firm: 1, day: 10}\n  - {firm: 2, day: 100}\n"), b.build());
        // each campaign: incident 10 + BI 4 + the OEM's CBI 4 (each supplier is the sole source of an input type)
        assertEquals(36, l.totalYen(), EPS);
        assertEquals(18, l.largestEventYen(), EPS);
    }

    @Test
    void insurersPayCoveredLossesAboveTheDeductibleUpToTheLimit() throws Exception {
        NetworkBuilder b = soleSupplier();
        b.setAttribute(0, FirmAttribute.INSURED, 1);
        b.setAttribute(0, FirmAttribute.CBI_COVERED, 1);
        b.setAttribute(0, FirmAttribute.DEDUCTIBLE_YEN, 1);
        b.setAttribute(0, FirmAttribute.LIMIT_YEN, 2);
        b.setAttribute(1, FirmAttribute.INSURED, 1);
        b.setAttribute(1, FirmAttribute.DEDUCTIBLE_YEN, 5);
        b.setAttribute(1, FirmAttribute.LIMIT_YEN, 1000);
        ReplicateLosses l = run(scenario("  - {firm: 1, day: 10}\n"), b.build());
        // OEM: CBI 4 − 1 = 3, capped at 2; supplier: 10 + 4 − 5 = 9
        assertEquals(11, l.insuredYen(), EPS);
        assertEquals(2, l.firms().insuredYen()[0], EPS);
        assertEquals(18 - 11, l.uninsuredYen(), EPS);
    }

    @Test
    void cbiUncoveredByTheTermsIsLeftToTheBuyer() throws Exception {
        NetworkBuilder b = soleSupplier();
        b.setAttribute(0, FirmAttribute.INSURED, 1);
        b.setAttribute(0, FirmAttribute.CBI_COVERED, 0);
        b.setAttribute(0, FirmAttribute.DEDUCTIBLE_YEN, 0);
        b.setAttribute(0, FirmAttribute.LIMIT_YEN, 1000);
        ReplicateLosses l = run(scenario("  - {firm: 1, day: 10}\n"), b.build());
        assertEquals(0, l.insuredYen(), EPS);
    }

    @Test
    void aDataTheftRecordWithoutOutagesCostsEachFirmItsNoisyIncidentAndBreachToTheBit() throws Exception {
        // no outage in the record: the loss model gathers no outage ends; each firm's losses must still be the
        // straightforward per-compromise formula, bit for bit, with the noise of its (campaign, firm) draw
        Scenario s = ScenarioLoader.parse("t.yaml", """
                name: theft
                network:
                  generator:
                    tiers:
                      - firms: 10
                initial_compromises:
                  - {firm: 3, day: 2, effect: data-theft}
                  - {firm: 0, day: 5, effect: data-theft}
                  - {firm: 2, day: 9, effect: data-theft}
                """, Path.of("."));
        NetworkBuilder b = CascadeNetworks.builder();
        for (int k = 0; k < 4; k++) {
            int f = firm(b, k % 2);
            b.setAttribute(f, FirmAttribute.RECORDS, 1000 * (k + 1));
        }
        SupplyNetwork net = b.build();
        RandomStreams streams = new RandomStreams(1, 0);
        ReplicateRecord record = new ReplicateModel(s, net, Posture.base(net.column(FirmAttribute.VULNERABILITY)), streams).run();
        assertEquals(0, record.outages());
        LossModel model = new LossModel(s, net);
        ReplicateLosses l = model.losses(record, streams);
        double annual = 365.0 / s.days(), sigma = s.defaults(weaklink.scenario.SizeClass.MEDIUM).incidentSigma();
        FirmLosses firms = l.firms();
        assertEquals(record.size(), firms.size());
        for (int k = 0; k < record.size(); k++) {
            int f = record.firm(k);
            int at = java.util.Arrays.binarySearch(firms.firm(), f);
            double noise = LossModel.lognormalNoise(streams.uniform(RandomStreams.Stream.INCIDENT_COST, record.campaign(k), f), sigma);
            assertEquals(model.incidentYen(f) * noise * annual, firms.yen(Component.INCIDENT, at), 0, "firm " + f);
            assertEquals(model.breachYen(f) * noise * annual, firms.yen(Component.BREACH, at), 0, "firm " + f);
            assertEquals(0, firms.yen(Component.BI, at), 0);
        }
        assertEquals(0, l.biYen() + l.cbiYen(), 0);
    }
}
