package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.experiment.ReplicateColumn;

/**
 * The ORD export is streamed: the period loss table of a million simulated years (35 MB) is written
 * in a 72 MB heap that holds the three million losses it comes from. Issue #18, item 7: a million
 * replicates under {@code -Xmx128m} ran out of memory building that table as one text (the former
 * export, run by hand the same way, failed at 72 MB and at 128 MB).
 */
class OrdExportTest {
    static final int PERIODS = 1_000_000;
    static final String HEAP = "-Xmx72m";

    @TempDir Path dir;

    /** Writes the ORD files of one policy with {@code args[1]} simulated years into {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        ResultsFinalizer.PolicyColumns c = new ResultsFinalizer.PolicyColumns();
        // a loss every year, of a size whose cells are long (so the table's text would be ~45 MB)
        for (int i = 0; i < n; i++) c.addForTest(123_456_789.0 + i, 1_000_000.0 + i, 50_000.0 + i);
        OrdExport.write(Path.of(args[0]), List.of("none"), Map.of("none", c));
    }

    @Test
    void aMillionYearPeriodLossTableIsWrittenInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"), OrdExportTest.class.getName(),
                dir.toString(), Integer.toString(PERIODS)).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(dir.resolve("log")));
        Path plt = dir.resolve("ord/gul_S1_plt.csv");
        long lines;
        try (BufferedReader r = Files.newBufferedReader(plt)) {
            lines = r.lines().count();
        }
        assertEquals(PERIODS + 1, lines);
        org.junit.jupiter.api.Assertions.assertTrue(Files.size(plt) > 30_000_000, "the table is large next to the heap: " + Files.size(plt));
    }
}
