package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteLines} splits a stream where {@link BufferedReader#readLine} does, and {@link ByteLines#text} decodes
 * each line as an {@link InputStreamReader} of UTF-8 does, bytes that are not UTF-8 included.
 */
class ByteLinesTest {
    static List<String> lineReader(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) out.add(line);
        }
        return out;
    }

    static List<String> byteLines(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (ByteLines lines = new ByteLines(new ByteArrayInputStream(bytes))) {
            while (lines.next()) {
                assertEquals(out.size() + 1, lines.number());
                out.add(lines.text());
            }
        }
        return out;
    }

    @Test
    void linesOfAnyBytesAreTheLineReadersLinesDecodedAsItDecodesThem() throws Exception {
        // pieces: plain text, line ends of the three kinds, characters of 2 to 4 bytes, and bytes that are not UTF-8
        byte[][] pieces = {"none,0,1.00".getBytes(StandardCharsets.UTF_8), {'\n'}, {'\r'}, {'\r', '\n'}, "Tōkyō 東京 😀".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xE3}, {(byte) 0xE3, (byte) 0x81}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}};
        SplittableRandom rng = new SplittableRandom(7);
        for (int file = 0; file < 300; file++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int n = rng.nextInt(1, 60);
            for (int i = 0; i < n; i++) b.writeBytes(pieces[rng.nextInt(pieces.length)]);
            byte[] bytes = b.toByteArray();
            assertEquals(lineReader(bytes), byteLines(bytes), "file " + file);
        }
    }

    @Test
    void aLineEndOnTheLastByteOfABufferAndALineLongerThanItSplitAsTheLineReaderSplits() throws Exception {
        for (String end : List.of("\r\n", "\r", "\n")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes("a".repeat((1 << 20) - 1).getBytes(StandardCharsets.US_ASCII)); // the line end starts at the last byte of the first read
            b.writeBytes(end.getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(("b".repeat(3 << 20) + end + "c").getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = b.toByteArray();
            assertEquals(lineReader(bytes), byteLines(bytes), end.replace("\r", "CR").replace("\n", "LF"));
        }
    }

    @Test
    void strictTextRefusesBytesThatAreNotUtf8() throws Exception {
        try (ByteLines lines = new ByteLines(new ByteArrayInputStream(new byte[] {'o', 'k', '\n', 'n', 'o', (byte) 0xE3, 'e'}))) {
            lines.next();
            assertEquals("ok", lines.strictText());
            lines.next();
            assertThrows(MalformedInputException.class, lines::strictText);
            assertEquals("no\uFFFDe", lines.text());
        }
    }
}
