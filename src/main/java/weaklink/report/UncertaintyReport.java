package weaklink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import weaklink.experiment.Runner;
import weaklink.experiment.UncertaintyRun;
import weaklink.experiment.ResultsStore;
import weaklink.io.AtomicFile;
import weaklink.io.CsvColumn;
import weaklink.io.CsvFormat;
import weaklink.io.CsvTable;
import weaklink.io.Json;
import weaklink.scenario.BadInputException;
import weaklink.stats.BestChoice;
import weaklink.stats.Sample;

/**
 * The results of an uncertainty run (a scenario with an {@code uncertainty:} block), from its draws'
 * folders alone: {@code uncertainty.csv} (each draw's headline figures per policy),
 * {@code uncertainty_parameters.csv} (each draw's input values), {@code uncertainty_summary.csv}
 * (per policy, the distribution of its paired differences across draws, its probability of being
 * best, its regret) and {@code uncertainty_rankings.csv} (each ranking by societal cost and how
 * often it occurs), the charts {@code uncertainty_differences} and {@code regret}, and
 * {@code report.html}. A merged run and an unsharded one give the same bytes, as both end here.
 *
 * <p>Best and regret follow robust decision making's usage (Lempert, Popper &amp; Bankes 2003):
 * in each draw the policy with the lowest mean societal cost is best (ties share the draw); a
 * policy's regret in a draw is its mean societal cost minus the best's; minimax regret ranks
 * policies by their largest regret over the draws ({@link BestChoice#acrossDraws}).
 */
public final class UncertaintyReport {
    public static final String DRAWS_TABLE = "uncertainty.csv", PARAMETERS = "uncertainty_parameters.csv",
            SUMMARY = "uncertainty_summary.csv", RANKINGS = "uncertainty_rankings.csv";

    /** One (draw, policy): the draw's summary row and where the policy stands in that draw. */
    record DrawRow(int draw, String policy, Map<SummaryColumn, Double> s, double best, double regret) {
        double v(SummaryColumn c) { return s.get(c); }
    }

    /** One draw's value of one uncertain input. */
    record ParameterRow(int draw, String parameter, double value) {}

    /** One policy's figures across the draws. */
    record PolicyRow(String policy, int draws, Sample diffSocietal, Sample diffLoss, double probLower, double probBest, double meanRegret,
                     double maxRegret, int minimaxRank) {}

    /** One ranking by mean societal cost and its share of the draws. */
    record RankingRow(String ranking, int draws, double probability) {}

    static final CsvTable<DrawRow> DRAW_TABLE = new CsvTable<>(DRAWS_TABLE,
            "One row per (draw, policy): the draw's headline figures (as in its `draws/dNNNN/summary.csv`) and where the policy stands in it.",
            List.of(CsvColumn.of("draw", CsvFormat.INTEGER, r -> r.draw, "the draw, from 1 (its folder is `draws/dNNNN`)"),
                    CsvColumn.text("policy", r -> r.policy, "policy"),
                    col("mean_loss", SummaryColumn.MEAN_LOSS, "mean annual loss in the draw"),
                    col("mean_societal_cost", SummaryColumn.MEAN_SOCIETAL_COST, "mean annual societal cost (losses + all security spending)"),
                    col("mean_policy_cost", SummaryColumn.MEAN_POLICY_COST, "mean annual policy cost"),
                    col("diff_vs_baseline", SummaryColumn.DIFF_VS_BASELINE, "paired change in loss against the baseline"),
                    col("diff_ci95_low", SummaryColumn.DIFF_CI95_LOW, "its paired 95 % interval (Monte Carlo error within the draw), lower end"),
                    col("diff_ci95_high", SummaryColumn.DIFF_CI95_HIGH, "upper end"),
                    col("diff_societal_cost", SummaryColumn.DIFF_SOCIETAL_COST, "paired change in societal cost against the baseline"),
                    col("diff_societal_ci95_low", SummaryColumn.DIFF_SOCIETAL_CI95_LOW, "its paired 95 % interval within the draw, lower end"),
                    col("diff_societal_ci95_high", SummaryColumn.DIFF_SOCIETAL_CI95_HIGH, "upper end"),
                    CsvColumn.of("loss_avoided_per_yen", CsvFormat.NUMBER, r -> r.v(SummaryColumn.LOSS_AVOIDED_PER_YEN), "loss avoided per yen of policy cost"),
                    col("net_benefit", SummaryColumn.NET_BENEFIT, "`−diff_societal_cost`"),
                    CsvColumn.of("prob_best", CsvFormat.NUMBER, r -> r.v(SummaryColumn.PROB_BEST), "probability best within the draw (Monte Carlo error only)"),
                    CsvColumn.of("best", CsvFormat.NUMBER, r -> r.best, "1 if the policy has the draw's lowest mean societal cost (1/k when k tie), else 0"),
                    CsvColumn.of("regret", CsvFormat.MONEY, r -> r.regret, "its mean societal cost minus the draw's lowest")));

