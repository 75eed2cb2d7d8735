package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InsuranceTest {
    static final Insurance.Terms TERMS = new Insurance.Terms(true, 100, 1000, false);

    @Test
    void aClaimPaysTheExcessOverTheDeductible() {
        assertArrayEquals(new double[] {150}, TERMS.pay(new double[] {250}));
    }

    @Test
    void aClaimBelowTheDeductiblePaysNothing() {
        assertArrayEquals(new double[] {0}, TERMS.pay(new double[] {80}));
    }

    @Test
    void theLimitCapsTheYearsTotal() {
        assertArrayEquals(new double[] {700, 300, 0}, TERMS.pay(new double[] {800, 600, 500}));
    }

    @Test
    void theUninsuredAreNeverPaid() {
        assertArrayEquals(new double[] {0, 0}, Insurance.Terms.UNINSURED.pay(new double[] {1e9, 5}));
        assertEquals(0, Insurance.Terms.UNINSURED.coveredYen(1, 2, 3, 4));
    }

    @Test
    void cbiIsCoveredOnlyWhereTheTermsSaySo() {
        assertEquals(1 + 2 + 3, TERMS.coveredYen(1, 2, 3, 4));
        assertEquals(1 + 2 + 3 + 4, new Insurance.Terms(true, 100, 1000, true).coveredYen(1, 2, 3, 4));
    }
}
