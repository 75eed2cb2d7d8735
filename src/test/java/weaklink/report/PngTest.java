package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** PNG files of opaque RGB images, the bytes ImageIO writes for them. */
class PngTest {
    /** What {@code ImageIO.write(image, "png", ...)} writes, the reference. */
    static byte[] imageIo(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            assertTrue(ImageIO.write(image, "png", stream));
        }
        return out.toByteArray();
    }

    @Test
    void randomImagesOfEverySizeAreImageIosBytes() throws IOException {
        SplittableRandom random = new SplittableRandom(26);
        int[][] sizes = {{1, 1}, {1, 9}, {9, 1}, {13, 5}, {255, 3}, {300, 200}, {641, 377}};
        for (int[] size : sizes) {
            for (int kind = 0; kind < 3; kind++) {
                BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        // noise (compresses badly: many IDAT chunks), few colours in runs, a smooth gradient
                        int rgb = kind == 0 ? random.nextInt(1 << 24) : kind == 1 ? (random.nextInt(50) == 0 ? random.nextInt(1 << 24) : 0xFFFFFF)
                                : ((x * 255 / Math.max(1, size[0] - 1)) << 16) | ((y * 255 / Math.max(1, size[1] - 1)) << 8) | ((x + y) & 0xFF);
                        image.setRGB(x, y, rgb);
                    }
                }
                assertArrayEquals(imageIo(image), Png.write(image), size[0] + " x " + size[1] + ", kind " + kind);
            }
        }
    }

    @Test
    void aDrawingWithAntialiasedLinesAndTextIsImageIosBytes() throws IOException {
        BufferedImage image = new BufferedImage(960, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 960, 560);
        SplittableRandom random = new SplittableRandom(7);
        g.setStroke(new BasicStroke(2.2f));
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(1 << 24)));
            g.drawLine(random.nextInt(960), random.nextInt(560), random.nextInt(960), random.nextInt(560));
            g.drawString("Loss ¥" + random.nextInt(1000) + "M", random.nextInt(900), random.nextInt(560));
        }
        g.dispose();
        byte[] png = Png.write(image);
        assertArrayEquals(imageIo(image), png);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(image.getRGB(480, 280), back.getRGB(480, 280));
    }

    @Test
    void anImageWithAlphaOrAPaletteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Png.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)));
        assertThrows(IllegalArgumentException.class, () -> Png.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED)));
    }
}
