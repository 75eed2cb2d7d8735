package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file {@link AtomicFile} writes into a watched folder is described (size, SHA-256, line ends)
 * exactly as reading it back describes it, and only while it is the file that was written.
 */
class WrittenFilesTest {
    @TempDir Path dir;

    /** The description of a file from its bytes on disk, by the JDK's SHA-256 directly: the independent truth. */
    static WrittenFiles.Description readBack(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long newlines = 0;
        for (byte b : bytes) if (b == '\n') newlines++;
        return new WrittenFiles.Description(bytes.length, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), newlines);
    }

    /** Text of many lines with characters of two, three and four bytes in UTF-8, longer than every buffer on the way. */
    static String text() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20_000; i++) s.append(i).append(",Tōkyō 東京 \uD83D\uDE00,").append(i * 0.25).append('\n');
        return s.toString();
    }

    @Test
    void everyWayOfWritingIsDescribedAsReadingTheFileBackDescribesIt() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("ord/none"));
        byte[] png = new byte[100_003];
        for (int i = 0; i < png.length; i++) png[i] = (byte) (i * 31 + i / 7);
        try (WrittenFiles.Recording r = WrittenFiles.watch(dir)) {
            AtomicFile.writeString(dir.resolve("a.csv"), text());
            AtomicFile.writeDurably(dir.resolve("b.json"), w -> w.write("{\"x\": 1}\n"));
            AtomicFile.writeBytes(sub.resolve("c.png"), png);
            AtomicFile.Pending p = AtomicFile.open(sub.resolve("d.csv"), 1 << 14);
            for (int i = 0; i < 5_000; i++) p.writer().write("line " + i + ",é\n");
            p.commit();
            AtomicFile.writeString(dir.resolve("empty.csv"), "");
            AtomicFile.Pending q = AtomicFile.openStream(sub.resolve("e.csv"));
            CsvBytes rows = new CsvBytes(1 << 10).ascii("n,amount\n");
            for (int i = 0; i < 50_000; i++) {
                rows.integer(i).comma().money(i * 1.01).newline();
                if (rows.size() >= 1 << 10) rows.writeTo(q);
            }
            rows.writeTo(q);
            q.commit();
            for (String f : List.of("a.csv", "b.json", "ord/none/c.png", "ord/none/d.csv", "empty.csv", "ord/none/e.csv")) {
                assertEquals(readBack(dir.resolve(f)), r.take(dir.resolve(f)), f);
            }
        }
    }

    @Test
    void aFileChangedOrReplacedAfterItWasWrittenIsNotDescribed() throws Exception {
        try (WrittenFiles.Recording r = WrittenFiles.watch(dir)) {
            AtomicFile.writeString(dir.resolve("changed.csv"), "a\n1\n");
            Files.writeString(dir.resolve("changed.csv"), "a\n1\n2\n");
            assertNull(r.take(dir.resolve("changed.csv")), "changed in place");
            AtomicFile.writeString(dir.resolve("replaced.csv"), "a\n1\n");
            Files.writeString(dir.resolve("other"), "a\n2\n");
            Files.move(dir.resolve("other"), dir.resolve("replaced.csv"), StandardCopyOption.REPLACE_EXISTING);
            assertNull(r.take(dir.resolve("replaced.csv")), "replaced by another file of the same size");
            AtomicFile.writeString(dir.resolve("removed.csv"), "a\n1\n");
            Files.delete(dir.resolve("removed.csv"));
            assertNull(r.take(dir.resolve("removed.csv")), "removed");
        }
    }

    @Test
    void aFileWrittenTwiceIsDescribedAsItsLastVersion() throws Exception {
        try (WrittenFiles.Recording r = WrittenFiles.watch(dir)) {
            AtomicFile.writeString(dir.resolve("f.csv"), "a\n1\n");
            AtomicFile.writeString(dir.resolve("f.csv"), "a\n1\n2\n3\n");
            assertEquals(readBack(dir.resolve("f.csv")), r.take(dir.resolve("f.csv")));
        }
    }

    @Test
    void filesOutsideTheWatchedFolderOrWrittenAfterTheRecordingClosedAreNotDescribed() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched")), other = Files.createDirectories(dir.resolve("other"));
        WrittenFiles.Recording r = WrittenFiles.watch(watched);
        AtomicFile.writeString(other.resolve("f.csv"), "a\n");
        assertNull(r.take(other.resolve("f.csv")));
        r.close();
        AtomicFile.writeString(watched.resolve("late.csv"), "a\n");
        assertNull(r.take(watched.resolve("late.csv")));
        assertNull(WrittenFiles.recordingFor(watched.resolve("late.csv")), "nothing is digested once no folder is watched");
    }

    @Test
    void aWriteThatFailsLeavesNoFileAndNoDescription() throws Exception {
        try (WrittenFiles.Recording r = WrittenFiles.watch(dir)) {
            assertThrows(IOException.class, () -> AtomicFile.write(dir.resolve("g.csv"), w -> {
                w.write("a\n1\n");
                throw new IOException("disk full");
            }));
            AtomicFile.Pending p = AtomicFile.open(dir.resolve("h.csv"), 1024);
            p.writer().write("a\n");
            p.discard();
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(), s.toList(), "no file and no temporary of the failed writes");
            }
            assertNull(r.take(dir.resolve("g.csv")));
            assertNull(r.take(dir.resolve("h.csv")));
        }
    }
}
