package weaklink.economics.decision;

import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;

/**
 * Gordon–Loeb security investment (Gordon &amp; Loeb 2002, "The economics of information security
 * investment", ACM TISSEC 5(4):438–457). Money in the scenario's currency; {@code v} and
 * {@code S} are probabilities that one attack attempt succeeds; {@code L} is the expected loss
 * the investor weighs (probability of attack × loss if breached).
 *
 * <p>The investor maximises the expected net benefit {@code ENBIS(z) = (v − S(z, v))·L − z}. Two
 * breach-function classes are provided:
 * <ul>
 *   <li>class I {@code S(z) = v / (αz + 1)^β} (α &gt; 0, β &gt; 0);</li>
 *   <li>class II {@code S(z) = v^(αz + 1)} (α &gt; 0; β plays no part).</li>
 * </ul>
 * For both, Gordon &amp; Loeb's proposition is that the optimum never exceeds {@code vL/e}.
 */
public final class GordonLoeb {
    private GordonLoeb() {}

    /** The two breach-function classes of Gordon &amp; Loeb (2002), coded 1 and 2 in scenarios and firms.csv. */
    public enum BreachClass {
        CLASS_I, CLASS_II;

        /** The class for a scenario code: 1 or 2. */
        public static BreachClass of(double code) {
            if (code == 1) return CLASS_I;
            if (code == 2) return CLASS_II;
            throw new IllegalArgumentException("Gordon-Loeb class must be 1 or 2, found " + code);
        }
    }

    /**
     * One firm's breach function: class, base vulnerability {@code v} and parameters α, β.
     * Immutable; every method is a pure function.
     */
    public record BreachFunction(BreachClass breachClass, double v, double alpha, double beta) {

        /** A firm's breach function, from its attributes (class, {@code v}, α, β). */
        public static BreachFunction of(SupplyNetwork net, int firm) {
            return new BreachFunction(BreachClass.of(net.attribute(FirmAttribute.GL_CLASS, firm)), net.vulnerability(firm),
                    net.attribute(FirmAttribute.GL_ALPHA, firm), net.attribute(FirmAttribute.GL_BETA, firm));
        }

        /** Vulnerability after investing {@code z}: class I {@code v/(αz+1)^β}, class II {@code v^(αz+1)}. */
        public double vulnerability(double z) {
            return breachClass == BreachClass.CLASS_I ? GordonLoeb.vulnerability(v, alpha, beta, z) : vulnerabilityClassII(v, alpha, z);
        }

        /** The investment maximising {@code (v − S(z))L − z}, at least 0. */
        public double optimalInvestment(double expectedLoss) {
            return breachClass == BreachClass.CLASS_I ? GordonLoeb.optimalInvestment(v, alpha, beta, expectedLoss)
                    : optimalInvestmentClassII(v, alpha, expectedLoss);
        }

        /** The least investment that brings vulnerability down to {@code target} (0 if already there; infinite if unreachable). */
        public double investmentToReach(double target) {
            return breachClass == BreachClass.CLASS_I ? GordonLoeb.investmentToReach(v, alpha, beta, target)
                    : investmentToReachClassII(v, alpha, target);
        }
    }

    /** Class I breach function {@code S(z) = v / (αz + 1)^β}: vulnerability after investing {@code z}. */
    public static double vulnerability(double v, double alpha, double beta, double z) {
        return v / power(alpha * z + 1, beta);
    }

    /**
     * {@code Math.pow(x, y)}, the same value: at {@code y = 1} it is {@code x} (one of the cases {@link Math#pow} specifies),
     * without computing a power. Every shipped scenario's firms have β = 1, and the firms' and the planner's searches evaluate
     * {@code S(z)} and its inverse millions of times.
     */
    private static double power(double x, double y) {
        return y == 1 ? x : Math.pow(x, y);
    }

    /**
     * Class I optimum against expected loss {@code L} (probability of attack × loss if breached):
     * {@code z* = ((αβvL)^(1/(β+1)) − 1) / α}, or 0 when that is negative (Gordon &amp; Loeb 2002,
     * eq. for S<sup>I</sup>). Gordon &amp; Loeb show {@code z* ≤ vL/e}.
     */
    public static double optimalInvestment(double v, double alpha, double beta, double expectedLoss) {
        if (v <= 0 || expectedLoss <= 0) return 0;
        double z = (Math.pow(alpha * beta * v * expectedLoss, 1.0 / (beta + 1)) - 1) / alpha;
        return Math.max(0, z);
    }

    /**
     * The investment that brings class I vulnerability down to {@code target}: the inverse of
     * {@link #vulnerability}, {@code z = ((v/target)^(1/β) − 1) / α}, or 0 when {@code v ≤ target}.
     */
    public static double investmentToReach(double v, double alpha, double beta, double target) {
        if (v <= target) return 0;
        if (target <= 0) return Double.POSITIVE_INFINITY;
        return (power(v / target, 1.0 / beta) - 1) / alpha;
    }

    /** Class II breach function {@code S(z) = v^(αz + 1)}. */
    public static double vulnerabilityClassII(double v, double alpha, double z) {
        return Math.pow(v, alpha * z + 1);
    }

    /**
     * Class II optimum. The first-order condition of {@code (v − v^(αz+1))L − z} is
     * {@code −α ln(v) · v^(αz+1) · L = 1}, so {@code v^(αz+1) = −1/(αL ln v)} and
     * <pre>z* = ln(−1/(α v L ln v)) / (α ln v)</pre>
     * (Gordon &amp; Loeb 2002, the optimum for S<sup>II</sup>); 0 when that is negative (the
     * marginal benefit at {@code z = 0}, {@code −αvL ln v}, is at most 1), and 0 for {@code v}
     * of 0 or 1 (nothing to protect, or no investment helps). ENBIS is concave in {@code z}, so
     * the stationary point is the maximum.
     */
    public static double optimalInvestmentClassII(double v, double alpha, double expectedLoss) {
        if (v <= 0 || v >= 1 || expectedLoss <= 0) return 0;
        double lnV = Math.log(v);
        double marginalAtZero = -alpha * v * expectedLoss * lnV;
        if (marginalAtZero <= 1) return 0;
        return Math.log(-1 / (alpha * v * expectedLoss * lnV)) / (alpha * lnV);
    }

    /**
     * The class II investment that brings vulnerability down to {@code target}: from
     * {@code v^(αz+1) = target}, {@code z = (ln target / ln v − 1) / α}; 0 when {@code v ≤ target},
     * infinite when {@code target} is 0 or {@code v} is 1.
     */
    public static double investmentToReachClassII(double v, double alpha, double target) {
        if (v <= target) return 0;
        if (target <= 0 || v >= 1) return Double.POSITIVE_INFINITY;
        return (Math.log(target) / Math.log(v) - 1) / alpha;
    }
}
