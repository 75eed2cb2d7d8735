package weaklink.io;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One column of a CSV file WeakLink writes: its name, the format of its cells, what it means (the
 * text docs/OUTPUTS.md shows), and how a row's value is found. A file's columns are listed once,
 * in a {@link CsvTable}; writer, reader, merge and documentation all go through that list.
 *
 * @param <R> the row type the values come from
 */
public final class CsvColumn<R> {
    private final String name;
    private final CsvFormat format;
    private final String meaning;
    private final ToDoubleFunction<R> number;
    private final Function<R, String> text;

    private CsvColumn(String name, CsvFormat format, String meaning, ToDoubleFunction<R> number, Function<R, String> text) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("column names are plain identifiers: " + name);
        this.name = name;
        this.format = format;
        this.meaning = meaning;
        this.number = number;
        this.text = text;
    }

    /** A column of numbers in {@code format}. */
    public static <R> CsvColumn<R> of(String name, CsvFormat format, ToDoubleFunction<R> value, String meaning) {
        if (format == CsvFormat.TEXT) throw new IllegalArgumentException("use text() for a text column");
        return new CsvColumn<>(name, format, meaning, value, null);
    }

    /** A column of text. */
    public static <R> CsvColumn<R> text(String name, Function<R, String> value, String meaning) {
        return new CsvColumn<>(name, CsvFormat.TEXT, meaning, null, value);
    }

    public String name() { return name; }
    public CsvFormat format() { return format; }
    public String meaning() { return meaning; }

    /** The value of a numeric column in {@code row}. */
    public double value(R row) { return number.applyAsDouble(row); }

    /** The cell of {@code row} in this column, as written to the file. */
    public String cell(R row) {
        return format == CsvFormat.TEXT ? Csv.text(text.apply(row)) : format.write(number.applyAsDouble(row));
    }

    /** Appends {@link #cell}'s characters to {@code out}, a whole number's or an amount's without making a string of them first. */
    public void appendCell(StringBuilder out, R row) {
        switch (format) {
            case TEXT -> out.append(Csv.text(text.apply(row)));
            case INTEGER -> out.append((long) number.applyAsDouble(row));
            case MONEY -> Csv.appendMoney(out, number.applyAsDouble(row));
            default -> out.append(format.write(number.applyAsDouble(row)));
        }
    }

    @Override public String toString() { return name; }
}
