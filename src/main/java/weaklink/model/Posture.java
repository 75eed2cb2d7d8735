package weaklink.model;

import java.util.Arrays;

/**
 * What security investment does to each firm, as the model needs it: the probability that one
 * attempt succeeds ({@code S(z)}, Gordon–Loeb), and multipliers on dwell time and recovery time
 * (better posture detects sooner and restores faster). Built by {@code weaklink.economics}.
 *
 * @param successProbability per firm, probability that one attack attempt (or one day's
 *                           lateral movement at probability 1) succeeds
 * @param dwellScale         per firm, multiplier on the actor's dwell-time draw
 * @param recoveryScale      per firm, multiplier on the recovery-time draw
 */
public record Posture(double[] successProbability, double[] dwellScale, double[] recoveryScale) {

    /** Every firm at its base vulnerability, no change to dwell or recovery. */
    public static Posture base(double[] vulnerability) {
        double[] ones = new double[vulnerability.length];
        Arrays.fill(ones, 1.0);
        return new Posture(vulnerability.clone(), ones, ones.clone());
    }
}
