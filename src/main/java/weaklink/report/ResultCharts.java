package weaklink.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.data.xy.XYSeriesCollection;
import weaklink.stats.MeanInterval;
import weaklink.stats.Sample;

/**
 * The standard charts of a results folder (DESIGN §4 {@code charts/}), each from {@link Results}.
 * A policy is drawn in its colour ({@link Results#colour}, by type and name) everywhere.
 *
 * <p>Why one class of about 400 lines: it is a list of independent chart methods, one per file of
 * {@code charts/}, each reading {@link Results} and drawing with {@link Charts}; they share nothing
 * else, so a reader finds a chart by its name here. When it grows, split it by chart family
 * (losses and intervals; cost-effectiveness; time and groups), not by helper.
 */
final class ResultCharts {
    private ResultCharts() {}

    private static Measure money(Results r, String label) {
        return Measure.money(label, r.currency);
    }

    private static String years(Results r) {
        double n = r.summary.get(r.policies.get(0)).get(SummaryColumn.REPLICATES);
        return String.format("%,d simulated years per policy", (long) n);
    }

    /**
     * Mean annual network loss with its 95 % confidence interval (left) beside mean annual
     * security spending stacked by who pays (right), one row per policy.
     */
    static JFreeChart policyComparison(Results r) {
        DefaultStatisticalCategoryDataset loss = new DefaultStatisticalCategoryDataset();
        for (String p : r.policies) {
            Map<SummaryColumn, Double> s = r.summary.get(p);
            // The interval is the symmetric t interval of summary.csv, so mean ± half-width redraws it exactly.
            loss.add(s.get(SummaryColumn.MEAN_LOSS).doubleValue(), (s.get(SummaryColumn.CI95_HIGH) - s.get(SummaryColumn.CI95_LOW)) / 2,
                    "Mean annual loss", p);
        }
        StatisticalBarRenderer lossBars = Charts.flatBars(new StatisticalBarRenderer() {
            // A tinted fill with a solid edge keeps the interval visible on every colour, black included.
            @Override public Paint getItemPaint(int row, int column) { return Palette.translucent(Palette.series(r.colour(r.policies.get(column))), 0.4); }
            @Override public Paint getItemOutlinePaint(int row, int column) { return Palette.series(r.colour(r.policies.get(column))); }
        });
        lossBars.setDefaultOutlineStroke(new BasicStroke(1.5f));
        lossBars.setMaximumBarWidth(0.3);
        lossBars.setErrorIndicatorPaint(Palette.INK);
        lossBars.setErrorIndicatorStroke(new BasicStroke(1.8f));
        CategoryPlot left = new CategoryPlot(loss, null, Charts.numberAxis(money(r, "Mean annual loss, 95 % interval"), true), lossBars);
        Charts.style(left);

        DefaultCategoryDataset spend = new DefaultCategoryDataset();
        StackedBarRenderer spendBars = Charts.flatBars(new StackedBarRenderer());
        spendBars.setMaximumBarWidth(0.3);
        LegendItemCollection legend = new LegendItemCollection();
        Map<String, double[]> byPayer = r.securityByPayer();
        int k = 0;
        for (Map.Entry<String, double[]> e : byPayer.entrySet()) {
            for (int i = 0; i < r.policies.size(); i++) spend.addValue(e.getValue()[i], e.getKey(), r.policies.get(i));
            spendBars.setSeriesPaint(k, Palette.payer(k));
            legend.add(Charts.boxItem("Paid by " + e.getKey(), Palette.payer(k)));
            k++;
        }
        CategoryPlot right = new CategoryPlot(spend, null, Charts.numberAxis(money(r, "Mean annual security spending"), true), spendBars);
        Charts.style(right);

        CombinedDomainCategoryPlot plot = sideBySide("Policy", left, right);
        plot.setFixedLegendItems(legend);
        return Charts.chart("Expected annual loss and who pays for security, by policy",
                "Left: mean annual loss across the network with its 95 % confidence interval (" + years(r) + "). "
                        + "Right: mean annual security spending, stacked by who pays.", plot, true);
    }

    /** The policies other than the baseline, from lowest to highest mean societal cost. */
    static List<String> comparedByRank(Results r) {
        List<String> out = new ArrayList<>(r.policies);
        out.remove(r.baseline);
        out.sort(java.util.Comparator.comparingDouble(p -> r.summary.get(p).get(SummaryColumn.SOCIETAL_RANK)));
        return out;
    }

