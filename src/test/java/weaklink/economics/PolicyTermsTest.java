package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An insurer's own terms: CBI and ransom sublimits over a year's claims, then deductible and limit. */
class PolicyTermsTest {
    @Test
    void sublimitsCapTheCbiAndRansomAYearsClaimsMayInclude() {
        // CBI sublimit 100, ransom sublimit 30; claims: (incident 10, CBI 70, ransom 20), (0, 50, 20), (5, 0, 0)
        Insurance.Terms t = new Insurance.Terms(true, 0, 1e9, 8, 100, 30);
        double[] covered = new double[3];
        t.covered(new double[] {10, 0, 5}, new double[3], new double[3], new double[] {70, 50, 0}, new double[] {20, 20, 0}, 3, covered);
        // CBI: 70 then the 30 left of 100; ransom: 20 then the 10 left of 30
        assertArrayEquals(new double[] {10 + 70 + 20, 30 + 10, 5}, covered, 1e-12);
    }

    @Test
    void classDefaultTermsCoverCbiInFullOrNotAndNoRansom() {
        Insurance.Terms withCbi = new Insurance.Terms(true, 0, 1e9, true), without = new Insurance.Terms(true, 0, 1e9, false);
        double[] covered = new double[1];
        withCbi.covered(new double[] {1}, new double[] {2}, new double[] {3}, new double[] {4}, new double[] {5}, 1, covered);
        assertEquals(1 + 2 + 3 + 4, covered[0]);
        without.covered(new double[] {1}, new double[] {2}, new double[] {3}, new double[] {4}, new double[] {5}, 1, covered);
        assertEquals(1 + 2 + 3, covered[0]);
        assertEquals(withCbi.coveredYen(1, 2, 3, 4), 10);
    }

    @Test
    void paymentsPerClaimAfterDeductibleAndAnnualLimit() {
        Insurance.Terms t = new Insurance.Terms(true, 10, 100, 0, 0, 0);
        double[] paid = new double[3];
        assertEquals(100, t.pay(new double[] {50, 5, 90}, 3, paid), 1e-12);
        assertArrayEquals(new double[] {40, 0, 60}, paid, 1e-12);
    }
}
