package weaklink.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one CSV file, in file order: the one list from which the file's header, its rows,
 * its readers and its documentation are made. Adding a column is adding it here (at the end, so
 * scripts that read columns by name keep working).
 *
 * @param <R> the row type
 */
public final class CsvTable<R> {
    private final String file;
    private final String description;
    private final List<CsvColumn<R>> columns;

    /**
     * @param file        the file's path inside a results folder, e.g. {@code summary.csv} or {@code ord/gul_S1_alt.csv}
     * @param description one sentence: what a row is
     * @param columns     the columns in file order
     */
    public CsvTable(String file, String description, List<CsvColumn<R>> columns) {
        this.file = file;
        this.description = description;
        this.columns = List.copyOf(columns);
        List<String> seen = new ArrayList<>();
        for (CsvColumn<R> c : this.columns) {
            if (seen.contains(c.name())) throw new IllegalArgumentException(file + ": column " + c.name() + " twice");
            seen.add(c.name());
        }
    }

    public String file() { return file; }
    public String description() { return description; }
    public List<CsvColumn<R>> columns() { return columns; }

    /** The column names, in file order. */
    public List<String> names() { return columns.stream().map(CsvColumn::name).toList(); }

    /** The header line, without the line end. */
    public String header() { return String.join(",", names()); }

    /** The column named {@code name}. */
    public CsvColumn<R> column(String name) {
        for (CsvColumn<R> c : columns) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException(file + " has no column " + name);
    }

    /** Appends {@code row}'s line, with its '\n'. */
    public void append(StringBuilder out, R row) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) out.append(',');
            columns.get(i).appendCell(out, row);
        }
        out.append('\n');
    }

    /** {@code row}'s line, without the line end. */
    public String line(R row) {
        StringBuilder sb = new StringBuilder(16 * columns.size());
        append(sb, row);
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** Writes the header line. */
    public void writeHeader(Writer out) throws IOException {
        out.write(header());
        out.write('\n');
    }

    /** Writes {@code row}'s line. */
    public void write(Writer out, R row) throws IOException {
        StringBuilder sb = new StringBuilder(16 * columns.size());
        append(sb, row);
        out.append(sb);
    }

    /** The whole file: header and rows (for the small tables; large ones are written row by row). */
    public String render(Iterable<R> rows) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (R r : rows) append(sb, r);
        return sb.toString();
    }
}
