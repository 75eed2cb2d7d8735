package weaklink.economics;

/**
 * Gordon–Loeb security investment (Gordon &amp; Loeb 2002, "The economics of information security
 * investment", ACM TISSEC 5(4)). Money in the scenario's currency; {@code v} and {@code S} are
 * probabilities that one attack attempt succeeds.
 */
public final class GordonLoeb {
    private GordonLoeb() {}

    /** Class I breach function {@code S(z) = v / (αz + 1)^β}: vulnerability after investing {@code z}. */
    public static double vulnerability(double v, double alpha, double beta, double z) {
        return v / Math.pow(alpha * z + 1, beta);
    }

    /**
     * Class I optimum against expected loss {@code L} (probability of attack × loss if breached):
     * {@code z* = ((αβvL)^(1/(β+1)) − 1) / α}, or 0 when that is negative. Gordon &amp; Loeb show
     * {@code z* ≤ vL/e}.
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
        return (Math.pow(v / target, 1.0 / beta) - 1) / alpha;
    }
}
