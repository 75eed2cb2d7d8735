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
import weaklink.experiment.Csv;
import weaklink.experiment.Json;
import weaklink.experiment.ReplicateRow;
import weaklink.experiment.Runner;
import weaklink.stats.Sample;

/**
 * Makes the summary files of a results folder from its {@code replicates.csv} and
 * {@code accumulators.json}: {@code summary.csv}. Both {@code run} and {@code merge} end here, so
 * a merged run and an unsharded run give the same bytes.
 */
public final class ResultsFinalizer {
    public static final String SUMMARY = "summary.csv";
    public static final List<String> SUMMARY_COLUMNS = List.of("policy", "replicates", "mean_loss", "se_loss", "ci95_low",
            "ci95_high", "p50", "p90", "p99", "var_99_5", "tvar_99_5", "mean_direct_loss", "mean_bi_loss", "mean_cbi_loss",
            "mean_insured_loss", "mean_security_spend", "mean_policy_cost", "mean_societal_cost", "mean_firms_compromised",
            "mean_firms_down", "diff_vs_baseline", "diff_ci95_low", "diff_ci95_high");

    private ResultsFinalizer() {}

    public static void finish(Path dir) throws IOException {
        JsonNode manifest = Json.read(dir.resolve(Runner.MANIFEST));
        List<String> policies = new ArrayList<>();
        manifest.path("policies").forEach(p -> policies.add(p.asText()));
        String baseline = manifest.path("baseline").asText(policies.get(0));
        Map<String, Columns> byPolicy = readReplicates(dir.resolve(Runner.REPLICATES), policies);
        writeSummary(dir.resolve(SUMMARY), policies, baseline, byPolicy);
    }

    /** The replicate rows of each policy, as columns, in replicate order. */
    static Map<String, Columns> readReplicates(Path file, List<String> policies) throws IOException {
        Map<String, Columns> out = new LinkedHashMap<>();
        for (String p : policies) out.put(p, new Columns());
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.equals(ReplicateRow.header())) throw new IOException(file + ": unexpected header");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) continue;
                ReplicateRow row = ReplicateRow.parse(line);
                Columns c = out.get(row.policy());
                if (c == null) throw new IOException(file + ": row for unknown policy " + row.policy());
                c.add(row);
            }
        }
        return out;
    }

    private static void writeSummary(Path file, List<String> policies, String baseline, Map<String, Columns> data) throws IOException {
        Columns base = data.get(baseline);
        StringBuilder sb = new StringBuilder(String.join(",", SUMMARY_COLUMNS)).append('\n');
        for (String p : policies) {
            Columns c = data.get(p);
            Sample total = new Sample(c.total.toArray());
            double half = total.ciHalfWidth(0.95);
            double[] diff = c.total.minus(base.total);
            Sample d = new Sample(diff);
            double dHalf = d.ciHalfWidth(0.95);
            double security = mean(c.security.toArray());
            List<String> cells = List.of(Csv.text(p), Integer.toString(total.size()), Csv.money(total.mean()),
                    Csv.money(total.standardError()), Csv.money(total.mean() - half), Csv.money(total.mean() + half),
                    Csv.money(total.quantile(0.5)), Csv.money(total.quantile(0.9)), Csv.money(total.quantile(0.99)),
                    Csv.money(total.valueAtRisk(0.995)), Csv.money(total.tailValueAtRisk(0.995)),
                    Csv.money(mean(c.direct.toArray())), Csv.money(mean(c.bi.toArray())), Csv.money(mean(c.cbi.toArray())),
                    Csv.money(mean(c.insured.toArray())), Csv.money(security), Csv.money(mean(c.policyCost.toArray())),
                    Csv.money(total.mean() + security), Csv.number(mean(c.compromised.toArray())), Csv.number(mean(c.down.toArray())),
                    Csv.money(d.mean()), Csv.money(p.equals(baseline) ? 0 : d.mean() - dHalf), Csv.money(p.equals(baseline) ? 0 : d.mean() + dHalf));
            sb.append(String.join(",", cells)).append('\n');
        }
        weaklink.experiment.AtomicFile.writeString(file, sb.toString());
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return xs.length == 0 ? Double.NaN : s / xs.length;
    }

    /** Growable columns of one policy's replicate rows. */
    static final class Columns {
        final DoubleList replicate = new DoubleList(), total = new DoubleList(), direct = new DoubleList(), bi = new DoubleList(),
                cbi = new DoubleList(), insured = new DoubleList(), security = new DoubleList(), policyCost = new DoubleList(),
                compromised = new DoubleList(), down = new DoubleList(), largestEvent = new DoubleList();

        void add(ReplicateRow r) {
            replicate.add(r.replicate());
            total.add(r.totalLoss());
            direct.add(r.directLoss());
            bi.add(r.biLoss());
            cbi.add(r.cbiLoss());
            insured.add(r.insuredLoss());
            security.add(r.securitySpend());
            policyCost.add(r.policyCost());
            compromised.add(r.firmsCompromised());
            down.add(r.firmsDown());
            largestEvent.add(r.largestEventLoss());
        }
    }

    /** A growable primitive double array. */
    static final class DoubleList {
        private double[] xs = new double[64];
        private int n;

        void add(double x) {
            if (n == xs.length) xs = java.util.Arrays.copyOf(xs, n * 2);
            xs[n++] = x;
        }

        double[] toArray() { return java.util.Arrays.copyOf(xs, n); }

        /** Element-wise difference; both lists hold the same replicates in the same order. */
        double[] minus(DoubleList other) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = xs[i] - other.xs[i];
            return d;
        }
    }
}
