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
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import weaklink.stats.Sample;

/**
 * The standard charts of a results folder (DESIGN §4 {@code charts/}), each from {@link Results}.
 * Policy {@code i} of the manifest is drawn in {@link Palette#series}{@code (i)} everywhere.
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
            @Override public Paint getItemPaint(int row, int column) { return Palette.translucent(Palette.series(column), 0.4); }
            @Override public Paint getItemOutlinePaint(int row, int column) { return Palette.series(column); }
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
            tail.addValue(s.valueAtRisk(0.995), "VaR 99.5 %", p);
        }
        BoxAndWhiskerRenderer box = new BoxAndWhiskerRenderer() {
            @Override public Paint getItemPaint(int row, int column) { return Palette.translucent(Palette.series(column), 0.35); }
            @Override public Paint getItemOutlinePaint(int row, int column) { return Palette.series(column); }
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
                lines.setSeriesPaint(s, Palette.series(i));
                lines.setSeriesStroke(s, "oep".equalsIgnoreCase(curve.getKey()) ? Charts.DASHED : Charts.LINE);
                lines.setSeriesShape(s, Charts.dot(6));
                s++;
            }
            legend.add(Charts.lineItem(p, Palette.series(i), Charts.LINE));
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
     * confidence interval of that mean, {@code mean ± 1.96 · sd / √n} (normal approximation), as
     * the band. The interval, not ± 1 SD, is what tells whether two policies' curves differ; the
     * year-to-year spread is in the loss distribution chart.
     */
    static JFreeChart overTime(Results r) {
        double n = r.summary.get(r.policies.get(0)).get(SummaryColumn.REPLICATES);
        List<Charts.Line> compromised = new ArrayList<>(), down = new ArrayList<>();
        for (int i = 0; i < r.policies.size(); i++) {
            Results.DailyCounts d = r.timeseries.get(r.policies.get(i));
            if (d == null) continue;
            compromised.add(band(r.policies.get(i), i, d.day(), d.meanCompromised(), d.sdCompromised(), n));
            down.add(band(r.policies.get(i), i, d.day(), d.meanDown(), d.sdDown(), n));
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
            double half = Double.isNaN(sd[i]) ? 0 : 1.96 * sd[i] / Math.sqrt(n);
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
            losses.add(new Charts.BarSeries(p, i, loss));
            outlays.add(new Charts.BarSeries(p, i, outlay));
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
