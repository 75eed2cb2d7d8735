package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad insurer's input is refused before anything is written (exit code 2, a message naming the file,
 * line, column or option), and a book's results survive shards and merge byte for byte.
 */
class InsuranceInputTest {
    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @TempDir Path dir;

    record Outcome(int code, String err) {}

    static Outcome cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
        return new Outcome(code, err.toString());
    }

    Path book(String portfolio) throws Exception {
        Files.copy(SCENARIOS.resolve("small-book.yaml"), dir.resolve("small-book.yaml"));
        if (portfolio != null) Files.writeString(dir.resolve("small-book.csv"), portfolio);
        return dir.resolve("small-book.yaml");
    }

    @Test
    void aMissingPortfolioFileIsRefusedNamingItAndNothingIsWritten() throws Exception {
        Path scenario = book(null), out = dir.resolve("out");
        Outcome o = cli("run", scenario.toString(), "--replicates", "2", "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(dir.resolve("small-book.csv").toString()) && o.err().contains("file not found"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aBadPortfolioCellIsRefusedAtItsLineAndColumn() throws Exception {
        Path scenario = book("firm_id,limit_yen,waiting_period_hours\n4,1e8,-3\n"), out = dir.resolve("out");
        Outcome o = cli("run", scenario.toString(), "--replicates", "2", "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("small-book.csv:2:3: waiting_period_hours"), o.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void badReturnPeriodsAreRefusedNamingTheOption() throws Exception {
        Path out = dir.resolve("out");
        for (String bad : new String[] {"10,abc", "1", "10,10"}) {
            Outcome o = cli("run", SCENARIOS.resolve("small-network.yaml").toString(), "--replicates", "2", "--return-periods", bad,
                    "--out", out.toString(), "--quiet");
            assertEquals(2, o.code(), bad + ": " + o.err());
            assertTrue(o.err().contains("--return-periods"), o.err());
            assertFalse(Files.exists(out), "nothing is written");
        }
    }

    @Test
    void theBooksEventFilesAndOrdSurviveShardsAndMergeByteForByte() throws Exception {
        Path scenario = book(Files.readString(SCENARIOS.resolve("small-book.csv")));
        Path whole = dir.resolve("whole"), s1 = dir.resolve("s1"), s2 = dir.resolve("s2"), merged = dir.resolve("merged");
        assertEquals(0, cli("run", scenario.toString(), "--replicates", "40", "--out", whole.toString(), "--quiet").code());
        assertEquals(0, cli("run", scenario.toString(), "--replicates", "40", "--shard", "1/2", "--out", s1.toString(), "--quiet").code());
        assertEquals(0, cli("run", scenario.toString(), "--replicates", "40", "--shard", "2/2", "--out", s2.toString(), "--quiet").code());
        assertEquals(0, cli("merge", s1.toString(), s2.toString(), "--out", merged.toString(), "--quiet").code());
        for (String f : new String[] {"events.csv", "portfolio_losses.csv", "ord/none/ri_S1_splt.csv", "ord/none/rl_S4_ept.csv",
                "ord/none/il_S2_selt.csv", "ord/none/gul_S3_palt.csv", "ord/none/il_S1_summary-info.csv"}) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
        }
        assertTrue(Files.readAllLines(whole.resolve("portfolio_losses.csv")).size() > 10, "the book has claims");
    }
}
