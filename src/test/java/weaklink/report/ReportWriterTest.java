package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.entity.CategoryItemEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.scenario.BadInputException;

class ReportWriterTest {
    static final List<String> CHARTS = List.of("policy_differences", "cost_effectiveness", "policy_comparison", "loss_distribution", "exceedance", "timeseries", "burden_by_group");

    @TempDir static Path shared;
    static Path results;

    @TempDir Path dir;

    @BeforeAll
    static void run() throws Exception {
        results = RealRun.make(shared, 40);
    }

    static int chart(StringWriter out, StringWriter err, Path folder) {
        return Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("chart", folder.toString());
    }

    @Test
    void runDrawsEveryStandardChartAsPngAndSvgAndTheReport() throws Exception {
        for (String name : CHARTS) {
            BufferedImage png = ImageIO.read(results.resolve("charts/" + name + ".png").toFile());
            assertEquals(Charts.WIDTH, png.getWidth(), name);
            assertTrue(Files.readString(results.resolve("charts/" + name + ".svg")).contains("<svg"), name);
        }
        String html = Files.readString(results.resolve(ReportWriter.REPORT));
        assertEquals(CHARTS.size(), count(html, "<img src=\"data:image/png;base64,"));
    }

    @Test
    void chartCommandRedrawsTheSameChartsFromTheFolderAlone() throws Exception {
        Path copy = RealRun.copy(results, dir.resolve("copy"));
        byte[] before = Files.readAllBytes(copy.resolve("charts/exceedance.svg"));
        try (var files = Files.list(copy.resolve("charts"))) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(copy.resolve(ReportWriter.REPORT));
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, chart(out, err, copy), err.toString());
        assertTrue(out.toString().contains("report.html (" + CHARTS.size() + " charts)"), out.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(copy.resolve("charts/exceedance.svg"))));
        assertEquals(Files.readString(results.resolve(ReportWriter.REPORT)), Files.readString(copy.resolve(ReportWriter.REPORT)));
    }

    @Test
    void aMissingInputFileLeavesItsChartOutAndTheReportSaysSo() throws Exception {
        Path copy = RealRun.copy(results, dir.resolve("copy"));
        Files.delete(copy.resolve("exceedance.csv"));
        Files.delete(copy.resolve("charts/exceedance.png"));
        ReportWriter.Outcome outcome = ReportWriter.write(copy);
        assertFalse(outcome.charts().contains("exceedance"));
        assertFalse(Files.exists(copy.resolve("charts/exceedance.png")));
        assertEquals(List.of("Exceedance curves: not drawn, exceedance.csv is not in the results folder."), outcome.notes());
        String html = Files.readString(copy.resolve(ReportWriter.REPORT));
        assertTrue(html.contains("<p class=\"missing\">Exceedance curves: not drawn, exceedance.csv is not in the results folder.</p>"));
        assertFalse(html.contains("href=\"exceedance.csv\""), "no link to a file that is not there");
    }

    @Test
    void scenarioTextIsEscapedInTheReport() throws Exception {
        Path copy = RealRun.copy(results, dir.resolve("copy"));
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"description\" : \"", "\"description\" : \"<script>alert('x')</script> & <b>"));
        ReportWriter.write(copy);
        String html = Files.readString(copy.resolve(ReportWriter.REPORT));
        assertFalse(html.contains("<script"), "the report has no script at all");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;"));
    }

    @Test
    void reportNeedsNothingButTheFolder() throws Exception {
        String html = Files.readString(results.resolve(ReportWriter.REPORT));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("data:image/png;base64,")) continue;
            assertFalse(target.contains(":") || target.startsWith("/") || target.contains(".."), "relative link inside the folder: " + target);
            assertTrue(Files.isRegularFile(results.resolve(target)), "link target exists: " + target);
            links++;
        }
        assertTrue(links >= 2 * CHARTS.size() + 6, "links to every chart's files and every CSV, found " + links);
    }

    @Test
    void headlineTableShowsEveryPolicyWithMoneyInTheScenarioCurrency() throws Exception {
        String html = Files.readString(results.resolve(ReportWriter.REPORT));
        String section = html.substring(html.indexOf("<section id=\"headline\">"));
        String table = section.substring(section.indexOf("<table>"), section.indexOf("</table>"));
        assertTrue(table.contains(">none</th>") && table.contains(">" + RealRun.SECOND_POLICY + "</th>"));
        assertTrue(Pattern.compile("<td>¥[0-9.]+[KMBT]<br><small>¥[0-9.]+[KMBT] to ¥[0-9.]+[KMBT]</small></td>").matcher(table).find(), table);
    }

    @Test
    void theReportHasAModelRiskSectionAfterTheMethodPointingToTheCalibration() throws Exception {
        String html = Files.readString(results.resolve(ReportWriter.REPORT));
        int method = html.indexOf("<section id=\"method\">"), risk = html.indexOf("<section id=\"model-risk\">");
        assertTrue(method > 0 && risk > method, "method, then model risk");
        String section = html.substring(risk, html.indexOf("</section>", risk));
        assertTrue(section.contains("docs/CALIBRATION.md") && section.contains("report to the"), section);
    }

    @Test
    void theReportOpensWithTheSentenceAndTheRankingBySocietalCost() throws Exception {
        String html = Files.readString(results.resolve(ReportWriter.REPORT));
        int lead = html.indexOf("<p class=\"lead\">"), ranking = html.indexOf("<h2>Ranking by societal cost</h2>"), scenario = html.indexOf("<section id=\"scenario\">");
        assertTrue(lead > 0 && lead < ranking && ranking < scenario, "sentence, then ranking, then the scenario");
        String sentence = html.substring(lead, html.indexOf("</p>", lead));
        assertTrue(sentence.contains("societal cost"), sentence);
        assertTrue(html.contains("VaR and TVaR 99.5 % are not given: "), "40 replicates are too few for VaR 99.5 %, and the report says so");
    }

    /**
     * Whether policy {@code name} (the chart's column or series {@code index}) is drawn in
     * {@code colour}: where policies are series, its legend entry has that paint; where they are
     * categories, pixels of exactly that colour lie inside the area of its item as drawn.
     */
    static boolean drawnIn(JFreeChart chart, String name, int index, Color colour) {
        var legend = chart.getPlot().getLegendItems();
        for (int i = 0; i < legend.getItemCount(); i++) {
            LegendItem item = legend.get(i);
            if (item.getLabel().equals(name)) return colour.equals(item.isLineVisible() ? item.getLinePaint() : item.getFillPaint());
        }
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(900, 560, info);
        int pixels = 0;
        for (Object o : info.getEntityCollection().getEntities()) {
            if (!(o instanceof CategoryItemEntity e) || e.getDataset().getColumnIndex(e.getColumnKey()) != index) continue;
            java.awt.Rectangle r = e.getArea().getBounds();
            for (int y = Math.max(0, r.y - 2); y < Math.min(image.getHeight(), r.y + r.height + 2); y++) {
                for (int x = Math.max(0, r.x - 2); x < Math.min(image.getWidth(), r.x + r.width + 2); x++) {
                    if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) pixels++;
                }
            }
        }
        return pixels > 0;
    }

    @Test
    void eachPolicyHasTheColourOfItsTypeAndNameInEveryChart() throws Exception {
        Results r = Results.read(results);
        List<JFreeChart> charts = List.of(ResultCharts.policyComparison(r), ResultCharts.lossDistributions(r), ResultCharts.exceedance(r),
                ResultCharts.overTime(r), ResultCharts.burdenByGroup(r));
        // both are of type none: "none" sorts first and takes the type's black, "none-b" the type's first shade
        for (JFreeChart c : charts) {
            assertTrue(drawnIn(c, "none", 0, Palette.series(Palette.policy("none", 0))), c.getTitle().getText());
            assertTrue(drawnIn(c, RealRun.SECOND_POLICY, 1, Palette.series(Palette.policy("none", 1))), c.getTitle().getText());
            assertFalse(drawnIn(c, RealRun.SECOND_POLICY, 1, Palette.series(Palette.policy("none", 0))),
                    c.getTitle().getText() + ": the second policy is not in the first's colour");
        }
        assertEquals(new Color(0x000000), Palette.series(Palette.policy("none", 0)), "the baseline type is black");
        assertEquals(new Color(0xE69F00), Palette.series(Palette.policy("buyer-share", 0)), "buyer-share is Okabe-Ito orange");
    }

    @Test
    void aPolicyKeepsItsColourWhenTheListIsReordered() throws Exception {
        Path copy = RealRun.copy(results, dir.resolve("reordered"));
        Path manifest = copy.resolve("manifest.json");
        var m = (com.fasterxml.jackson.databind.node.ObjectNode) weaklink.io.Json.read(manifest);
        var reversed = m.putArray("policies");
        reversed.add(RealRun.SECOND_POLICY);
        reversed.add("none");
        weaklink.io.Json.write(manifest, m);
        Results r = Results.read(copy);
        JFreeChart c = ResultCharts.exceedance(r);
        assertTrue(drawnIn(c, "none", 1, Palette.series(Palette.policy("none", 0))));
        assertTrue(drawnIn(c, RealRun.SECOND_POLICY, 0, Palette.series(Palette.policy("none", 1))));
    }

    @Test
    void aFolderWithoutManifestIsBadInput() {
        StringWriter err = new StringWriter();
        assertEquals(2, chart(new StringWriter(), err, dir));
        assertTrue(err.toString().contains("is not a WeakLink results folder"), err.toString());
    }

    @Test
    void aCellThatIsNotANumberIsBadInputNamingFileLineAndColumn() throws Exception {
        Path copy = RealRun.copy(results, dir.resolve("copy"));
        Path summary = copy.resolve("summary.csv");
        List<String> lines = Files.readAllLines(summary);
        List<String> cells = new java.util.ArrayList<>(List.of(lines.get(1).split(",", -1)));
        cells.set(2, "lots");
        lines.set(1, String.join(",", cells));
        Files.write(summary, lines);
        BadInputException e = assertThrows(BadInputException.class, () -> ReportWriter.write(copy));
        assertEquals(summary.toString() + ":2:3: mean_loss: expected a number, found 'lots'", e.getMessage());
        StringWriter err = new StringWriter();
        assertEquals(2, chart(new StringWriter(), err, copy));
    }

    @Test
    void theHeadlineFromTheSummaryAloneIsTheHeadlineOfTheWholeFolder() throws Exception {
        Headline whole = Headline.of(Results.read(results));
        Headline read = Headline.read(results);
        assertEquals(whole.ranking(), read.ranking());
        assertEquals(whole.sentences(), read.sentences());
        assertEquals(whole.caveats(), read.caveats());
        assertEquals(whole.table(), read.table());
    }

    @Test
    void aFolderWithoutReplicatesIsTheSameBadInputForTheHeadlineAsForTheReport() throws Exception {
        Path copy = RealRun.copy(results, dir.resolve("copy"));
        Files.delete(copy.resolve(weaklink.experiment.Runner.REPLICATES));
        BadInputException report = assertThrows(BadInputException.class, () -> Results.read(copy));
        BadInputException headline = assertThrows(BadInputException.class, () -> Headline.read(copy));
        assertEquals(report.getMessage(), headline.getMessage());
    }

    @Test
    void theHeadlineReadsNeitherTheRowsNorTheOtherTables() throws Exception {
        Path copy = RealRun.copy(results, dir.resolve("copy"));
        for (String table : List.of(weaklink.experiment.Runner.REPLICATES, Results.EXCEEDANCE, Results.TIMESERIES, Results.BY_GROUP)) {
            Files.writeString(copy.resolve(table), "not,a\ntable\n");
        }
        assertThrows(BadInputException.class, () -> Results.read(copy));
        assertEquals(Headline.read(results).text(), Headline.read(copy).text());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void readmeShowsAChartThatIsInTheRepository() throws Exception {
        Matcher m = Pattern.compile("!\\[[^]]*]\\((docs/images/[^)]+\\.png)\\)").matcher(Files.readString(Path.of("README.md")));
        assertTrue(m.find(), "README.md shows a chart");
        BufferedImage png = ImageIO.read(Path.of(m.group(1)).toFile());
        assertEquals(Charts.WIDTH, png.getWidth());
    }
}
