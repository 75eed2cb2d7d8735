package weaklink.network;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import weaklink.io.InputFile;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Names;
import weaklink.scenario.Suggest;

/**
 * Reads a network CSV file row by row without an object per cell: UTF-8 (a leading byte-order
 * mark is skipped), '\n', "\r\n" or '\r' line ends, RFC 4180 quoting within a line, blank lines
 * skipped. Cells are addressed by column number; every error names the file, line, column and
 * column name, and echoes at most a short prefix of a cell ({@link #ECHO_CHARS} characters), so
 * that naming the wrong file (a system file, an environment dump) does not print its content.
 *
 * <p>The file is read once, from a regular file only ({@link InputFile}), and its SHA-256 is
 * computed from the bytes read ({@link #digest()}); a line longer than {@link #MAX_LINE_CHARS} is
 * refused before it is held in memory.
 */
final class CsvLines implements Closeable {
    /** Longest line accepted: a row of firms.csv with every attribute and a long name is under 1 KB. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** Most characters of a cell that an error message repeats. */
    static final int ECHO_CHARS = 24;

    private final Path file;
    private final InputFile.Hashing bytes;
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos, len;
    private boolean ended, skipLf;
    /** Characters consumed by the rows returned so far, line ends included. */
    private long consumed;
    private final StringBuilder lineText = new StringBuilder(256);
    private final List<String> header = new ArrayList<>();
    private String text;
    private int line;
    private int cells;
    private int[] start = new int[16];
    private int[] end = new int[16];
    /** Unquoted content of quoted cells, else null. */
    private String[] unquoted = new String[16];

