package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weaklink.economics.CascadeNetworks.firm;

import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;

class ProductionCascadeTest {
    static final double EPS = 1e-6; // supply shares are stored as floats
    static final double NEVER = 1e9;

    /** Runs the cascade from one outage of {@code firm} on {@code [start, end)}. */
    static ProductionCascade.Result outage(SupplyNetwork net, int firm, double start, double end) {
        return new ProductionCascade(net).run(new int[] {firm},
                new ShortfallProfile[] {ProductionCascade.outageShortfall(net, firm, start, end)});
    }

    @Test
    void soleSupplierWithoutInventoryHaltsItsBuyerForExactlyItsOutage() {
        // Kojima Industries, 2022: a one-day outage of a sole-source supplier stopped Toyota's plants for one day
        NetworkBuilder b = CascadeNetworks.builder();
        int toyota = firm(b, 0), kojima = firm(b, 1);
        b.addSupply(kojima, toyota, 1, NEVER, 0);
        ProductionCascade.Result r = outage(b.build(), kojima, 59, 60);
        assertEquals(1.0, r.cbiLostDaysOf(toyota), EPS);
        ShortfallProfile halt = r.shortfall(toyota);
        assertEquals(59, halt.start(), EPS);
        assertEquals(60, halt.end(), EPS);
        assertEquals(1.0, halt.valueAt(59.5), EPS);
        assertEquals(0, r.cbiLostDaysOf(kojima), EPS);
    }

