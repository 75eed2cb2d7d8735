package weaklink.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weaklink.production.CascadeNetworks.firm;

import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ProductionSpec;

/**
 * The cascade against hand-computed answers. Every firm has a daily value added of 1, no stock
 * and no workaround unless a test says otherwise; firms in different sectors make different
 * input types. Spare capacity is 0 unless a test sets it.
 */
class ProductionCascadeTest {
    static final double EPS = 1e-6; // supply shares are stored as floats
    static final double NEVER = 1e9;
    static final ProductionSpec NO_SPARE = new ProductionSpec(0, false, false, 0, 0);

    static ProductionSpec spare(double c) { return new ProductionSpec(c, false, false, 0, 0); }

    /** Runs the cascade from outages of {@code firms[i]} on {@code [starts[i], ends[i])}. */
    static ProductionCascade.Result outages(SupplyNetwork net, ProductionSpec spec, int[] firms, double[] starts, double[] ends) {
        ShortfallProfile[] own = new ShortfallProfile[firms.length];
        for (int i = 0; i < firms.length; i++) own[i] = ProductionCascade.outageShortfall(net, firms[i], starts[i], ends[i]);
        return new ProductionCascade(net, spec).run(firms, own);
    }

    static ProductionCascade.Result outage(SupplyNetwork net, ProductionSpec spec, int firm, double start, double end) {
        return outages(net, spec, new int[] {firm}, new double[] {start}, new double[] {end});
    }

    static ProductionCascade.Result outage(SupplyNetwork net, int firm, double start, double end) {
        return outage(net, NO_SPARE, firm, start, end);
    }

    // ---- Leontief across input types

    @Test
    void twoSoleSuppliersOfDifferentTypesBothDownStopTheBuyerForTheWholeOutage() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats"), glass = firm(b, 1, "glass");
        b.addSupply(seats, buyer, 0.5, NEVER, 0);
        b.addSupply(glass, buyer, 0.5, NEVER, 0);
        ProductionCascade.Result r = outages(b.build(false), spare(0.1), new int[] {seats, glass}, new double[] {0, 0}, new double[] {10, 10});
        assertEquals(10, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void oneOfTwoSoleSuppliersOfDifferentTypesDownAlsoStopsTheBuyerForTheWholeOutage() {
        // the old rule (share × undelivered share) gave 5 days: half the inputs missing
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats"), glass = firm(b, 1, "glass");
        b.addSupply(seats, buyer, 0.5, NEVER, 0);
        b.addSupply(glass, buyer, 0.5, NEVER, 0);
        assertEquals(10, outage(b.build(false), spare(0.1), seats, 0, 10).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void aSoleSourcedTypeBindsInFullWhateverItsShare() {
        // Kojima Industries, 2022: a one-day outage of the sole source of one part stopped Toyota for a day
        NetworkBuilder b = CascadeNetworks.builder();
        int toyota = firm(b, 0, "cars"), kojima = firm(b, 1, "interior-parts"), others = firm(b, 1, "engine-parts");
        b.addSupply(kojima, toyota, 0.02, NEVER, 0);
        b.addSupply(others, toyota, 0.98, NEVER, 0);
        ProductionCascade.Result r = outage(b.build(false), spare(0.1), kojima, 59, 60);
        assertEquals(1.0, r.cbiLostDaysOf(toyota), EPS);
        ShortfallProfile halt = r.shortfall(toyota);
        assertEquals(59, halt.start(), EPS);
        assertEquals(60, halt.end(), EPS);
        assertEquals(1.0, halt.valueAt(59.5), EPS);
        assertEquals(0, r.cbiLostDaysOf(kojima), EPS);
    }

    @Test
    void theScarcestInputTypeBinds() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars");
        int a1 = firm(b, 1, "a"), a2 = firm(b, 1, "a"), b1 = firm(b, 1, "b"), b2 = firm(b, 1, "b");
        b.addSupply(a1, buyer, 0.1, NEVER, 0);
        b.addSupply(a2, buyer, 0.1, NEVER, 0);
        b.addSupply(b1, buyer, 0.6, NEVER, 0);
        b.addSupply(b2, buyer, 0.2, NEVER, 0);
        ProductionCascade.Result r = outages(b.build(false), NO_SPARE, new int[] {a1, b1}, new double[] {0, 5}, new double[] {10, 10});
        // days 0-5: half of type a missing; days 5-10: three quarters of type b, the scarcer, binds
        assertEquals(5 * 0.5 + 5 * 0.75, r.cbiLostDaysOf(buyer), EPS);
        assertEquals(0.5, r.shortfall(buyer).valueAt(2), EPS);
        assertEquals(0.75, r.shortfall(buyer).valueAt(7), EPS);
    }

    // ---- substitution within a type

    @Test
    void aSameTypeSupplierWithSpareCapacityForTheWholeShareLeavesNoLoss() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), down = firm(b, 1, "seats"), other = firm(b, 1, "seats");
        b.addSupply(down, buyer, 0.5, 5, 0.5);
        b.addSupply(other, buyer, 0.5, 5, 0.5);
        ProductionCascade.Result r = outage(b.build(false), spare(1.0), down, 0, 20);
        assertEquals(0, r.cbiLostDaysOf(buyer), EPS);
        assertEquals(-1, r.indexOf(buyer));
    }

