package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cluster.SameResults;

/**
 * {@code --threads T} reaches every pool a run starts (the replicates, the ORD export and its
 * writers, the charts, the hashing of the finished folder, the warm-up), whatever the machine's
 * cores: a real run in a child JVM told it has four cores, its threads' starts and ends recorded by
 * the JDK's flight recorder. A shard given one core that runs with {@code --threads 1} keeps to it.
 */
class ThreadsOptionTest {
    /** insurer-book: one policy, its ORD export, charts and report. */
    private static final String SCENARIO = "scenarios/insurer-book.yaml";

    /** The runs, one a thread count, shared by the tests (each is a whole JVM's run). */
    @TempDir static Path tmp;
    private static final Map<Integer, Path> RUNS = new HashMap<>();

    @Test
    void aRunOfOneThreadHasAtMostOneOfItsOwnThreadsAliveAtAnyTimeOnFourCores() throws Exception {
        Map<String, Integer> peaks = peaks(run(1).resolve("threads.jfr"));
        assertEquals(1, peaks.get(ALL), "at most one worker alive at once besides main: " + peaks);
    }

    @Test
    void aRunOfTwoThreadsStartsNoPoolOfMoreThanTwoOnFourCores() throws Exception {
        Map<String, Integer> peaks = peaks(run(2).resolve("threads.jfr"));
        assertEquals(2, peaks.get("weaklink-replicate"), peaks.toString());
        assertEquals(2, peaks.get("weaklink-charts"), peaks.toString());
        for (Map.Entry<String, Integer> e : peaks.entrySet()) {
            if (!e.getKey().equals(ALL)) assertTrue(e.getValue() <= 2, "pool " + e.getKey() + " had " + e.getValue() + " threads alive at once: " + peaks);
        }
    }

    @Test
    void oneThreadAndTwoThreadsOnFourCoresWriteTheSameBytes() throws Exception {
        SameResults.assertSameResults(run(1).resolve("out"), run(2).resolve("out"));
    }

    private static final String ALL = "all of the run's threads";

    /**
     * The folder of the run of the scenario with {@code --threads threads} in a child JVM that sees four
     * cores: its results in {@code out}, its flight recording {@code threads.jfr}; run the first time it is asked for.
     */
    private static synchronized Path run(int threads) throws Exception {
        Path dir = RUNS.get(threads);
        if (dir != null) return dir;
        dir = Files.createDirectories(tmp.resolve("threads-" + threads));
        Path jfr = dir.resolve("threads.jfr"), out = dir.resolve("out");
        ChildJvm.Outcome o = ChildJvm.run(dir, List.of("-XX:ActiveProcessorCount=4", "-Xlog:jfr+startup=off",
                        "-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true"), 300,
                "run", Path.of(SCENARIO).toAbsolutePath().toString(), "--replicates", "30", "--threads", Integer.toString(threads), "--quiet",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        RUNS.put(threads, dir);
        return dir;
    }

    /**
     * The most threads of each pool (its threads' name; the common fork-join pool's as one) alive at
     * once, and under {@link #ALL} the most of all of them together: the run's own threads, not the
     * JVM's or the recorder's.
     */
    private static Map<String, Integer> peaks(Path jfr) throws Exception {
        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ThreadStart") || type.equals("jdk.ThreadEnd")) events.add(e);
        }
        events.sort(Comparator.comparing(RecordedEvent::getStartTime));
        Map<String, Integer> alive = new HashMap<>(), peaks = new TreeMap<>();
        Map<Long, String> started = new HashMap<>();
        peaks.put(ALL, 0);
        for (RecordedEvent e : events) {
            RecordedThread t = e.getThread("thread");
            if (t == null) continue;
            String pool = pool(t.getJavaName());
            if (pool == null) continue;
            if (e.getEventType().getName().equals("jdk.ThreadStart")) {
                started.put(t.getJavaThreadId(), pool);
                alive.merge(pool, 1, Integer::sum);
                alive.merge(ALL, 1, Integer::sum);
                peaks.merge(pool, alive.get(pool), Math::max);
                peaks.merge(ALL, alive.get(ALL), Math::max);
            } else if (started.remove(t.getJavaThreadId()) != null) {
                alive.merge(pool, -1, Integer::sum);
                alive.merge(ALL, -1, Integer::sum);
            }
        }
        assertTrue(peaks.containsKey("weaklink-replicate"), "the recording holds the run's threads: " + peaks);
        return peaks;
    }

    /** The pool a thread of this name belongs to, or null for a thread that is not the run's own. */
    private static String pool(String name) {
        if (name == null) return null;
        if (name.startsWith("weaklink-")) return name;
        if (name.startsWith("ForkJoinPool")) return "ForkJoinPool";
        return null;
    }
}
