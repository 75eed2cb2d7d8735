package weaklink.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import weaklink.experiment.EventRows.EventRow;
import weaklink.io.ByteLines;
import weaklink.io.CsvFormat;

/**
 * The rows of {@code events.csv} for the ORD export, read as bytes: the lines a
 * {@link java.io.BufferedReader} gives (ended by {@code \n}, {@code \r} or {@code \r\n}, decoded as
 * strict UTF-8) and the rows {@link EventRow#parse} makes of them, with the same failures, but
 * without a string per line and per cell. A line of plain ASCII numbers as the run writes them is
 * read here; any other line (quotes, formula guards, other characters, numbers of other forms,
 * another count of cells) is decoded and handed to {@link EventRow#parse}, which reads it or says
 * what is wrong with it. Reading back the tens of megabytes a run has just written was the ORD
 * export's critical path (docs/BENCHMARKS.md, "Sixth pass: the summaries").
 */
final class EventsReader implements java.io.Closeable {
    private static final int COLUMNS = 13;
    /** Digits of a whole number read here: at most 9, so it fits an int whatever they are. */
    private static final int INT_DIGITS = 9;

    private final ByteLines lines;
    private final String[] policies;
    private final byte[][] policyBytes;
    /** Where the last line's bytes are (in {@code lines.bytes()}). */
    private byte[] buf;
    private int lineStart, lineEnd;
    private final int[] cellStart = new int[COLUMNS + 1];
    private final int[] ints = new int[6];
    private final double[] money = new double[6];

    /** Opens {@code file}; {@code policies} are the run's (a row of one of them shares its name). */
    EventsReader(Path file, List<String> policies) throws IOException {
        this.lines = new ByteLines(Files.newInputStream(file));
        this.policies = policies.toArray(String[]::new);
        this.policyBytes = new byte[this.policies.length][];
        for (int i = 0; i < this.policies.length; i++) policyBytes[i] = this.policies[i].getBytes(StandardCharsets.UTF_8);
    }

    /** The number of the last line read, from 1 (the header). */
    public int line() { return lines.number(); }

    /** The first line, decoded, or null for an empty file. */
    public String header() throws IOException {
        return nextLine() ? text() : null;
    }

    /**
     * The row of the next line that is not empty, or null at the end of the file.
     *
     * @throws RuntimeException as {@link EventRow#parse} throws it for a bad line ({@link #line()} is its number)
     * @throws IOException      for bytes that are not UTF-8, as a reader of the file throws it
     */
    public EventRow next() throws IOException {
        do {
            if (!nextLine()) return null;
        } while (lineStart == lineEnd);
        return parse();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** Finds the next line; false at the end of the file. */
    private boolean nextLine() throws IOException {
        if (!lines.next()) return false;
        buf = lines.bytes();
        lineStart = lines.start();
        lineEnd = lines.end();
        return true;
    }

    /** The last line as text: its bytes decoded as strict UTF-8, as the reader of the file decodes them. */
    private String text() throws IOException {
        return lines.strictText();
    }

    private EventRow parse() throws IOException {
        int n = 0;
        cellStart[n++] = lineStart;
        for (int k = lineStart; k < lineEnd; k++) {
            byte b = buf[k];
            if (b < 0 || b == '"' || b == '\'') return EventRow.parse(text()); // other characters, quotes, a formula guard
            if (b == ',') {
                if (n == COLUMNS) return EventRow.parse(text());
                cellStart[n++] = k + 1;
            }
        }
        if (n != COLUMNS) return EventRow.parse(text());
        cellStart[COLUMNS] = lineEnd + 1;
        String policy = policy(cellStart[0], cellStart[1] - 1);
        for (int c = 1; c <= 6; c++) {
            long v = CsvFormat.plainWhole(buf, cellStart[c], cellStart[c + 1] - 1, INT_DIGITS);
            if (v == Long.MIN_VALUE) return EventRow.parse(text());
            ints[c - 1] = (int) v;
        }
        for (int c = 7; c < COLUMNS; c++) {
            double x = CsvFormat.shortDecimal(buf, cellStart[c], cellStart[c + 1] - 1);
            if (Double.isNaN(x)) return EventRow.parse(text());
            money[c - 7] = x;
        }
        return new EventRow(policy, ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], money[0], money[1], money[2], money[3], money[4], money[5]);
    }

    /** The policy named by bytes {@code from..to} (ASCII): the run's own string when it is one of the run's. */
    private String policy(int from, int to) {
        int len = to - from;
        for (int p = 0; p < policyBytes.length; p++) {
            byte[] b = policyBytes[p];
            if (b.length == len && java.util.Arrays.equals(b, 0, len, buf, from, to)) return policies[p];
        }
        return new String(buf, from, len, StandardCharsets.ISO_8859_1);
    }
}
