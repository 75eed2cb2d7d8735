package weaklink.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShortfallProfileTest {
    static final double EPS = 1e-9;

    @Test
    void integralIsShortfallTimesDuration() {
        assertEquals(2.5, ShortfallProfile.interval(3, 8, 0.5).integral(), EPS);
        assertTrue(ShortfallProfile.interval(3, 3, 1).isEmpty());
        assertTrue(ShortfallProfile.interval(3, 5, 0).isEmpty());
    }

    @Test
    void maxTakesTheBindingShortfallAtEachTime() {
        ShortfallProfile a = ShortfallProfile.interval(0, 10, 0.3);
        ShortfallProfile b = ShortfallProfile.interval(5, 15, 0.6);
        ShortfallProfile m = ShortfallProfile.max(a, b);
        assertEquals(0.3, m.valueAt(2), EPS);
        assertEquals(0.6, m.valueAt(7), EPS);
        assertEquals(0.6, m.valueAt(14), EPS);
        assertEquals(0, m.valueAt(15), EPS);
        assertEquals(5 * 0.3 + 10 * 0.6, m.integral(), EPS);
    }

    @Test
    void maxKeepsGapsBetweenDisjointShortfalls() {
        ShortfallProfile m = ShortfallProfile.max(ShortfallProfile.interval(0, 1, 1), ShortfallProfile.interval(4, 6, 0.5));
        assertEquals(0, m.valueAt(2), EPS);
        assertEquals(2.0, m.integral(), EPS);
        assertEquals(0, m.start(), EPS);
        assertEquals(6, m.end(), EPS);
    }

    @Test
    void theDeliveryGapIsTheUndeliveredShareAndTheLostSpareCapacity() {
        ShortfallProfile gap = ShortfallProfile.interval(2, 6, 0.5).deliveryGap(0.4, 1000, 0, 0.1);
        assertEquals(0.4 * (0.5 + 0.1), gap.valueAt(3), EPS);
        assertEquals(2, gap.start(), EPS);
        assertEquals(6, gap.end(), EPS);
    }

    @Test
    void newSuppliersCoverTheirShareAfterTheirDelay() {
        ShortfallProfile gap = ShortfallProfile.interval(0, 10, 1).deliveryGap(1, 4, 0.75, 0);
        assertEquals(1, gap.valueAt(1), EPS);
        assertEquals(0.25, gap.valueAt(5), EPS);
        assertEquals(4 + 6 * 0.25, gap.integral(), EPS);
    }

    @Test
    void theTypeMissesWhatTheSpareCapacityOfItsOtherSuppliersLeaves() {
        ShortfallProfile gaps = ShortfallProfile.interval(0, 4, 0.6);
        // type share 0.8, spare 0.25: 0.2 covered, 0.4 of 0.8 missing
        assertEquals(0.5, gaps.missingShareOfType(0.8, 0.25).valueAt(1), EPS);
        assertTrue(gaps.missingShareOfType(0.8, 1).isEmpty());
        assertEquals(1, ShortfallProfile.interval(0, 4, 3).missingShareOfType(1, 0).valueAt(1), EPS);
    }

    @Test
    void inventoryLastsLongerWhenTheTypeIsPartlyDelivered() {
        // 3 days of stock, half the type delivered: the stock covers 6 days
        ShortfallProfile missing = ShortfallProfile.interval(0, 10, 0.5).afterInventory(3, 0);
        assertEquals(6, missing.start(), EPS);
        assertEquals(4 * 0.5, missing.integral(), EPS);
    }

    @Test
    void inventoryIsRestockedBetweenEpisodes() {
        ShortfallProfile type = ShortfallProfile.max(ShortfallProfile.interval(0, 3, 1), ShortfallProfile.interval(10, 13, 1));
        ShortfallProfile missing = type.afterInventory(2, 0);
        assertEquals(2, missing.integral(), EPS);
        assertEquals(1, missing.valueAt(2.5), EPS);
        assertEquals(1, missing.valueAt(12.5), EPS);
        assertEquals(0, missing.valueAt(11), EPS);
    }

    @Test
    void shortfallsBelowTheCutoffAreNotPropagated() {
        assertTrue(ShortfallProfile.interval(0, 10, 1e-7).afterInventory(0, 1e-6).isEmpty());
    }

    @Test
    void theSumAddsOverlappingSteps() {
        ShortfallProfile s = ShortfallProfile.sum(ShortfallProfile.interval(0, 10, 0.3), ShortfallProfile.interval(5, 15, 0.6));
        assertEquals(0.3, s.valueAt(2), EPS);
        assertEquals(0.9, s.valueAt(7), EPS);
        assertEquals(0.6, s.valueAt(12), EPS);
    }

    @Test
    void theAbsorptionTestAgreesWithBuildingTheProfiles() {
        ShortfallProfile gaps = ShortfallProfile.max(ShortfallProfile.interval(0, 3, 0.6), ShortfallProfile.interval(5, 12, 0.3));
        for (double share : new double[] {0.2, 0.5, 1}) {
            for (double spare : new double[] {0, 0.1, 0.5}) {
                for (double stock : new double[] {0, 1, 2.5, 10}) {
                    boolean built = gaps.missingShareOfType(share, spare).afterInventory(stock, 1e-6).isEmpty();
                    assertEquals(built, gaps.absorbedByType(share, spare, stock, 1e-6), share + " " + spare + " " + stock);
                }
            }
        }
    }
}
