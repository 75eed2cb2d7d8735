package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Json;
import weaklink.report.ResultsFinalizer;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * A {@code run} feeds its ORD export the event rows it held while writing {@code events.csv}
 * ({@link HeldEvents}) instead of reading the file back; the files are those of the export reading
 * the file, byte for byte, at any thread count, when the rows outgrow the run's budget, and against
 * a run resumed from its folder (which reads the file).
 */
class HeldEventsOrdTest {
    static final String BOOK = "src/test/resources/scenarios/small-book.yaml";
    static final int REPLICATES = 100;

    @TempDir Path tmp;

    /** The run's summaries, recording whether they were given held rows (and how many) before writing them as a run does. */
    static final class Watching implements ResultsStore.Summariser {
        /** The summaries a run of two threads writes, which this one watches. */
        private static final ResultsStore.Summariser RUN = ResultsFinalizer.summariser(2);
        Long heldRows;
        boolean fail;

        @Override public List<String> outputs() { return RUN.outputs(); }

        @Override public List<String> outputs(Manifest m) { return RUN.outputs(m); }

        @Override public int threads() { return RUN.threads(); }

        @Override public void summarise(Path dir) throws IOException, BadInputException { RUN.summarise(dir); }

        @Override public void summarise(Path dir, HeldEvents events) throws IOException, BadInputException {
            heldRows = events.rows();
            if (fail) throw new IOException("stopped before the summaries, as a killed run would be");
            RUN.summarise(dir, events);
        }
    }

    static RunPlan plan(String scenario, int threads, Path out) throws Exception {
        Path file = Path.of(scenario);
        Scenario s = ScenarioLoader.load(file);
        return new RunPlan(s, file, Manifest.sha256(file), s.seed(), REPLICATES, s.policies(), Shard.WHOLE, threads, out);
    }

    /** Runs {@code scenario} into {@code name} holding at most {@code budget} bytes of event rows; what its summaries were given. */
    Watching run(String scenario, int threads, String name, long budget) throws Exception {
        Watching w = new Watching();
        new Runner(plan(scenario, threads, tmp.resolve(name)), ProgressListener.SILENT).heldEventsBudget(budget).start(false, w);
        return w;
    }

    static long eventRows(Path dir) throws IOException {
        try (var lines = Files.lines(dir.resolve(EventRows.EVENTS))) {
            return lines.count() - 1;
        }
    }

    /** Every file of the two folders byte for byte but the manifests, whose files (size, SHA-256, rows) must be the same. */
    static void assertSameFolders(Path expected, Path actual, String what) throws Exception {
        Map<String, byte[]> a = Folders.contents(expected), b = Folders.contents(actual);
        a.remove(Runner.MANIFEST);
        b.remove(Runner.MANIFEST);
        assertEquals(a.keySet(), b.keySet(), what + ": the same files");
        assertTrue(a.keySet().stream().filter(f -> f.startsWith("ord/")).count() >= 48, what + ": the ORD files: " + a.keySet());
        for (String f : a.keySet()) assertArrayEquals(a.get(f), b.get(f), what + ": " + f);
        assertEquals(Json.read(expected.resolve(Runner.MANIFEST)).get("files"), Json.read(actual.resolve(Runner.MANIFEST)).get("files"),
                what + ": the manifest's files");
    }

    @ParameterizedTest(name = "{0}, {1} threads")
    @CsvSource({Folders.QUICKSTART + ",1", Folders.QUICKSTART + ",2", Folders.QUICKSTART + ",4", BOOK + ",1", BOOK + ",2", BOOK + ",4"})
    void theOrdFilesOfTheRowsARunHeldAreThoseOfReadingEventsCsv(String scenario, int threads) throws Exception {
        Watching held = run(scenario, threads, "held", Long.MAX_VALUE);
        assertNotNull(held.heldRows, "the summaries were given the rows held");
        long rows = eventRows(tmp.resolve("held"));
        assertTrue(rows > 100, "a run with events: " + rows);
        assertEquals(rows, held.heldRows, "every row of events.csv was held");
        Watching read = run(scenario, threads, "read", 0);
        assertNull(read.heldRows, "no budget: the export reads events.csv");
        assertSameFolders(tmp.resolve("read"), tmp.resolve("held"), threads + " threads");
    }

    @Test
    void rowsThatOutgrowTheBudgetAreLetGoAndTheExportReadsTheFileToTheSameBytes() throws Exception {
        Watching all = run(BOOK, 2, "held", Long.MAX_VALUE);
        Watching some = run(BOOK, 2, "outgrown", 20L * HeldEvents.ROW_BYTES + HeldEvents.SLAB_BYTES);
        assertNotNull(all.heldRows);
        assertNull(some.heldRows, "rows beyond the budget are not handed to the summaries");
        assertSameFolders(tmp.resolve("held"), tmp.resolve("outgrown"), "outgrown");
    }

    /** A run stopped after its rows (before its summaries) is resumed from its folder: the export reads the file, to the held run's bytes. */
    @Test
    void aRunResumedFromItsFolderWritesTheOrdFilesOfTheRunThatHeldItsRows() throws Exception {
        Watching held = run(BOOK, 2, "held", Long.MAX_VALUE);
        assertNotNull(held.heldRows);
        Watching stopped = new Watching();
        stopped.fail = true;
        Path dir = tmp.resolve("resumed");
        assertThrows(IOException.class, () -> new Runner(plan(BOOK, 2, dir), ProgressListener.SILENT).heldEventsBudget(Long.MAX_VALUE).start(false, stopped));
        assertEquals("running", Json.read(dir.resolve(Runner.MANIFEST)).get("status").asText());
        assertTrue(Files.notExists(dir.resolve("ord")), "no ORD file yet");
        Watching resumed = new Watching();
        new Runner(plan(BOOK, 2, dir), ProgressListener.SILENT).resume(resumed);
        assertNull(resumed.heldRows, "a resumed run reads events.csv");
        assertSameFolders(tmp.resolve("held"), dir, "resumed");
    }
}
