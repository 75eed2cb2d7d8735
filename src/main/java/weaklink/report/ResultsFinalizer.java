package weaklink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weaklink.experiment.Accumulators;
import weaklink.io.AtomicFile;
import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.experiment.ReplicateRow;
import weaklink.experiment.Runner;
import weaklink.random.RandomStreams;
import weaklink.stats.ExceedanceCurve;
import weaklink.stats.PairedComparison;
import weaklink.stats.Sample;

/**
 * Makes the summary files of a results folder from its {@code replicates.csv},
 * {@code accumulators.json} and {@code manifest.json} only: {@code summary.csv},
 * {@code exceedance.csv}, {@code timeseries.csv}, {@code by_group.csv} and the Oasis ORD export in
 * {@code ord/}. Both {@code run} and {@code merge} end here, so a merged run and an unsharded run
 * give the same bytes. Rows are read one at a time; per (policy, replicate) only the annual loss,
 * the largest event and the insured loss are kept (for quantiles, exceedance curves and paired
 * differences), never any firm's data. Columns are documented in docs/OUTPUTS.md.
 */
public final class ResultsFinalizer {
    public static final String SUMMARY = "summary.csv";
    public static final String EXCEEDANCE = "exceedance.csv";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String BY_GROUP = "by_group.csv";
    public static final List<String> SUMMARY_COLUMNS = List.of("policy", "replicates", "mean_loss", "se_loss", "ci95_low",
            "ci95_high", "p50", "p90", "p99", "var_99_5", "tvar_99_5", "mean_direct_loss", "mean_bi_loss", "mean_cbi_loss",
            "mean_insured_loss", "mean_security_spend", "mean_policy_cost", "mean_societal_cost", "mean_firms_compromised",
            "mean_firms_down", "diff_vs_baseline", "diff_ci95_low", "diff_ci95_high",
            "diff_se", "diff_boot_ci95_low", "diff_boot_ci95_high", "oep_var_99_5", "oep_tvar_99_5",
            "mean_uninsured_loss", "cbi_to_direct_ratio", "mean_paid_by_self", "mean_paid_by_buyers", "mean_paid_by_government",
            "mean_paid_by_pool", "mean_premiums", "mean_pool_payouts", "mean_pool_balance", "pool_ruin_probability");
    public static final List<String> EXCEEDANCE_COLUMNS = List.of("policy", "metric", "return_period_years",
            "exceedance_probability", "loss", "tail_mean_loss");
    /** Bootstrap resamples of the paired difference. */
    static final int BOOTSTRAP_RESAMPLES = 1000;
    /** The Solvency II level: VaR 99.5 % is the 1-in-200-year loss. */
    static final double SOLVENCY_LEVEL = 0.995;

    private ResultsFinalizer() {}

    public static void finish(Path dir) throws IOException {
        JsonNode manifest = Json.read(dir.resolve(Runner.MANIFEST));
        List<String> policies = new ArrayList<>();
        manifest.path("policies").forEach(p -> policies.add(p.asText()));
        String baseline = manifest.path("baseline").asText(policies.get(0));
        long seed = manifest.path("seed").asLong();
        Map<String, PolicyColumns> byPolicy = readReplicates(dir.resolve(Runner.REPLICATES), policies);
        long bootstrapSeed = RandomStreams.derive(seed, -2, RandomStreams.Stream.POLICY);
        writeSummary(dir.resolve(SUMMARY), policies, baseline, byPolicy, bootstrapSeed);
        writeExceedance(dir.resolve(EXCEEDANCE), policies, byPolicy);
        Path accFile = dir.resolve(Runner.ACCUMULATORS);
        if (Files.exists(accFile)) {
            Accumulators acc = Accumulators.fromJson(Json.read(accFile).get("sums"));
            GroupTables.writeTimeseries(dir.resolve(TIMESERIES), acc);
            GroupTables.writeByGroup(dir.resolve(BY_GROUP), acc);
        }
        OrdExport.write(dir.resolve(OrdExport.FOLDER), policies, byPolicy);
        ReportWriter.writeFinished(dir);
    }

