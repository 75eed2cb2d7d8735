package weaklink.model;

/**
 * How an adaptive opportunistic or mass-exploit actor re-allocates its attempts toward firms that
 * remain weak (docs/ODD.md 7.8): it keeps its expected number of attempts per campaign but spreads
 * them in proportion to what it sees of each firm, its success probability {@code s_i} this year:
 *
 * <pre>
 * a_i = min(1, a · s_i / s̄)     s̄ the mean success probability over the firms it can attempt (all firms; those running the technology)
 * </pre>
 * so a firm twice as weak as the average is attempted twice as often (the expected attempts are kept
 * exactly unless some {@code a_i} reach 1). One owner of the rule: campaigns use it on the
 * replicate's posture, and the firms' decisions ({@code weaklink.economics.decision.RiskModel}) use it
 * to price the attempts a firm draws by its own posture.
 */
public final class AdaptiveAttempts {
    private AdaptiveAttempts() {}

    /** {@code a / s̄}: the factor on a firm's success probability; 0 when every firm is invulnerable (nothing to re-allocate to). */
    public static double scale(double attemptProbability, double meanSuccessProbability) {
        return meanSuccessProbability > 0 ? attemptProbability / meanSuccessProbability : 0;
    }

    /** {@code a_i = min(1, scale · s_i)}. */
    public static double probability(double scale, double successProbability) {
        return Math.min(1, scale * successProbability);
    }

    /** The mean of {@code s} over {@code firms} (all firms when null). */
    public static double mean(double[] s, int[] firms) {
        double sum = 0;
        if (firms == null) {
            for (double x : s) sum += x;
            return s.length == 0 ? 0 : sum / s.length;
        }
        for (int f : firms) sum += s[f];
        return firms.length == 0 ? 0 : sum / firms.length;
    }
}
