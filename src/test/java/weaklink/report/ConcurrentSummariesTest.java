package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summaries written with the ORD export on a thread of its own beside the tables, charts and report
 * ({@link ResultsFinalizer#finish}) are, file for file and byte for byte, those written on one thread
 * one after the other (the tables, the export, then the charts and report).
 */
class ConcurrentSummariesTest {
    @Test
    void theExportBesideTheTablesAndChartsWritesTheSameBytesAsOneThreadInTurn(@TempDir Path tmp) throws Exception {
        Path run = RealRun.make(tmp, 20);
        Path concurrent = RealRun.copy(run, tmp.resolve("concurrent")), inTurn = RealRun.copy(run, tmp.resolve("in-turn"));
        for (Path dir : List.of(concurrent, inTurn)) removeSummaries(dir);

        ResultsFinalizer.finish(concurrent);
        ResultsFinalizer.finishTables(inTurn);
        ReportWriter.write(inTurn);

        List<String> files = files(inTurn);
        assertTrue(files.contains("summary.csv") && files.contains("report.html") && files.contains("charts/exceedance.png")
                && files.stream().anyMatch(f -> f.startsWith("ord/") && f.endsWith("_splt.csv")), files.toString());
        assertEquals(files, files(concurrent));
        for (String f : files) assertArrayEquals(Files.readAllBytes(inTurn.resolve(f)), Files.readAllBytes(concurrent.resolve(f)), f);
    }

    /** Removes what the summaries write, so that each way of writing them starts from the run's own files. */
    private static void removeSummaries(Path dir) throws Exception {
        for (String f : ResultsFinalizer.outputs()) Files.deleteIfExists(dir.resolve(f));
        try (var walk = Files.walk(dir.resolve(OrdExport.FOLDER))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
