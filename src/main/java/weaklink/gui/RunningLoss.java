package weaklink.gui;

import java.util.Arrays;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;

/**
 * A firm's own losses so far in the year, for the inspector: a running, expected-value version of
 * {@link weaklink.economics.LossModel}'s per-firm terms, accrued day by day.
 *
 * <ul>
 *   <li>incident response, from the day of each compromise: {@code fixed + share × revenue}
 *       (the batch run multiplies this by mean-one lognormal noise);</li>
 *   <li>ransom, from the day a ransomware compromise is detected: the expected ransom
 *       {@code propensity × ransom share × revenue} (the batch run draws whether it is paid);</li>
 *   <li>data breach, from detection of a data theft: {@code records × cost per record};</li>
 *   <li>business interruption accrued so far: outage days up to the end of the day (the union of
 *       the firm's outages) × daily value added × (1 − workaround share).</li>
 * </ul>
 * Contingent business interruption (customers' losses) is not included. So the figure tracks the
 * batch run's mean for the firm, not the replicate's exact draw.
 */
final class RunningLoss {
    private RunningLoss() {}

    /** The firm's losses accrued by the end of day {@code day}, in the scenario's currency. */
    static double lossSoFarYen(Scenario scenario, SupplyNetwork net, ReplicateRecord record, int firm, int day) {
        double end = day + 1.0;
        double revenue = net.revenueYen(firm);
        double incident = net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, firm) + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, firm) * revenue;
        double ransom = net.attribute(FirmAttribute.RANSOM_PROPENSITY, firm) * net.attribute(FirmAttribute.RANSOM_REVENUE_SHARE, firm) * revenue;
        double breach = net.attribute(FirmAttribute.RECORDS, firm) * scenario.economics().costPerRecordYen();
        double total = 0;
        double[][] outages = new double[record.size()][];
        int m = 0;
        for (int k = 0; k < record.size(); k++) {
            if (record.firm(k) != firm || record.day(k) > day) continue;
            total += incident;
            if (record.detectDay(k) < end) total += record.effect(k) == ReplicateRecord.RANSOMWARE ? ransom : breach;
            if (record.causesOutage(k) && record.outageStart(k) < end) {
                outages[m++] = new double[] {record.outageStart(k), Math.min(end, record.outageEnd(k))};
            }
        }
        return total + outageDays(Arrays.copyOf(outages, m)) * net.dailyValueAddedYen(firm) * (1 - net.attribute(FirmAttribute.WORKAROUND_SHARE, firm));
    }

    /** Length of the union of intervals {@code [start, end)}. */
    static double outageDays(double[][] intervals) {
        Arrays.sort(intervals, (a, b) -> Double.compare(a[0], b[0]));
        double days = 0, coveredUntil = Double.NEGATIVE_INFINITY;
        for (double[] iv : intervals) {
            double start = Math.max(iv[0], coveredUntil);
            if (iv[1] > start) days += iv[1] - start;
            coveredUntil = Math.max(coveredUntil, iv[1]);
        }
        return days;
    }
}