    /**
     * The paired differences against the baseline, the comparison a decision rests on: per policy
     * (lowest societal cost on top), the change in mean annual societal cost (left) and in mean
     * annual loss (right), each with its paired 95 % interval, and a line at no change.
     */
    static JFreeChart policyDifferences(Results r) {
        List<String> compared = comparedByRank(r);
        CategoryPlot left = differencePlot(r, compared, money(r, "Change in societal cost vs " + r.baseline + ", 95 % interval"),
                SummaryColumn.DIFF_SOCIETAL_COST, SummaryColumn.DIFF_SOCIETAL_CI95_LOW, SummaryColumn.DIFF_SOCIETAL_CI95_HIGH);
        CategoryPlot right = differencePlot(r, compared, money(r, "Change in annual loss vs " + r.baseline + ", 95 % interval"),
                SummaryColumn.DIFF_VS_BASELINE, SummaryColumn.DIFF_CI95_LOW, SummaryColumn.DIFF_CI95_HIGH);
        CombinedDomainCategoryPlot plot = sideBySide("Policy (lowest societal cost first)", left, right);
        return Charts.chart("What each policy changes against " + r.baseline,
                "Paired differences over the same simulated years (" + years(r) + "); left of the line: lower. "
                        + "Societal cost = losses + all security spending, whoever pays.", plot, false);
    }

