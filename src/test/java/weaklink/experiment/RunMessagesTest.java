package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.AtomicFile;

/** Messages and small cases of issue #18, item 8 and item 2 (temporary names). */
class RunMessagesTest {
    @TempDir Path tmp;

    /** Was "error: danglingdir: null". */
    @Test
    void anOutFolderThatIsADanglingSymbolicLinkIsNamedAsSuch() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("danglingdir"), tmp.resolve("nowhere"));
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--replicates", "2", "--out", link.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("symbolic link to " + tmp.resolve("nowhere")) && o.err().contains("does not exist"), o.err());
        assertFalse(Files.exists(tmp.resolve("nowhere")));
    }

    /** Was "--policies: no policy named …" although no --policies was given. */
    @Test
    void resumingWithAnotherScenarioSaysSoRatherThanBlamingPolicies() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(0, Folders.cli("run", "scenarios/japan-manufacturing.yaml", "--replicates", "2", "--out", out.toString(), "--quiet").code());
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--resume", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertFalse(o.err().contains("--policies"), o.err());
        assertTrue(o.err().contains(Folders.QUICKSTART) && o.err().contains("is not the scenario the run in " + out + " was started with")
                && o.err().contains("scenarios/japan-manufacturing.yaml"), o.err());
    }

    @Test
    void aShardsReportSaysItCoversOnlyAShard() throws Exception {
        Path out = tmp.resolve("s");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "30", "--shard", "2/3", "--out", out.toString(), "--quiet").code());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("This folder is shard 2 of 3 of the run: it covers replicates 10 to 19 of 30 only"), report);
        Path whole = tmp.resolve("w");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "30", "--out", whole.toString(), "--quiet").code());
        assertFalse(Files.readString(whole.resolve("report.html")).contains("is shard"));
    }

    @Test
    void temporaryNamesAreUniqueToTheWriteAndRecognised() {
        Path target = tmp.resolve("summary.csv");
        Path a = AtomicFile.temporaryFor(target), b = AtomicFile.temporaryFor(target);
        assertNotEquals(a, b);
        assertTrue(a.getFileName().toString().startsWith(".summary.csv." + ProcessHandle.current().pid() + "-"), a.toString());
        assertTrue(AtomicFile.isTemporary(a.getFileName().toString()));
        assertFalse(AtomicFile.isTemporary("summary.csv"));
        assertFalse(AtomicFile.isTemporary(".hidden-notes.tmp"));
    }

    /** A temporary file a killed writer left behind neither blocks a new run nor survives it. */
    @Test
    void aLeftOverTemporaryFileIsNoObstacleAndIsRemoved() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("r"));
        Files.writeString(out.resolve(".manifest.json.4242-7.tmp"), "{\"half\":");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "3", "--out", out.toString(), "--quiet").code());
        assertFalse(Files.exists(out.resolve(".manifest.json.4242-7.tmp")));
    }
}
