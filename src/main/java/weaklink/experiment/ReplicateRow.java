package weaklink.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weaklink.io.Csv;
import weaklink.io.CsvColumn;
import weaklink.io.CsvFormat;
import weaklink.io.CsvTable;

/**
 * One row of {@code replicates.csv}: the figures of one replicate under one policy, by
 * {@link ReplicateColumn}. Made from a {@link ReplicateOutcome} when a replicate is computed, or
 * read back from the file; either way {@link #toCsv()} gives the same line.
 */
public final class ReplicateRow {
    private static final ReplicateColumn[] COLUMNS = ReplicateColumn.values();

    /** The file's columns: the one list the writer, the readers and docs/OUTPUTS.md share. */
    public static final CsvTable<ReplicateRow> TABLE = new CsvTable<>("replicates.csv",
            "One row per (replicate, policy), in replicate order, policies in the manifest's order.", columns());

    private final String policy;
    private final double[] values;

    private ReplicateRow(String policy, double[] values) {
        this.policy = policy;
        this.values = values;
    }

    private static List<CsvColumn<ReplicateRow>> columns() {
        List<CsvColumn<ReplicateRow>> out = new ArrayList<>();
        for (ReplicateColumn c : COLUMNS) {
            out.add(c == ReplicateColumn.POLICY ? CsvColumn.text(c.header(), ReplicateRow::policy, c.meaning())
                    : CsvColumn.of(c.header(), c.format(), r -> r.values[c.ordinal()], c.meaning()));
        }
        return out;
    }

    /** The row of one replicate's outcome under one policy. */
    public static ReplicateRow of(ReplicateOutcome outcome) {
        double[] values = new double[COLUMNS.length];
        for (ReplicateColumn c : COLUMNS) values[c.ordinal()] = c == ReplicateColumn.POLICY ? Double.NaN : c.of(outcome);
        return new ReplicateRow(outcome.policy(), values);
    }

    public String policy() { return policy; }

    public int replicate() { return (int) values[ReplicateColumn.REPLICATE.ordinal()]; }

    /** The value in a numeric column (as written: money to the cent once read back). */
    public double value(ReplicateColumn column) {
        if (column == ReplicateColumn.POLICY) throw new IllegalArgumentException("policy is text: use policy()");
        return values[column.ordinal()];
    }

    public static String header() { return TABLE.header(); }

    /** The CSV line, without the line end. */
    public String toCsv() { return TABLE.line(this); }

    /** Appends the CSV line and its '\n'. */
    void appendTo(StringBuilder out) { TABLE.append(out, this); }

