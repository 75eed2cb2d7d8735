package weaklink.report;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Opaque RGB images ({@link BufferedImage#TYPE_INT_RGB}, what the charts are drawn on) as PNG files,
 * the bytes Java 17's ImageIO writes for them ({@code ImageIO.write(image, "png", ...)}), made in a
 * fraction of its time: ImageIO copies each row into a raster of its own and reads it back sample by
 * sample before it compresses. The file, as ImageIO writes it for such an image:
 * <ul>
 * <li>the signature, then an {@code IHDR} chunk: width, height, 8 bits per sample, colour type 2
 *     (RGB), compression 0, filter method 0, no interlacing; no other chunk before the data;</li>
 * <li>each row as filter type 0 (none: Java 17 filters only palette images' rows) and its red,
 *     green and blue bytes, all rows compressed as one zlib stream at deflate level 4;</li>
 * <li>that stream in {@code IDAT} chunks of 32,768 bytes, the last one shorter; then {@code IEND}.</li>
 * </ul>
 * The same image gives the same bytes on every run and thread. {@code PngTest} checks them against
 * ImageIO's on random images and on every chart a quick start draws.
 */
public final class Png {
    /** ImageIO's deflate level for PNG when no write parameter is given. */
    static final int DEFLATE_LEVEL = 4;
    /** ImageIO's length of an {@code IDAT} chunk's data (all but the last). */
    static final int IDAT_LENGTH = 32768;
    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
    /** Rows compressed at a time: the deflater's output does not depend on how its input is handed to it. */
    private static final int ROWS_AT_ONCE = 16;

    private Png() {}

    /** {@code image} as a PNG file; it must be of {@link BufferedImage#TYPE_INT_RGB}. */
    public static byte[] write(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("a PNG is written here from an opaque RGB image (TYPE_INT_RGB), not one of type " + image.getType());
        }
        int width = image.getWidth(), height = image.getHeight();
        byte[] data = compressedRows(image.getRaster(), width, height);
        int chunks = Math.max(1, (data.length + IDAT_LENGTH - 1) / IDAT_LENGTH);
        Out out = new Out(SIGNATURE.length + 25 + data.length + 12 * chunks + 12);
        out.bytes(SIGNATURE, 0, SIGNATURE.length);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB; compression, filter method and interlacing stay 0
        out.chunk("IHDR", header, 0, header.length);
        for (int off = 0; off < data.length || off == 0; off += IDAT_LENGTH) {
            out.chunk("IDAT", data, off, Math.min(IDAT_LENGTH, data.length - off));
        }
        out.chunk("IEND", data, 0, 0);
        if (out.size != out.bytes.length) throw new IllegalStateException("PNG of " + out.size + " bytes, " + out.bytes.length + " expected");
        return out.bytes;
    }

    /** The rows, each filter type 0 and its pixels' red, green and blue bytes, as one zlib stream. */
    private static byte[] compressedRows(Raster raster, int width, int height) {
        int rowBytes = 1 + 3 * width;
        int[] pixels = new int[width];
        byte[] rows = new byte[rowBytes * Math.min(ROWS_AT_ONCE, height)];
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        try {
            byte[] out = new byte[Math.max(1024, rowBytes * height / 8)];
            int size = 0;
            for (int y = 0; y < height; ) {
                int n = Math.min(ROWS_AT_ONCE, height - y), at = 0;
                for (int r = 0; r < n; r++, y++) {
                    raster.getDataElements(0, y, width, 1, pixels);
                    rows[at++] = 0; // filter type: none
                    for (int x = 0; x < width; x++) {
                        int p = pixels[x];
                        rows[at++] = (byte) (p >> 16);
                        rows[at++] = (byte) (p >> 8);
                        rows[at++] = (byte) p;
                    }
                }
                deflater.setInput(rows, 0, at);
                while (!deflater.needsInput()) {
                    if (size == out.length) out = Arrays.copyOf(out, out.length * 2);
                    size += deflater.deflate(out, size, out.length - size);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                if (size == out.length) out = Arrays.copyOf(out, out.length * 2);
                size += deflater.deflate(out, size, out.length - size);
            }
            return Arrays.copyOf(out, size);
        } finally {
            deflater.end();
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** The file as it is put together: chunks, each its length, type, data and the CRC-32 of type and data. */
    private static final class Out {
        final byte[] bytes;
        int size;

        Out(int length) { bytes = new byte[length]; }

        void bytes(byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void chunk(String type, byte[] data, int off, int len) {
            putInt(bytes, size, len);
            size += 4;
            int typeAt = size;
            for (int i = 0; i < 4; i++) bytes[size++] = (byte) type.charAt(i);
            bytes(data, off, len);
            CRC32 crc = new CRC32();
            crc.update(bytes, typeAt, 4 + len);
            putInt(bytes, size, (int) crc.getValue());
            size += 4;
        }
    }
}