    @Test
    void inventoryAtLeastAsLongAsTheOutageCausesNoCbi() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0), supplier = firm(b, 1);
        b.setAttribute(buyer, FirmAttribute.INVENTORY_DAYS, 5);
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        SupplyNetwork net = b.build();
        assertEquals(0, outage(net, supplier, 10, 15).cbiLostDaysOf(buyer), EPS);
        assertEquals(0, outage(net, supplier, 10, 13).cbiLostDaysOf(buyer), EPS);
        assertEquals(2, outage(net, supplier, 10, 17).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void substitutionShortensTheHalt() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0), supplier = firm(b, 1);
        b.addSupply(supplier, buyer, 1, 3, 1.0);
        ProductionCascade.Result r = outage(b.build(), supplier, 0, 10);
        assertEquals(3, r.cbiLostDaysOf(buyer), EPS);
        assertEquals(3, r.shortfall(buyer).end(), EPS);
    }

    @Test
    void partialSubstitutionLeavesTheUncoveredShareMissing() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0), supplier = firm(b, 1);
        b.addSupply(supplier, buyer, 1, 3, 0.6);
        ProductionCascade.Result r = outage(b.build(), supplier, 0, 10);
        assertEquals(3 + 7 * 0.4, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void theHaltReachesABuyerTwoTiersDown() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0), tier1 = firm(b, 1), tier2 = firm(b, 2);
        b.addSupply(tier2, tier1, 1, NEVER, 0);
        b.addSupply(tier1, oem, 1, NEVER, 0);
        ProductionCascade.Result r = outage(b.build(), tier2, 20, 24);
        assertEquals(4, r.cbiLostDaysOf(tier1), EPS);
        assertEquals(4, r.cbiLostDaysOf(oem), EPS);
    }

    @Test
    void eachTierOfInventoryDelaysAndShortensTheHaltDownstream() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0), tier1 = firm(b, 1), tier2 = firm(b, 2);
        b.setAttribute(tier1, FirmAttribute.INVENTORY_DAYS, 2);
        b.setAttribute(oem, FirmAttribute.INVENTORY_DAYS, 1);
        b.addSupply(tier2, tier1, 1, NEVER, 0);
        b.addSupply(tier1, oem, 1, NEVER, 0);
        ProductionCascade.Result r = outage(b.build(), tier2, 0, 10);
        assertEquals(8, r.cbiLostDaysOf(tier1), EPS);
        assertEquals(7, r.cbiLostDaysOf(oem), EPS);
        assertEquals(3, r.shortfall(oem).start(), EPS);
    }

    @Test
    void aBuyerLosesTheShareOfTheInputThatIsMissing() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0), small = firm(b, 1), other = firm(b, 1);
        b.addSupply(small, buyer, 1, NEVER, 0);
        b.addSupply(other, buyer, 3, NEVER, 0);
        ProductionCascade.Result r = outage(b.build(), small, 0, 8);
        assertEquals(8 * 0.25, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void theScarcestInputBindsWhenSeveralFallShort() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0), x = firm(b, 1), y = firm(b, 1), z = firm(b, 1);
        b.addSupply(x, buyer, 1, NEVER, 0);
        b.addSupply(y, buyer, 3, NEVER, 0);
        b.addSupply(z, buyer, 6, NEVER, 0);
        SupplyNetwork net = b.build();
        ProductionCascade.Result r = new ProductionCascade(net).run(new int[] {x, y},
                new ShortfallProfile[] {ProductionCascade.outageShortfall(net, x, 0, 10), ProductionCascade.outageShortfall(net, y, 5, 10)});
        // Leontief: days 0-5 only x (share 0.1) is missing; days 5-10 y (0.3) binds
        assertEquals(5 * 0.1 + 5 * 0.3, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void cbiCountsOnlyWhatTheBuyerLosesBeyondItsOwnOutage() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0), supplier = firm(b, 1);
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        SupplyNetwork net = b.build();
        ProductionCascade.Result r = new ProductionCascade(net).run(new int[] {supplier, buyer},
                new ShortfallProfile[] {ProductionCascade.outageShortfall(net, supplier, 0, 10), ProductionCascade.outageShortfall(net, buyer, 2, 6)});
        assertEquals(6, r.cbiLostDaysOf(buyer), EPS);
        assertEquals(4, r.ownLostDays(r.indexOf(buyer)), EPS);
    }

    @Test
    void manualOperationKeepsPartOfProductionAfterItStarts() {
        NetworkBuilder b = CascadeNetworks.builder();
        int f = firm(b, 0);
        b.setAttribute(f, FirmAttribute.WORKAROUND_SHARE, 0.1);
        b.setAttribute(f, FirmAttribute.MANUAL_OPERATION_DAYS, 3);
        b.setAttribute(f, FirmAttribute.MANUAL_OPERATION_SHARE, 0.4);
        ShortfallProfile own = ProductionCascade.outageShortfall(b.build(), f, 10, 20);
        assertEquals(0.9, own.valueAt(11), EPS);
        assertEquals(0.6, own.valueAt(15), EPS);
        assertEquals(3 * 0.9 + 7 * 0.6, own.integral(), EPS);
    }

    @Test
    void aSuppliersManualOperationSoftensItsBuyersHalt() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0), supplier = firm(b, 1);
        b.setAttribute(supplier, FirmAttribute.MANUAL_OPERATION_DAYS, 2);
        b.setAttribute(supplier, FirmAttribute.MANUAL_OPERATION_SHARE, 0.5);
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        assertEquals(2 + 8 * 0.5, outage(b.build(), supplier, 0, 10).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void theCascadeReachesOnlyFirmsDownstreamOfTheOutage() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0), otherOem = firm(b, 0), tier1 = firm(b, 1), sibling = firm(b, 1), tier2 = firm(b, 2);
        b.addSupply(tier2, tier1, 1, NEVER, 0);
        b.addSupply(tier1, oem, 1, NEVER, 0);
        b.addSupply(sibling, otherOem, 1, NEVER, 0);
        b.addSupply(tier2, sibling, 1, NEVER, 0);
        b.setAttribute(sibling, FirmAttribute.INVENTORY_DAYS, 30);
        ProductionCascade.Result r = outage(b.build(), tier2, 0, 5);
        // the sibling's stock absorbs the outage, so the cascade stops there and never reaches otherOem
        assertEquals(-1, r.indexOf(otherOem));
        assertEquals(-1, r.indexOf(sibling));
        assertEquals(3, r.size());
    }

    @Test
    void aSupplyCycleTerminates() {
        NetworkBuilder b = CascadeNetworks.builder();
        int p = firm(b, 1), q = firm(b, 1);
        b.setAttribute(q, FirmAttribute.INVENTORY_DAYS, 1);
        b.addSupply(p, q, 1, 2, 0.5);
        b.addSupply(q, p, 1, 2, 0.5);
        ProductionCascade.Result r = outage(b.build(), p, 0, 6);
        // q's stock covers day 0-1, it stops on day 1-2, then the substitute covers half
        assertEquals(1 + 4 * 0.5, r.cbiLostDaysOf(q), EPS);
        assertEquals(0, r.cbiLostDaysOf(p), EPS);
    }
}