    static final CsvTable<ParameterRow> PARAMETER_TABLE = new CsvTable<>(PARAMETERS, "One row per (draw, uncertain input): the value the draw gave it.",
            List.of(CsvColumn.of("draw", CsvFormat.INTEGER, r -> r.draw, "the draw, from 1"),
                    CsvColumn.text("parameter", r -> r.parameter, "the input's key path in the scenario, as in the `uncertainty:` block"),
                    CsvColumn.of("value", CsvFormat.NUMBER, r -> r.value, "its value in the draw (the inverse CDF of the draw's uniform)")));

    static final CsvTable<PolicyRow> SUMMARY_TABLE = new CsvTable<>(SUMMARY, "One row per policy: its figures across the draws.",
            List.of(CsvColumn.text("policy", r -> r.policy, "policy"),
                    CsvColumn.of("draws", CsvFormat.INTEGER, r -> r.draws, "draws summarised"),
                    CsvColumn.of("mean_diff_societal_cost", CsvFormat.MONEY, r -> r.diffSocietal.mean(), "mean over draws of `diff_societal_cost`"),
                    CsvColumn.of("diff_societal_p05", CsvFormat.MONEY, r -> r.diffSocietal.quantile(0.05), "its 5 % quantile across draws (type 1)"),
                    CsvColumn.of("diff_societal_p50", CsvFormat.MONEY, r -> r.diffSocietal.quantile(0.5), "its median across draws"),
                    CsvColumn.of("diff_societal_p95", CsvFormat.MONEY, r -> r.diffSocietal.quantile(0.95), "its 95 % quantile across draws"),
                    CsvColumn.of("prob_lower_societal_cost", CsvFormat.NUMBER, r -> r.probLower, "share of draws in which `diff_societal_cost` < 0"),
                    CsvColumn.of("mean_diff_vs_baseline", CsvFormat.MONEY, r -> r.diffLoss.mean(), "mean over draws of `diff_vs_baseline` (loss)"),
                    CsvColumn.of("diff_vs_baseline_p05", CsvFormat.MONEY, r -> r.diffLoss.quantile(0.05), "its 5 % quantile across draws"),
                    CsvColumn.of("diff_vs_baseline_p95", CsvFormat.MONEY, r -> r.diffLoss.quantile(0.95), "its 95 % quantile across draws"),
                    CsvColumn.of("prob_best", CsvFormat.NUMBER, r -> r.probBest, "share of draws in which the policy has the lowest mean societal cost (ties shared)"),
                    CsvColumn.of("mean_regret", CsvFormat.MONEY, r -> r.meanRegret, "mean over draws of `regret`"),
                    CsvColumn.of("max_regret", CsvFormat.MONEY, r -> r.maxRegret, "largest `regret` over the draws"),
                    CsvColumn.of("minimax_regret_rank", CsvFormat.INTEGER, r -> r.minimaxRank, "rank by `max_regret`, 1 = the minimax-regret choice")));

