package weaklink.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a stream as {@link java.io.BufferedReader#readLine} splits them (ended by {@code \n},
 * {@code \r} or {@code \r\n}; the last one may have no end), left as bytes in a buffer: a reader of a
 * large table the run has just written looks at the bytes of a plain line itself, and decodes only a
 * line it does not know ({@link #strictText} or {@link #text}, as the file's two kinds of
 * {@code Reader} decode it). Reading back tens of megabytes a line and a cell at a time as strings
 * was the critical path of the ORD export and of the summaries (docs/BENCHMARKS.md, "Sixth pass: the
 * summaries", "Twelfth pass: the summaries' main thread").
 */
public final class ByteLines implements Closeable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos, end;
    private boolean eof;
    /** The last line: its number (from 1) and where its bytes are in {@link #buf}. */
    private int line, lineStart, lineEnd;

    public ByteLines(InputStream in) { this.in = in; }

    /**
     * Finds the next line (an empty one too); false at the end of the stream. The bytes of the line
     * are {@link #bytes()} from {@link #start()} to {@link #end()}, until the next call.
     */
    public boolean next() throws IOException {
        int i = pos;
        while (true) {
            while (i < end && buf[i] != '\n' && buf[i] != '\r') i++;
            if (i < end) {
                if (buf[i] == '\r' && i + 1 == end && !eof) {
                    i = fill(i); // is the \r followed by \n?
                    continue;
                }
                lineStart = pos;
                lineEnd = i;
                pos = i + 1;
                if (buf[i] == '\r' && pos < end && buf[pos] == '\n') pos++;
                line++;
                return true;
            }
            if (eof) {
                if (pos == end) return false;
                lineStart = pos;
                lineEnd = end;
                pos = end;
                line++;
                return true;
            }
            i = fill(i);
        }
    }

    /** The number of the last line found, from 1. */
    public int number() { return line; }

    /** The buffer that holds the last line (a line longer than it replaces it by a larger one). */
    public byte[] bytes() { return buf; }

    /** Where the last line starts in {@link #bytes()}. */
    public int start() { return lineStart; }

    /** Where the last line ends in {@link #bytes()} (its line end not included). */
    public int end() { return lineEnd; }

    /**
     * The last line decoded as strict UTF-8, as a reader of {@link java.nio.file.Files#newBufferedReader}
     * decodes it.
     *
     * @throws java.nio.charset.CharacterCodingException for bytes that are not UTF-8
     */
    public String strictText() throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, lineStart, lineEnd - lineStart)).toString();
    }

    /**
     * The last line decoded as an {@link java.io.InputStreamReader} of UTF-8 decodes it: bytes that are
     * not UTF-8 each replaced (a line end is never part of a character, so a line decodes alone as it
     * does within the stream).
     */
    public String text() throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(buf, lineStart, lineEnd - lineStart)).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Moves the unread bytes to the front, reads more after them and returns where {@code i} now is. */
    private int fill(int i) throws IOException {
        int shift = pos;
        if (shift > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= shift;
            pos = 0;
            i -= shift;
        }
        if (end == buf.length) buf = Arrays.copyOf(buf, 2 * buf.length); // a line longer than the buffer
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) eof = true;
        else end += n;
        return i;
    }
}
