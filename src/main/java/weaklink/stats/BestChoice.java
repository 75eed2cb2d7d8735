package weaklink.stats;


/**
 * Which of several options has the lowest expected cost, and how sure that is.
 *
 * <p>{@link #probabilityBest} answers it for Monte Carlo error with paired observations: the
 * {@code n} replicates are resampled with replacement, the same indices for every option (so the
 * pairing, the common random numbers, is kept), and the share of resamples in which each option's
 * mean is the lowest is its probability of being best (a paired bootstrap, Efron &amp; Tibshirani
 * 1993, ch. 6; ties share the resample equally). An option lower in every replicate gets 1.
 *
 * <p>{@link #acrossDraws} answers it for input uncertainty: given each option's expected cost in
 * each of several draws of the uncertain inputs, the share of draws in which it is lowest, and its
 * regret in each draw (its cost minus the lowest cost of that draw), whose maximum is what minimax
 * regret ranks by (Savage 1951; Lempert, Popper &amp; Bankes 2003, "Shaping the Next One Hundred
 * Years", the robust decision making literature).
 */
public final class BestChoice {
    private BestChoice() {}

    /**
     * @param costs     {@code costs[option][replicate]}, every option over the same replicates
     * @param resamples bootstrap resamples
     * @param seed      the resampling generator's seed
     * @return per option, the probability that its mean cost is the lowest
     */
    public static double[] probabilityBest(double[][] costs, int resamples, long seed) {
        int options = costs.length;
        double[] wins = new double[options];
        if (options == 0) return wins;
        int n = costs[0].length;
        for (double[] c : costs) if (c.length != n) throw new IllegalArgumentException("options differ in replicates");
        if (n == 0) return nan(options);
        BootstrapDraws resampling = new BootstrapDraws(seed);
        int[] index = new int[n];
        double[] sums = new double[options];
        for (int b = 0; b < resamples; b++) {
            resampling.indices(index, n);
            for (int o = 0; o < options; o++) {
                double s = 0;
                double[] c = costs[o];
                for (int i = 0; i < n; i++) s += c[index[i]];
                sums[o] = s;
            }
            credit(sums, wins);
        }
        for (int o = 0; o < options; o++) wins[o] /= resamples;
        return wins;
    }

    /** Adds 1 to the option with the lowest value, shared equally among ties. */
    private static void credit(double[] values, double[] wins) {
        double best = Double.POSITIVE_INFINITY;
        for (double v : values) best = Math.min(best, v);
        int ties = 0;
        for (double v : values) if (v == best) ties++;
        for (int o = 0; o < values.length; o++) if (values[o] == best) wins[o] += 1.0 / ties;
    }

    private static double[] nan(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, Double.NaN);
        return x;
    }

    /**
     * Best option and regret across draws.
     *
     * @param probabilityBest per option, the share of draws in which it is lowest (ties shared)
     * @param regret          {@code regret[option][draw]}: its cost minus the lowest of that draw
     * @param maxRegret       per option, the largest regret over the draws (minimax regret picks the smallest)
     * @param meanRegret      per option, the mean regret over the draws
     */
    public record AcrossDraws(double[] probabilityBest, double[][] regret, double[] maxRegret, double[] meanRegret) {}

    /** @param costs {@code costs[option][draw]}: each option's expected cost in each draw */
    public static AcrossDraws acrossDraws(double[][] costs) {
        int options = costs.length, draws = options == 0 ? 0 : costs[0].length;
        double[] wins = new double[options], max = new double[options], mean = new double[options];
        double[][] regret = new double[options][draws];
        double[] column = new double[options];
        for (int d = 0; d < draws; d++) {
            double best = Double.POSITIVE_INFINITY;
            for (int o = 0; o < options; o++) {
                column[o] = costs[o][d];
                best = Math.min(best, column[o]);
            }
            credit(column, wins);
            for (int o = 0; o < options; o++) regret[o][d] = column[o] - best;
        }
        for (int o = 0; o < options; o++) {
            wins[o] = draws == 0 ? Double.NaN : wins[o] / draws;
            double m = 0, s = 0;
            for (int d = 0; d < draws; d++) {
                m = Math.max(m, regret[o][d]);
                s += regret[o][d];
            }
            max[o] = draws == 0 ? Double.NaN : m;
            mean[o] = draws == 0 ? Double.NaN : s / draws;
        }
        return new AcrossDraws(wins, regret, max, mean);
    }
}
