package weaklink.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weaklink.io.Csv;
import weaklink.io.CsvColumn;
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

    @Override public boolean equals(Object o) {
        return o instanceof ReplicateRow r && r.policy.equals(policy) && Arrays.equals(r.values, values);
    }

    @Override public int hashCode() { return policy.hashCode() * 31 + Arrays.hashCode(values); }

    @Override public String toString() { return toCsv(); }
}