    /**
     * Parses a line of a file whose header is {@link #header()}.
     *
     * @throws IllegalArgumentException naming the column when a cell is not what the column holds
     */
    public static ReplicateRow parse(String line) {
        List<String> cells = Csv.split(line);
        if (cells.size() != COLUMNS.length) throw new IllegalArgumentException("expected " + COLUMNS.length + " columns, found " + cells.size());
        double[] values = new double[COLUMNS.length];
        for (ReplicateColumn c : COLUMNS) {
            if (c == ReplicateColumn.POLICY) {
                values[c.ordinal()] = Double.NaN;
                continue;
            }
            try {
                values[c.ordinal()] = c.format().read(cells.get(c.ordinal()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column " + c.header() + ": " + e.getMessage());
            }
        }
        return new ReplicateRow(cells.get(ReplicateColumn.POLICY.ordinal()), values);
    }

    /**
     * The rows of lines held as bytes ({@link weaklink.io.ByteLines}) of a file whose header is {@link #header()}: a
     * line of the plain form the run writes (ASCII, no quotes or formula guards, as many cells as columns) is read
     * here, to the same row {@link #parse} makes of it, without a string per line or per cell (a cell the byte readers
     * do not take, such as a share of 16 digits or {@code inf}, by its column's {@link CsvFormat#read}, as parse reads
     * it); any other line, and any line with a cell its column refuses, is left to {@link #parse}, which reads it or
     * says what is wrong. Reading {@code replicates.csv}
     * back a line and a cell at a time as strings was most of the summaries' main thread (docs/BENCHMARKS.md,
     * "Twelfth pass: the summaries' main thread").
     */
    static final class PlainLines {
        /** Digits of a whole number read here: at most 18, so it fits a long whatever they are. */
        private static final int WHOLE_DIGITS = 18;
        private static final CsvFormat[] FORMATS = Arrays.stream(COLUMNS).map(ReplicateColumn::format).toArray(CsvFormat[]::new);
        private final String[] names;
        private final byte[][] nameBytes;
        private final int[] cellStart = new int[COLUMNS.length + 1];

        /** For a file of the rows of {@code policies} (a row of one of them shares its name). */
        PlainLines(List<String> policies) {
            names = policies.toArray(String[]::new);
            nameBytes = new byte[names.length][];
            for (int i = 0; i < names.length; i++) nameBytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }

        /** The row of the line {@code buf[from, to)} as {@link #parse} reads it, or null when the line is not of the plain form. */
        ReplicateRow parse(byte[] buf, int from, int to) {
            int n = 0;
            cellStart[n++] = from;
            for (int k = from; k < to; k++) {
                byte b = buf[k];
                if (b < 0 || b == '"' || b == '\'') return null; // other characters, quotes, a formula guard
                if (b == ',') {
                    if (n == COLUMNS.length) return null;
                    cellStart[n++] = k + 1;
                }
            }
            if (n != COLUMNS.length) return null;
            cellStart[n] = to + 1;
            double[] values = new double[COLUMNS.length];
            values[ReplicateColumn.POLICY.ordinal()] = Double.NaN;
            for (int c = 0; c < COLUMNS.length; c++) {
                CsvFormat f = FORMATS[c];
                if (f == CsvFormat.TEXT) continue;
                int a = cellStart[c], z = cellStart[c + 1] - 1;
                boolean empty = a == z && (f == CsvFormat.MONEY || f == CsvFormat.NUMBER); // NaN as written
                double x = empty ? Double.NaN : plainCell(f, buf, a, z);
                if (Double.isNaN(x) && !empty) {
                    // a cell of another form (a number of more digits, inf, a sign): read by its column's own reader
                    try {
                        x = f.read(new String(buf, a, z - a, StandardCharsets.ISO_8859_1));
                    } catch (NumberFormatException e) {
                        return null; // parse says what is wrong
                    }
                }
                values[c] = x;
            }
            int p = ReplicateColumn.POLICY.ordinal();
            return new ReplicateRow(name(buf, cellStart[p], cellStart[p + 1] - 1), values);
        }

        /** The value of a cell of {@code format} in {@code buf[a, z)} read from its bytes, or NaN for a cell of any other form. */
        private static double plainCell(CsvFormat format, byte[] buf, int a, int z) {
            return switch (format) {
                case INTEGER -> {
                    long v = CsvFormat.plainWhole(buf, a, z, WHOLE_DIGITS);
                    yield v == Long.MIN_VALUE ? Double.NaN : v;
                }
                case MONEY, NUMBER -> CsvFormat.shortDecimal(buf, a, z);
                case FLAG -> z - a == 1 && (buf[a] == '0' || buf[a] == '1') ? buf[a] - '0' : Double.NaN;
                case TEXT -> Double.NaN;
            };
        }

        /** The policy named by ASCII bytes {@code buf[from, to)}: the run's own string when it is one of the run's. */
        private String name(byte[] buf, int from, int to) {
            int len = to - from;
            for (int i = 0; i < nameBytes.length; i++) {
                if (nameBytes[i].length == len && Arrays.equals(nameBytes[i], 0, len, buf, from, to)) return names[i];
            }
            return new String(buf, from, len, StandardCharsets.ISO_8859_1);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof ReplicateRow r && r.policy.equals(policy) && Arrays.equals(r.values, values);
    }

    @Override public int hashCode() { return policy.hashCode() * 31 + Arrays.hashCode(values); }

    @Override public String toString() { return toCsv(); }
}
