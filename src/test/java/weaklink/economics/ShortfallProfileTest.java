package weaklink.economics;

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
    void withoutInventoryOrSubstituteTheBuyerMissesTheLinkShareOfTheShortfall() {
        ShortfallProfile missing = ShortfallProfile.interval(2, 6, 0.5).throughLink(0.4, 0, 1000, 0, 0);
        assertEquals(0.2, missing.valueAt(3), EPS);
        assertEquals(2, missing.start(), EPS);
        assertEquals(6, missing.end(), EPS);
    }

    @Test
    void inventoryLastsLongerWhenTheSupplierDeliversPartly() {
        // 3 days of stock, supplier at half output: the stock covers 6 days
        ShortfallProfile missing = ShortfallProfile.interval(0, 10, 0.5).throughLink(1, 3, 1000, 0, 0);
        assertEquals(6, missing.start(), EPS);
        assertEquals(4 * 0.5, missing.integral(), EPS);
    }

    @Test
    void substituteCoversItsShareAfterItsDelay() {
        ShortfallProfile missing = ShortfallProfile.interval(0, 10, 1).throughLink(1, 0, 4, 0.75, 0);
        assertEquals(1, missing.valueAt(1), EPS);
        assertEquals(0.25, missing.valueAt(5), EPS);
        assertEquals(4 + 6 * 0.25, missing.integral(), EPS);
    }

    @Test
    void inventoryIsRestockedBetweenEpisodes() {
        ShortfallProfile supplier = ShortfallProfile.max(ShortfallProfile.interval(0, 3, 1), ShortfallProfile.interval(10, 13, 1));
        ShortfallProfile missing = supplier.throughLink(1, 2, 1000, 0, 0);
        assertEquals(2, missing.integral(), EPS);
        assertEquals(1, missing.valueAt(2.5), EPS);
        assertEquals(1, missing.valueAt(12.5), EPS);
        assertEquals(0, missing.valueAt(11), EPS);
    }

    @Test
    void shortfallsBelowTheCutoffAreNotPropagated() {
        assertTrue(ShortfallProfile.interval(0, 10, 1).throughLink(1e-7, 0, 1000, 0, 1e-6).isEmpty());
    }
}