    @Test
    void spareCapacityForHalfTheShareLeavesTheRestMissingUntilNewSuppliersDeliver() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), down = firm(b, 1, "seats"), other = firm(b, 1, "seats");
        b.addSupply(down, buyer, 0.5, 5, 0.5);
        b.addSupply(other, buyer, 0.5, 5, 0.5);
        ProductionCascade.Result r = outage(b.build(false), spare(0.5), down, 0, 20);
        // days 0-5: 0.5 undelivered, the other supplier adds 0.5 × 0.5 = 0.25: a quarter of the type missing;
        // from day 5 new suppliers cover half the undelivered 0.5 and spare capacity the rest: no loss after substitution_days
        assertEquals(0.25, r.shortfall(buyer).valueAt(2), EPS);
        assertEquals(0, r.shortfall(buyer).valueAt(6), EPS);
        assertEquals(5 * 0.25, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void twoGapsThatTheSpareCapacityAbsorbsAloneAddUpWhenBothSuppliersAreShort() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), x = firm(b, 1, "seats"), y = firm(b, 1, "seats"), z = firm(b, 1, "seats");
        b.addSupply(x, buyer, 0.3, NEVER, 0);
        b.addSupply(y, buyer, 0.3, NEVER, 0);
        b.addSupply(z, buyer, 0.4, NEVER, 0);
        SupplyNetwork net = b.build(false);
        // spare 0.5 of the whole type covers 0.5: x alone leaves 0.3 + 0.15 of lost spare, absorbed
        assertEquals(0, outage(net, spare(0.5), x, 0, 10).cbiLostDaysOf(buyer), EPS);
        // x and y: 0.9 - 0.5 = 0.4 of the type missing for 10 days
        ProductionCascade.Result both = outages(net, spare(0.5), new int[] {x, y}, new double[] {0, 0}, new double[] {10, 10});
        assertEquals(4, both.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void otherSuppliersOfTheTypeCoverUpToTheirSpareCapacity() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), small = firm(b, 1, "seats"), large = firm(b, 1, "seats");
        b.addSupply(small, buyer, 0.25, NEVER, 0);
        b.addSupply(large, buyer, 0.75, NEVER, 0);
        SupplyNetwork net = b.build(false);
        assertEquals(8 * 0.25, outage(net, NO_SPARE, small, 0, 8).cbiLostDaysOf(buyer), EPS);
        // spare 0.2 of 0.75 covers 0.15 of the missing 0.25
        assertEquals(8 * 0.10, outage(net, spare(0.2), small, 0, 8).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void inputsBoughtOutsideTheNetworkKeepFlowing() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), down = firm(b, 1, "seats"), other = firm(b, 1, "seats");
        // the buyer's shares add up to 0.6: 0.4 of its inputs come from outside the network
        b.addSupply(down, buyer, 0.3, NEVER, 0);
        b.addSupply(other, buyer, 0.3, NEVER, 0);
        assertEquals(10 * 0.5, outage(b.build(false), down, 0, 10).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void substitutionShortensTheHalt() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.addSupply(supplier, buyer, 1, 3, 1.0);
        ProductionCascade.Result r = outage(b.build(), supplier, 0, 10);
        assertEquals(3, r.cbiLostDaysOf(buyer), EPS);
        assertEquals(3, r.shortfall(buyer).end(), EPS);
    }

    @Test
    void partialSubstitutionLeavesTheUncoveredShareMissing() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.addSupply(supplier, buyer, 1, 3, 0.6);
        assertEquals(3 + 7 * 0.4, outage(b.build(), supplier, 0, 10).cbiLostDaysOf(buyer), EPS);
    }

    // ---- inventories

    @Test
    void inventoryAtLeastAsLongAsTheOutageCausesNoCbi() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.setAttribute(buyer, FirmAttribute.INVENTORY_DAYS, 5);
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        SupplyNetwork net = b.build();
        assertEquals(0, outage(net, supplier, 10, 15).cbiLostDaysOf(buyer), EPS);
        assertEquals(0, outage(net, supplier, 10, 13).cbiLostDaysOf(buyer), EPS);
        assertEquals(2, outage(net, supplier, 10, 17).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void theStockOfOneTypeDelaysOnlyThatType() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats"), glass = firm(b, 1, "glass");
        b.setAttribute(buyer, FirmAttribute.INVENTORY_DAYS, 3);
        b.addSupply(seats, buyer, 0.5, NEVER, 0);
        b.addSupply(glass, buyer, 0.5, NEVER, 0);
        ProductionCascade.Result r = outages(b.build(false), NO_SPARE, new int[] {seats, glass}, new double[] {0, 10}, new double[] {10, 20});
        // seats run out on day 3 (stops 3-10); the glass stock is untouched by then and runs out on day 13 (stops 13-20)
        assertEquals(7 + 7, r.cbiLostDaysOf(buyer), EPS);
        assertEquals(0, r.shortfall(buyer).valueAt(11), EPS);
        assertEquals(1, r.shortfall(buyer).valueAt(14), EPS);
    }

    @Test
    void inventoryLastsLongerWhenTheTypeIsPartlyDelivered() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), down = firm(b, 1, "seats"), other = firm(b, 1, "seats");
        b.setAttribute(buyer, FirmAttribute.INVENTORY_DAYS, 3);
        b.addSupply(down, buyer, 0.5, NEVER, 0);
        b.addSupply(other, buyer, 0.5, NEVER, 0);
        // half the type missing: 3 days of stock last 6 days, then half the production stops for 4 days
        ProductionCascade.Result r = outage(b.build(false), down, 0, 10);
        assertEquals(6, r.shortfall(buyer).start(), EPS);
        assertEquals(4 * 0.5, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void theStockIsRestockedBetweenEpisodes() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.setAttribute(buyer, FirmAttribute.INVENTORY_DAYS, 2);
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        SupplyNetwork net = b.build();
        ProductionCascade.Result r = outages(net, NO_SPARE, new int[] {supplier, supplier}, new double[] {0, 10}, new double[] {3, 13});
        assertEquals(2, r.cbiLostDaysOf(buyer), EPS);
        assertEquals(1, r.shortfall(buyer).valueAt(2.5), EPS);
        assertEquals(1, r.shortfall(buyer).valueAt(12.5), EPS);
    }

    // ---- propagation

    @Test
    void theHaltReachesABuyerTwoTiersDown() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0, "cars"), tier1 = firm(b, 1, "seats"), tier2 = firm(b, 2, "foam");
        b.addSupply(tier2, tier1, 1, NEVER, 0);
        b.addSupply(tier1, oem, 1, NEVER, 0);
        ProductionCascade.Result r = outage(b.build(), tier2, 20, 24);
        assertEquals(4, r.cbiLostDaysOf(tier1), EPS);
        assertEquals(4, r.cbiLostDaysOf(oem), EPS);
    }

    @Test
    void eachTierOfInventoryDelaysAndShortensTheHaltDownstream() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0, "cars"), tier1 = firm(b, 1, "seats"), tier2 = firm(b, 2, "foam");
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
    void cbiCountsOnlyWhatTheBuyerLosesBeyondItsOwnOutage() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        ProductionCascade.Result r = outages(b.build(), NO_SPARE, new int[] {supplier, buyer}, new double[] {0, 2}, new double[] {10, 6});
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
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.setAttribute(supplier, FirmAttribute.MANUAL_OPERATION_DAYS, 2);
        b.setAttribute(supplier, FirmAttribute.MANUAL_OPERATION_SHARE, 0.5);
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        assertEquals(2 + 8 * 0.5, outage(b.build(), supplier, 0, 10).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void theCascadeReachesOnlyFirmsDownstreamOfTheOutage() {
        NetworkBuilder b = CascadeNetworks.builder();
        int oem = firm(b, 0, "cars"), otherOem = firm(b, 0, "trucks"), tier1 = firm(b, 1, "seats"), sibling = firm(b, 1, "axles"),
                tier2 = firm(b, 2, "steel");
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
        int p = firm(b, 1, "p"), q = firm(b, 1, "q");
        b.setAttribute(q, FirmAttribute.INVENTORY_DAYS, 1);
        b.addSupply(p, q, 1, 2, 0.5);
        b.addSupply(q, p, 1, 2, 0.5);
        ProductionCascade.Result r = outage(b.build(), p, 0, 6);
        // q's stock covers day 0-1, it stops on day 1-2, then the substitute covers half
        assertEquals(1 + 4 * 0.5, r.cbiLostDaysOf(q), EPS);
        assertEquals(0, r.cbiLostDaysOf(p), EPS);
    }

    // ---- demand side and catch-up (switches)

    @Test
    void withTheDemandSideOnASupplierLosesTheSalesItsStoppedBuyerDoesNotMake() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        SupplyNetwork net = b.build();
        // equal revenues, the buyer spends 1 - 0.25 of its revenue on inputs, all from this supplier:
        // 75 % of the supplier's sales stop for the buyer's 10-day outage
        ProductionSpec demand = new ProductionSpec(0, true, false, 0, 0);
        ProductionCascade.Result r = outage(net, demand, buyer, 0, 10);
        assertEquals(0.75 * 10, r.demandLostDays(r.indexOf(supplier)), EPS);
        assertEquals(0.75 * 10, r.cbiLostDaysOf(supplier), EPS);
        assertEquals(-1, outage(net, NO_SPARE, buyer, 0, 10).indexOf(supplier));
    }

    @Test
    void aSupplierDoesNotLoseSalesOfWhatItCouldNotProduce() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        ProductionSpec demand = new ProductionSpec(0, true, false, 0, 0);
        // the supplier is down 0-10, so the buyer stops 0-10 too; its lower demand costs the supplier nothing more
        ProductionCascade.Result r = outage(b.build(), demand, supplier, 0, 10);
        assertEquals(0, r.demandLostDays(r.indexOf(supplier)), EPS);
        assertEquals(10, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void withCatchUpOnABuyerMakesUpLostProductionWithinTheCap() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        SupplyNetwork net = b.build();
        // 10 % extra output for at most 30 days makes up 3 of the 10 days lost
        ProductionCascade.Result capped = outage(net, new ProductionSpec(0, false, true, 0.1, 30), supplier, 0, 10);
        assertEquals(3, capped.caughtUpDays(capped.indexOf(buyer)), EPS);
        assertEquals(7, capped.cbiLostDaysOf(buyer), EPS);
        // a cap above the loss makes all of it up
        assertEquals(0, outage(net, new ProductionSpec(0, false, true, 0.1, 200), supplier, 0, 10).cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void catchUpAppliesPerEpisode() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), supplier = firm(b, 1, "seats");
        b.addSupply(supplier, buyer, 1, NEVER, 0);
        ProductionCascade.Result r = outages(b.build(), new ProductionSpec(0, false, true, 0.1, 30), new int[] {supplier, supplier},
                new double[] {0, 50}, new double[] {10, 52});
        // episode 1: 10 days lost, 3 made up; episode 2: 2 days lost, all made up
        assertEquals(3 + 2, r.caughtUpDays(r.indexOf(buyer)), EPS);
        assertEquals(12 - 5, r.cbiLostDaysOf(buyer), EPS);
    }

    @Test
    void anOutageWithoutBuyersReachesOnlyItsFirm() {
        NetworkBuilder b = CascadeNetworks.builder();
        int alone = firm(b, 0, "cars");
        ProductionCascade.Result r = outage(b.build(), alone, 0, 3);
        assertEquals(1, r.size());
        assertTrue(r.shortfall(alone).integral() > 0);
    }

    // ---- one cascade object, many runs

    /**
     * A cascade reuses its firm and link indexes from run to run, whichever thread ran before: a run
     * after other runs on other firms gives what a fresh cascade gives, on the same and on another thread.
     */
    @Test
    void runsAfterEarlierRunsAndOnOtherThreadsGiveWhatAFreshCascadeGives() throws Exception {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats"), glass = firm(b, 1, "glass"), steel = firm(b, 2, "steel");
        b.addSupply(seats, buyer, 0.5, NEVER, 0);
        b.addSupply(glass, buyer, 0.5, NEVER, 0);
        b.addSupply(steel, seats, 1.0, NEVER, 0);
        SupplyNetwork net = b.build(false);
        ProductionCascade shared = new ProductionCascade(net, NO_SPARE);
        int[][] outages = {{steel}, {glass}, {seats, glass}, {steel}};
        for (int[] firms : outages) {
            ShortfallProfile[] own = new ShortfallProfile[firms.length];
            for (int i = 0; i < firms.length; i++) own[i] = ProductionCascade.outageShortfall(net, firms[i], 0, 10);
            ProductionCascade.Result fresh = new ProductionCascade(net, NO_SPARE).run(firms, own);
            ProductionCascade.Result reused = shared.run(firms, own);
            ProductionCascade.Result[] other = new ProductionCascade.Result[1];
            Thread t = new Thread(() -> other[0] = shared.run(firms, own));
            t.start();
            t.join();
            for (ProductionCascade.Result r : new ProductionCascade.Result[] {reused, other[0]}) {
                assertEquals(fresh.size(), r.size());
                for (int k = 0; k < fresh.size(); k++) {
                    assertEquals(fresh.firm(k), r.firm(k));
                    assertEquals(fresh.cbiLostDays(k), r.cbiLostDays(k), 0.0);
                }
            }
        }
        assertEquals(10, shared.run(new int[] {steel}, new ShortfallProfile[] {ProductionCascade.outageShortfall(net, steel, 0, 10)})
                .cbiLostDaysOf(buyer), EPS);
    }

    /**
     * A run over the first {@code count} entries of longer arrays (the loss model passes its outages' own arrays) is the
     * run over those entries alone: what lies beyond them, even an outage of the buyer's only supplier, is not read.
     */
    @Test
    void aRunOverTheFirstEntriesOfArraysIsTheRunOfThoseEntriesAlone() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats"), glass = firm(b, 1, "glass"), paint = firm(b, 1, "paint");
        b.addSupply(seats, buyer, 0.5, NEVER, 0);
        b.addSupply(glass, buyer, 0.3, NEVER, 0);
        b.addSupply(paint, buyer, 0.2, NEVER, 0);
        SupplyNetwork net = b.build(false);
        ProductionCascade cascade = new ProductionCascade(net, NO_SPARE);
        int[] firms = {seats, glass, paint};
        ShortfallProfile[] own = {ProductionCascade.outageShortfall(net, seats, 0, 4), ProductionCascade.outageShortfall(net, glass, 2, 9),
            ProductionCascade.outageShortfall(net, paint, 0, 30)};
        for (int count = 0; count <= firms.length; count++) {
            ProductionCascade.Result part = cascade.run(firms, own, count);
            ProductionCascade.Result alone = cascade.run(java.util.Arrays.copyOf(firms, count), java.util.Arrays.copyOf(own, count));
            assertEquals(alone.size(), part.size(), "count " + count);
            for (int k = 0; k < alone.size(); k++) {
                assertEquals(alone.firm(k), part.firm(k));
                assertEquals(alone.cbiLostDays(k), part.cbiLostDays(k), 0.0);
                assertEquals(alone.ownLostDays(k), part.ownLostDays(k), 0.0);
            }
        }
        // by hand: the seats (days 0-4) and the glass (days 2-9) stop the buyer on days 0-9; the paint would to day 30
        assertEquals(9, cascade.run(firms, own, 2).cbiLostDaysOf(buyer), EPS);
        assertEquals(30, cascade.run(firms, own, 3).cbiLostDaysOf(buyer), EPS);
        assertEquals(0, cascade.run(firms, own, 0).size());
    }

    /** A supplier whose outage stops its buyer: a cascade that sets both indexes. */
    static SupplyNetwork soleSupplier() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats");
        b.addSupply(seats, buyer, 1.0, NEVER, 0);
        return b.build(false);
    }

    @Test
    void runsOneAfterAnotherReuseOneIndex() {
        SupplyNetwork net = soleSupplier();
        ProductionCascade cascade = new ProductionCascade(net, NO_SPARE);
        ShortfallProfile[] own = {ProductionCascade.outageShortfall(net, 1, 0, 10)};
        cascade.run(new int[] {1}, own);
        java.util.List<Object> held = cascade.heldIndexes();
        assertEquals(1, held.size());
        cascade.run(new int[] {1}, own);
        assertEquals(1, cascade.heldIndexes().size());
        assertTrue(held.get(0) == cascade.heldIndexes().get(0), "the second run used the first one's index");
    }

    /**
     * Runs one after another on one workspace's index give the runs of a fresh cascade: each run leaves the index as
     * it found it, also after a run that reached the buyer through both of its supply links. They borrow nothing from
     * the cascade's lender, and a workspace of another cascade is refused.
     */
    @Test
    void runsOnOneWorkspaceGiveFreshRunsAndAnotherCascadesWorkspaceIsRefused() {
        NetworkBuilder b = CascadeNetworks.builder();
        int buyer = firm(b, 0, "cars"), seats = firm(b, 1, "seats"), glass = firm(b, 1, "glass"), steel = firm(b, 2, "steel");
        b.addSupply(seats, buyer, 0.6, NEVER, 0);
        b.addSupply(glass, buyer, 0.4, NEVER, 0);
        b.addSupply(steel, seats, 1.0, NEVER, 0);
        SupplyNetwork net = b.build(false);
        ProductionCascade cascade = new ProductionCascade(net, NO_SPARE);
        ProductionCascade.Workspace work = cascade.newWorkspace();
        int[][] outages = {{steel}, {seats, glass}, {glass}, {steel, glass, seats}, {seats}};
        for (int round = 0; round < 2; round++) {
            for (int[] firms : outages) {
                ShortfallProfile[] own = new ShortfallProfile[firms.length];
                for (int i = 0; i < firms.length; i++) own[i] = ProductionCascade.outageShortfall(net, firms[i], i, 10 + 3 * i);
                ProductionCascade.Result fresh = new ProductionCascade(net, NO_SPARE).run(firms, own);
                ProductionCascade.Result kept = cascade.run(work, firms, own, firms.length);
                assertEquals(fresh.size(), kept.size());
                for (int k = 0; k < fresh.size(); k++) {
                    assertEquals(fresh.firm(k), kept.firm(k));
                    assertEquals(fresh.cbiLostDays(k), kept.cbiLostDays(k), 0.0);
                }
            }
        }
        // by hand: the steel's outage (days 0-10) stops the seats, and so the buyer, for the whole outage
        assertEquals(10, cascade.run(work, new int[] {steel}, new ShortfallProfile[] {ProductionCascade.outageShortfall(net, steel, 0, 10)}, 1)
                .cbiLostDaysOf(buyer), EPS);
        assertTrue(cascade.heldIndexes().isEmpty(), "runs on a workspace borrow no index");
        ProductionCascade other = new ProductionCascade(net, NO_SPARE);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> other.run(work, new int[] {steel}, new ShortfallProfile[] {ProductionCascade.outageShortfall(net, steel, 0, 10)}, 1));
    }

    /**
     * The indexes a cascade lends its runs go with the cascade, not with the threads that ran it: on a pool
     * whose threads outlive runs (a Spark executor's), nothing of a finished run's cascade stays with them.
     */
    @Test
    void aCascadesIndexesGoWithItNotWithTheThreadsThatRanIt() throws Exception {
        java.util.concurrent.ExecutorService kept = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.lang.ref.WeakReference<Object>> refs = runOn(kept);
            assertTrue(refs.size() >= 2);
            kept.invokeAll(java.util.List.of(() -> 0, () -> 0)); // the threads live on and have run something since
            assertTrue(weaklink.Collectable.cleared(refs), "the cascade and its indexes are collected while the threads that ran it live on");
        } finally {
            kept.shutdownNow();
        }
    }

    /** A cascade run on both threads of {@code pool} at once: weak references to it and to the indexes it holds after. */
    private static java.util.List<java.lang.ref.WeakReference<Object>> runOn(java.util.concurrent.ExecutorService pool) throws Exception {
        SupplyNetwork net = soleSupplier();
        ProductionCascade cascade = new ProductionCascade(net, NO_SPARE);
        ShortfallProfile[] own = {ProductionCascade.outageShortfall(net, 1, 0, 10)};
        java.util.List<java.util.concurrent.Callable<ProductionCascade.Result>> runs = java.util.List.of(() -> cascade.run(new int[] {1}, own),
                () -> cascade.run(new int[] {1}, own));
        for (java.util.concurrent.Future<ProductionCascade.Result> f : pool.invokeAll(runs)) assertEquals(10, f.get().cbiLostDaysOf(0), EPS);
        java.util.List<java.lang.ref.WeakReference<Object>> refs = new java.util.ArrayList<>();
        for (Object index : cascade.heldIndexes()) refs.add(new java.lang.ref.WeakReference<>(index));
        refs.add(new java.lang.ref.WeakReference<>(cascade));
        return refs;
    }
}
