package weaklink.gui;

import java.util.Arrays;
import weaklink.economics.LossModel;
import weaklink.model.ReplicateRecord;

/**
 * A firm's own losses so far in the year, for the inspector: a running, expected-value version of
 * the {@link LossModel}'s per-firm terms, computed with the loss model's own functions and accrued
 * day by day.
 *
 * <ul>
 *   <li>incident response, from the day of each compromise: {@link LossModel#incidentYen} (the batch
 *       run multiplies it by mean-one lognormal noise);</li>
 *   <li>ransom, from the day a ransomware compromise is detected: {@link LossModel#expectedRansomYen}
 *       (the batch run draws whether it is paid);</li>
 *   <li>data breach, from detection of a data theft: {@link LossModel#breachYen};</li>
 *   <li>business interruption accrued so far: {@link LossModel#businessInterruptionYen} of the
 *       firm's outages cut at the end of the day (with manual operation, overlaps counted once).</li>
 * </ul>
 * Contingent business interruption (customers' losses) is not included. So the figure tracks the
 * batch run's mean for the firm, not the replicate's exact draw.
 */
final class RunningLoss {
    private RunningLoss() {}

    /** The firm's losses accrued by the end of day {@code day}, in the scenario's currency. */
    static double lossSoFarYen(LossModel losses, ReplicateRecord record, int firm, int day) {
        double end = day + 1.0;
        double incident = losses.incidentYen(firm), ransom = losses.expectedRansomYen(firm), breach = losses.breachYen(firm);
        double total = 0;
        double[] starts = new double[4], ends = new double[4];
        int m = 0;
        for (int k = 0; k < record.size(); k++) {
            if (record.firm(k) != firm || record.day(k) > day) continue;
            total += incident;
            if (record.detectDay(k) < end) total += record.effect(k) == ReplicateRecord.RANSOMWARE ? ransom : breach;
            if (record.causesOutage(k) && record.outageStart(k) < end) {
                if (m == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * m);
                    ends = Arrays.copyOf(ends, 2 * m);
                }
                starts[m] = record.outageStart(k);
                ends[m++] = Math.min(end, record.outageEnd(k));
            }
        }
        return total + losses.businessInterruptionYen(firm, Arrays.copyOf(starts, m), Arrays.copyOf(ends, m));
    }
}