    static final CsvTable<RankingRow> RANKING_TABLE = new CsvTable<>(RANKINGS,
            "One row per ranking of the policies by mean societal cost that occurred in some draw, most frequent first.",
            List.of(CsvColumn.text("ranking", r -> r.ranking, "the policies from lowest to highest mean societal cost, joined by ` < `"),
                    CsvColumn.of("draws", CsvFormat.INTEGER, r -> r.draws, "draws with this ranking"),
                    CsvColumn.of("probability", CsvFormat.NUMBER, r -> r.probability, "`draws` / all draws")));

    private static CsvColumn<DrawRow> col(String name, SummaryColumn c, String meaning) {
        return CsvColumn.of(name, CsvFormat.MONEY, r -> r.v(c), meaning);
    }

    /** The tables, for docs/OUTPUTS.md. */
    static List<CsvTable<?>> tables() { return List.of(DRAW_TABLE, PARAMETER_TABLE, SUMMARY_TABLE, RANKING_TABLE); }

    private UncertaintyReport() {}

    /** The figures of a finished uncertainty run's folder. */
    static final class Figures {
        final Path dir;
        final JsonNode manifest;
        final List<String> policies = new ArrayList<>();
        final String baseline, currency;
        final int draws, replicates;
        final List<String> parameters = new ArrayList<>();
        final List<DrawRow> rows = new ArrayList<>();
        final List<ParameterRow> values = new ArrayList<>();
        final List<PolicyRow> summary = new ArrayList<>();
        final List<RankingRow> rankings = new ArrayList<>();
        final Map<String, Integer> colours = new LinkedHashMap<>();

