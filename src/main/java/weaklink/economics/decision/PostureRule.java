package weaklink.economics.decision;

import weaklink.model.Posture;
import weaklink.network.SupplyNetwork;

/**
 * What investment does to a firm besides lowering its vulnerability: it detects intruders sooner
 * and restores faster. Dwell and recovery are multiplied by {@code max(0.5, √(S(z)/v))}
 * (assumption: better-protected firms detect and restore faster, but less than proportionally,
 * and never in under half the time). The firms' decisions weigh the faster recovery
 * ({@link FirmRisk}), and the model applies both scales ({@link Posture}).
 */
public final class PostureRule {
    /** The fastest a posture makes detection and recovery: half the base time. */
    public static final double FLOOR = 0.5;

    private PostureRule() {}

    /** The dwell and recovery multiplier of a firm with base vulnerability {@code v} at vulnerability {@code s}. */
    public static double scale(double s, double v) {
        return atLeastFloor(Math.sqrt(v > 0 ? s / v : 1));
    }

    /**
     * {@code Math.max(FLOOR, root)}, the same value (above the floor it is {@code root}), in a form C1 inlines, as it does
     * {@link #scale} (the firms' searches price the recovery at every step; Math.max of doubles is too large for C1 to inline).
     */
    private static double atLeastFloor(double root) {
        return root > FLOOR ? root : Math.max(FLOOR, root);
    }

    /** Every firm's posture at the given success probabilities. */
    public static Posture postureFor(SupplyNetwork net, double[] successProbability) {
        int n = net.firmCount();
        double[] dwell = new double[n], recovery = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = scale(successProbability[i], net.vulnerability(i));
            dwell[i] = scale;
            recovery[i] = scale;
        }
        return new Posture(successProbability, dwell, recovery);
    }
}
