package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.report.ResultsFinalizer;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The rows a replicate worker hands to the run as bytes, their line ends counted ({@link RowBytes}), are the
 * text {@link ReplicateEngine.ReplicateResult#csv()} and {@link ReplicateEngine.ReplicateResult#eventRows()}
 * give (what the Spark runner writes), and the manifest records the files' own sizes and line counts, with
 * policy names outside ASCII (several bytes a character) and an insurer's book (three streamed files).
 */
class RowsFromTheWorkersTest {
    @TempDir Path tmp;

    private static final int REPLICATES = 12;
    private static final List<String> STREAMED = List.of(Runner.REPLICATES, EventRows.EVENTS, EventRows.PORTFOLIO);

    /** The small book with two policies named in Japanese. */
    private Path scenario() throws Exception {
        Path dir = Path.of("src/test/resources/scenarios");
        String yaml = Files.readString(dir.resolve("small-book.yaml"), StandardCharsets.UTF_8)
                .replace("  - id: none\n", "  - id: none\n    name: 基準\n  - id: buyer-share\n    name: 買い手負担-50\n    phi: 0.5\n");
        Path file = tmp.resolve("small-book.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Files.copy(dir.resolve("small-book.csv"), tmp.resolve("small-book.csv"));
        return file;
    }

    @Test
    void theFilesHoldTheResultsTextAndTheManifestTheirBytesAndLines() throws Exception {
        Path file = scenario(), out = tmp.resolve("out");
        Scenario s = ScenarioLoader.load(file);
        assertEquals(List.of("基準", "買い手負担-50"), s.policies().stream().map(p -> p.name()).toList());
        RunPlan plan = new RunPlan(s, file, Manifest.sha256(file), s.seed(), REPLICATES, s.policies(), Shard.WHOLE, 2, out);
        new Runner(plan, ProgressListener.SILENT).start(false, ResultsFinalizer.summariser(2));

        ReplicateEngine engine = new ReplicateEngine(s, s.seed(), s.policies());
        Map<String, StringBuilder> text = new LinkedHashMap<>();
        for (String f : STREAMED) text.put(f, new StringBuilder());
        for (int r = 0; r < REPLICATES; r++) {
            ReplicateEngine.ReplicateResult result = engine.run(r);
            text.get(Runner.REPLICATES).append(result.csv());
            result.eventRows().forEach((f, rows) -> text.get(f).append(rows));
        }
        Manifest manifest = Manifest.read(out);
        List<String> withRows = new ArrayList<>();
        for (String f : STREAMED) {
            byte[] bytes = Files.readAllBytes(out.resolve(f));
            String body = text.get(f).toString();
            assertArrayEquals((header(f) + "\n" + body).getBytes(StandardCharsets.UTF_8), bytes, f);
            Manifest.OutputFile listed = manifest.files().stream().filter(o -> o.path().equals(f)).findFirst().orElseThrow();
            assertEquals(bytes.length, listed.bytes(), f + ": bytes");
            assertEquals(body.lines().count(), listed.rows(), f + ": rows (lines after the header)");
            if (body.contains("買い手負担-50")) withRows.add(f);
        }
        assertEquals(STREAMED, withRows, "every file has rows of the policy named in Japanese");
    }

    private static String header(String file) {
        return file.equals(Runner.REPLICATES) ? ReplicateRow.header() : EventRows.header(file);
    }
}
