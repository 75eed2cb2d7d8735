package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.report.ResultsFinalizer;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The replicates handed to the workers ahead of the rows written ({@link Runner#WINDOW_PER_THREAD},
 * bounded by the rows the finished ones hold) change when a replicate is computed, never what is
 * written: the files are those of one thread whether the window is as wide as it may be or bounded to
 * no rows at all (then no replicate is handed out while a finished one waits, beyond one per thread).
 */
class ReplicateWindowTest {
    @TempDir Path tmp;

    private static final List<String> FILES = List.of("replicates.csv", "events.csv", "accumulators.json", "summary.csv");

    private Path run(String name, int threads, long windowBytes) throws Exception {
        Path file = Path.of(Folders.QUICKSTART), out = tmp.resolve(name);
        Scenario s = ScenarioLoader.load(file);
        RunPlan plan = new RunPlan(s, file, Manifest.sha256(file), s.seed(), 120, s.policies(), Shard.WHOLE, threads, out);
        new Runner(plan, ProgressListener.SILENT, Runner.CHECKPOINT_MILLIS, windowBytes).start(false, ResultsFinalizer.summariser(2));
        return out;
    }

    @Test
    void aWideOrATightlyBoundedWindowWritesTheBytesOfOneThread() throws Exception {
        Path one = run("one", 1, Runner.WINDOW_BYTES);
        Path wide = run("wide", 3, Runner.WINDOW_BYTES);
        Path tight = run("tight", 3, 0);
        for (String f : FILES) {
            byte[] expected = Files.readAllBytes(one.resolve(f));
            assertArrayEquals(expected, Files.readAllBytes(wide.resolve(f)), "wide window: " + f);
            assertArrayEquals(expected, Files.readAllBytes(tight.resolve(f)), "window bounded to no waiting rows: " + f);
        }
    }
}
