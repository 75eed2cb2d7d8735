package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

/** Every chart a quick start draws is, as a file, the PNG ImageIO writes for the chart's image. */
class ChartsPngTest {
    @Test
    void everyChartOfAQuickStartIsTheBytesImageIoWritesForItsImage(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("results");
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("run", "scenarios/quickstart.yaml", "--replicates", "20", "--out", out.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        List<Path> charts;
        try (Stream<Path> files = Files.list(out.resolve(ReportWriter.CHARTS))) {
            charts = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertEquals(7, charts.size(), charts.toString());
        for (Path chart : charts) {
            byte[] file = Files.readAllBytes(chart);
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(file));
            int w = read.getWidth(), h = read.getHeight();
            BufferedImage drawn = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB); // the type the charts are drawn on
            drawn.setRGB(0, 0, w, h, read.getRGB(0, 0, w, h, null, 0, w), 0, w);
            ByteArrayOutputStream imageIo = new ByteArrayOutputStream();
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(imageIo)) {
                assertTrue(ImageIO.write(drawn, "png", stream));
            }
            assertArrayEquals(imageIo.toByteArray(), file, chart.getFileName().toString());
            assertArrayEquals(file, Png.write(drawn), chart.getFileName().toString());
        }
    }
}
