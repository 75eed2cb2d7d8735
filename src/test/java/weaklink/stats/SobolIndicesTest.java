package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SobolIndicesTest {
    /** Ishigami function on [-π, π]^3 with a = 7, b = 0.1 (Ishigami & Homma 1990). */
    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0], x2 = -Math.PI + 2 * Math.PI * u[1], x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void ishigamiIndicesMatchTheirAnalyticValues() {
        // analytic values (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.6)
        double[] s = {0.3139, 0.4424, 0.0};
        double[] st = {0.5576, 0.4424, 0.2437};
        SobolIndices.Result r = new SobolIndices(8192, 3).analyse(SobolIndicesTest::ishigami);
        for (int i = 0; i < 3; i++) {
            // quasi-Monte Carlo with N = 8192: errors are well below 0.02 (Saltelli 2010, Fig. 2)
            assertEquals(s[i], r.firstOrder()[i], 0.02, "S" + (i + 1));
            assertEquals(st[i], r.total()[i], 0.02, "ST" + (i + 1));
        }
    }

    @Test
    void aFactorTheOutputIgnoresHasZeroIndices() {
        SobolIndices.Result r = new SobolIndices(1024, 2).analyse(u -> 3 * u[0]);
        assertEquals(1.0, r.firstOrder()[0], 0.02);
        assertEquals(0.0, r.firstOrder()[1], 1e-12);
        assertEquals(0.0, r.total()[1], 1e-12);
    }

    @Test
    void designHasNTimesKPlusTwoPointsInTheUnitCube() {
        double[][] d = new SobolIndices(16, 3).design();
        assertEquals(16 * 5, d.length);
        for (double[] p : d) for (double x : p) assertEquals(0.5, x, 0.5);
    }
}
