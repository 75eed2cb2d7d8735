package weaklink.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV conventions of every file WeakLink writes: comma-separated, one header row, snake_case
 * column names, '\n' line ends, numbers in a locale-independent format so the same results give
 * the same bytes on every machine. Text cells are quoted when needed, and a text cell that starts
 * with {@code = + - @} (or a tab or carriage return) is prefixed with an apostrophe so that a
 * spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection"); so is a
 * cell that starts with an apostrophe, so that the reader can always remove exactly one:
 * {@link #split} (and the network reader, through {@link #unguard}) is the exact inverse of
 * {@link #text} for any text without line breaks (scenario.Names keeps those out of names).
 */
public final class Csv {
    private Csv() {}

    /**
     * A money amount or other measure: fixed-point with 2 decimals, no exponent; NaN as empty. An
     * amount too large for whole cents in a {@code long} (above about 9.2e16) is printed exactly,
     * never clamped.
     */
    public static String money(double x) {
        if (Double.isNaN(x)) return "";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (Math.abs(x) >= LARGEST_CENTS) return new BigDecimal(x).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return cents(Math.round(x * 100.0));
    }

    /** {@code c} cents as {@code BigDecimal.valueOf(c, 2).toPlainString()} writes them, without the BigDecimal (a table of millions of cells). */
    static String cents(long cents) {
        return appendCents(new StringBuilder(24), cents).toString();
    }

    /** Appends {@link #money}'s cell of {@code x} to {@code out} (a large table's cells without a string each). */
    public static void appendMoney(StringBuilder out, double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= LARGEST_CENTS) out.append(money(x));
        else appendCents(out, Math.round(x * 100.0));
    }

    private static StringBuilder appendCents(StringBuilder out, long cents) {
        long abs = Math.abs(cents), rest = abs % 100;
        if (cents < 0) out.append('-');
        return out.append(abs / 100).append('.').append((char) ('0' + rest / 10)).append((char) ('0' + rest % 10));
    }

    /** The last number written, kept because tables repeat one (an ORD period weight on every row); immutable, so safe to share. */
    private record LastNumber(double x, String cell) {}

    private static volatile LastNumber lastNumber = new LastNumber(Double.NaN, "");

    /** Amounts from here on would overflow {@code Math.round(x * 100)}; they are whole numbers anyway (above 2^53). */
    static final double LARGEST_CENTS = 9.0e16;

    /** A probability, share or ratio: up to 9 significant decimals, no exponent. */
    public static String number(double x) {
        if (Double.isNaN(x)) return "";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        LastNumber last = lastNumber;
        if (Double.doubleToRawLongBits(last.x()) == Double.doubleToRawLongBits(x)) return last.cell();
        BigDecimal d = new BigDecimal(x).round(new java.math.MathContext(9));
        String cell = d.stripTrailingZeros().toPlainString();
        lastNumber = new LastNumber(x, cell);
        return cell;
    }

    /** Characters that make a spreadsheet read a cell as a formula, and the guard itself. */
    private static final String GUARDED = "=+-@\t\r'";

    /** A text cell, quoted and defused as described above. */
    public static String text(String s) {
        if (s == null) return "";
        String v = s;
        if (!v.isEmpty() && GUARDED.indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** The text of a cell that {@link #text} wrote: its formula guard (a leading apostrophe) removed. */
    public static String unguard(String cell) {
        return !cell.isEmpty() && cell.charAt(0) == '\'' ? cell.substring(1) : cell;
    }

    /**
     * Splits one CSV line (RFC 4180 quoting, no embedded line breaks) into the texts that
     * {@link #text} wrote: quotes and each cell's formula guard removed. Cells of numbers are never
     * guarded, so they come back as written.
     */
    public static List<String> split(String line) {
        if (line.indexOf('"') < 0 && line.indexOf('\'') < 0) return plainSplit(line);
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(unguard(cell.toString()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(unguard(cell.toString()));
        return out;
    }

    /** {@link #split} of a line without quotes or apostrophes: the texts between the commas, as they are. */
    private static List<String> plainSplit(String line) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
            out.add(line.substring(from, comma));
            from = comma + 1;
        }
        out.add(line.substring(from));
        return out;
    }

    public static String join(List<String> cells) { return String.join(",", cells); }
}
