package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insurer's own check, {@code scripts/ord_check.py}, run as a user runs it (a real Python 3, no
 * WeakLink code) on a real run of the small book with reinsurance: it passes a folder as WeakLink
 * writes it, and fails, naming the table, a folder whose period loss table was edited after the run.
 * CI installs Python 3 (.ci/run); elsewhere the test is skipped when there is none.
 */
class OrdCheckScriptTest {
    static final Path SCRIPT = Path.of("scripts/ord_check.py");
    @TempDir static Path tmp;
    static Path run;

    record Result(int code, String out) {}

    @BeforeAll
    static void runTheBook() throws Exception {
        assumeTrue(python() != null, "python3 is not installed");
        Path src = Path.of("src/test/resources/scenarios");
        Files.copy(src.resolve("small-book.csv"), tmp.resolve("small-book.csv"));
        Files.copy(src.resolve("small-book.yaml"), tmp.resolve("small-book.yaml"));
        run = tmp.resolve("out");
        assertEquals(0, OrdRecomputedTest.cli("run", tmp.resolve("small-book.yaml").toString(), "--replicates", "60",
                "--return-periods", "2,5,10,20,50", "--out", run.toString(), "--quiet"));
    }

    static String python() {
        for (String p : List.of("/usr/bin/python3", "/usr/local/bin/python3")) if (Files.isExecutable(Path.of(p))) return p;
        return null;
    }

    static Result check(Path folder) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python(), SCRIPT.toString(), folder.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ord_check.py did not finish");
        return new Result(p.exitValue(), out);
    }

    @Test
    void theScriptFindsNoProblemInAFolderAsWritten() throws Exception {
        Result r = check(run);
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains(": 0 problem(s)"), r.out());
        assertTrue(Files.isRegularFile(run.resolve("ord/none/ri_S1_splt.csv")), "the book's reinsurance gives the ri perspective");
    }

    @Test
    void theScriptFailsNamingTheTablesWhenAPeriodLossIsEdited() throws Exception {
        Path copy = tmp.resolve("edited");
        try (var files = Files.walk(run)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(run.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path splt = copy.resolve("ord/none/il_S1_splt.csv");
        List<String> lines = Files.readAllLines(splt);
        String[] cells = lines.get(1).split(",", -1);
        int loss = List.of(lines.get(0).split(",")).indexOf("Loss");
        cells[loss] = String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(cells[loss]) + 1_000_000);
        lines.set(1, String.join(",", cells));
        Files.write(splt, lines);
        Result r = check(copy);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("il_S1"), r.out());
    }
}
