package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Json;

/**
 * {@code --overwrite} removes only what WeakLink's own manifest lists as written by it, and refuses
 * (exit 2, naming the file) a folder holding anything else or an input of the run (issue #18, item 1).
 */
class OverwriteTest {
    @TempDir Path tmp;

    /** The reproduction of the issue: a folder with a scenario, a bare manifest.json and a user's document. */
    @Test
    void aFolderHoldingTheScenarioAndUserFilesIsNotWiped() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("p"));
        Files.copy(Path.of(Folders.QUICKSTART), p.resolve("q.yaml"));
        Files.writeString(p.resolve("manifest.json"), "{}");
        Files.writeString(p.resolve("thesis.docx"), "x");
        Files.createDirectories(p.resolve("chapters")).resolve("one.txt").toFile().createNewFile();
        Map<String, byte[]> before = Folders.contents(p);
        Folders.Outcome o = Folders.cli("run", p.resolve("q.yaml").toString(), "--replicates", "20", "--out", p.toString(), "--overwrite", "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("q.yaml") && o.err().contains("an input of this run"), o.err());
        Folders.assertUnchanged(before, p);
    }

    @Test
    void aFolderWithAManifestThatIsNotWeakLinksIsRefused() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(p.resolve("manifest.json"), "{}");
        Files.writeString(p.resolve("thesis.docx"), "x");
        Map<String, byte[]> before = Folders.contents(p);
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--replicates", "20", "--out", p.toString(), "--overwrite", "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("not a WeakLink results folder"), o.err());
        Folders.assertUnchanged(before, p);
    }

    @Test
    void aFileTheManifestDoesNotListStopsTheOverwriteAndIsNamed() throws Exception {
        Path p = tmp.resolve("p");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "10", "--out", p.toString(), "--quiet").code());
        Files.writeString(p.resolve("charts").resolve("my-notes.txt"), "keep me");
        Map<String, byte[]> before = Folders.contents(p);
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--replicates", "12", "--out", p.toString(), "--overwrite", "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(p.resolve("charts").resolve("my-notes.txt").toString()), o.err());
        Folders.assertUnchanged(before, p);
    }

    @Test
    void aPreviousRunIsReplacedFileByFile() throws Exception {
        Path p = tmp.resolve("p");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "10", "--out", p.toString(), "--quiet").code());
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--replicates", "12", "--out", p.toString(), "--overwrite", "--quiet");
        assertEquals(0, o.code(), o.err());
        assertEquals(12, Json.read(p.resolve("manifest.json")).get("replicates").asInt());
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "12", "--out", fresh.toString(), "--quiet").code());
        assertEquals(Folders.contents(fresh).keySet(), Folders.contents(p).keySet(), "nothing of the first run is left over");
    }

    /** An interrupted run's folder (rows file, checkpoint, a temporary file of a write that never finished) is WeakLink's own. */
    @Test
    void anInterruptedRunIsReplaced() throws Exception {
        Path p = tmp.resolve("p");
        Process child = Folders.child(tmp.resolve("child.log"), "run", Folders.QUICKSTART, "--replicates", "3000", "--threads", "1",
                "--out", p.toString(), "--quiet", "--checkpoint-millis", "50");
        try {
            Folders.waitForCheckpoint(p, child);
        } finally {
            child.destroyForcibly().waitFor();
        }
        Files.writeString(p.resolve(".summary.csv.999999-1.tmp"), "half");
        assertTrue(Files.exists(p.resolve(ResultsStore.PARTIAL)));
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--replicates", "12", "--out", p.toString(), "--overwrite", "--quiet");
        assertEquals(0, o.code(), o.err());
        assertFalse(Files.exists(p.resolve(ResultsStore.PARTIAL)));
        assertFalse(Files.exists(p.resolve(".summary.csv.999999-1.tmp")));
        assertEquals("complete", Json.read(p.resolve("manifest.json")).get("status").asText());
    }

    @Test
    void aFolderWithoutOverwriteIsRefusedWhateverItHolds() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(p.resolve("precious.txt"), "keep me");
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--replicates", "2", "--out", p.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not empty"), o.err());
        assertEquals("keep me", Files.readString(p.resolve("precious.txt")));
    }

    /** An uncertainty run's folder holds results folders (its draws): they are removed by their own manifests' lists. */
    @Test
    void anUncertaintyRunIsReplacedOnlyWhenItHoldsNothingElse() throws Exception {
        String scenario = "src/test/resources/scenarios/small-uncertainty.yaml";
        Path p = tmp.resolve("u");
        assertEquals(0, Folders.cli("run", scenario, "--replicates", "4", "--out", p.toString(), "--quiet").code());
        Path stray = p.resolve("draws").resolve("d0002").resolve("my-analysis.R");
        Files.writeString(stray, "keep me");
        Map<String, byte[]> before = Folders.contents(p);
        Folders.Outcome refused = Folders.cli("run", scenario, "--replicates", "5", "--out", p.toString(), "--overwrite", "--quiet");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains(stray.toString()), refused.err());
        Folders.assertUnchanged(before, p);
        Files.delete(stray);
        Folders.Outcome o = Folders.cli("run", scenario, "--replicates", "5", "--out", p.toString(), "--overwrite", "--quiet");
        assertEquals(0, o.code(), o.err());
        assertEquals(5, Json.read(p.resolve("draws").resolve("d0001").resolve("manifest.json")).get("replicates").asInt());
    }
}
