package weaklink.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static weaklink.production.CascadeNetworks.firm;

import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ProductionSpec;

class CbiExposureTest {
    static final double EPS = 1e-6;
    static final double NEVER = 1e9;

    @Test
    void aSoleSourcedSuppliersOutageCostsItsBuyerTheDaysBeyondItsStock() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.setAttribute(buyer, FirmAttribute.INVENTORY_DAYS, 2);
        b.addSupply(supplier, buyer, 0.1, NEVER, 0);
        SupplyNetwork net = b.build(false);
        CbiExposure x = new CbiExposure(new ProductionCascade(net, ProductionSpec.defaults()));
        assertEquals(3, x.lostDaysIfSupplierDown(0, 5), EPS);
        assertEquals(0, x.lostDaysIfSupplierDown(0, 2), EPS);
    }

    @Test
    void aBuyersExpectedCbiSumsItsSuppliersOutageRatesTimesWhatEachCosts() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats"), glass = firm(b, 1, "glass"), more = firm(b, 1, "glass");
        b.addSupply(seats, buyer, 0.4, NEVER, 0);
        b.addSupply(glass, buyer, 0.3, NEVER, 0);
        b.addSupply(more, buyer, 0.3, NEVER, 0);
        SupplyNetwork net = b.build(false);
        CbiExposure x = new CbiExposure(new ProductionCascade(net, new ProductionSpec(0, false, false, 0, 0)));
        double[] rate = new double[net.firmCount()], days = new double[net.firmCount()];
        rate[seats] = 0.5;
        days[seats] = 4;
        rate[glass] = 0.2;
        days[glass] = 10;
        // seats are sole-sourced (4 days lost); glass has a second supplier, so half the glass type is missing (5 days)
        // daily value added 1
        assertEquals(0.5 * 4 + 0.2 * 5, x.expectedSufferedYen(buyer, rate, days), EPS);
    }

    @Test
    void theDownstreamLossFollowsTheHaltAlongTheChain() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0, "cars"), tier1 = firm(b, 1, "seats"), tier2 = firm(b, 2, "foam");
        b.setAttribute(oem, FirmAttribute.INVENTORY_DAYS, 1);
        b.addSupply(tier2, tier1, 1, NEVER, 0);
        b.addSupply(tier1, oem, 1, NEVER, 0);
        CbiExposure x = new CbiExposure(new ProductionCascade(b.build(), ProductionSpec.defaults()));
        // tier 1 loses 6 days, the OEM 5 (one day of stock); one link deep only tier 1's
        assertEquals(6 + 5, x.downstreamLossYen(tier2, 6, 4), EPS);
        assertEquals(6, x.downstreamLossYen(tier2, 6, 1), EPS);
    }
}
