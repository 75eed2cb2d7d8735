package weaklink.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A day counts an interval as the batch run's daily counts do. */
class FirmStatesTest {
    @Test
    void aDayCountsAnIntervalThatOverlapsIt() {
        assertTrue(FirmStates.overlapsDay(3.0, 5.5, 3));
        assertTrue(FirmStates.overlapsDay(3.0, 5.5, 5));
        assertFalse(FirmStates.overlapsDay(3.0, 5.5, 6));
        assertFalse(FirmStates.overlapsDay(3.0, 5.5, 2));
    }

    @Test
    void anIntervalEndingOnADayBoundaryLeavesThatDayOut() {
        assertTrue(FirmStates.overlapsDay(3.0, 5.0, 4));
        assertFalse(FirmStates.overlapsDay(3.0, 5.0, 5));
    }

    @Test
    void anEmptyIntervalCountsOnItsOwnDay() {
        assertTrue(FirmStates.overlapsDay(4.2, 4.2, 4));
        assertFalse(FirmStates.overlapsDay(4.2, 4.2, 5));
    }
}
