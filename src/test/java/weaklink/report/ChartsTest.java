package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart building blocks other analyses (sweeps, sensitivity, single points of failure) call. */
class ChartsTest {
    @TempDir Path dir;

    static BufferedImage image(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** How many pixels are exactly {@code colour}. */
    static int pixels(BufferedImage img, java.awt.Color colour) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) n++;
        return n;
    }

    @Test
    void lineWithIntervalDrawsEachSeriesInItsPaletteColour() throws Exception {
        double[] phi = {0, 0.25, 0.5, 0.75, 1};
        JFreeChart c = Charts.lineWithInterval("Mean annual loss against buyer share", "95 % interval of the mean",
                Measure.share("Buyer share phi"), false, Measure.money("Mean annual loss", "JPY"), List.of(
                        new Charts.Line("none", 0, phi, new double[] {5e9, 5e9, 5e9, 5e9, 5e9}, new double[] {4.8e9, 4.8e9, 4.8e9, 4.8e9, 4.8e9},
                                new double[] {5.2e9, 5.2e9, 5.2e9, 5.2e9, 5.2e9}),
                        new Charts.Line("buyer-share", 1, phi, new double[] {5e9, 4.4e9, 4e9, 3.8e9, 3.7e9}, new double[] {4.8e9, 4.2e9, 3.8e9, 3.6e9, 3.5e9},
                                new double[] {5.2e9, 4.6e9, 4.2e9, 4e9, 3.9e9})));
        BufferedImage img = image(Charts.png(c, 800, 500));
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        assertTrue(pixels(img, Palette.series(1)) > 200, "the buyer-share line is drawn in palette colour 1");
        XYPlot plot = (XYPlot) c.getPlot();
        assertEquals("Mean annual loss (JPY)", plot.getRangeAxis().getLabel());
        LegendItem second = plot.getLegendItems().get(1);
        assertEquals("buyer-share", second.getLabel());
        assertEquals(Palette.series(1), second.getLinePaint());
    }

    @Test
    void logXAxisTicksAtOneTwoFive() throws Exception {
        JFreeChart c = Charts.lineWithInterval("t", null, Measure.count("Return period (years)"), true, Measure.count("Firms"),
                List.of(Charts.Line.of("a", 0, new double[] {2, 5, 10, 100, 1000}, new double[] {1, 2, 3, 4, 5})));
        BufferedImage img = image(Charts.png(c, 600, 400));
        assertEquals(600, img.getWidth());
        org.jfree.chart.axis.ValueAxis x = ((XYPlot) c.getPlot()).getDomainAxis();
        var ticks = x.refreshTicks(img.createGraphics(), new org.jfree.chart.axis.AxisState(), new java.awt.geom.Rectangle2D.Double(0, 0, 600, 400),
                org.jfree.chart.ui.RectangleEdge.BOTTOM);
        List<String> labels = ticks.stream().map(t -> ((org.jfree.chart.axis.Tick) t).getText()).toList();
        assertTrue(labels.containsAll(List.of("2", "5", "10", "20", "50", "100", "200", "500", "1,000")), labels.toString());
    }

    @Test
    void barsAcceptOneValuePerCategory() {
        assertThrows(IllegalArgumentException.class, () -> Charts.bars("t", null, "Firm", List.of("a", "b"), Measure.count("n"),
                List.of(new Charts.BarSeries("s", 0, new double[] {1})), true));
    }

    @Test
    void barsForSinglePointsOfFailureRenderHorizontally() throws Exception {
        JFreeChart c = Charts.bars("Single points of failure", "Expected network loss if the firm is hit", "Firm",
                List.of("msp-1", "tier1-007", "tier2-113"), Measure.money("Expected network loss", "JPY"),
                List.of(new Charts.BarSeries("loss", 5, new double[] {9e9, 4e9, 1e9})), true);
        assertEquals(org.jfree.chart.plot.PlotOrientation.HORIZONTAL, ((CategoryPlot) c.getPlot()).getOrientation());
        assertTrue(pixels(image(Charts.png(c, 700, 400)), Palette.series(5)) > 1000);
    }

    @Test
    void tornadoPutsTheWidestSwingOnTop() {
        JFreeChart c = Charts.tornado("Sensitivity", null, Measure.money("Mean annual loss", "JPY"), 5e9,
                List.of("dwell", "phi", "vulnerability"), new double[] {4.9e9, 3e9, 2e9}, new double[] {5.1e9, 6e9, 9e9});
        CategoryPlot plot = (CategoryPlot) c.getPlot();
        assertEquals(List.of("vulnerability", "phi", "dwell"), plot.getDataset().getColumnKeys());
    }

    @Test
    void saveWritesPngAndSvgOfTheSameChartAndTheSameBytesTwice() throws Exception {
        JFreeChart c = Charts.bars("t", null, "c", List.of("a"), Measure.count("n"), List.of(new Charts.BarSeries("s", 0, new double[] {1})), false);
        Charts.save(c, dir, "one", 640, 360);
        byte[] png = Files.readAllBytes(dir.resolve("one.png"));
        String svg = Files.readString(dir.resolve("one.svg"), StandardCharsets.UTF_8);
        assertEquals(640, image(png).getWidth());
        assertTrue(svg.contains("<svg") && svg.contains("width='640.0'"), svg.substring(0, 200));
        Charts.save(c, dir, "two", 640, 360);
        assertEquals(svg, Files.readString(dir.resolve("two.svg"), StandardCharsets.UTF_8));
        assertTrue(java.util.Arrays.equals(png, Files.readAllBytes(dir.resolve("two.png"))));
    }

    @Test
    void aChartsPngNeedsNoTemporaryFile() throws Exception {
        // ImageIO's default for a stream caches in a temporary file: with its cache folder gone, that path fails
        Path gone = Files.createDirectory(dir.resolve("cache"));
        boolean useCache = ImageIO.getUseCache();
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(gone.toFile());
        byte[] png;
        try {
            Files.delete(gone);
            JFreeChart c = Charts.bars("t", null, "c", List.of("a"), Measure.count("n"), List.of(new Charts.BarSeries("s", 0, new double[] {1})), false);
            png = Charts.png(c, 320, 200);
        } finally {
            ImageIO.setCacheDirectory(null);
            ImageIO.setUseCache(useCache);
        }
        assertEquals(320, image(png).getWidth());
    }

    @Test
    void warmingUpChangesNoByteOfALaterChart() throws Exception {
        JFreeChart c = Charts.lineWithInterval("Loss over the year", "with a band", Measure.count("Day"), false, Measure.money("Loss", "JPY"),
                List.of(new Charts.Line("a", 2, new double[] {1, 2, 3}, new double[] {5e6, 7e6, 6e6}, new double[] {4e6, 6e6, 5e6},
                        new double[] {6e6, 8e6, 7e6})));
        byte[] png = Charts.png(c, 480, 300);
        String svg = Charts.svg(c, 480, 300);

        Charts.warmUp();

        assertTrue(java.util.Arrays.equals(png, Charts.png(c, 480, 300)));
        assertEquals(svg, Charts.svg(c, 480, 300));
    }
}
