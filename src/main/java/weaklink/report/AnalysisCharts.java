package weaklink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.experiment.Manifest;
import weaklink.scenario.BadInputException;
import weaklink.experiment.Sweep;

/**
 * Charts of the analyses beyond one run, into the analysis folder's {@code charts/}:
 * <ul>
 *   <li>a sweep: each headline figure against each swept parameter, one line per policy, with
 *       the 95 % interval of the mean where the figure has one ({@code sweep_<figure>_<parameter>});
 *       with several parameters, points that share a parameter value are averaged (the marginal
 *       mean), which is exact for grids;</li>
 *   <li>sensitivity: Sobol' first-order and total indices of the mean annual loss per parameter,
 *       one chart per policy ({@code sensitivity_<policy>});</li>
 *   <li>single points of failure: the firms with the highest expected network-wide loss ({@code spof}).</li>
 * </ul>
 * Each policy keeps its colour, fixed by its type and name ({@link Palette#policy}).
 */
public final class AnalysisCharts {
    private AnalysisCharts() {}

    /** Figures of sweep.csv drawn against the parameters, with their interval columns (or null). */
    static final String[][] SWEEP_FIGURES = {
            {SummaryColumn.MEAN_LOSS.header(), "Mean annual loss", SummaryColumn.CI95_LOW.header(), SummaryColumn.CI95_HIGH.header()},
            {SummaryColumn.VAR_99_5.header(), "1-in-200-year loss (VaR 99.5 %)", null, null},
            {SummaryColumn.MEAN_SOCIETAL_COST.header(), "Mean societal cost (losses + security spending)", null, null},
            {SummaryColumn.DIFF_VS_BASELINE.header(), "Mean loss difference against the baseline", SummaryColumn.DIFF_CI95_LOW.header(),
                    SummaryColumn.DIFF_CI95_HIGH.header()}};

    public static void sweep(Path dir) throws IOException, BadInputException {
        JsonNode design = Json.read(dir.resolve(Sweep.DESIGN));
        List<String> params = new ArrayList<>();
        design.path("parameters").forEach(p -> params.add(p.path("path").asText()));
        Manifest firstPoint = Manifest.read(dir.resolve("points/p0001"));
        String currency = firstPoint.currency();
        List<String> policies = firstPoint.policies();
        List<Map<String, String>> rows = rows(dir.resolve(Sweep.TABLE));
        Map<String, Integer> colours = Results.colours(Results.policyTypes(firstPoint, dir.resolve("points/p0001")), policies);
        costEffectivenessCurves(dir, policies, colours, rows, currency, params);
        for (String param : params) {
            if (!numeric(rows, param)) continue;
            for (String[] fig : SWEEP_FIGURES) {
                List<Charts.Line> lines = new ArrayList<>();
                for (int p = 0; p < policies.size(); p++) {
                    String policy = policies.get(p);
                    if (fig[0].equals(SummaryColumn.DIFF_VS_BASELINE.header()) && p == 0) continue;
                    TreeMap<Double, double[]> byX = new TreeMap<>();   // x -> sums of y, low, high and count
                    for (Map<String, String> r : rows) {
                        if (!policy.equals(r.get("policy"))) continue;
                        double[] acc = byX.computeIfAbsent(Double.parseDouble(r.get(param)), k -> new double[4]);
                        acc[0] += value(r, fig[0]);
                        acc[1] += fig[2] == null ? 0 : value(r, fig[2]);
                        acc[2] += fig[3] == null ? 0 : value(r, fig[3]);
                        acc[3]++;
                    }
                    int n = byX.size();
                    double[] x = new double[n], y = new double[n], lo = new double[n], hi = new double[n];
                    int i = 0;
                    for (var e : byX.entrySet()) {
                        double[] a = e.getValue();
                        x[i] = e.getKey();
                        y[i] = a[0] / a[3];
                        lo[i] = a[1] / a[3];
                        hi[i] = a[2] / a[3];
                        i++;
                    }
                    int colour = colours.get(policy);
                    lines.add(fig[2] == null ? Charts.Line.of(policy, colour, x, y) : new Charts.Line(policy, colour, x, y, lo, hi));
                }
                if (lines.isEmpty()) continue;
                String subtitle = (fig[2] == null ? "" : "Shaded: 95 % interval of the mean. ")
                        + (params.size() > 1 ? "Averaged over the other swept parameters." : "Common random numbers across points.");
                JFreeChart chart = Charts.lineWithInterval(fig[1] + " vs " + param, subtitle, Measure.number(param), false,
                        Measure.money(fig[1], currency), lines);
                Charts.save(chart, dir.resolve("charts"), "sweep_" + fig[0] + "_" + slug(param), Charts.WIDTH, Charts.HEIGHT);
            }
        }
    }

