package weaklink.report;

import weaklink.experiment.ReplicateColumn;
import weaklink.stats.PairedComparison;
import weaklink.stats.Sample;

/**
 * The statistics of one policy's replicate rows that {@code summary.csv} reports
 * ({@link SummaryColumn}): the sample of annual losses and of largest events, and the paired
 * comparison with the baseline over the same replicates.
 */
final class PolicySummary {
    /** The Solvency II level: VaR 99.5 % is the 1-in-200-year loss. */
    static final double SOLVENCY_LEVEL = 0.995;
    /** Bootstrap resamples of the paired difference. */
    static final int BOOTSTRAP_RESAMPLES = 1000;

    final String policy;
    final ResultsFinalizer.PolicyColumns columns;
    final Sample total, largestEvent;
    final double halfWidth;
    final boolean isBaseline;
    final PairedComparison diff;
    final PairedComparison.Interval diffT, diffBootstrap;

    PolicySummary(String policy, ResultsFinalizer.PolicyColumns columns, ResultsFinalizer.PolicyColumns baseline, boolean isBaseline,
                  long bootstrapSeed) {
        this.policy = policy;
        this.columns = columns;
        this.total = new Sample(columns.total.toArray());
        this.largestEvent = new Sample(columns.largestEvent.toArray());
        this.halfWidth = total.ciHalfWidth(0.95);
        this.isBaseline = isBaseline;
        this.diff = new PairedComparison(columns.total.toArray(), baseline.total.toArray());
        this.diffT = isBaseline ? new PairedComparison.Interval(0, 0) : diff.tInterval(0.95);
        this.diffBootstrap = isBaseline ? new PairedComparison.Interval(0, 0) : diff.bootstrapInterval(0.95, BOOTSTRAP_RESAMPLES, bootstrapSeed);
    }

    /** Mean over replicates of a column of {@code replicates.csv}. */
    double mean(ReplicateColumn c) { return columns.mean(c); }
}
