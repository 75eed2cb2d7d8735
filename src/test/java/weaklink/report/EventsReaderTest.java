package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.experiment.EventRows.EventRow;

/**
 * {@link EventsReader} gives, line for line, what a {@link BufferedReader} of the file and
 * {@link EventRow#parse} of each line give: the same rows (every bit of every loss), the same line
 * numbers, and the same failure for a bad line.
 */
class EventsReaderTest {
    static final List<String> POLICIES = List.of("none", "mandate");
    @TempDir Path dir;

    /** What the straightforward reader makes of each line that is not empty: "line: row", or "line: failure: message". */
    static List<String> straightforward(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            out.add("header " + in.readLine());
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isEmpty()) continue;
                try {
                    out.add(lineNo + ": " + describe(EventRow.parse(line)));
                } catch (RuntimeException e) {
                    out.add(lineNo + ": " + e.getClass().getName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            out.add("io: " + e.getClass().getName() + ": " + e.getMessage());
        }
        return out;
    }

    static List<String> byBytes(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (EventsReader in = new EventsReader(file, POLICIES)) {
            out.add("header " + in.header());
            while (true) {
                EventRow r;
                try {
                    r = in.next();
                } catch (RuntimeException e) {
                    out.add(in.line() + ": " + e.getClass().getName() + ": " + e.getMessage());
                    continue;
                }
                if (r == null) break;
                out.add(in.line() + ": " + describe(r));
            }
        } catch (IOException e) {
            out.add("io: " + e.getClass().getName() + ": " + e.getMessage());
        }
        return out;
    }

    /** A row with its losses as bits, so that two rows compare equal only if every bit is. */
    static String describe(EventRow r) {
        double[] money = {r.gulLoss(), r.gulExposure(), r.ilLoss(), r.ilExposure(), r.cededLoss(), r.retainedLoss()};
        StringBuilder s = new StringBuilder(r.policy()).append('|').append(r.replicate()).append('|').append(r.event()).append('|').append(r.actor())
                .append('|').append(r.day()).append('|').append(r.summarySet()).append('|').append(r.summaryId());
        for (double x : money) s.append('|').append(Long.toHexString(Double.doubleToRawLongBits(x)));
        return s.toString();
    }

    Path write(byte[] bytes) throws IOException {
        Path f = dir.resolve("events.csv");
        Files.write(f, bytes);
        return f;
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void rowsAsTheRunWritesThemAndEveryOtherFormAreReadAsTheLineParserReadsThem() throws Exception {
        StringBuilder s = new StringBuilder(EventRow.TABLE.header()).append('\n');
        for (int i = 0; i < 3_000; i++) {
            double loss = i * 1234.57 + 0.01 * (i % 100);
            s.append(EventRow.TABLE.line(new EventRow(POLICIES.get(i % 2), i / 7, i % 5, i % 3 - 1, i % 365, 1 + i % 4, 1 + i % 3, loss, 5e6 + i,
                    loss / 3, 2e6, i % 2 == 0 ? 0 : loss / 9, loss / 3 - (i % 2 == 0 ? 0 : loss / 9)))).append('\n');
        }
        s.append("\n"); // an empty line is skipped, but counted
        s.append("none,1,2,3,4,1,1,-0.00,0.10,123456789012345,1234567890123456,99999999999999.99,0.5\r\n"); // negative zero, 15 and 16 digits
        s.append("mandate,+5,007,-1,0,1,1,,inf,-inf,1e3,.5,5.\r"); // a sign, leading zeros, empty, infinities, an exponent, bare points
        s.append("'none,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00\n"); // a formula guard
        s.append("\"man,date\",1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00\n"); // a quoted name with a comma
        s.append("Tōkyō,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00\n"); // not ASCII
        s.append("none,12345678901,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00\n"); // beyond an int
        s.append("none,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00\n"); // a cell short
        s.append("none,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00,\n"); // a cell over
        s.append("none,1,2,3,4,1,1,ten,1.00,1.00,1.00,1.00,1.00\n"); // not a number
        s.append("none,1,2,3,4,1,1,1.0.0,1.00,1.00,1.00,1.00,1.00\n");
        s.append("none,1,,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00\n"); // an empty whole number
        s.append("lobbying,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00"); // another policy, and no line end at the end
        Path f = write(utf8(s.toString()));
        List<String> expected = straightforward(f);
        assertEquals(1 + 3_000 + 12, expected.size(), "the header, every row and every bad line");
        assertEquals(expected, byBytes(f));
    }

    @Test
    void lineEndsAcrossTheBufferAndLinesLongerThanItAreReadAsTheLineReaderReadsThem() throws Exception {
        String row = "none,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00";
        for (String ending : List.of("\r\n", "\r", "\n")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(utf8(EventRow.TABLE.header() + "\n"));
            // rows up to a line end that falls on the last byte of the first megabyte read
            while (b.size() + row.length() + 2 < (1 << 20) - row.length()) b.write(utf8(row + "\n"));
            String start = "none,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,";
            int zeros = (1 << 20) - 2 - b.size() - start.length();
            b.write(utf8(start + "0".repeat(zeros) + "1"));
            assertEquals((1 << 20) - 1, b.size(), "the line end starts at the last byte of the first read");
            b.write(utf8(ending));
            b.write(utf8(row + ending));
            b.write(utf8("x".repeat(3 << 20) + ",1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00" + ending)); // longer than the buffer
            b.write(utf8(row + ending));
            Path f = write(b.toByteArray());
            assertEquals(straightforward(f), byBytes(f), "lines ended by " + ending.replace("\r", "CR").replace("\n", "LF"));
        }
    }

    /**
     * Bytes that are not UTF-8 fail with the line reader's failure. The line reader finds them as it
     * decodes ahead (a block of characters at a time) and fails before giving the lines just before
     * them; this reader gives those lines first (their rows, or the failure of a bad one): a folder
     * whose file fails keeps nothing of the export either way.
     */
    @Test
    void bytesThatAreNotUtf8FailAsTheLineReaderFails() throws Exception {
        byte[] head = utf8(EventRow.TABLE.header() + "\nnone,1,2,3,4,1,1,1.00,1.00,1.00,1.00,1.00,1.00\n");
        byte[] bad = {'n', 'o', (byte) 0xE3, 'e', ',', '1', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Path f = write(all);
        List<String> expected = straightforward(f);
        assertEquals(List.of("io: java.nio.charset.MalformedInputException: Input length = 1"), expected);
        assertEquals(List.of("header " + EventRow.TABLE.header(), "2: none|1|2|3|4|1|1" + "|3ff0000000000000".repeat(6), expected.get(0)), byBytes(f));
    }

    @Test
    void anEmptyFileHasNoHeader() throws Exception {
        Path f = write(new byte[0]);
        try (EventsReader in = new EventsReader(f, POLICIES)) {
            assertEquals(null, in.header());
            assertEquals(null, in.next());
        }
    }
}
