package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network-file half of the bad-input corpus (src/test/resources/bad-input/network/CASE/):
 * a scenario reading CASE's firms.csv and links.csv is refused with exit code 2, the CSV file,
 * its line (and column, where the problem is in a cell) and what is wrong, no stack trace, and
 * nothing written. {@code expect.txt} holds {@code file:line[:col] | fragment | ...}.
 */
class NetworkCsvCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-input/network");
    static final Path GOOD = Path.of("src/test/resources/good-input/network-bom-crlf");

    @TempDir Path tmp;

    static Stream<Path> cases() throws Exception {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    Path scenarioFor(Path dir) throws Exception {
        Path s = tmp.resolve(dir.getFileName() + ".yaml");
        Files.writeString(s, "name: csv-case\n"
                + "network: {files: {firms: " + dir.toAbsolutePath().resolve("firms.csv") + ", links: " + dir.toAbsolutePath().resolve("links.csv") + "}}\n"
                + "actors: [{mode: opportunistic}]\n");
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badNetworkFileIsRefusedWithFileLineAndReason(Path dir) throws Exception {
        String[] expect = Files.readString(dir.resolve("expect.txt"), StandardCharsets.UTF_8).trim().split("\\|");
        Path scenario = scenarioFor(dir);
        BadInputCorpusTest.Outcome v = BadInputCorpusTest.cli("validate", scenario.toString());
        assertEquals(2, v.code(), v.err());
        String where = dir.getFileName() + "/" + expect[0].trim();
        assertTrue(v.err().contains(where), "expected '" + where + "' in: " + v.err());
        for (int i = 1; i < expect.length; i++) assertTrue(v.err().contains(expect[i].trim()), "expected '" + expect[i].trim() + "' in: " + v.err());
        BadInputCorpusTest.assertNoStackTrace(v.err());

        Path out = tmp.resolve("out");
        BadInputCorpusTest.Outcome run = BadInputCorpusTest.cli("run", scenario.toString(), "--replicates", "2", "--out", out.toString());
        assertEquals(2, run.code(), run.err());
        assertFalse(Files.exists(out), "a refused run must write nothing");
    }

    @org.junit.jupiter.api.Test
    void byteOrderMarkCrlfNonAsciiNamesAndFormulaLikeNamesAreAccepted() throws Exception {
        BadInputCorpusTest.Outcome v = BadInputCorpusTest.cli("validate", scenarioFor(GOOD).toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("2 firms"), v.out());
    }
}