    /** The replicate rows of each policy, kept as the few columns the summaries need, in replicate order. */
    static Map<String, PolicyColumns> readReplicates(Path file, List<String> policies) throws IOException {
        Map<String, PolicyColumns> out = new LinkedHashMap<>();
        for (String p : policies) out.put(p, new PolicyColumns());
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.equals(ReplicateRow.header())) throw new IOException(file + ": unexpected header");
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isEmpty()) continue;
                ReplicateRow row;
                try {
                    row = ReplicateRow.parse(line);
                } catch (RuntimeException e) {
                    throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
                PolicyColumns c = out.get(row.policy());
                if (c == null) throw new IOException(file + ":" + lineNo + ": row for unknown policy " + row.policy());
                c.add(row);
            }
        }
        return out;
    }

    private static void writeSummary(Path file, List<String> policies, String baseline, Map<String, PolicyColumns> data,
                                     long bootstrapSeed) throws IOException {
        PolicyColumns base = data.get(baseline);
        StringBuilder sb = new StringBuilder(String.join(",", SUMMARY_COLUMNS)).append('\n');
        for (String p : policies) {
            PolicyColumns c = data.get(p);
            Sample total = new Sample(c.total.toArray());
            Sample largest = new Sample(c.largestEvent.toArray());
            double half = total.ciHalfWidth(0.95);
            boolean isBase = p.equals(baseline);
            PairedComparison diff = new PairedComparison(c.total.toArray(), base.total.toArray());
            PairedComparison.Interval t = isBase ? new PairedComparison.Interval(0, 0) : diff.tInterval(0.95);
            PairedComparison.Interval boot = isBase ? new PairedComparison.Interval(0, 0)
                    : diff.bootstrapInterval(0.95, BOOTSTRAP_RESAMPLES, bootstrapSeed);
            double security = c.mean(PolicyColumns.SECURITY);
            List<String> cells = List.of(Csv.text(p), Integer.toString(total.size()), Csv.money(total.mean()),
                    Csv.money(total.standardError()), Csv.money(total.mean() - half), Csv.money(total.mean() + half),
                    Csv.money(total.quantile(0.5)), Csv.money(total.quantile(0.9)), Csv.money(total.quantile(0.99)),
                    Csv.money(total.valueAtRisk(SOLVENCY_LEVEL)), Csv.money(total.tailValueAtRisk(SOLVENCY_LEVEL)),
                    Csv.money(c.mean(PolicyColumns.DIRECT)), Csv.money(c.mean(PolicyColumns.BI)), Csv.money(c.mean(PolicyColumns.CBI)),
                    Csv.money(c.mean(PolicyColumns.INSURED)), Csv.money(security), Csv.money(c.mean(PolicyColumns.POLICY_COST)),
                    Csv.money(total.mean() + security), Csv.number(c.mean(PolicyColumns.COMPROMISED)), Csv.number(c.mean(PolicyColumns.DOWN)),
                    Csv.money(diff.meanDifference()), Csv.money(t.low()), Csv.money(t.high()),
                    Csv.money(isBase ? 0 : diff.standardError()), Csv.money(boot.low()), Csv.money(boot.high()),
                    Csv.money(largest.valueAtRisk(SOLVENCY_LEVEL)), Csv.money(largest.tailValueAtRisk(SOLVENCY_LEVEL)),
                    Csv.money(c.mean(PolicyColumns.UNINSURED)), Csv.number(c.cbiToDirectRatio()),
                    Csv.money(c.mean(PolicyColumns.PAID_BY_SELF)), Csv.money(c.mean(PolicyColumns.PAID_BY_BUYERS)),
                    Csv.money(c.mean(PolicyColumns.PAID_BY_GOVERNMENT)), Csv.money(c.mean(PolicyColumns.PAID_BY_POOL)),
                    Csv.money(c.mean(PolicyColumns.PREMIUMS)), Csv.money(c.mean(PolicyColumns.POOL_PAYOUTS)),
                    Csv.money(c.mean(PolicyColumns.POOL_BALANCE)), Csv.number(c.mean(PolicyColumns.POOL_RUINED)));
            sb.append(String.join(",", cells)).append('\n');
        }
        AtomicFile.writeString(file, sb.toString());
    }

    private static void writeExceedance(Path file, List<String> policies, Map<String, PolicyColumns> data) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", EXCEEDANCE_COLUMNS)).append('\n');
        for (String p : policies) {
            PolicyColumns c = data.get(p);
            for (Metric m : Metric.values()) {
                for (ExceedanceCurve.Point pt : ExceedanceCurve.of(new Sample(m.of(c)), ExceedanceCurve.STANDARD_RETURN_PERIODS)) {
                    sb.append(Csv.text(p)).append(',').append(m.label).append(',').append(pt.returnPeriodYears()).append(',')
                            .append(Csv.number(pt.exceedanceProbability())).append(',').append(Csv.money(pt.loss())).append(',')
                            .append(Csv.money(pt.tailMeanLoss())).append('\n');
                }
            }
        }
        AtomicFile.writeString(file, sb.toString());
    }

    /** The two bases of an exceedance curve. */
    enum Metric {
        /** Annual aggregate: each year's total loss. */
        AEP("aep"),
        /** Occurrence: each year's largest single event. */
        OEP("oep");

        final String label;

        Metric(String label) { this.label = label; }

        double[] of(PolicyColumns c) { return this == AEP ? c.total.toArray() : c.largestEvent.toArray(); }
    }

    /** The columns of one policy's replicate rows that summaries need: two per replicate, the rest as running sums. */
    static final class PolicyColumns {
        static final int DIRECT = 0, BI = 1, CBI = 2, INSURED = 3, SECURITY = 4, POLICY_COST = 5, COMPROMISED = 6, DOWN = 7, UNINSURED = 8,
                PAID_BY_SELF = 9, PAID_BY_BUYERS = 10, PAID_BY_GOVERNMENT = 11, PAID_BY_POOL = 12, PREMIUMS = 13, POOL_PAYOUTS = 14,
                POOL_BALANCE = 15, POOL_RUINED = 16;
        final DoubleList total = new DoubleList(), largestEvent = new DoubleList(), insured = new DoubleList();
        private final double[] sums = new double[17];

        void add(ReplicateRow r) {
            total.add(r.totalLoss());
            largestEvent.add(r.largestEventLoss());
            insured.add(r.insuredLoss());
            double[] xs = {r.directLoss(), r.biLoss(), r.cbiLoss(), r.insuredLoss(), r.securitySpend(), r.policyCost(),
                    r.firmsCompromised(), r.firmsDown(), r.uninsuredLoss(), r.books().paidBySelf(), r.books().paidByBuyers(),
                    r.books().paidByGovernment(), r.books().paidByPool(), r.books().premiums(), r.books().poolPayouts(),
                    r.books().poolBalance(), r.books().poolRuined() ? 1 : 0};
            for (int k = 0; k < xs.length; k++) sums[k] += xs[k];
        }

        int size() { return total.size(); }

        /**
         * Indirect to direct losses as Inoue &amp; Todo (2019) compare them: CBI over the compromised firms'
         * own losses (direct + BI), as a ratio of means; NaN when those are 0.
         */
        double cbiToDirectRatio() {
            double own = sums[DIRECT] + sums[BI];
            return own > 0 ? sums[CBI] / own : Double.NaN;
        }

        /** Mean of a summed column, in replicate order. */
        double mean(int column) { return size() == 0 ? Double.NaN : sums[column] / size(); }
    }

    /** A growable primitive double array. */
    static final class DoubleList {
        private double[] xs = new double[64];
        private int n;

        void add(double x) {
            if (n == xs.length) xs = java.util.Arrays.copyOf(xs, n * 2);
            xs[n++] = x;
        }

        int size() { return n; }

        double[] toArray() { return java.util.Arrays.copyOf(xs, n); }
    }
}
