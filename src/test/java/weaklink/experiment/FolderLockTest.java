package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Json;

/**
 * One command at a time on a results folder (issue #18, item 2): a second command is refused with
 * exit 2 naming the process that holds the folder, and the lock of a process that died is no obstacle.
 */
class FolderLockTest {
    @TempDir Path tmp;

    @Test
    void aSecondCommandOnAFolderInUseIsRefusedNamingTheHolder() throws Exception {
        Path dir = tmp.resolve("r");
        Process child = Folders.child(tmp.resolve("child.log"), "run", Folders.QUICKSTART, "--replicates", "100000", "--threads", "1",
                "--out", dir.toString(), "--quiet", "--checkpoint-millis", "50");
        try {
            Folders.waitForCheckpoint(dir, child);
            byte[] rowsBefore = Files.readAllBytes(dir.resolve(ResultsStore.ACCUMULATORS));
            Folders.Outcome resume = Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet");
            assertEquals(2, resume.code(), resume.err());
            assertTrue(resume.err().contains("in use by process " + child.pid()), resume.err());
            Folders.Outcome chart = Folders.cli("chart", dir.toString(), "--quiet");
            assertEquals(2, chart.code(), chart.err());
            assertTrue(chart.err().contains("in use by process " + child.pid()), chart.err());
            assertTrue(child.isAlive(), "the holder was left alone");
            assertTrue(rowsBefore.length > 0);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /** The case: two runs given the same --out at the same moment; one runs, the other is refused, and the rows are one run's. */
    @Test
    void twoRunsStartedTogetherOnOneFolderNeverMixTheirRows() throws Exception {
        Path dir = tmp.resolve("r");
        Process a = Folders.child(tmp.resolve("a.log"), "run", Folders.QUICKSTART, "--replicates", "200", "--seed", "1", "--out", dir.toString(), "--quiet");
        Process b = Folders.child(tmp.resolve("b.log"), "run", Folders.QUICKSTART, "--replicates", "200", "--seed", "2", "--out", dir.toString(), "--quiet");
        int ca = a.waitFor(), cb = b.waitFor();
        List<Integer> codes = List.of(Math.min(ca, cb), Math.max(ca, cb));
        assertEquals(List.of(0, 2), codes, Files.readString(tmp.resolve("a.log")) + Files.readString(tmp.resolve("b.log")));
        String refused = Files.readString(tmp.resolve(ca == 2 ? "a.log" : "b.log"));
        assertTrue(refused.contains("in use by process") || refused.contains("not empty"), refused);
        long seed = Json.read(dir.resolve("manifest.json")).get("seed").asLong();
        Path alone = tmp.resolve("alone");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "200", "--seed", Long.toString(seed), "--out", alone.toString(),
                "--quiet").code());
        for (String f : List.of("replicates.csv", "summary.csv", "accumulators.json")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(alone.resolve(f)), Files.readAllBytes(dir.resolve(f))), f + " is one run's");
        }
    }

    /** A killed process leaves its name in the lock file; the next command takes the folder over. */
    @Test
    void theLockOfAKilledProcessIsTakenOver() throws Exception {
        Path dir = tmp.resolve("r");
        Process child = Folders.child(tmp.resolve("child.log"), "run", Folders.QUICKSTART, "--replicates", "2000", "--threads", "1",
                "--out", dir.toString(), "--quiet", "--checkpoint-millis", "50");
        try {
            Folders.waitForCheckpoint(dir, child);
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertEquals(child.pid(), Json.read(dir.resolve(FolderLock.FILE)).get("pid").asLong(), "the dead holder is still named in the file");
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        assertEquals("", Files.readString(dir.resolve(FolderLock.FILE)), "released: the file is left empty");
    }

    @Test
    void aFolderHeldInThisProcessIsRefusedToASecondCommandOfIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("r"));
        try (FolderLock held = FolderLock.acquire(dir, "a test")) {
            Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--replicates", "5", "--out", dir.toString(), "--quiet");
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("in use by process " + ProcessHandle.current().pid()) && o.err().contains("a test"), o.err());
        }
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "5", "--out", dir.toString(), "--quiet").code(), "free again");
    }
}
