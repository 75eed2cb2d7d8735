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
        if (v == Long.MIN_VALUE) return ascii(Long.toString(v));
        room(20);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int end = size + digits(v);
        size = end;
        // two digits per division, and 32-bit divisions once the rest fits an int (C1 leaves each division a division)
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            bytes[--end] = ONES[r];
            bytes[--end] = TENS[r];
            v = q;
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100, r = i - q * 100;
            bytes[--end] = ONES[r];
            bytes[--end] = TENS[r];
            i = q;
        }
        if (i >= 10) {
            bytes[--end] = ONES[i];
            bytes[--end] = TENS[i];
        } else {
            bytes[--end] = (byte) ('0' + i);
        }
        return this;
    }

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
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= Csv.LARGEST_CENTS) return ascii(Csv.money(x));
        long cents = Math.round(x * 100.0);
        long abs = Math.abs(cents), rest = abs % 100;
        room(24);
        if (cents < 0) bytes[size++] = '-';
        integer(abs / 100);
        bytes[size++] = '.';
        bytes[size++] = (byte) ('0' + rest / 10);
        bytes[size++] = (byte) ('0' + rest % 10);
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

    @Override
    public String toString() { return new String(bytes, 0, size, StandardCharsets.US_ASCII); }

    private static int digits(long v) {
        if (v < 10) return 1;
        if (v < 100) return 2;
        int d = 3;
        for (long p = 1000; d < 19 && v >= p; p *= 10) d++;
        return d;
    }

    private void room(int n) {
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + n));
    }
}
