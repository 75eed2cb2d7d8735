package weaklink.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import weaklink.io.AtomicFile;

/**
 * Chart building blocks in the WeakLink house style (white ground, light grid, Okabe–Ito colours,
 * units on every axis), and the one way charts are saved: PNG and SVG side by side. Analyses that
 * make their own figures (sweeps, sensitivity, single points of failure) call these:
 *
 * <pre>{@code
 * JFreeChart c = Charts.lineWithInterval("Mean annual loss vs buyer share", "95 % interval of the mean",
 *         Measure.share("Buyer share phi"), false, Measure.money("Mean annual loss", "JPY"),
 *         List.of(new Charts.Line("buyer-share", 1, phi, mean, low, high)));
 * Charts.save(c, dir.resolve("charts"), "sweep_phi", Charts.WIDTH, Charts.HEIGHT);
 * }</pre>
 *
 * A series' {@code colour} is an index into {@link Palette#series}: pass a policy's index in the
 * run's policy list, so the policy has the same colour as in every other chart.
 */
public final class Charts {
    /** Default size in pixels (PNG) or points (SVG). */
    public static final int WIDTH = 960, HEIGHT = 560;

    static final Font TITLE = new Font("SansSerif", Font.BOLD, 19);
    static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 13);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 14);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 12);
    static final Font LEGEND = new Font("SansSerif", Font.PLAIN, 13);
    static final Color SUBTLE_INK = new Color(0x555555);
    static final Stroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f);

    private Charts() {}

    /**
     * A line per series with an optional shaded band (e.g. a 95 % interval, or ± 1 SD).
     *
     * @param name   legend text
     * @param colour index into {@link Palette#series} (a policy's index keeps its colour)
     * @param x      x values, ascending
     * @param y      the line
     * @param low    lower edge of the band, or null for no band
     * @param high   upper edge of the band, or null for no band
     */
    public record Line(String name, int colour, double[] x, double[] y, double[] low, double[] high) {
        public Line {
            if (y.length != x.length || (low != null && low.length != x.length) || (high != null && high.length != x.length)) {
                throw new IllegalArgumentException("series '" + name + "': x, y and band arrays differ in length");
            }
            if ((low == null) != (high == null)) throw new IllegalArgumentException("series '" + name + "': give both band edges or neither");
        }

        /** A line without a band. */
        public static Line of(String name, int colour, double[] x, double[] y) {
            return new Line(name, colour, x, y, null, null);
        }
    }

    /**
     * One series of bars, one value per category.
     *
     * @param colour index into {@link Palette#series}
     */
    public record BarSeries(String name, int colour, double[] values) {}

    /**
     * Lines with shaded bands against a numeric x: loss against a swept parameter (one line per
     * policy), counts over days. NaN values leave a gap.
     *
     * @param logX a base-10 logarithmic x axis (x must then be positive)
     */
    public static JFreeChart lineWithInterval(String title, String subtitle, Measure x, boolean logX, Measure y, List<Line> lines) {
        return chart(title, subtitle, linePlot(x, logX, y, lines), true);
    }

    /** The plot behind {@link #lineWithInterval}, for charts that combine several. */
    static XYPlot linePlot(Measure x, boolean logX, Measure y, List<Line> lines) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        for (int s = 0; s < lines.size(); s++) {
            Line line = lines.get(s);
            YIntervalSeries series = new YIntervalSeries(s, false, true);
            for (int i = 0; i < line.x().length; i++) {
                double lo = line.low() == null ? line.y()[i] : line.low()[i];
                double hi = line.high() == null ? line.y()[i] : line.high()[i];
                series.add(line.x()[i], line.y()[i], lo, hi);
            }
            data.addSeries(series);
            Color c = Palette.series(line.colour());
            r.setSeriesPaint(s, c);
            r.setSeriesFillPaint(s, c);
            r.setSeriesStroke(s, LINE);
        }
        ValueAxis xAxis = logX ? logAxis(x) : numberAxis(x, false);
        XYPlot plot = new XYPlot(data, xAxis, numberAxis(y, true), r);
        style(plot);
        LegendItemCollection legend = new LegendItemCollection();
        for (Line line : lines) legend.add(lineItem(line.name(), Palette.series(line.colour()), LINE));
        plot.setFixedLegendItems(legend);
        return plot;
    }

    /**
     * Grouped bars: one group per category, one bar per series. Horizontal bars suit long
     * category names (firms, parameters, groups of firms).
     */
    public static JFreeChart bars(String title, String subtitle, String categoryLabel, List<String> categories, Measure value,
                                  List<BarSeries> series, boolean horizontal) {
        CategoryPlot plot = barPlot(categoryLabel, categories, value, series, horizontal);
        return chart(title, subtitle, plot, series.size() > 1);
    }

    /** The plot behind {@link #bars}, for charts that combine several. */
    static CategoryPlot barPlot(String categoryLabel, List<String> categories, Measure value, List<BarSeries> series, boolean horizontal) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        BarRenderer r = flatBars(new BarRenderer());
        r.setItemMargin(0.05);
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < series.size(); s++) {
            BarSeries bs = series.get(s);
            if (bs.values().length != categories.size()) {
                throw new IllegalArgumentException("series '" + bs.name() + "' has " + bs.values().length + " values for " + categories.size() + " categories");
            }
            for (int i = 0; i < categories.size(); i++) {
                double v = bs.values()[i];
                data.addValue(Double.isNaN(v) ? null : (Number) v, bs.name(), categories.get(i));
            }
            r.setSeriesPaint(s, Palette.series(bs.colour()));
            legend.add(boxItem(bs.name(), Palette.series(bs.colour())));
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(categoryLabel), numberAxis(value, true), r);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setFixedLegendItems(legend);
        style(plot);
        return plot;
    }

    /**
     * One-at-a-time sensitivity ("tornado"): for each parameter, a bar from the output at the
     * base point to the output with the parameter at its low value, and one to its high value;
     * parameters sorted by swing {@code |high − low|}, largest on top.
     *
     * @param base    the output at the base point (the vertical line)
     * @param atLow   the output with each parameter at its low value
     * @param atHigh  the output with each parameter at its high value
     */
    public static JFreeChart tornado(String title, String subtitle, Measure value, double base, List<String> parameters,
                                     double[] atLow, double[] atHigh) {
        int n = parameters.size();
        if (atLow.length != n || atHigh.length != n) throw new IllegalArgumentException("one low and one high value per parameter");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(atHigh[i] - atLow[i])).thenComparing(i -> i));
        double[][] starts = new double[2][n], ends = new double[2][n];
        String[] keys = new String[n];
        for (int k = 0; k < n; k++) {
            int i = order.get(k);
            keys[k] = parameters.get(i);
            starts[0][k] = Math.min(base, atLow[i]);
            ends[0][k] = Math.max(base, atLow[i]);
            starts[1][k] = Math.min(base, atHigh[i]);
            ends[1][k] = Math.max(base, atHigh[i]);
        }
        String[] seriesKeys = {"Parameter at its low value", "Parameter at its high value"};
        DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(seriesKeys, keys, toNumbers(starts), toNumbers(ends));
        IntervalBarRenderer r = flatBars(new IntervalBarRenderer());
        r.setItemMargin(0.0);
        r.setSeriesPaint(0, Palette.series(5));
        r.setSeriesPaint(1, Palette.series(1));
        CategoryPlot plot = new CategoryPlot(data, categoryAxis("Parameter"), numberAxis(value, false), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker marker = new ValueMarker(base, Palette.INK, new BasicStroke(1.5f));
        plot.addRangeMarker(marker);
        style(plot);
        return chart(title, subtitle, plot, true);
    }

    private static Number[][] toNumbers(double[][] xs) {
        Number[][] out = new Number[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            out[i] = new Number[xs[i].length];
            for (int j = 0; j < xs[i].length; j++) out[i][j] = xs[i][j];
        }
        return out;
    }

    /**
     * Saves {@code chart} as {@code name.png} and {@code name.svg} in {@code dir} (created if
     * needed), each written under a temporary name and renamed into place. Both are the same for
     * the same chart on every run (no timestamps, fixed SVG ids).
     */
    public static void save(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.writeBytes(dir.resolve(name + ".png"), png(chart, width, height));
        AtomicFile.writeBytes(dir.resolve(name + ".svg"), svg(chart, width, height).getBytes(StandardCharsets.UTF_8));
    }

    /** The chart as PNG bytes, antialiased: the bytes ImageIO writes for the image ({@link Png}). */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return Png.write(image);
    }

    /**
     * Draws two small charts (lines with a band; grouped horizontal bars) to PNG and SVG and drops
     * them: the first chart a process draws also loads and initialises what every chart uses (the
     * chart library, Java2D's fonts and rasteriser, the PNG writer, the SVG writer), so a run calls
     * this on an otherwise idle core while it simulates, and its charts later start without that cost.
     * Nothing drawn here is kept or written; the charts' bytes do not depend on it.
     */
    public static void warmUp() throws IOException {
        double[] x = {1, 2, 3, 4}, y = {2, 5, 3, 8}, low = {1, 4, 2, 6}, high = {3, 6, 4, 9};
        JFreeChart lines = lineWithInterval("Warm-up 0123456789", "Subtitle, ¥1.25B", Measure.count("Day"), false, Measure.money("Loss", "JPY"),
                List.of(new Line("a", 0, x, y, low, high), Line.of("b", 1, x, low)));
        JFreeChart bars = bars("Warm-up", null, "Group", List.of("tier 0", "tier 1"), Measure.money("Loss", "JPY"),
                List.of(new BarSeries("a", 0, new double[] {1, 2}), new BarSeries("b", 1, new double[] {3, 1})), true);
        for (JFreeChart c : List.of(lines, bars)) {
            png(c, 240, 160);
            svg(c, 240, 160);
        }
    }

    /** The chart as a standalone SVG document. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("wl");
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    // ---- house style -------------------------------------------------------------------------

    /** A chart with the house title, subtitle and legend (below the plot). */
    static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        c.setPadding(new RectangleInsets(10, 12, 8, 16));
        c.getTitle().setPaint(Palette.INK);
        c.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(SUBTLE_INK);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(2, 0, 8, 0));
            c.addSubtitle(sub);
        }
        LegendTitle l = c.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        }
        return c;
    }

    static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Palette.GRID);
            xy.setRangeGridlinePaint(Palette.GRID);
            xy.setDomainGridlineStroke(new BasicStroke(0.8f));
            xy.setRangeGridlineStroke(new BasicStroke(0.8f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(Palette.GRID);
            cp.setRangeGridlineStroke(new BasicStroke(0.8f));
            cp.setDomainGridlinesVisible(false);
            cp.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
    }

    static NumberAxis numberAxis(Measure m, boolean includeZero) {
        NumberAxis a = new NumberAxis(m.label());
        a.setNumberFormatOverride(m.format());
        a.setAutoRangeIncludesZero(includeZero);
        axisStyle(a);
        return a;
    }

    /** A base-10 log axis with ticks at 1, 2 and 5 times the powers of ten, written by the measure's format. */
    static LogAxis logAxis(Measure m) {
        LogAxis a = new OneTwoFiveLogAxis(m.label(), m.format());
        a.setBase(10);
        a.setSmallestValue(1e-9);
        axisStyle(a);
        return a;
    }


    static CategoryAxis categoryAxis(String label) {
        CategoryAxis a = new CategoryAxis(label);
        a.setCategoryMargin(0.25);
        a.setLowerMargin(0.04);
        a.setUpperMargin(0.04);
        axisStyle(a);
        return a;
    }

    private static void axisStyle(org.jfree.chart.axis.Axis a) {
        a.setLabelFont(LABEL);
        a.setLabelPaint(Palette.INK);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(Palette.INK);
        a.setAxisLinePaint(Palette.INK);
        a.setTickMarkPaint(Palette.INK);
    }

    /** Flat bars with a thin white outline, no shadow or gradient. */
    static <R extends BarRenderer> R flatBars(R r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        r.setDefaultOutlineStroke(new BasicStroke(0.6f));
        r.setMaximumBarWidth(0.12);
        return r;
    }

    static LegendItem lineItem(String label, Color colour, Stroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, colour,
                false, colour, stroke, true, new Line2D.Double(-12, 0, 12, 0), stroke, colour);
        item.setLabelFont(LEGEND);
        return item;
    }

    static LegendItem boxItem(String label, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), colour);
        item.setLabelFont(LEGEND);
        return item;
    }

    static LegendItem markerItem(String label, Shape shape, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, shape, colour);
        item.setLabelFont(LEGEND);
        return item;
    }

    static Shape dot(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }
}
