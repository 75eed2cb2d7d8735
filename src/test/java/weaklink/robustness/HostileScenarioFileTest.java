package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.InputFile;
import weaklink.robustness.BadInputCorpusTest.Outcome;
import weaklink.scenario.ScenarioSource;
import weaklink.scenario.YamlDocument;

/**
 * Scenario "files" that are not small regular files, or that would exhaust the stack or the heap
 * while read: each is refused with exit code 2 and the file's name, promptly, in bounded memory.
 */
class HostileScenarioFileTest {
    @TempDir Path tmp;

    @Test
    void devZeroIsRefusedAsNotARegularFileWithoutReadingIt() {
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BadInputCorpusTest.cli("validate", "/dev/zero"));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("/dev/zero: is not a regular file"), o.err());
        BadInputCorpusTest.assertNoStackTrace(o.err());
    }

    @Test
    void devUrandomIsRefusedAsNotARegularFile() {
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BadInputCorpusTest.cli("run", "/dev/urandom", "--out", tmp.resolve("out").toString()));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("/dev/urandom: is not a regular file"), o.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void fifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = tmp.resolve("scenario.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        // opening a FIFO with no writer blocks forever: the refusal must come before any open
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BadInputCorpusTest.cli("validate", fifo.toString()));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(fifo + ": is not a regular file"), o.err());
    }

    @Test
    void processSubstitutionIsRefused() throws Exception {
        String command = ChildJvm.shellCommand(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1")) + " validate <(cat scenarios/quickstart.yaml)";
        ChildJvm.Outcome o = ChildJvm.exec(tmp, List.of("bash", "-c", command), 60);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().matches("(?s)error: /dev/fd/\\d+: is not a regular file.*"), o.err());
    }

    @Test
    void danglingSymbolicLinkIsNamedAsSuch() throws Exception {
        Path link = tmp.resolve("s.yaml");
        Files.createSymbolicLink(link, tmp.resolve("gone.yaml"));
        Outcome o = BadInputCorpusTest.cli("validate", link.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(link + ": is a link to a file that does not exist"), o.err());
    }

    /** Two million one-character list items in a 4 MiB file took 4 GB of heap; now 64 MB is enough to refuse it. */
    @Test
    void twoMillionItemListIsRefusedInSixtyFourMegabytesOfHeap() throws Exception {
        Path f = tmp.resolve("list.yaml");
        StringBuilder b = new StringBuilder("name: big\nx: [");
        for (int i = 0; i < 2_000_000; i++) b.append(i == 0 ? "1" : ",1");
        b.append("]\n");
        Files.writeString(f, b);
        assertTrue(Files.size(f) <= YamlDocument.MAX_BYTES, "the file must pass the size limit, so the value count is what refuses it");
        ChildJvm.Outcome o = ChildJvm.run(tmp, List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"), 60, "validate", f.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(f + ":2:") && o.err().contains("more than 100,000 values"), o.err());
    }

    @Test
    void fileLargerThanTheLimitIsRefusedWithItsSize() throws Exception {
        Path f = tmp.resolve("big.yaml");
        Files.write(f, new byte[YamlDocument.MAX_BYTES + 1]);
        Outcome o = BadInputCorpusTest.cli("validate", f.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(f + ": is larger than 4 MiB"), o.err());
    }

    @Test
    void theHashIsOfTheBytesThatWereParsed() throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.copy(Path.of("scenarios/quickstart.yaml"), f);
        ScenarioSource source = ScenarioSource.read(f);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(new String(bytes, StandardCharsets.UTF_8), source.text());
        assertEquals(weaklink.io.Sha256.of(bytes), source.digest().sha256());
        assertEquals(bytes.length, source.digest().bytes());
        assertEquals(64, source.digest().sha256().length());
    }
}
