package weaklink.io;

/**
 * How the cells of one CSV column are written and read back. Every number WeakLink writes goes
 * through one of these, so a file's bytes are the same on every machine and a reader is the exact
 * inverse of the writer.
 */
public enum CsvFormat {
    /** Free text, quoted and defused as {@link Csv#text} describes. */
    TEXT("text"),
    /** A whole number. */
    INTEGER("integer"),
    /** Money (or another measure): fixed point with 2 decimals, no exponent ({@link Csv#money}); empty for NaN. */
    MONEY("money, 2 decimals"),
    /** A probability, share, ratio or mean count: up to 9 significant digits, no exponent ({@link Csv#number}); empty for NaN. */
    NUMBER("number, up to 9 significant digits"),
    /** A yes/no flag: 1 or 0. */
    FLAG("1 or 0");

    private final String description;

    CsvFormat(String description) { this.description = description; }

    /** What a cell of this format looks like, for the documentation of the files. */
    public String description() { return description; }

    /** The cell of a numeric value. */
    public String write(double x) {
        return switch (this) {
            case MONEY -> Csv.money(x);
            case NUMBER -> Csv.number(x);
            case INTEGER -> Long.toString((long) x);
            case FLAG -> x != 0 ? "1" : "0";
            case TEXT -> throw new IllegalStateException("a text column has no numeric value");
        };
    }

    /**
     * The value of a numeric cell written by {@link #write}: an empty money or number cell is NaN,
     * {@code inf} and {@code -inf} are the infinities.
     *
     * @throws NumberFormatException if the cell is not of this format
     */
    public double read(String cell) {
        return switch (this) {
            case MONEY, NUMBER -> switch (cell) {
                case "" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> {
                    if (!plainDecimal(cell)) throw new NumberFormatException("expected a plain decimal number, found '" + cell + "'");
                    yield Double.parseDouble(cell);
                }
            };
            case INTEGER -> Long.parseLong(cell);
            case FLAG -> switch (cell) {
                case "1" -> 1;
                case "0" -> 0;
                default -> throw new NumberFormatException("expected 1 or 0, found '" + cell + "'");
            };
            case TEXT -> throw new IllegalStateException("a text column has no numeric value");
        };
    }

    /** Whether {@code cell} is {@code -?\d+(\.\d+)?} (checked by hand: a regular expression per cell cost most of reading a large table). */
    static boolean plainDecimal(String cell) {
        int n = cell.length(), i = cell.startsWith("-") ? 1 : 0, start = i;
        while (i < n && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') i++;
        if (i == start) return false;
        if (i == n) return true;
        if (cell.charAt(i) != '.') return false;
        int fraction = ++i;
        while (i < n && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') i++;
        return i == n && i > fraction;
    }
}
