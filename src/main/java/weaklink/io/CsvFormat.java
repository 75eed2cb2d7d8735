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
                    double exact = shortDecimal(cell);
                    if (!Double.isNaN(exact)) yield exact;
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

    /** Exact powers of ten: 10^k for k up to 15 is a double exactly. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /**
     * The value of a plain decimal {@code -?\d+(\.\d+)?} of at most 15 digits, as
     * {@link Double#parseDouble} reads it, or NaN for any other cell (the caller then takes the slow
     * path). Its digits as a whole number {@code m < 10^15 < 2^53} and {@code 10^k} are both doubles
     * exactly, so {@code m / 10^k}, rounded once to the nearest double, is the nearest double to the
     * decimal: what {@code parseDouble} returns (Clinger 1990's fast path). A table of millions of
     * money cells is read several times faster.
     */
    static double shortDecimal(String cell) {
        int n = cell.length(), i = 0;
        boolean negative = n > 0 && cell.charAt(0) == '-';
        if (negative) i++;
        long m = 0;
        int digits = 0, fraction = -1;
        for (; i < n; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 15) return Double.NaN;
                m = m * 10 + (c - '0');
                if (fraction >= 0) fraction++;
            } else if (c == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || fraction == 0) return Double.NaN;
        double x = fraction > 0 ? m / POWERS_OF_TEN[fraction] : m;
        return negative ? -x : x;
    }

    /**
     * {@link #shortDecimal(String)} of the cell held as ASCII in {@code buf[from, to)}: the same
     * value, or NaN, for the same characters (a reader of raw bytes skips making a string per cell).
     */
    public static double shortDecimal(byte[] buf, int from, int to) {
        int i = from;
        boolean negative = i < to && buf[i] == '-';
        if (negative) i++;
        long m = 0;
        int digits = 0, fraction = -1;
        for (; i < to; i++) {
            byte c = buf[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 15) return Double.NaN;
                m = m * 10 + (c - '0');
                if (fraction >= 0) fraction++;
            } else if (c == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || fraction == 0) return Double.NaN;
        double x = fraction > 0 ? m / POWERS_OF_TEN[fraction] : m;
        return negative ? -x : x;
    }

    /**
     * The whole number {@code -?\d{1,maxDigits}} held as ASCII in {@code buf[from, to)}, as {@link Long#parseLong}
     * reads it, or {@code Long.MIN_VALUE} for any other cell (the caller then takes the slow path, which reads
     * it or says what is wrong). {@code maxDigits} is at most 18, so the digits never overflow.
     */
    public static long plainWhole(byte[] buf, int from, int to, int maxDigits) {
        int i = from;
        boolean negative = i < to && buf[i] == '-';
        if (negative) i++;
        if (i == to || to - i > maxDigits) return Long.MIN_VALUE;
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) return Long.MIN_VALUE;
            v = v * 10 + d;
        }
        return negative ? -v : v;
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
