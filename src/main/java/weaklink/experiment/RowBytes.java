package weaklink.experiment;

import java.nio.charset.StandardCharsets;
import weaklink.io.CsvBytes;

/**
 * A replicate's rows of one file as the bytes written to it (UTF-8), with their line ends counted: made
 * on the worker that computed the replicate, so the one thread that writes the replicates in order only
 * hashes and writes them (it used to encode each row's text and count its line ends itself, work the
 * second core could not share; docs/BENCHMARKS.md, "Eleventh pass").
 *
 * @param bytes the rows, each ending in '\n' (not to be changed once made)
 * @param lines the '\n' bytes among them
 */
record RowBytes(byte[] bytes, long lines) {
    static final RowBytes EMPTY = new RowBytes(new byte[0], 0);

    /** The rows {@code text} (whole lines), encoded and counted. */
    static RowBytes of(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long lines = 0;
        for (byte x : b) if (x == '\n') lines++;
        return new RowBytes(b, lines);
    }

    /** The rows gathered in {@code rows} (whole lines), copied, with the line ends it counted. */
    static RowBytes of(CsvBytes rows) {
        return new RowBytes(rows.toByteArray(), rows.lines());
    }

    /** The rows as text. */
    String text() { return new String(bytes, StandardCharsets.UTF_8); }
}
