package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless Chromium, offline, and checks that every image loaded and
 * nothing on the page failed. A copy of the report gets a first script that counts error events
 * (script errors and failed loads, caught on the window in the capture phase) and, on load, writes
 * the counts into attributes of the root element, which {@code --dump-dom} prints.
 * Runs wherever /usr/bin/chromium is installed, and always in CI (CI=true), where its absence fails.
 */
@Tag("chromium")
class ReportInChromiumTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String PROBE = "<script>window.wlErrors=0;window.addEventListener('error',function(){window.wlErrors++;},true);"
            + "window.addEventListener('load',function(){var im=document.images,ok=0;"
            + "for(var i=0;i<im.length;i++){if(im[i].complete&&im[i].naturalWidth>0)ok++;}"
            + "var h=document.documentElement;h.setAttribute('data-images',im.length);h.setAttribute('data-loaded',ok);"
            + "h.setAttribute('data-errors',window.wlErrors);});</script>";

    @TempDir Path dir;

    /** The root element's counts after Chromium loaded {@code page}: images, images loaded, errors. */
    int[] load(Path page) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path stdout = dir.resolve("dom.html"), stderr = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--dump-dom", page.toUri().toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<html[^>]*data-images=\"(\\d+)\" data-loaded=\"(\\d+)\" data-errors=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the probe ran (exit " + p.exitValue() + "); chromium said:\n" + Files.readString(stderr));
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    Path probed(Path report, String extraBody) throws IOException {
        String html = Files.readString(report, StandardCharsets.UTF_8);
        html = html.replaceFirst("<head>", "<head>\n" + Matcher.quoteReplacement(PROBE)).replace("</main>", extraBody + "</main>");
        Path page = report.resolveSibling("probed-" + extraBody.length() + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    @Test
    void reportLoadsEveryImageWithoutErrorsInHeadlessChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) || "true".equals(System.getenv("CI")),
                "no /usr/bin/chromium outside CI (install Debian's chromium package)");
        assertTrue(Files.isExecutable(CHROMIUM), "CI must install chromium (.ci/run does)");
        Path results = RealRun.make(dir, 30);
        int[] counts = load(probed(results.resolve(ReportWriter.REPORT), ""));
        assertEquals(List.of(ReportWriterTest.CHARTS.size(), ReportWriterTest.CHARTS.size(), 0), List.of(counts[0], counts[1], counts[2]),
                "images on the page, images loaded, errors");

        // The probe itself must be able to fail: a broken image and a script error are counted.
        int[] broken = load(probed(results.resolve(ReportWriter.REPORT), "<img src=\"charts/absent.png\"><script>noSuchFunction();</script>"));
        assertEquals(List.of(ReportWriterTest.CHARTS.size() + 1, ReportWriterTest.CHARTS.size(), 2), List.of(broken[0], broken[1], broken[2]));
    }
}
