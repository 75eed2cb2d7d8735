package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Json;
import weaklink.io.Sha256;
import weaklink.report.ResultsFinalizer;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * A resumed run trusts nothing it has not checked (issue #18, item 3): the checkpoint records the
 * size and SHA-256 of the rows it covers, a rows file that no longer matches is refused (exit 2,
 * naming it, nothing changed), and the manifest says {@code complete} only after everything else.
 */
class VerifiedResumeTest {
    static final int REPLICATES = 3000;
    @TempDir static Path shared;
    static Path killed;

    @TempDir Path tmp;

    /** One run killed (SIGKILL, a real child JVM) after a checkpoint; each test works on a copy. */
    @BeforeAll
    static void killARunAfterACheckpoint() throws Exception {
        killed = shared.resolve("killed");
        Process child = Folders.child(shared.resolve("child.log"), "run", Folders.QUICKSTART, "--replicates", Integer.toString(REPLICATES),
                "--threads", "1", "--out", killed.toString(), "--quiet", "--checkpoint-millis", "50");
        try {
            Folders.waitForCheckpoint(killed, child);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    Path copy() throws Exception {
        Path c = tmp.resolve("copy");
        Folders.copyTree(killed, c);
        return c;
    }

    static JsonNode checkpoint(Path dir) throws IOException { return Json.read(dir.resolve(ResultsStore.ACCUMULATORS)); }

    @Test
    void theCheckpointRecordsTheSizeAndHashOfTheRowsItCovers() throws Exception {
        JsonNode c = checkpoint(killed);
        long bytes = c.get("partial_bytes").asLong();
        assertTrue(Files.size(killed.resolve(ResultsStore.PARTIAL)) >= bytes);
        assertEquals(Sha256.of(killed.resolve(ResultsStore.PARTIAL), bytes), c.get("partial_sha256").asText());
    }

    /** The case: the rows file cut below the checkpoint was recomputed from scratch and left an unrecoverable folder. */
    @Test
    void rowsCutBelowTheCheckpointAreRefusedNamingTheFileAndNothingChanges() throws Exception {
        Path dir = copy();
        Path partial = dir.resolve(ResultsStore.PARTIAL);
        Path saved = tmp.resolve("saved.partial");
        Files.copy(partial, saved);
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            ch.truncate(checkpoint(dir).get("partial_bytes").asLong() - 10);
        }
        Map<String, byte[]> before = Folders.contents(dir);
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(partial.toString()) && o.err().contains("cut or changed"), o.err());
        assertTrue(!o.err().contains("Exception"), o.err());
        Folders.assertUnchanged(before, dir);

        // restored, the same folder resumes to the bytes of an uninterrupted run
        Files.copy(saved, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet").code());
        Path whole = tmp.resolve("whole");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", Integer.toString(REPLICATES), "--out", whole.toString(),
                "--quiet").code());
        for (String f : List.of("replicates.csv", "accumulators.json", "summary.csv")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(dir.resolve(f)), f);
        }
    }

    @Test
    void aRowChangedBeforeTheCheckpointIsRefusedNamingTheFile() throws Exception {
        Path dir = copy();
        assertResumeRefusesAChangedByteOf(dir, dir.resolve(ResultsStore.PARTIAL), ReplicateRow.header().length() + 40); // inside the first row
    }

    /** Changes the byte at {@code at} of {@code partial}: a resume must refuse, naming the file and its hash, and leave the folder as it was. */
    private static void assertResumeRefusesAChangedByteOf(Path dir, Path partial, int at) throws Exception {
        byte[] bytes = Files.readAllBytes(partial);
        bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
        Files.write(partial, bytes);
        Map<String, byte[]> before = Folders.contents(dir);
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(partial.toString()) && o.err().contains("SHA-256"), o.err());
        Folders.assertUnchanged(before, dir);
    }

    /**
     * The daily counts behind timeseries.csv are in the sums alone, so no check of the rows could
     * reveal a changed sum: one flipped count was carried into the results with exit 0.
     */
    @Test
    void aChangedSumInTheCheckpointIsRefusedNamingTheFile() throws Exception {
        Path dir = copy();
        Path acc = dir.resolve(ResultsStore.ACCUMULATORS);
        ObjectNode c = (ObjectNode) checkpoint(dir);
        ArrayNode daily = (ArrayNode) c.get("sums").get("policies").elements().next().get("daily_compromised_sum");
        daily.set(0, daily.get(0).asLong() + 1);
        Json.write(acc, c);
        Map<String, byte[]> before = Folders.contents(dir);
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(acc.toString()) && o.err().contains("is not the checkpoint the run wrote"), o.err());
        assertTrue(!o.err().contains("Exception"), o.err());
        Folders.assertUnchanged(before, dir);
    }

    @Test
    void theCheckpointSealsItsSums() throws Exception {
        JsonNode c = checkpoint(killed);
        ObjectNode content = ((ObjectNode) c).deepCopy();
        content.remove(Checkpoint.SEAL);
        assertEquals(Sha256.of(Json.MAPPER.writeValueAsBytes(content)), c.get(Checkpoint.SEAL).asText());
    }

    @Test
    void theCheckpointRecordsTheSizeAndHashOfTheEventRowsItCovers() throws Exception {
        JsonNode mark = checkpoint(killed).get("streams").get(0);
        assertEquals(EventRows.EVENTS, mark.get("file").asText());
        Path partial = killed.resolve(EventRows.EVENTS + ".partial");
        assertTrue(Files.size(partial) >= mark.get("bytes").asLong());
        assertEquals(Sha256.of(partial, mark.get("bytes").asLong()), mark.get("sha256").asText());
    }

    @Test
    void anEventRowChangedBeforeTheCheckpointIsRefusedNamingTheFile() throws Exception {
        Path dir = copy();
        assertResumeRefusesAChangedByteOf(dir, dir.resolve(EventRows.EVENTS + ".partial"), EventRows.EventRow.TABLE.header().length() + 30);
    }

    @Test
    void anUnreadableCheckpointIsRefusedNamingIt() throws Exception {
        Path dir = copy();
        Path acc = dir.resolve(ResultsStore.ACCUMULATORS);
        Files.writeString(acc, "{\"replicates_done\": 12, \"partial_");
        Map<String, byte[]> before = Folders.contents(dir);
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(acc.toString()), o.err());
        Folders.assertUnchanged(before, dir);
    }

    @Test
    void aCompleteFolderWhoseRowsWereChangedIsRefusedOnResume() throws Exception {
        Path dir = tmp.resolve("r");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "20", "--out", dir.toString(), "--quiet").code());
        List<String> lines = Files.readAllLines(dir.resolve("replicates.csv"));
        lines.set(3, lines.get(3).replaceFirst(",(\\d)", ",9$1"));
        Files.write(dir.resolve("replicates.csv"), lines);
        Folders.Outcome o = Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(dir.resolve("replicates.csv").toString()) && o.err().contains("changed after the run"), o.err());
    }

    static RunPlan plan(Path out, int replicates) throws Exception {
        Path file = Path.of(Folders.QUICKSTART);
        Scenario s = ScenarioLoader.load(file);
        return new RunPlan(s, file, Manifest.sha256(file), s.seed(), replicates, s.policies(), Shard.WHOLE, 1, out);
    }

    /** While the summaries, charts and report are written the manifest still says running; {@code complete} comes last. */
    @Test
    void theManifestSaysCompleteOnlyAfterEverythingElseIsWritten() throws Exception {
        Path dir = tmp.resolve("r");
        String[] seen = new String[2];
        ResultsStore.Summariser watching = new ResultsStore.Summariser() {
            @Override public List<String> outputs() { return ResultsFinalizer.outputs(); }

            @Override public int threads() { return 1; }

            @Override public void summarise(Path d) throws IOException, BadInputException {
                ResultsFinalizer.finish(d);
                seen[0] = Manifest.read(d).status();
                seen[1] = Files.exists(d.resolve("report.html")) ? "report written" : "no report";
            }
        };
        new Runner(plan(dir, 20), ProgressListener.SILENT).start(false, watching);
        assertEquals("running", seen[0]);
        assertEquals("report written", seen[1]);
        Manifest m = Manifest.read(dir);
        assertEquals("complete", m.status());
        assertTrue(m.files().stream().anyMatch(f -> f.path().equals("report.html") && f.sha256() != null), m.files().toString());
    }

    /** A run that dies while writing its summaries is left running, and its resume finishes it to the same bytes. */
    @Test
    void aRunKilledWhileSummarisingResumesToTheSameBytes() throws Exception {
        Path dir = tmp.resolve("r");
        ResultsStore.Summariser dying = new ResultsStore.Summariser() {
            @Override public List<String> outputs() { return ResultsFinalizer.outputs(); }

            @Override public int threads() { return 1; }

            @Override public void summarise(Path d) throws IOException, BadInputException {
                ResultsFinalizer.finish(d);
                throw new IOException("killed while drawing");
            }
        };
        assertThrows(IOException.class, () -> new Runner(plan(dir, 30), ProgressListener.SILENT).start(false, dying));
        Manifest m = Manifest.read(dir);
        assertEquals("running", m.status());
        assertEquals(30, m.replicatesRun());
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--resume", dir.toString(), "--quiet").code());
        assertEquals("complete", Manifest.read(dir).status());
        Path whole = tmp.resolve("whole");
        assertEquals(0, Folders.cli("run", Folders.QUICKSTART, "--replicates", "30", "--out", whole.toString(), "--quiet").code());
        for (String f : List.of("replicates.csv", "accumulators.json", "summary.csv", "by_group.csv", "events.csv", "ord/none/gul_S1_splt.csv")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(dir.resolve(f)), f);
        }
    }
}
