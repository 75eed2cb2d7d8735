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

    /**
     * Cells {@link #number} has written, kept because tables repeat a few values: an ORD period weight on every row,
     * and three funding figures per policy on every row of {@code replicates.csv}, where eight policies take turns
     * (so a single last value missed every time, and each miss made a {@code BigDecimal} and stored into one field
     * that every worker thread shared). A value is looked for in the {@link #NUMBER_WAYS} slots from the one its bits
     * hash to; a new one goes into the first empty slot of those, or, when all four are taken (a table of many values
     * was written before), into one chosen by a count of such misses, so that two values of the same slots do not
     * keep taking each other's place. A slot is only ever replaced, by an immutable record whose fields are final,
     * so a thread reads a whole entry, another value's or null, and a miss only computes the same cell again: no lock
     * and no volatile are needed, and the count may lose an increment.
     */
    private record NumberCell(double x, String cell) {}

    private static final int NUMBER_SLOTS = 256, NUMBER_WAYS = 4;
    private static final NumberCell[] numberCells = new NumberCell[NUMBER_SLOTS];
    private static int numberEvictions;

    /** Amounts from here on would overflow {@code Math.round(x * 100)}; they are whole numbers anyway (above 2^53). */
    static final double LARGEST_CENTS = 9.0e16;

    /** A probability, share or ratio: up to 9 significant decimals, no exponent. */
    public static String number(double x) {
        if (Double.isNaN(x)) return "";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        long bits = Double.doubleToRawLongBits(x);
        int home = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 56); // the top 8 bits of a Fibonacci hash: NUMBER_SLOTS = 256
        int into = -1;
        for (int i = 0; i < NUMBER_WAYS; i++) {
            int slot = (home + i) & (NUMBER_SLOTS - 1);
            NumberCell known = numberCells[slot];
            if (known == null) {
                into = slot;
                break;
            }
            if (Double.doubleToRawLongBits(known.x()) == bits) return known.cell();
        }
        if (into < 0) into = (home + (numberEvictions++ & (NUMBER_WAYS - 1))) & (NUMBER_SLOTS - 1);
        String cell = new BigDecimal(x).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
        numberCells[into] = new NumberCell(x, cell);
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
