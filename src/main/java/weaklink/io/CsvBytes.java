package weaklink.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows of a large table of numbers gathered as bytes, for the files with millions of cells (the ORD
 * export's SELT and SPLT): each cell goes straight into a byte array, with no string, builder or
 * encoder per cell or per row. The cells are those {@link CsvFormat#write} and {@link CsvColumn#cell}
 * give, character for character (plain ASCII: digits, sign, point), and the buffer counts its line
 * ends so a writer can hand them on with the bytes (see {@link AtomicFile.Pending#write}).
 */
public final class CsvBytes {
    private byte[] bytes;
    private int size;
    private long lines;

    public CsvBytes(int capacity) { this.bytes = new byte[Math.max(16, capacity)]; }

    /** Bytes gathered since the last {@link #clear}. */
    public int size() { return size; }

    /** Line ends gathered since the last {@link #clear}. */
    public long lines() { return lines; }

    /** A text of plain ASCII as it is (a header, a cell written once and repeated). */
    public CsvBytes ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) throw new IllegalArgumentException("not ASCII: " + s);
            if (c == '\n') lines++;
            bytes[size++] = (byte) c;
        }
        return this;
    }

    /** Bytes as they are: ASCII without line ends (a cell prepared once, see {@link #ascii(String)} for text). */
    public CsvBytes raw(byte[] cell) {
        room(cell.length);
        System.arraycopy(cell, 0, bytes, size, cell.length);
        size += cell.length;
        return this;
    }

    /** Bytes {@code [from, to)} gathered by {@code src}, without a line end among them (a cell it holds), as they are. */
    public CsvBytes raw(CsvBytes src, int from, int to) {
        int n = to - from;
        room(n);
        System.arraycopy(src.bytes, from, bytes, size, n);
        size += n;
        return this;
    }

    /** Bytes {@code [from, to)} gathered by {@code src} that are one whole row, its line end last: copied, and counted as a line. */
    public CsvBytes line(CsvBytes src, int from, int to) {
        raw(src, from, to);
        lines++;
        return this;
    }

    /**
     * A text cell encoded once and written in many rows (a policy's name, UTF-8 from {@link Csv#text}), as its
     * bytes are; unlike {@link #raw} it may hold any character, and its line ends are counted.
     */
    public CsvBytes encoded(byte[] cell) {
        room(cell.length);
        System.arraycopy(cell, 0, bytes, size, cell.length);
        size += cell.length;
        for (byte b : cell) if (b == '\n') lines++;
        return this;
    }

    public CsvBytes comma() {
        room(1);
        bytes[size++] = ',';
        return this;
    }

    /** Ends the row. */
    public CsvBytes newline() {
        room(1);
        bytes[size++] = '\n';
        lines++;
        return this;
    }

    /** A whole number, as {@link Long#toString(long)} writes it (an {@link CsvFormat#INTEGER} cell of a whole value). */
    public CsvBytes integer(long v) {
        room(20);
        if (v >= 0 && v <= Integer.MAX_VALUE) {
            size = whole(bytes, size, (int) v); // the ORD tables' ids, periods and dates
            return this;
        }
        if (v == Long.MIN_VALUE) return ascii(Long.toString(v));
        int at = size;
        if (v < 0) {
            bytes[at++] = '-';
            v = -v;
        }
        size = wholeLong(bytes, at, v);
        return this;
    }

    /*
     * The digits are written by static methods into the array at a position they are given, and return where
     * they end: C1 keeps locals in registers, but reloads fields after every store into an array.
     */

    /** Writes {@code v >= 0} into {@code b} from {@code at} as {@link Long#toString(long)} does; returns where it ends. */
    private static int wholeLong(byte[] b, int at, long v) {
        if (v <= Integer.MAX_VALUE) return whole(b, at, (int) v);
        int end = at + digits(v), p = end;
        // two digits per division, and no division once the rest fits an int
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            b[--p] = ONES[r];
            b[--p] = TENS[r];
            v = q;
        }
        leading(b, p, (int) v);
        return end;
    }

    /** Writes {@code i >= 0} into {@code b} from {@code at} as {@link Integer#toString(int)} does; returns where it ends. */
    private static int whole(byte[] b, int at, int i) {
        if (i < 10) {
            b[at] = (byte) ('0' + i);
            return at + 1;
        }
        if (i < 100) {
            b[at] = TENS[i];
            b[at + 1] = ONES[i];
            return at + 2;
        }
        int end = at + digits(i);
        leading(b, end, i);
        return end;
    }

    /** Writes {@code i >= 0}'s digits into {@code b} so that they end before {@code end}, two at a time, by multiplication. */
    private static void leading(byte[] b, int end, int i) {
        int p = end;
        while (i >= 100) {
            int q = div100(i), r = i - q * 100;
            b[--p] = ONES[r];
            b[--p] = TENS[r];
            i = q;
        }
        if (i >= 10) {
            b[p - 1] = ONES[i];
            b[p - 2] = TENS[i];
        } else {
            b[p - 1] = (byte) ('0' + i);
        }
    }

    /**
     * {@code i / 100} for every {@code 0 <= i <= Integer.MAX_VALUE}, by a multiplication and a shift (Granlund and
     * Montgomery, "Division by invariant integers using multiplication", PLDI 1994: 1374389535 = ceil(2^37 / 100),
     * and 1374389535 * 100 - 2^37 = 28 < 2^37 / 2^31). C1 compiles a division by a constant to a division instruction.
     */
    static int div100(int i) { return (int) ((i * 1374389535L) >>> 37); }

    /** {@code i / 10000} for every {@code 0 <= i < 100_000_000}, as {@link #div100} (109951163 = ceil(2^40 / 10^4), 109951163 * 10^4 - 2^40 = 2224 < 2^40 / 10^8). */
    static int div10000(int i) { return (int) ((i * 109951163L) >>> 40); }

    /** The tens and the ones digit of 0-99. */
    private static final byte[] TENS = new byte[100], ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** An amount, as {@link Csv#money} writes it: fixed point, two decimals; NaN empty; infinities and amounts beyond whole cents through {@link Csv#money}. */
    public CsvBytes money(double x) {
        if (!(Math.abs(x) < Csv.LARGEST_CENTS)) return ascii(Csv.money(x)); // NaN, infinities, beyond whole cents
        long cents = Math.round(x * 100.0);
        room(24);
        byte[] b = bytes;
        int at = size;
        long abs = cents;
        if (cents < 0) {
            b[at++] = '-';
            abs = -cents;
        }
        int lastTwo;
        if (abs <= Integer.MAX_VALUE) {
            int c = (int) abs, units = div100(c);
            at = whole(b, at, units);
            lastTwo = c - units * 100;
        } else {
            // one long division: the units above the last six, then those six and the cents from an int
            long high = abs / 100_000_000;
            int low = (int) (abs - high * 100_000_000), upper = div10000(low), lower = low - upper * 10000;
            at = high <= Integer.MAX_VALUE ? whole(b, at, (int) high) : wholeLong(b, at, high);
            int u = div100(upper), v = upper - u * 100, w = div100(lower);
            b[at] = TENS[u];
            b[at + 1] = ONES[u];
            b[at + 2] = TENS[v];
            b[at + 3] = ONES[v];
            b[at + 4] = TENS[w];
            b[at + 5] = ONES[w];
            at += 6;
            lastTwo = lower - w * 100;
        }
        b[at] = '.';
        b[at + 1] = TENS[lastTwo];
        b[at + 2] = ONES[lastTwo];
        size = at + 3;
        return this;
    }

    /** Writes what is gathered to {@code out} (with its line ends' count when it is a file being written) and clears it. */
    public void writeTo(AtomicFile.Pending out) throws IOException {
        out.write(bytes, 0, size, lines);
        clear();
    }

    /** Writes what is gathered to {@code out} and clears it. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
        clear();
    }

    public void clear() {
        size = 0;
        lines = 0;
    }

    /** A copy of the bytes gathered since the last {@link #clear}, the array's length theirs. */
    public byte[] toByteArray() { return Arrays.copyOf(bytes, size); }

    /** The bytes gathered as text: UTF-8, since {@link #encoded} cells may hold any character (the other cells are ASCII). */
    @Override
    public String toString() { return new String(bytes, 0, size, StandardCharsets.UTF_8); }

    private static int digits(long v) {
        if (v < 10) return 1;
        if (v < 100) return 2;
        int d = 3;
        for (long p = 1000; d < 19 && v >= p; p *= 10) d++;
        return d;
    }

    /** Digits of {@code 100 <= i} (a method small enough for C1 to inline). */
    private static int digits(int i) {
        int d = 3;
        for (int p = 1000; d < 10 && i >= p; p *= 10) d++;
        return d;
    }

    /** Makes room for {@code n} more bytes; the check alone, so that C1 inlines it into every cell's method. */
    private void room(int n) {
        if (size + n > bytes.length) grow(n);
    }

    private void grow(int n) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + n));
    }
}
