package weaklink.economics.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import weaklink.economics.decision.FirmTerms.Share;
import weaklink.economics.decision.GordonLoeb.BreachClass;
import weaklink.economics.decision.GordonLoeb.BreachFunction;

/**
 * The forms of the searches' small steps that C1 inlines (the README's options compile with C1 only, which inlines no
 * method over 35 bytes of bytecode: not {@code Math.min} and {@code Math.max} of doubles) give, bit for bit, what the
 * {@code Math} calls they replace give — over the special values (NaN, both zeros, infinities, the bounds and their
 * neighbours) and a fixed sample of ordinary ones — and a power of 1 is its base, as {@link Math#pow} specifies.
 */
class InlinedFormsTest {
    /** The special values, then 2,000 drawn over [−2, 2] and 2,000 over the whole range of doubles (fixed seed). */
    static double[] values() {
        List<Double> v = new ArrayList<>(List.of(Double.NaN, 0.0, -0.0, 1.0, -1.0, 0.5, Math.nextUp(1.0), Math.nextDown(1.0), Math.nextUp(0.5),
                Math.nextDown(0.5), Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 2.0, 1e-300, 1e300));
        SplittableRandom r = new SplittableRandom(26);
        for (int k = 0; k < 2000; k++) v.add(r.nextDouble(-2, 2));
        for (int k = 0; k < 2000; k++) v.add(Double.longBitsToDouble(r.nextLong()));
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The same double: the same bits, both zeros told apart, every NaN one (Java keeps no NaN's payload through arithmetic: a JIT may quiet it or not). */
    private static void assertSameBits(double expected, double actual, String at) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), at);
    }

    @Test
    void atMostOneIsMathMinOfOneForEveryValue() {
        for (double x : values()) assertSameBits(Math.min(1, x), FirmRisk.atMostOne(x), "x = " + x);
    }

    @Test
    void theRecoveryScaleIsMathMaxOfTheFloorAndTheRootForEveryValue() {
        for (double s : values()) {
            for (double v : new double[] {0.3, 1, 0, -0.0, Double.NaN}) {
                assertSameBits(Math.max(PostureRule.FLOOR, Math.sqrt(v > 0 ? s / v : 1)), PostureRule.scale(s, v), "s = " + s + ", v = " + v);
            }
        }
    }

    @Test
    void theSearchsClampIsMathMinOfMathMaxForEveryValueAndRange() {
        double[] x = values();
        for (double z : x) {
            for (double[] range : new double[][] {{0, 1}, {-0.0, 0}, {0, 0}, {0.5, 1e12}, {-1, Double.POSITIVE_INFINITY}, {x[30], x[40]}}) {
                double lo = Math.min(range[0], range[1]), hi = Math.max(range[0], range[1]);
                assertSameBits(Math.min(Math.max(z, lo), hi), BestResponse.clamp(z, lo, hi), "z = " + z + " in [" + lo + ", " + hi + "]");
            }
        }
    }

    @Test
    void aFirmsOwnOutlayIsTheSharesMinMaxFormulaForEveryInvestment() {
        List<Share> shares = List.of(new Share(0.5, 1e6, null, false, 0), new Share(0.25, 0, null, false, 1), new Share(0.3, Double.POSITIVE_INFINITY, null, true, 2));
        for (int used = 0; used <= shares.size(); used++) {
            BestResponse.Objective g = new BestResponse.Objective(BestResponseTest.CLASS_I, BestResponseTest.linear(0.6, 10, 1e6), shares.subList(0, used));
            for (double z : values()) {
                double paid = 0;
                for (Share s : shares.subList(0, used)) paid += s.share() * Math.min(z, s.upToYen());
                assertSameBits(Math.max(0, z - paid), g.own(z), used + " shares, z = " + z);
            }
        }
    }

    @Test
    void aLateralCurveReadsOutsideZeroToOneAsMathMinOfMathMaxDoes() {
        double[] dwell = RiskModel.nodes(weaklink.scenario.DistributionSpec.lognormal(14, 0.8));
        RiskModel.LateralCurve curve = new RiskModel.LateralCurve(0.05, 1, dwell, 1);
        for (double s : values()) {
            double x = Math.min(Math.max(s, 0), 1) * (RiskModel.CURVE_POINTS - 1);
            int k = Math.min((int) x, RiskModel.CURVE_POINTS - 2);
            double lo = curve.at((double) k / (RiskModel.CURVE_POINTS - 1)), hi = curve.at((double) (k + 1) / (RiskModel.CURVE_POINTS - 1));
            assertSameBits(lo + (x - k) * (hi - lo), curve.at(s), "s = " + s);
        }
    }

    @Test
    void atBetaOneTheBreachFunctionAndItsInverseAreThoseThroughMathPow() {
        SplittableRandom r = new SplittableRandom(1);
        for (double v : GordonLoebTest.V) {
            for (double alpha : GordonLoebTest.ALPHA) {
                BreachFunction f = new BreachFunction(BreachClass.CLASS_I, v, alpha, 1);
                for (int k = 0; k < 2000; k++) {
                    double z = Math.exp(r.nextDouble(-5, 40)), target = v * Math.exp(-r.nextDouble(0, 30));
                    assertSameBits(v / Math.pow(alpha * z + 1, 1.0), f.vulnerability(z), "S(" + z + ")");
                    assertSameBits((Math.pow(v / target, 1.0 / 1.0) - 1) / alpha, f.investmentToReach(target), "z(" + target + ")");
                }
            }
        }
    }
}
