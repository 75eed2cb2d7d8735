package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts drawn on several threads ({@link ReportWriter#write(Path, int)}) are, file for file and
 * byte for byte, those drawn on one, and the report lists them and the charts left out in the same
 * order; the page's text, written while the charts are drawn, is the one-thread page.
 */
class ChartsOnThreadsTest {
    @Test
    void chartsDrawnOnFourThreadsAreTheBytesOfOneThread(@TempDir Path tmp) throws Exception {
        Path run = RealRun.make(tmp, 20);
        Path one = RealRun.copy(run, tmp.resolve("one")), four = RealRun.copy(run, tmp.resolve("four"));
        // a chart left out between drawn ones: its note must stay in its place in the page
        for (Path dir : List.of(one, four)) Files.delete(dir.resolve(Results.TIMESERIES));

        ReportWriter.Outcome a = ReportWriter.write(one, 1), b = ReportWriter.write(four, 4);

        assertEquals(a.charts(), b.charts());
        assertEquals(a.notes(), b.notes());
        assertTrue(a.charts().size() >= 6 && !a.charts().contains("timeseries") && a.notes().size() == 1, a.charts() + " " + a.notes());
        for (String f : a.files()) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(four.resolve(f)), f);
        String page = Files.readString(four.resolve(ReportWriter.REPORT));
        assertTrue(page.indexOf("id=\"exceedance\"") < page.indexOf("Compromised and down firms over time: not drawn")
                && page.indexOf("Compromised and down firms over time: not drawn") < page.indexOf("id=\"burden_by_group\""));
    }

    @Test
    void everyChartDrawnOnTwoThreadsWhileThePageIsWrittenGivesTheFilesAndPageOfOneThread(@TempDir Path tmp) throws Exception {
        Path run = RealRun.make(tmp, 20);
        Path one = RealRun.copy(run, tmp.resolve("one")), two = RealRun.copy(run, tmp.resolve("two"));

        ReportWriter.Outcome a = ReportWriter.write(one, 1), b = ReportWriter.write(two, 2);

        assertEquals(ReportWriter.outputs(), a.files(), "every standard chart drawn, in the figures' order, then the page");
        assertEquals(a.files(), b.files());
        for (String f : a.files()) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        String page = Files.readString(two.resolve(ReportWriter.REPORT));
        int previous = page.indexOf("id=\"answer\"");
        for (String chart : a.charts()) {
            int at = page.indexOf("<figure id=\"" + chart + "\">");
            assertTrue(at > previous, chart + " is in its place among the figures");
            previous = at;
        }
        assertTrue(page.indexOf("id=\"method\"") > previous && page.endsWith("</main>\n</body>\n</html>\n"));
    }
}