    /**
     * The sweep's cost-effectiveness curves ({@code sweep_cost_effectiveness}): per policy other than
     * the baseline, each point's mean policy cost (x) against the loss it avoids (y, {@code −diff_vs_baseline})
     * with the paired 95 % interval as a band, points joined in order of cost — how much more protection
     * each further yen of the swept lever buys.
     */
    static void costEffectivenessCurves(Path dir, List<String> policies, Map<String, Integer> colours, List<Map<String, String>> rows, String currency,
                                        List<String> params) throws IOException {
        List<Charts.Line> lines = new ArrayList<>();
        for (String policy : policies.subList(1, policies.size())) {
            TreeMap<Double, double[]> byCost = new TreeMap<>();
            for (Map<String, String> r : rows) {
                if (!policy.equals(r.get("policy"))) continue;
                double cost = value(r, "mean_policy_cost");
                if (Double.isNaN(cost)) continue;
                // points of equal cost (another parameter varied) are averaged, as the other sweep charts do
                double[] acc = byCost.computeIfAbsent(cost, k -> new double[4]);
                acc[0] -= value(r, "diff_vs_baseline");
                acc[1] -= value(r, "diff_ci95_high");
                acc[2] -= value(r, "diff_ci95_low");
                acc[3]++;
            }
            if (byCost.isEmpty()) continue;
            int n = byCost.size(), i = 0;
            double[] x = new double[n], y = new double[n], lo = new double[n], hi = new double[n];
            for (var e : byCost.entrySet()) {
                double[] a = e.getValue();
                x[i] = e.getKey();
                y[i] = a[0] / a[3];
                lo[i] = a[1] / a[3];
                hi[i] = a[2] / a[3];
                i++;
            }
            lines.add(new Charts.Line(policy, colours.get(policy), x, y, lo, hi));
        }
        if (lines.isEmpty()) return;
        JFreeChart chart = Charts.lineWithInterval("Cost-effectiveness across the sweep",
                "Each point of the sweep (" + String.join(", ", params) + "): mean annual policy cost against the loss avoided relative to "
                        + policies.get(0) + "; shaded: paired 95 % interval; points of equal cost averaged.", Measure.money("Mean annual policy cost", currency), false,
                Measure.money("Loss avoided a year", currency), lines);
        Charts.save(chart, dir.resolve("charts"), "sweep_cost_effectiveness", Charts.WIDTH, Charts.HEIGHT);
    }

    public static void sensitivity(Path dir) throws IOException {
        Path file = dir.resolve(SensitivityReport.FILE);
        if (!Files.isRegularFile(file)) return;
        Map<String, List<Map<String, String>>> byPolicy = new LinkedHashMap<>();
        for (Map<String, String> r : rows(file)) {
            if ("mean_loss".equals(r.get("output"))) byPolicy.computeIfAbsent(r.get("policy"), k -> new ArrayList<>()).add(r);
        }
        for (var e : byPolicy.entrySet()) {
            List<String> params = new ArrayList<>();
            double[] first = new double[e.getValue().size()], total = new double[e.getValue().size()];
            for (int i = 0; i < first.length; i++) {
                Map<String, String> r = e.getValue().get(i);
                params.add(r.get("parameter"));
                first[i] = value(r, "first_order");
                total[i] = value(r, "total");
            }
            JFreeChart chart = Charts.bars("Sensitivity of the mean annual loss: " + e.getKey(),
                    "Sobol' indices (Saltelli design; Saltelli 2010 and Jansen estimators)", "Parameter", params,
                    Measure.number("Share of variance"),
                    List.of(new Charts.BarSeries("First-order index", 0, first), new Charts.BarSeries("Total index", 1, total)), true);
            Charts.save(chart, dir.resolve("charts"), "sensitivity_" + slug(e.getKey()), Charts.WIDTH, Charts.HEIGHT);
        }
    }

    /**
     * Horizontal bars of the (at most 20) firms with the highest expected network-wide loss, each with
     * the 95 % interval of spof.csv ({@code ci95_low}, {@code ci95_high}: a Student-t interval, so
     * symmetric, and redrawn exactly as mean ± half-width).
     */
    public static void spof(Path dir, String currency) throws IOException {
        List<Map<String, String>> rows = rows(dir.resolve(SpofReport.TABLE));
        int n = Math.min(20, rows.size());
        org.jfree.data.statistics.DefaultStatisticalCategoryDataset data = new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        for (int i = 0; i < n; i++) {
            Map<String, String> r = rows.get(i);
            double mean = value(r, "mean_network_loss"), lo = value(r, "ci95_low"), hi = value(r, "ci95_high");
            data.add(mean, Double.isNaN(lo) ? 0 : (hi - lo) / 2, "Mean network loss",
                    r.get("name") + " (tier " + r.get("tier") + ", " + r.get("size_class") + ")");
        }
        org.jfree.chart.renderer.category.StatisticalBarRenderer bars = Charts.flatBars(new org.jfree.chart.renderer.category.StatisticalBarRenderer());
        bars.setSeriesPaint(0, Palette.translucent(Palette.series(4), 0.55));
        bars.setMaximumBarWidth(0.6);
        bars.setErrorIndicatorPaint(Palette.INK);
        bars.setErrorIndicatorStroke(new java.awt.BasicStroke(1.5f));
        org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(data, Charts.categoryAxis("Firm"),
                Charts.numberAxis(Measure.money("Expected network-wide loss, 95 % interval", currency), true), bars);
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
        Charts.style(plot);
        JFreeChart chart = Charts.chart("Single points of failure",
                "Expected network-wide loss when the firm alone is hit by ransomware, with its 95 % interval over the replicates", plot, false);
        Charts.save(chart, dir.resolve("charts"), "spof", Charts.WIDTH, Math.max(Charts.HEIGHT, 120 + 28 * n));
    }

    private static boolean numeric(List<Map<String, String>> rows, String column) {
        for (Map<String, String> r : rows) {
            try {
                Double.parseDouble(r.get(column));
            } catch (RuntimeException e) {
                return false;
            }
        }
        return !rows.isEmpty();
    }

    private static double value(Map<String, String> r, String column) {
        String v = r.get(column);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static List<Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Csv.split(lines.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Csv.split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) row.put(header.get(i), cells.get(i));
            out.add(row);
        }
        return out;
    }
}
