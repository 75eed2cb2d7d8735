package weaklink.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import weaklink.experiment.Accumulators;
import weaklink.io.AtomicFile;
import weaklink.io.Csv;

/**
 * The tables made from the run's exact sums ({@code accumulators.json}) rather than from the
 * replicate rows: {@code timeseries.csv} (compromised and down firms per day) and
 * {@code by_group.csv} (losses borne and security paid, by tier, size class and payer).
 */
final class GroupTables {
    static final List<String> TIMESERIES_COLUMNS = List.of("policy", "day", "mean_compromised", "sd_compromised", "mean_down", "sd_down");
    static final List<String> BY_GROUP_COLUMNS = List.of("policy", "tier", "size_class", "firms", "mean_loss_borne",
            "mean_security_spend", "mean_paid_by_self", "mean_paid_by_buyers", "mean_paid_by_government", "mean_paid_by_pool",
            "mean_paid_for_suppliers", "mean_premiums");

    private GroupTables() {}

    /** One row per (policy, day); day {@code d} (1-based) covers days {@code [d − 1, d)} from the start of the year. */
    static void writeTimeseries(Path file, Accumulators acc) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", TIMESERIES_COLUMNS)).append('\n');
        for (Map.Entry<String, Accumulators.PolicySums> e : acc.policies().entrySet()) {
            Accumulators.PolicySums s = e.getValue();
            for (int t = 0; t < acc.days(); t++) {
                sb.append(Csv.text(e.getKey())).append(',').append(t + 1).append(',')
                        .append(Csv.number(round(mean(s.compromisedSum[t], s.replicates)))).append(',')
                        .append(Csv.number(round(sd(s.compromisedSum[t], s.compromisedSumSq[t], s.replicates)))).append(',')
                        .append(Csv.number(round(mean(s.downSum[t], s.replicates)))).append(',')
                        .append(Csv.number(round(sd(s.downSum[t], s.downSumSq[t], s.replicates)))).append('\n');
            }
        }
        AtomicFile.writeString(file, sb.toString());
    }

    /** One row per (policy, group): means per simulated year of the group's totals. */
    static void writeByGroup(Path file, Accumulators acc) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", BY_GROUP_COLUMNS)).append('\n');
        List<String> groups = acc.groups();
        for (Map.Entry<String, Accumulators.PolicySums> e : acc.policies().entrySet()) {
            Accumulators.PolicySums s = e.getValue();
            long n = s.replicates;
            for (int g = 0; g < groups.size(); g++) {
                if (s.groupFirms[g] == 0) continue;
                sb.append(Csv.text(e.getKey())).append(',').append(Accumulators.groupTier(groups.get(g))).append(',')
                        .append(Csv.text(Accumulators.groupSizeClass(groups.get(g)))).append(',')
                        .append(Csv.number(mean(s.groupFirms[g], n)));
                for (long[] xs : new long[][] {s.groupLoss, s.groupSecuritySpend, s.groupPaidBySelf, s.groupPaidByBuyers,
                        s.groupPaidByGovernment, s.groupPaidByPool, s.groupPaidForSuppliers, s.groupPremiums}) {
                    sb.append(',').append(Csv.money(mean(xs[g], n)));
                }
                sb.append('\n');
            }
        }
        AtomicFile.writeString(file, sb.toString());
    }

    static double mean(long sum, long n) { return n == 0 ? Double.NaN : (double) sum / n; }

    /** Sample standard deviation from exact sums: {@code √((Σx² − (Σx)²/n) / (n − 1))}. */
    static double sd(long sum, long sumSq, long n) {
        if (n < 2) return Double.NaN;
        double var = ((double) sumSq - (double) sum * sum / n) / (n - 1);
        return Math.sqrt(Math.max(0, var));
    }

    /** Six decimals are plenty for firm counts and keep the file small. */
    private static double round(double x) { return Double.isNaN(x) ? x : Math.round(x * 1e6) / 1e6; }
}