    private static CategoryPlot differencePlot(Results r, List<String> compared, Measure axis, SummaryColumn mean, SummaryColumn low,
                                               SummaryColumn high) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (String p : compared) {
            Map<SummaryColumn, Double> s = r.summary.get(p);
            // paired t intervals are symmetric, so mean ± half-width redraws them exactly
            data.add(s.get(mean).doubleValue(), (s.get(high) - s.get(low)) / 2, "difference", p);
        }
        StatisticalBarRenderer bars = Charts.flatBars(new StatisticalBarRenderer() {
            @Override public Paint getItemPaint(int row, int column) { return Palette.translucent(Palette.series(r.colour(compared.get(column))), 0.45); }
            @Override public Paint getItemOutlinePaint(int row, int column) { return Palette.series(r.colour(compared.get(column))); }
        });
        bars.setDefaultOutlineStroke(new BasicStroke(1.5f));
        bars.setMaximumBarWidth(0.3);
        bars.setErrorIndicatorPaint(Palette.INK);
        bars.setErrorIndicatorStroke(new BasicStroke(1.8f));
        CategoryPlot plot = new CategoryPlot(data, null, Charts.numberAxis(axis, true), bars);
        plot.addRangeMarker(new ValueMarker(0, Palette.INK, new BasicStroke(1.2f)));
        Charts.style(plot);
        return plot;
    }

    /**
     * Cost-effectiveness: each policy's mean annual policy cost (x) against the loss it avoids
     * ({@code −diff_vs_baseline}, y), with the paired 95 % interval of the loss avoided; the dashed
     * line is where a yen of policy cost avoids a yen of loss. Points above it return more than they
     * cost in avoided loss.
     */
    static JFreeChart costEffectiveness(Results r) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer points = new XYErrorRenderer();
        points.setDrawXError(false);
        points.setErrorPaint(Palette.INK);
        points.setErrorStroke(new BasicStroke(1.5f));
        points.setCapLength(8);
        LegendItemCollection legend = new LegendItemCollection();
        double maxCost = 0;
        List<String> compared = comparedByRank(r);
        for (int k = 0; k < compared.size(); k++) {
            String p = compared.get(k);
            Map<SummaryColumn, Double> s = r.summary.get(p);
            double cost = s.get(SummaryColumn.MEAN_POLICY_COST) - r.summary.get(r.baseline).get(SummaryColumn.MEAN_POLICY_COST);
            YIntervalSeries series = new YIntervalSeries(p);
            series.add(cost, -s.get(SummaryColumn.DIFF_VS_BASELINE), -s.get(SummaryColumn.DIFF_CI95_HIGH), -s.get(SummaryColumn.DIFF_CI95_LOW));
            data.addSeries(series);
            points.setSeriesPaint(k, Palette.series(r.colour(p)));
            points.setSeriesShape(k, Charts.dot(12));
            points.setSeriesLinesVisible(k, false);
            legend.add(Charts.markerItem(p, Charts.dot(12), Palette.series(r.colour(p))));
            maxCost = Math.max(maxCost, cost);
        }
        points.setDefaultItemLabelGenerator((dataset, series, item) -> dataset.getSeriesKey(series).toString());
        points.setDefaultItemLabelsVisible(true);
        points.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        points.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        XYPlot plot = new XYPlot(data, Charts.numberAxis(money(r, "Mean annual policy cost beyond " + r.baseline + "'s"), true),
                Charts.numberAxis(money(r, "Loss avoided a year, 95 % interval"), true), points);
        XYSeriesCollection breakEven = new XYSeriesCollection();
        XYSeries line = new XYSeries("one yen of loss avoided per yen of policy cost");
        line.add(0, 0);
        line.add(Math.max(1, maxCost) * 1.1, Math.max(1, maxCost) * 1.1);
        breakEven.addSeries(line);
        XYLineAndShapeRenderer guide = new XYLineAndShapeRenderer(true, false);
        guide.setSeriesPaint(0, Color.GRAY);
        guide.setSeriesStroke(0, Charts.DASHED);
        plot.setDataset(1, breakEven);
        plot.setRenderer(1, guide);
        plot.addRangeMarker(new ValueMarker(0, Palette.INK, new BasicStroke(1f)));
        legend.add(Charts.lineItem("1 yen of loss avoided per yen of policy cost", Color.GRAY, Charts.DASHED));
        plot.setFixedLegendItems(legend);
        Charts.style(plot);
        return Charts.chart("Cost-effectiveness: loss avoided against what the policy costs",
                "One point per policy, against " + r.baseline + " (" + years(r) + "); bars: paired 95 % interval of the loss avoided. "
                        + "Above the dashed line a policy avoids more loss than it costs.", plot, true);
    }

    /**
     * The distribution of the annual network loss under each policy: box from the 25th to the
     * 75th percentile, median line, mean circle, whiskers at the 5th and 95th percentiles, and a
     * diamond at VaR 99.5 % (the 1-in-200-year loss).
     */
    static JFreeChart lossDistributions(Results r) {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset tail = new DefaultCategoryDataset();
        for (String p : r.policies) {
            Sample s = new Sample(r.totalLoss.get(p));
            boxes.add(new BoxAndWhiskerItem(s.mean(), s.quantile(0.5), s.quantile(0.25), s.quantile(0.75), s.quantile(0.05),
                    s.quantile(0.95), s.quantile(0), s.quantile(1), List.of()), "Annual loss", p);
            tail.addValue(s.mean(), "Mean", p);
            // not drawn where too few years lie beyond 99.5 % (the sample maximum is no VaR)
            double var = r.summary.get(p).get(SummaryColumn.VAR_99_5);
            tail.addValue(Double.isNaN(var) ? null : (Number) var, "VaR 99.5 %", p);
        }
        BoxAndWhiskerRenderer box = new BoxAndWhiskerRenderer() {
            @Override public Paint getItemPaint(int row, int column) { return Palette.translucent(Palette.series(r.colour(r.policies.get(column))), 0.35); }
            @Override public Paint getItemOutlinePaint(int row, int column) { return Palette.series(r.colour(r.policies.get(column))); }
        };
        box.setUseOutlinePaintForWhiskers(true);
        box.setDefaultOutlineStroke(new BasicStroke(1.8f));
        box.setArtifactPaint(Palette.INK);
        box.setMeanVisible(false);
        box.setMaxOutlierVisible(false);
        box.setMinOutlierVisible(false);
        box.setMaximumBarWidth(0.14);
        box.setWhiskerWidth(0.5);
        CategoryPlot plot = new CategoryPlot(boxes, Charts.categoryAxis("Policy"), Charts.numberAxis(money(r, "Annual loss across the network"), true), box);
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, Charts.dot(9));
        marks.setSeriesPaint(0, Palette.INK);
        marks.setSeriesShape(1, diamond(12));
        marks.setSeriesPaint(1, Palette.INK);
        plot.setDataset(1, tail);
        plot.setRenderer(1, marks);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(Charts.markerItem("Mean", Charts.dot(9), Palette.INK));
        legend.add(Charts.markerItem("VaR 99.5 % (1-in-200-year loss)", diamond(12), Palette.INK));
        plot.setFixedLegendItems(legend);
        Charts.style(plot);
        return Charts.chart("Distribution of the annual loss, by policy",
                years(r) + ". Box: 25th to 75th percentile, line: median, whiskers: 5th to 95th percentile.", plot, true);
    }

    /** Two horizontal-bar plots side by side, sharing the category axis on the left, value axes below. */
    private static CombinedDomainCategoryPlot sideBySide(String categoryLabel, CategoryPlot left, CategoryPlot right) {
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(Charts.categoryAxis(categoryLabel));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(28);
        plot.add(left, 1);
        plot.add(right, 1);
        for (CategoryPlot sub : List.of(left, right)) sub.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        Charts.style(plot);
        return plot;
    }

    private static java.awt.Shape diamond(double size) {
        double h = size / 2;
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -h);
        d.lineTo(h, 0);
        d.lineTo(0, h);
        d.lineTo(-h, 0);
        d.closePath();
        return d;
    }

    /**
     * Loss against return period (log scale) per policy: the annual aggregate loss (AEP, solid)
     * and the largest single event of the year (OEP, dashed), with the 1-in-200 year marked.
     */
    static JFreeChart exceedance(Results r) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        LegendItemCollection legend = new LegendItemCollection();
        int s = 0;
        for (int i = 0; i < r.policies.size(); i++) {
            String p = r.policies.get(i);
            Map<String, List<Results.ExceedancePoint>> curves = r.exceedance.getOrDefault(p, Map.of());
            for (Map.Entry<String, List<Results.ExceedancePoint>> curve : curves.entrySet()) {
                XYSeries series = new XYSeries(p + " " + curve.getKey(), true, true);
                for (Results.ExceedancePoint pt : curve.getValue()) {
                    if (pt.returnPeriodYears() > 0 && !Double.isNaN(pt.loss())) series.add(pt.returnPeriodYears(), pt.loss());
                }
                data.addSeries(series);
                lines.setSeriesPaint(s, Palette.series(r.colour(p)));
                lines.setSeriesStroke(s, "oep".equalsIgnoreCase(curve.getKey()) ? Charts.DASHED : Charts.LINE);
                lines.setSeriesShape(s, Charts.dot(6));
                s++;
            }
            legend.add(Charts.lineItem(p, Palette.series(r.colour(p)), Charts.LINE));
        }
        legend.add(Charts.lineItem("Annual aggregate loss (AEP)", Color.GRAY, Charts.LINE));
        legend.add(Charts.lineItem("Largest single event (OEP)", Color.GRAY, Charts.DASHED));
        XYPlot plot = new XYPlot(data, Charts.logAxis(Measure.count("Return period (years, log scale)")),
                Charts.numberAxis(money(r, "Loss"), true), lines);
        ValueMarker solvency = new ValueMarker(200, Palette.INK, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
        solvency.setLabel("1-in-200 (Solvency II)");
        solvency.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        solvency.setLabelPaint(Palette.INK);
        solvency.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        solvency.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        solvency.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        plot.addDomainMarker(solvency);
        plot.setFixedLegendItems(legend);
        Charts.style(plot);
        return Charts.chart("Exceedance curves: the loss exceeded once in so many years",
                "Empirical return periods from " + years(r) + "; a return period of T years is an exceedance probability of 1/T a year.", plot, true);
    }

    /**
     * Firms compromised (top) and down (bottom) on each day: the mean across years, with the 95 %
     * confidence interval of that mean ({@link MeanInterval}: Student t), as
     * the band. The interval, not ± 1 SD, is what tells whether two policies' curves differ; the
     * year-to-year spread is in the loss distribution chart.
     */
    static JFreeChart overTime(Results r) {
        double n = r.summary.get(r.policies.get(0)).get(SummaryColumn.REPLICATES);
        List<Charts.Line> compromised = new ArrayList<>(), down = new ArrayList<>();
        for (int i = 0; i < r.policies.size(); i++) {
            Results.DailyCounts d = r.timeseries.get(r.policies.get(i));
            if (d == null) continue;
            int colour = r.colour(r.policies.get(i));
            compromised.add(band(r.policies.get(i), colour, d.day(), d.meanCompromised(), d.sdCompromised(), n));
            down.add(band(r.policies.get(i), colour, d.day(), d.meanDown(), d.sdDown(), n));
        }
        Measure day = Measure.count("Day of the simulated year");
        org.jfree.chart.axis.NumberAxis dayAxis = Charts.numberAxis(day, false);
        dayAxis.setLowerMargin(0);
        dayAxis.setUpperMargin(0);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(dayAxis);
        plot.setGap(16);
        plot.add(Charts.linePlot(day, false, Measure.count("Firms compromised"), compromised), 1);
        plot.add(Charts.linePlot(day, false, Measure.count("Firms down"), down), 1);
        LegendItemCollection legend = new LegendItemCollection();
        for (Charts.Line l : compromised) legend.add(Charts.lineItem(l.name(), Palette.series(l.colour()), Charts.LINE));
        plot.setFixedLegendItems(legend);
        Charts.style(plot);
        return Charts.chart("Compromised and down firms over the year",
                "Mean across " + years(r) + "; band: 95 % confidence interval of the mean.", plot, true);
    }

    private static Charts.Line band(String name, int colour, double[] x, double[] mean, double[] sd, double n) {
        double[] lo = new double[mean.length], hi = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            double half = Double.isNaN(sd[i]) || n < 2 ? 0 : MeanInterval.halfWidth(sd[i], (long) n, 0.95);
            lo[i] = Math.max(0, mean[i] - half);
            hi[i] = mean[i] + half;
        }
        return new Charts.Line(name, colour, x, mean, lo, hi);
    }

    private static final String GOVERNMENT = "Government";

    /** Rows of {@link #burdenByGroup}: the firm groups, then the government if it spends anything. */
    static List<String> burdenRows(Results r) {
        List<String> rows = new ArrayList<>();
        for (Results.GroupBurden g : r.byGroup.getOrDefault(r.policies.get(0), List.of())) rows.add(g.group());
        boolean government = false;
        for (List<Results.GroupBurden> groups : r.byGroup.values()) for (Results.GroupBurden g : groups) government |= g.paidBy()[2] > 0;
        if (government) rows.add(GOVERNMENT);
        return rows;
    }

    /**
     * Who loses and who pays: per group of firms (tier × size class), the mean annual loss it
     * bears (left) and what it pays out for security (right): its own share of its security, what
     * it pays towards its suppliers' security, and pool premiums; the government's spending on
     * its own row.
     */
    static JFreeChart burdenByGroup(Results r) {
        List<String> rows = burdenRows(r);
        List<Charts.BarSeries> losses = new ArrayList<>(), outlays = new ArrayList<>();
        for (int i = 0; i < r.policies.size(); i++) {
            String p = r.policies.get(i);
            double[] loss = new double[rows.size()], outlay = new double[rows.size()];
            java.util.Arrays.fill(loss, Double.NaN);
            java.util.Arrays.fill(outlay, Double.NaN);
            double government = 0;
            for (Results.GroupBurden g : r.byGroup.getOrDefault(p, List.of())) {
                int row = rows.indexOf(g.group());
                if (row >= 0) {
                    loss[row] = g.lossBorne();
                    outlay[row] = g.outlay();
                }
                government += g.paidBy()[2];
            }
            if (rows.contains(GOVERNMENT)) outlay[rows.indexOf(GOVERNMENT)] = government;
            losses.add(new Charts.BarSeries(p, r.colour(p), loss));
            outlays.add(new Charts.BarSeries(p, r.colour(p), outlay));
        }
        CategoryPlot left = Charts.barPlot(null, rows, money(r, "Mean annual loss borne"), losses, true);
        CategoryPlot right = Charts.barPlot(null, rows, money(r, "Mean annual spending on security"), outlays, true);
        for (CategoryPlot sub : List.of(left, right)) {
            ((org.jfree.chart.renderer.category.BarRenderer) sub.getRenderer()).setMaximumBarWidth(0.5);
        }
        CombinedDomainCategoryPlot plot = sideBySide("Group of firms (tier, size class)", left, right);
        plot.setFixedLegendItems(left.getFixedLegendItems());
        return Charts.chart("Who loses and who pays, by group of firms",
                "Left: mean annual loss borne by the group's firms together. Right: what they pay for security: their own share, "
                        + "contributions to suppliers' security and pool premiums; the government's spending on its own row.", plot, true);
    }
}
