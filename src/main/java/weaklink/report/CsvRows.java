package weaklink.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import weaklink.io.Csv;
import weaklink.scenario.BadInputException;

/**
 * Reads a results CSV row by row, by column name, so columns added at the end of a file (the
 * contract allows it) change nothing here. A missing column or a cell that is not a number is bad
 * input, reported with the file, line, column and what was found.
 */
final class CsvRows {
    /** One data row; cells are looked up by the column indexes {@link #column} returned. */
    final class Row {
        private List<String> cells;
        private int line;

        String text(int column) {
            return cells.get(column);
        }

        /** The cell as a number; an empty cell is NaN (how {@code Csv.money} writes NaN). */
        double number(int column) throws BadInputException {
            String s = cells.get(column);
            if (s.isEmpty()) return Double.NaN;
            switch (s) {
                case "inf": return Double.POSITIVE_INFINITY;
                case "-inf": return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new BadInputException(file, line, column + 1, header.get(column), "expected a number, found '" + s + "'");
                    }
            }
        }

        int line() { return line; }
    }

    /** What to do with each row. */
    @FunctionalInterface
    interface Visitor {
        void visit(Row row) throws BadInputException;
    }

    private final Path file;
    private final List<String> header;

    private CsvRows(Path file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    /** The index of {@code name} in the header; bad input if the file lacks it. */
    int column(String name) throws BadInputException {
        int i = header.indexOf(name);
        if (i < 0) throw new BadInputException(file, 1, 0, name, "missing column '" + name + "'; the header has: " + String.join(", ", header));
        return i;
    }

    /** Whether the header has {@code name}. */
    boolean has(String name) {
        return header.contains(name);
    }

    /**
     * Reads {@code file}: {@code setup} looks up the columns it needs, then {@code rows} visits every
     * non-empty data row in file order.
     */
    static void read(Path file, Setup setup) throws IOException, BadInputException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) throw new BadInputException(file, 1, 0, null, "is empty; expected a header row");
            CsvRows table = new CsvRows(file, Csv.split(first));
            Visitor visitor = setup.columns(table);
            Row row = table.new Row();
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isEmpty()) continue;
                row.cells = Csv.split(line);
                row.line = lineNo;
                if (row.cells.size() < table.header.size()) {
                    throw new BadInputException(file, lineNo, 0, null, "has " + row.cells.size() + " cells, the header has " + table.header.size());
                }
                visitor.visit(row);
            }
        }
    }

    /** Looks up columns once the header is known and returns the row visitor. */
    @FunctionalInterface
    interface Setup {
        Visitor columns(CsvRows table) throws BadInputException;
    }
}
