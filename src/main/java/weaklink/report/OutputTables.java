package weaklink.report;

import java.util.ArrayList;
import java.util.List;
import weaklink.experiment.EventRows;
import weaklink.experiment.ReplicateRow;
import weaklink.io.CsvColumn;
import weaklink.io.CsvTable;

/**
 * Every CSV file a results folder holds, as the column tables their writers and readers use, and
 * their documentation: docs/OUTPUTS.md shows {@link #markdown} of each table between
 * {@code <!-- columns: FILE -->} and {@code <!-- end columns -->} (a test checks the two agree).
 */
public final class OutputTables {
    private OutputTables() {}

    /** The tables in the order docs/OUTPUTS.md describes them. */
    public static List<CsvTable<?>> all() {
        List<CsvTable<?>> out = new ArrayList<>(List.of(ReplicateRow.TABLE, EventRows.EventRow.TABLE, EventRows.ClaimRow.TABLE, EventRows.YearRow.TABLE,
                SummaryColumn.TABLE, ExceedanceRow.TABLE,
                GroupTables.DayRow.TABLE, GroupTables.GroupRow.TABLE));
        out.addAll(OrdExport.tables());
        out.addAll(UncertaintyReport.tables());
        return out;
    }

    /** The table with this file name (its path inside a results folder). */
    public static CsvTable<?> of(String file) {
        for (CsvTable<?> t : all()) if (t.file().equals(file)) return t;
        throw new IllegalArgumentException("no output table " + file);
    }

    /** The documentation of a table's columns: what a row is, then one line per column (name, format, meaning). */
    public static String markdown(CsvTable<?> table) {
        StringBuilder sb = new StringBuilder(table.description()).append("\n\n| column | format | meaning |\n|---|---|---|\n");
        for (CsvColumn<?> c : table.columns()) {
            sb.append("| `").append(c.name()).append("` | ").append(c.format().description()).append(" | ")
                    .append(c.meaning().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
