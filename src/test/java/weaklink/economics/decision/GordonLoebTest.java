package weaklink.economics.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weaklink.economics.decision.GordonLoeb.BreachClass;
import weaklink.economics.decision.GordonLoeb.BreachFunction;

class GordonLoebTest {
    static final double[] V = {0.05, 0.2, 0.5, 0.8, 0.95};
    static final double[] ALPHA = {1e-8, 1e-6, 1e-4};
    static final double[] BETA = {0.5, 1, 2, 4};
    static final double[] LOSS = {1e3, 1e5, 1e7, 1e9, 1e11};

    /** Expected net benefit of investing {@code z}: {@code (v − S(z))L − z}. */
    static double enbis(BreachFunction f, double loss, double z) {
        return (f.v() - f.vulnerability(z)) * loss - z;
    }

    /** The maximiser of a concave function on [0, hi] by ternary search, independent of the closed forms. */
    static double argmax(BreachFunction f, double loss) {
        double lo = 0, hi = f.v() * loss; // the optimum is below vL/e < vL
        for (int k = 0; k < 300; k++) {
            double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
            if (enbis(f, loss, m1) < enbis(f, loss, m2)) lo = m1; else hi = m2;
        }
        return (lo + hi) / 2;
    }

    @Test
    void classIOptimumIsTheClosedFormAndBoundedByVLOverE() {
        for (double v : V) for (double a : ALPHA) for (double b : BETA) for (double loss : LOSS) {
            BreachFunction f = new BreachFunction(BreachClass.CLASS_I, v, a, b);
            double z = f.optimalInvestment(loss);
            double closed = Math.max(0, (Math.pow(a * b * v * loss, 1 / (b + 1)) - 1) / a);
            String at = "v=" + v + " a=" + a + " b=" + b + " L=" + loss;
            assertEquals(closed, z, 1e-9 * Math.max(1, closed), at);
            assertTrue(z <= v * loss / Math.E * (1 + 1e-12), at);
            assertNumericalOptimum(f, loss, z, at);
        }
    }

    @Test
    void classIIOptimumSolvesTheFirstOrderConditionAndIsBoundedByVLOverE() {
        for (double v : V) for (double a : ALPHA) for (double loss : LOSS) {
            BreachFunction f = new BreachFunction(BreachClass.CLASS_II, v, a, 1);
            double z = f.optimalInvestment(loss);
            String at = "v=" + v + " a=" + a + " L=" + loss;
            assertTrue(z >= 0, at);
            assertTrue(z <= v * loss / Math.E * (1 + 1e-12), at);
            if (z > 0) {
                // marginal benefit −α ln(v) v^(αz+1) L equals the marginal cost 1
                assertEquals(1.0, -a * Math.log(v) * f.vulnerability(z) * loss, 1e-9, at);
            } else {
                assertTrue(-a * Math.log(v) * v * loss <= 1 + 1e-12, at);
            }
            assertNumericalOptimum(f, loss, z, at);
        }
    }

    private static void assertNumericalOptimum(BreachFunction f, double loss, double z, String at) {
        double best = enbis(f, loss, argmax(f, loss));
        double scale = Math.max(1, f.v() * loss); // rounding in ENBIS is relative to its terms, vL
        assertTrue(enbis(f, loss, z) >= best - 1e-9 * scale, at + ": closed form " + enbis(f, loss, z) + " < search " + best);
    }

    @Test
    void investmentToReachIsTheInverseOfTheBreachFunction() {
        for (BreachClass c : BreachClass.values()) for (double v : V) for (double a : ALPHA) {
            BreachFunction f = new BreachFunction(c, v, a, 2);
            for (double target : new double[] {0.01, 0.04, 0.3}) {
                double z = f.investmentToReach(target);
                if (v <= target) assertEquals(0, z);
                else assertEquals(target, f.vulnerability(z), 1e-12 * target, c + " v=" + v + " a=" + a);
            }
        }
    }

    @Test
    void unreachableStandardsCostInfinitely() {
        assertEquals(Double.POSITIVE_INFINITY, new BreachFunction(BreachClass.CLASS_II, 1.0, 1e-6, 1).investmentToReach(0.3));
        assertEquals(Double.POSITIVE_INFINITY, new BreachFunction(BreachClass.CLASS_I, 0.5, 1e-6, 1).investmentToReach(0));
    }
}