    /** Opens the file and reads its header row; {@code known} lists the accepted column names. */
    CsvLines(Path file, List<String> known, List<String> required) throws IOException, BadInputException {
        this.file = file;
        try {
            this.bytes = InputFile.open(file, Long.MAX_VALUE);
        } catch (InputFile.Refused e) {
            throw new BadInputException(file.toString(), 0, 0, null, e.reason());
        }
        // malformed bytes become U+FFFD and are refused line by line, so the error can name its line
        this.in = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        try {
            if (!next()) throw new BadInputException(file.toString(), 1, 0, null, "the file is empty; its first row must be the header (" + String.join(",", required) + ", ...)");
            for (int c = 0; c < cells; c++) {
                String name = cell(c).trim();
                if (!known.contains(name)) {
                    String s = Suggest.closest(name, known);
                    throw error(c, null, "unknown column '" + echo(name) + "'" + (s == null ? "" : " (did you mean '" + s + "'?)")
                            + "; known columns: " + String.join(", ", known) + (c == 0 ? " (is this a " + describe(required) + " file?)" : ""));
                }
                if (header.contains(name)) throw error(c, null, "column '" + name + "' appears twice");
                header.add(name);
            }
            for (String r : required) {
                if (!header.contains(r)) throw new BadInputException(file.toString(), line, 0, null, "the header has no '" + r + "' column (required)");
            }
        } catch (IOException | BadInputException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The column number of a header name, or -1 when the file does not have that column. */
    int column(String name) { return header.indexOf(name); }

    int line() { return line; }
    Path file() { return file; }

    /**
     * Characters up to the end of the current row (for projecting the rows of the whole file from
     * those counted; in a UTF-8 file a character is one byte or more, so the projection errs on the
     * side of more rows).
     */
    long bytesRead() { return consumed; }

    /** Size and SHA-256 of the bytes read; only once {@link #next()} has returned false. */
    InputFile.Digest digest() { return bytes.digest(); }

    private static String describe(List<String> required) {
        return required.contains("kind") ? "links.csv" : required.contains("firm_id") ? "portfolio" : "firms.csv";
    }

    /** Reads the next non-blank row; false at the end of the file. */
    boolean next() throws IOException, BadInputException {
        while (true) {
            text = readLine();
            if (text == null) return false;
            line++;
            if (text.indexOf('\uFFFD') >= 0) throw new BadInputException(file.toString(), line, 0, null, "is not valid UTF-8 text");
            if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
            if (!text.isEmpty()) break;
        }
        split();
        if (!header.isEmpty() && cells != header.size()) {
            throw new BadInputException(file.toString(), line, 0, null, "the row has " + cells + " cells but the header has " + header.size() + " columns");
        }
        return true;
    }

    /** The next line without its end ('\n', "\r\n" or '\r'), or null at the end of the file; at most {@link #MAX_LINE_CHARS}. */
    private String readLine() throws IOException, BadInputException {
        StringBuilder b = lineText;
        b.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == len) {
                if (ended) return any ? b.toString() : null;
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    ended = true;
                    continue;
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    consumed++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') pos++;
            if (b.length() + (pos - start) > MAX_LINE_CHARS) {
                throw new BadInputException(file.toString(), line + 1, 0, null, "the line is longer than " + MAX_LINE_CHARS
                        + " characters; a network or portfolio file has one short row per firm or link (is this a "
                        + (header.contains("kind") ? "links" : header.contains("firm_id") ? "portfolio" : "firms") + " file?)");
            }
            b.append(buf, start, pos - start);
            consumed += pos - start;
            if (pos < len) {
                consumed++;
                if (buf[pos++] == '\r') skipLf = true;
                return b.toString();
            }
        }
    }

    private void split() throws BadInputException {
        cells = 0;
        int i = 0, n = text.length();
        while (true) {
            if (cells == start.length) {
                start = java.util.Arrays.copyOf(start, cells * 2);
                end = java.util.Arrays.copyOf(end, cells * 2);
                unquoted = java.util.Arrays.copyOf(unquoted, cells * 2);
            }
            int c = cells++;
            unquoted[c] = null;
            if (i < n && text.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) throw new BadInputException(file.toString(), line, c + 1, name(c), "a quoted cell is not closed on its line (line breaks inside cells are not supported)");
                    char ch = text.charAt(j);
                    if (ch == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            b.append('"');
                            j += 2;
                            continue;
                        }
                        j++;
                        break;
                    }
                    b.append(ch);
                    j++;
                }
                if (j < n && text.charAt(j) != ',') throw new BadInputException(file.toString(), line, c + 1, name(c), "text after the closing quote of a quoted cell");
                unquoted[c] = b.toString();
                start[c] = i;
                end[c] = j;
                i = j;
            } else {
                int j = text.indexOf(',', i);
                if (j < 0) j = n;
                start[c] = i;
                end[c] = j;
                i = j;
            }
            if (i >= n) break;
            i++; // the comma
            if (i == n) {
                // a trailing comma: one more, empty cell
                if (cells == start.length) {
                    start = java.util.Arrays.copyOf(start, cells * 2);
                    end = java.util.Arrays.copyOf(end, cells * 2);
                    unquoted = java.util.Arrays.copyOf(unquoted, cells * 2);
                }
                unquoted[cells] = null;
                start[cells] = end[cells] = n;
                cells++;
                break;
            }
        }
    }

    private String name(int c) { return c < header.size() ? header.get(c) : null; }

    /** The cell's text (quotes removed). */
    String cell(int c) {
        return unquoted[c] != null ? unquoted[c] : text.substring(start[c], end[c]);
    }

    /** Whether the cell is empty or only spaces; a column the file lacks ({@code c < 0}) is empty. */
    boolean isEmpty(int c) {
        if (c < 0) return true;
        if (unquoted[c] != null) return unquoted[c].isBlank();
        for (int i = start[c]; i < end[c]; i++) if (text.charAt(i) != ' ') return false;
        return true;
    }

    /** Whether the cell's text is exactly {@code s}. */
    boolean is(int c, String s) {
        if (unquoted[c] != null) return unquoted[c].equals(s);
        return end[c] - start[c] == s.length() && text.startsWith(s, start[c]);
    }

    BadInputException error(int c, String what, String problem) {
        return new BadInputException(file.toString(), line, c + 1, name(c), what == null ? problem : what + ": " + problem);
    }

    /** A non-negative integer (an id or a tier), parsed without allocating. */
    long nonNegativeLong(int c, String what) throws BadInputException {
        if (unquoted[c] != null) return parseLong(unquoted[c], 0, unquoted[c].length(), c, what);
        return parseLong(text, start[c], end[c], c, what);
    }

    private long parseLong(String s, int from, int to, int c, String what) throws BadInputException {
        while (from < to && s.charAt(from) == ' ') from++;
        while (to > from && s.charAt(to - 1) == ' ') to--;
        if (from == to) throw error(c, what, "is empty; a non-negative integer is required");
        long v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') throw error(c, what, "'" + echo(s.substring(from, to)) + "' is not a non-negative integer");
            if (v > (Long.MAX_VALUE - (ch - '0')) / 10) throw error(c, what, "'" + echo(s.substring(from, to)) + "' is too large");
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** A finite decimal number (digits, sign, point, exponent; no NaN, infinity or hex). */
    double number(int c, String what) throws BadInputException {
        String s = decimal(c, what);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(c, what, "'" + echo(s) + "' is not a number");
        }
        if (Double.isInfinite(v)) throw error(c, what, "'" + echo(s) + "' is out of range");
        return v;
    }

    /** Like {@link #number} but parsed directly to float, so a float written exactly reads back exactly. */
    float floatNumber(int c, String what) throws BadInputException {
        String s = decimal(c, what);
        float v;
        try {
            v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw error(c, what, "'" + echo(s) + "' is not a number");
        }
        if (Float.isInfinite(v)) throw error(c, what, "'" + echo(s) + "' is out of range");
        return v;
    }

    /** The cell's text, trimmed, if it has only the characters of a decimal number. */
    private String decimal(int c, String what) throws BadInputException {
        String s = cell(c).trim();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != '-' && ch != '+' && ch != 'e' && ch != 'E') {
                throw error(c, what, "'" + echo(s) + "' is not a number");
            }
        }
        return s;
    }

    /** At most {@link #ECHO_CHARS} characters of a cell, control characters escaped, for an error message. */
    static String echo(String s) {
        String cut = s.length() <= ECHO_CHARS ? s : s.substring(0, ECHO_CHARS - 3) + "...";
        return Names.printable(cut);
    }

    @Override public void close() throws IOException { in.close(); }
}
