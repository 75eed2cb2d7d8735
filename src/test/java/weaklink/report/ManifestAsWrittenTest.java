package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weaklink.cli.Main;
import weaklink.experiment.Manifest;

/**
 * The manifest of a finished run, whose summaries' files are described as they are written rather
 * than read back, records every file as reading it from disk describes it: size, SHA-256 and data
 * rows, at any thread count.
 */
class ManifestAsWrittenTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void everyFileIsRecordedAsReadingItBackDescribesIt(int threads) throws Exception {
        Path out = tmp.resolve("r" + threads);
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("run", "scenarios/quickstart.yaml", "--replicates", "30", "--threads", Integer.toString(threads), "--out", out.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        Manifest m = Manifest.read(out);
        assertTrue(m.complete());
        List<String> ord = new ArrayList<>();
        for (Manifest.OutputFile f : m.files()) {
            Path file = out.resolve(f.path());
            if (!Files.exists(file)) continue;
            byte[] bytes = Files.readAllBytes(file);
            long newlines = 0;
            for (byte b : bytes) if (b == '\n') newlines++;
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Long rows = f.path().endsWith(".csv") ? Math.max(0, newlines - 1) : null;
            assertEquals(new Manifest.OutputFile(f.path(), (long) bytes.length, sha, rows), f, f.path());
            if (f.path().startsWith("ord/")) ord.add(f.path());
        }
        assertTrue(ord.size() > 40, "the ORD export's files are among them: " + ord.size());
    }
}
