package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.robustness.BadInputCorpusTest.Outcome;

/**
 * Running out of memory: a run that would not fit in the heap is refused before it starts (exit
 * code 2, the phase that needs most and an {@code -Xmx} that is enough), estimated from counted
 * sizes for every phase (network, funding, replicates, summaries); and a run that does run out
 * (here with the checks turned off) ends with exit code 1 and "out of memory while PHASE; rerun with
 * -Xmx…", no stack trace, nothing half-written. Each case runs in a child JVM with a small heap.
 */
class OutOfMemoryTest {
    static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir Path tmp;

    static List<String> jvm(String... options) {
        List<String> out = new java.util.ArrayList<>(List.of(options));
        out.addAll(QUICK_JVM);
        return out;
    }

    /** japan-national under -Xmx512m passed the network check, then ran out of memory in the funding. */
    @Test
    void japanNationalInHalfAGigabyteIsRefusedBeforeItsNetworkIsBuilt() throws Exception {
        Path out = tmp.resolve("out");
        ChildJvm.Outcome o = ChildJvm.run(tmp, jvm("-Xmx512m"), 120, "run", "scenarios/japan-national.yaml", "--replicates", "2",
                "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: network: this run (at its peak, computing the security funding;"), o.err());
        assertTrue(o.err().matches("(?s).*needs about [0-9,]+ MB of heap.*run it with more, e\\.g\\. java -Xmx\\dg -jar.*"), o.err());
        BadInputCorpusTest.assertNoStackTrace(o.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    /** A million replicates' summaries do not fit in 64 MB: refused before the first replicate, not after the last. */
    @Test
    void aRunWhoseSummariesWouldNotFitIsRefusedBeforeItsReplicates() throws Exception {
        Path out = tmp.resolve("out");
        ChildJvm.Outcome o = ChildJvm.run(tmp, jvm("-Xmx64m"), 120, "run", "scenarios/quickstart.yaml", "--replicates", "1000000",
                "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: --replicates: this run (at its peak, writing the summaries;"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void runningOutOfMemoryEndsWithItsPhaseAndTheHeapToUseWithoutAStackTrace() throws Exception {
        Path out = tmp.resolve("out");
        ChildJvm.Outcome o = ChildJvm.run(tmp, jvm("-Xmx64m", "-Dweaklink.heapCheck=off"), 120, "run", "scenarios/japan-national.yaml",
                "--replicates", "2", "--out", out.toString(), "--quiet");
        assertEquals(1, o.code(), o.err());
        assertEquals("error: out of memory while building the network (maximum heap 64 MB); rerun with more heap, e.g. java -Xmx1g -jar target/weaklink.jar ...",
                o.err().strip().replaceAll("maximum heap \\d+ MB", "maximum heap 64 MB"));
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aSweepOfTwoBillionSamplesIsRefusedAtOnce() {
        Outcome o = BadInputCorpusTest.cli("sweep", "scenarios/quickstart.yaml", "--param", "actors[0].campaigns_per_year=1:8",
                "--samples", "2000000000", "--design", "lhs", "--out", tmp.resolve("sweep").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: --samples: must be between 2 and 100,000, found 2,000,000,000"), o.err());
        assertFalse(Files.exists(tmp.resolve("sweep")));
    }

    @Test
    void aGridWhoseProductOfStepsIsTooLargeIsRefusedAtOnce() {
        Outcome o = BadInputCorpusTest.cli("sweep", "scenarios/quickstart.yaml", "--param", "actors[0].campaigns_per_year=1:8",
                "--param", "actors[0].attempt_probability=0.01:0.5", "--param", "economics.substitution_share=0:1", "--samples", "1000",
                "--out", tmp.resolve("sweep").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("the grid design would have 1,000,000,000 points"), o.err());
    }
}