        Figures(Path dir) throws IOException, BadInputException {
            this.dir = dir;
            this.manifest = Json.read(dir.resolve(Runner.MANIFEST));
            manifest.path("policies").forEach(p -> policies.add(p.asText()));
            manifest.path("parameters").forEach(p -> parameters.add(p.path("path").asText()));
            baseline = manifest.path("baseline").asText();
            currency = manifest.path("currency").asText("JPY");
            draws = manifest.path("draws").asInt();
            replicates = manifest.path("replicates").asInt();
            double[][] societal = new double[policies.size()][draws];
            List<Map<String, Map<SummaryColumn, Double>>> perDraw = new ArrayList<>();
            for (int d = 0; d < draws; d++) {
                Results r = Results.read(UncertaintyRun.drawDir(dir, d));
                if (d == 0) for (String p : policies) colours.put(p, r.colour(p));
                perDraw.add(r.summary);
                for (int i = 0; i < policies.size(); i++) societal[i][d] = r.summary.get(policies.get(i)).get(SummaryColumn.MEAN_SOCIETAL_COST);
                JsonNode drawn = Json.read(UncertaintyRun.drawDir(dir, d).resolve(Runner.MANIFEST)).path("uncertainty_values");
                for (String p : parameters) values.add(new ParameterRow(d + 1, p, drawn.path(p).asDouble(Double.NaN)));
            }
            BestChoice.AcrossDraws across = BestChoice.acrossDraws(societal);
            Map<String, Integer> rankingCounts = new LinkedHashMap<>();
            for (int d = 0; d < draws; d++) {
                double[] column = new double[policies.size()];
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < column.length; i++) best = Math.min(best, column[i] = societal[i][d]);
                int ties = 0;
                for (double c : column) if (c == best) ties++;
                for (int i = 0; i < policies.size(); i++) {
                    rows.add(new DrawRow(d + 1, policies.get(i), perDraw.get(d).get(policies.get(i)), column[i] == best ? 1.0 / ties : 0,
                            across.regret()[i][d]));
                }
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < column.length; i++) order.add(i);
                order.sort(Comparator.comparingDouble((Integer i) -> column[i]).thenComparingInt(i -> i));
                rankingCounts.merge(String.join(" < ", order.stream().map(policies::get).toList()), 1, Integer::sum);
            }
            rankingCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> rankings.add(new RankingRow(e.getKey(), e.getValue(), (double) e.getValue() / draws)));
            for (int i = 0; i < policies.size(); i++) {
                double[] ds = new double[draws], dl = new double[draws];
                int lower = 0;
                for (int d = 0; d < draws; d++) {
                    ds[d] = perDraw.get(d).get(policies.get(i)).get(SummaryColumn.DIFF_SOCIETAL_COST);
                    dl[d] = perDraw.get(d).get(policies.get(i)).get(SummaryColumn.DIFF_VS_BASELINE);
                    if (ds[d] < 0) lower++;
                }
                int rank = 1;
                for (int j = 0; j < policies.size(); j++) {
                    if (across.maxRegret()[j] < across.maxRegret()[i] || (across.maxRegret()[j] == across.maxRegret()[i] && j < i)) rank++;
                }
                summary.add(new PolicyRow(policies.get(i), draws, new Sample(ds), new Sample(dl), (double) lower / draws, across.probabilityBest()[i],
                        across.meanRegret()[i], across.maxRegret()[i], rank));
            }
        }

        int colour(String policy) { return colours.getOrDefault(policy, 0); }

        PolicyRow row(String policy) {
            return summary.stream().filter(r -> r.policy.equals(policy)).findFirst().orElseThrow();
        }
    }

    /**
     * The top folder's report as an uncertainty run's command calls for it: every file {@link #finish} may
     * write, then the writing, on the calling thread; {@code threads} is what the store hashes the files
     * with when the folder is complete (the command's {@code --threads}).
     */
    public static ResultsStore.Summariser summariser(int threads) {
        return new ResultsStore.Summariser() {
            @Override public List<String> outputs() {
                List<String> out = new ArrayList<>();
                for (CsvTable<?> t : tables()) out.add(t.file());
                for (String chart : List.of("uncertainty_differences", "regret")) {
                    out.add(ReportWriter.CHARTS + "/" + chart + ".png");
                    out.add(ReportWriter.CHARTS + "/" + chart + ".svg");
                }
                out.add(ReportWriter.REPORT);
                return out;
            }

            @Override public int threads() { return threads; }

            @Override public void summarise(Path dir) throws IOException { finish(dir); }
        };
    }

    /** Writes the tables, charts and report of the uncertainty run in {@code dir}. */
    public static void finish(Path dir) throws IOException {
        Figures f;
        try {
            f = new Figures(dir);
        } catch (BadInputException e) {
            throw new IOException("uncertainty run written with a broken contract: " + e.getMessage(), e);
        }
        AtomicFile.writeString(dir.resolve(DRAWS_TABLE), DRAW_TABLE.render(f.rows));
        AtomicFile.writeString(dir.resolve(PARAMETERS), PARAMETER_TABLE.render(f.values));
        AtomicFile.writeString(dir.resolve(SUMMARY), SUMMARY_TABLE.render(f.summary));
        AtomicFile.writeString(dir.resolve(RANKINGS), RANKING_TABLE.render(f.rankings));
        JFreeChart differences = differencesChart(f), regret = regretChart(f);
        int h1 = Math.max(420, 200 + 60 * f.policies.size()), h2 = Math.max(360, 180 + 50 * f.policies.size());
        Charts.save(differences, dir.resolve(ReportWriter.CHARTS), "uncertainty_differences", Charts.WIDTH, h1);
        Charts.save(regret, dir.resolve(ReportWriter.CHARTS), "regret", Charts.WIDTH, h2);
        AtomicFile.writeString(dir.resolve(ReportWriter.REPORT), page(f, Charts.png(differences, Charts.WIDTH, h1), h1, Charts.png(regret, Charts.WIDTH, h2), h2));
    }

    /** The answer in words: which policy is best across draws, how its difference spreads, minimax regret, the likeliest ranking. */
    static List<String> sentences(Figures f) {
        Measure money = Measure.moneyText(f.currency);
        PolicyRow top = f.summary.stream().max(Comparator.comparingDouble((PolicyRow r) -> r.probBest)).orElseThrow();
        PolicyRow minimax = f.summary.stream().filter(r -> r.minimaxRank == 1).findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        String what = (f.manifest.path("network_draws").asBoolean() ? "the network" : "")
                + (f.manifest.path("network_draws").asBoolean() && !f.parameters.isEmpty() ? " and " : "")
                + (f.parameters.isEmpty() ? "" : f.parameters.size() + " uncertain input" + (f.parameters.size() > 1 ? "s" : "") + " (" + String.join(", ", f.parameters) + ")");
        String s = String.format("Across %d draws of %s, %s has the lowest societal cost in %s of draws", f.draws, what, top.policy,
                Headline.percent(top.probBest));
        if (!top.policy.equals(f.baseline)) {
            s += String.format("; its change against %s is %s in the median draw and between %s and %s in 90 %% of draws", f.baseline,
                    Headline.signed(money, top.diffSocietal.quantile(0.5)), Headline.signed(money, top.diffSocietal.quantile(0.05)),
                    Headline.signed(money, top.diffSocietal.quantile(0.95)));
        }
        out.add(s + ".");
        out.add(String.format("Minimax regret: %s, at worst %s a year above the best policy of a draw.", minimax.policy, money.write(minimax.maxRegret)));
        RankingRow likeliest = f.rankings.get(0);
        out.add(String.format("The most frequent ranking, %s, occurs in %s of draws.", likeliest.ranking, Headline.percent(likeliest.probability)));
        return out;
    }

    static List<String> caveats(Figures f) {
        return List.of(String.format("Each draw's figures carry the Monte Carlo error of its %,d replicates (see uncertainty.csv's intervals); "
                + "the spread across draws adds the uncertainty of the drawn inputs, which the distributions in the scenario's "
                + "'uncertainty:' block express (cited there or marked as assumptions).", f.replicates),
                f.draws < 20 ? "With fewer than 20 draws the 5 % and 95 % quantiles across draws are the smallest and largest values." : "");
    }

    private static JFreeChart differencesChart(Figures f) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        List<String> shown = new ArrayList<>();
        for (PolicyRow r : f.summary) {
            if (r.policy.equals(f.baseline)) continue;
            Sample s = r.diffSocietal;
            boxes.add(new BoxAndWhiskerItem(s.mean(), s.quantile(0.5), s.quantile(0.25), s.quantile(0.75), s.quantile(0.05), s.quantile(0.95),
                    s.quantile(0), s.quantile(1), List.of()), "change in societal cost", r.policy);
            shown.add(r.policy);
        }
        BoxAndWhiskerRenderer box = new BoxAndWhiskerRenderer() {
            @Override public Paint getItemPaint(int row, int column) { return Palette.translucent(Palette.series(f.colour(shown.get(column))), 0.4); }
            @Override public Paint getItemOutlinePaint(int row, int column) { return Palette.series(f.colour(shown.get(column))); }
        };
        box.setUseOutlinePaintForWhiskers(true);
        box.setDefaultOutlineStroke(new BasicStroke(1.8f));
        box.setMeanVisible(false);
        box.setMaxOutlierVisible(false);
        box.setMinOutlierVisible(false);
        box.setMaximumBarWidth(0.2);
        CategoryPlot plot = new CategoryPlot(boxes, Charts.categoryAxis("Policy"),
                Charts.numberAxis(Measure.money("Change in societal cost vs " + f.baseline, f.currency), true), box);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.addRangeMarker(new ValueMarker(0, Palette.INK, new BasicStroke(1.2f)));
        Charts.style(plot);
        return Charts.chart("How each policy's effect varies with the uncertain inputs",
                "The paired change in mean societal cost against " + f.baseline + " in each of " + f.draws + " draws: box 25th–75th percentile, "
                        + "line median, whiskers 5th–95th percentile. Left of the line: lower.", plot, false);
    }

    private static JFreeChart regretChart(Figures f) {
        double[] max = new double[f.summary.size()], mean = new double[f.summary.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < f.summary.size(); i++) {
            names.add(f.summary.get(i).policy);
            max[i] = f.summary.get(i).maxRegret;
            mean[i] = f.summary.get(i).meanRegret;
        }
        return Charts.bars("Regret: how much worse than the best policy of each draw",
                "Largest and mean regret over " + f.draws + " draws (mean societal cost minus the draw's lowest). Minimax regret picks the "
                        + "policy with the smallest largest regret.", "Policy", names, Measure.money("Regret a year", f.currency),
                List.of(new Charts.BarSeries("largest regret", 5, max), new Charts.BarSeries("mean regret", 2, mean)), true);
    }

    private static String page(Figures f, byte[] differences, int h1, byte[] regret, int h2) {
        Measure money = Measure.moneyText(f.currency);
        String name = f.manifest.path("scenario_name").asText("scenario");
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>WeakLink uncertainty report: ")
                .append(Html.escape(name)).append("</title>\n<style>\n").append(Html.STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>WeakLink uncertainty report: ").append(Html.escape(name)).append("</h1>\n");
        h.append("<p class=\"meta\">").append(Html.escape(String.format("%,d draws × %,d replicates per policy · master seed %d · weaklink %s",
                f.draws, f.replicates, f.manifest.path("seed").asLong(), f.manifest.path("version").asText("?")))).append("</p>\n");
        h.append("<section id=\"answer\">\n<p class=\"lead\">").append(Html.escape(String.join(" ", sentences(f)))).append("</p>\n<ul class=\"caveats\">\n");
        for (String c : caveats(f)) if (!c.isEmpty()) h.append("<li>").append(Html.escape(c)).append("</li>\n");
        h.append("</ul>\n</section>\n<section id=\"policies\">\n<h2>Policies across the draws</h2>\n<div class=\"scroll\"><table>\n<thead><tr>");
        for (String c : List.of("Policy", "Probability best", "Change in societal cost: median (5 %–95 % of draws)", "Share of draws lower",
                "Change in loss: median (5 %–95 %)", "Mean regret", "Largest regret", "Minimax-regret rank")) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        List<PolicyRow> byBest = new ArrayList<>(f.summary);
        byBest.sort(Comparator.comparingDouble((PolicyRow r) -> -r.probBest).thenComparingInt(r -> r.minimaxRank));
        for (PolicyRow r : byBest) {
            h.append("<tr><th scope=\"row\">").append(Html.swatch(f.colour(r.policy))).append(Html.escape(r.policy))
                    .append(r.policy.equals(f.baseline) ? " <em>(baseline)</em>" : "").append("</th>");
            Html.cell(h, Headline.percent(r.probBest), null);
            boolean base = r.policy.equals(f.baseline);
            Html.cell(h, base ? "baseline" : Headline.signed(money, r.diffSocietal.quantile(0.5)),
                    base ? null : Headline.signed(money, r.diffSocietal.quantile(0.05)) + " to " + Headline.signed(money, r.diffSocietal.quantile(0.95)));
            Html.cell(h, base ? "–" : Headline.percent(r.probLower), null);
            Html.cell(h, base ? "baseline" : Headline.signed(money, r.diffLoss.quantile(0.5)),
                    base ? null : Headline.signed(money, r.diffLoss.quantile(0.05)) + " to " + Headline.signed(money, r.diffLoss.quantile(0.95)));
            Html.cell(h, money.write(r.meanRegret), null);
            Html.cell(h, money.write(r.maxRegret), null);
            Html.cell(h, Integer.toString(r.minimaxRank), null);
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n<section id=\"rankings\">\n<h2>Rankings by societal cost</h2>\n<table>\n<thead><tr>"
                + "<th>Ranking (lowest societal cost first)</th><th>Draws</th><th>Probability</th></tr></thead>\n<tbody>\n");
        for (RankingRow r : f.rankings.subList(0, Math.min(10, f.rankings.size()))) {
            h.append("<tr><th scope=\"row\">").append(Html.escape(r.ranking)).append("</th>");
            Html.cell(h, Integer.toString(r.draws), null);
            Html.cell(h, Headline.percent(r.probability), null);
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (f.rankings.size() > 10) h.append("<p class=\"note\">").append(f.rankings.size() - 10).append(" rarer rankings: see uncertainty_rankings.csv.</p>\n");
        h.append("</section>\n<section id=\"charts\">\n<h2>Charts</h2>\n");
        figure(h, "uncertainty_differences", "Effects across the draws", differences, h1);
        figure(h, "regret", "Regret", regret, h2);
        h.append("</section>\n<section id=\"files\">\n<h2>Data files</h2>\n<ul>\n");
        for (String[] e : new String[][] {{SUMMARY, "one row per policy: the figures above"}, {DRAWS_TABLE, "one row per draw and policy"},
                {PARAMETERS, "each draw's values of the uncertain inputs"}, {RANKINGS, "every ranking that occurred and its probability"},
                {Runner.MANIFEST, "how the run was made"}}) {
            h.append("<li><a href=\"").append(e[0]).append("\">").append(e[0]).append("</a>: ").append(Html.escape(e[1])).append("</li>\n");
        }
        h.append("<li>").append(Html.escape(UncertaintyRun.DRAWS)).append("/dNNNN/: each draw's full results folder (summary.csv, replicates.csv, …)</li>\n");
        return h.append("</ul>\n</section>\n</main>\n</body>\n</html>\n").toString();
    }

    private static void figure(StringBuilder h, String name, String heading, byte[] png, int height) {
        h.append("<figure id=\"").append(name).append("\">\n<h3>").append(Html.escape(heading)).append("</h3>\n<img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\" width=\"").append(Charts.WIDTH).append("\" height=\"").append(height)
                .append("\" alt=\"").append(Html.escape(heading)).append("\">\n<figcaption><span class=\"files\">Files: <a href=\"charts/").append(name)
                .append(".svg\">SVG</a> · <a href=\"charts/").append(name).append(".png\">PNG</a></span></figcaption>\n</figure>\n");
    }

    /** The console's summary of an uncertainty run: the sentences, then one line per policy. */
    public static List<String> consoleLines(Path dir) throws IOException, BadInputException {
        Figures f = new Figures(dir);
        Measure money = Measure.moneyText(f.currency);
        List<String> out = new ArrayList<>(sentences(f));
        out.add("");
        out.add(String.format("%-22s %9s %36s %12s %12s %8s", "policy", "P(best)", "societal cost vs " + f.baseline + ": median [5%, 95%]",
                "mean regret", "max regret", "minimax"));
        for (PolicyRow r : f.summary) {
            boolean base = r.policy.equals(f.baseline);
            out.add(String.format("%-22s %9s %36s %12s %12s %8d", r.policy, Headline.percent(r.probBest), base ? "baseline"
                    : Headline.signed(money, r.diffSocietal.quantile(0.5)) + " [" + Headline.signed(money, r.diffSocietal.quantile(0.05)) + ", "
                    + Headline.signed(money, r.diffSocietal.quantile(0.95)) + "]", money.write(r.meanRegret), money.write(r.maxRegret), r.minimaxRank));
        }
        for (String c : caveats(f)) if (!c.isEmpty()) out.add("Note: " + c);
        return out;
    }
}
