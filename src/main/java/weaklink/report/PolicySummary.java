package weaklink.report;

import weaklink.experiment.ReplicateColumn;
import weaklink.stats.PairedComparison;
import weaklink.stats.RatioEstimate;
import weaklink.stats.Sample;
import weaklink.stats.TailEstimate;

/**
 * The statistics of one policy's replicate rows that {@code summary.csv} reports
 * ({@link SummaryColumn}): the sample of annual losses and of largest events with their 99.5 %
 * tail estimates, the paired comparison with the baseline over the same replicates (of loss and of
 * societal cost), the benefit-cost ratio, and the policy's rank and probability of being best
 * among the run's policies.
 */
final class PolicySummary {
    /** The Solvency II level: VaR 99.5 % is the 1-in-200-year loss. */
    static final double SOLVENCY_LEVEL = 0.995;
    /** Bootstrap resamples of the paired difference, the tails and the best policy. */
    static final int BOOTSTRAP_RESAMPLES = 1000;

    /** The seeds of the summary's bootstrap generators, each derived from the run's master seed. */
    record Seeds(long difference, long aepTail, long oepTail, long best) {}

    final String policy;
    final ResultsFinalizer.PolicyColumns columns;
    final Sample total;
    final double halfWidth;
    final boolean isBaseline;
    final PairedComparison diff, societalDiff;
    final PairedComparison.Interval diffT, diffBootstrap, societalT;
    final TailEstimate aepTail, oepTail;
    final RatioEstimate lossAvoidedPerYen;
    final double probBest;
    final int rank;
    /** The paired difference in societal cost against the {@code planner} policy, and its interval; null without a planner in the run. */
    final PairedComparison plannerDiff;
    final PairedComparison.Interval plannerT;
    /** The share of the gap between the baseline and the planner the policy closes; NaN without a planner or a gap. */
    final double gapClosed;

    PolicySummary(String policy, ResultsFinalizer.PolicyColumns columns, ResultsFinalizer.PolicyColumns baseline, boolean isBaseline,
                  Seeds seeds, double probBest, int rank) {
        this(policy, columns, baseline, null, isBaseline, seeds, probBest, rank);
    }

    /** As above, with the run's {@code planner} policy's rows (or null) for the gap it leaves. */
    PolicySummary(String policy, ResultsFinalizer.PolicyColumns columns, ResultsFinalizer.PolicyColumns baseline,
                  ResultsFinalizer.PolicyColumns planner, boolean isBaseline, Seeds seeds, double probBest, int rank) {
        this.policy = policy;
        this.columns = columns;
        this.total = new Sample(columns.total.toArray());
        this.halfWidth = total.ciHalfWidth(0.95);
        this.isBaseline = isBaseline;
        this.diff = new PairedComparison(columns.total.toArray(), baseline.total.toArray());
        this.diffT = isBaseline ? new PairedComparison.Interval(0, 0) : diff.tInterval(0.95);
        this.diffBootstrap = isBaseline ? new PairedComparison.Interval(0, 0) : diff.bootstrapInterval(0.95, BOOTSTRAP_RESAMPLES, seeds.difference());
        this.societalDiff = new PairedComparison(columns.societal.toArray(), baseline.societal.toArray());
        this.societalT = isBaseline ? new PairedComparison.Interval(0, 0) : societalDiff.tInterval(0.95);
        this.aepTail = TailEstimate.of(total, SOLVENCY_LEVEL, 0.95, BOOTSTRAP_RESAMPLES, seeds.aepTail());
        this.oepTail = TailEstimate.of(new Sample(columns.largestEvent.toArray()), SOLVENCY_LEVEL, 0.95, BOOTSTRAP_RESAMPLES, seeds.oepTail());
        this.lossAvoidedPerYen = lossAvoidedPerYen(columns, baseline);
        this.probBest = probBest;
        this.rank = rank;
        if (planner == null) {
            plannerDiff = null;
            plannerT = new PairedComparison.Interval(Double.NaN, Double.NaN);
            gapClosed = Double.NaN;
        } else {
            plannerDiff = new PairedComparison(columns.societal.toArray(), planner.societal.toArray());
            plannerT = columns == planner ? new PairedComparison.Interval(0, 0) : plannerDiff.tInterval(0.95);
            double none = new Sample(baseline.societal.toArray()).mean(), best = new Sample(planner.societal.toArray()).mean();
            double mine = new Sample(columns.societal.toArray()).mean();
            gapClosed = none - best > 0 ? (none - mine) / (none - best) : Double.NaN;
        }
    }

    /** Loss avoided ({@code baseline − policy}) per unit of policy cost beyond the baseline's, paired by replicate. */
    static RatioEstimate lossAvoidedPerYen(ResultsFinalizer.PolicyColumns policy, ResultsFinalizer.PolicyColumns baseline) {
        double[] x = policy.total.toArray(), y = baseline.total.toArray(), c = policy.policyCost.toArray(), cb = baseline.policyCost.toArray();
        double[] avoided = new double[x.length], cost = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            avoided[i] = y[i] - x[i];
            cost[i] = c[i] - cb[i];
        }
        return RatioEstimate.of(avoided, cost, 0.95);
    }

    /** Mean over replicates of a column of {@code replicates.csv}. */
    double mean(ReplicateColumn c) { return columns.mean(c); }
}
