package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Sha256;
import weaklink.scenario.BadInputException;

/**
 * Before any summary, {@code replicates.csv} must hold each expected (policy, replicate) exactly
 * once (issue #18, item 2): doubled, missing, extra and foreign rows are refused with the line.
 */
class ReplicateRowsTest {
    static final List<String> POLICIES = List.of("none", "buyer-share");
    @TempDir static Path runs;
    static List<String> lines;

    @TempDir Path tmp;

    @BeforeAll
    static void runTwoPolicies() throws Exception {
        Path out = runs.resolve("r");
        Path scenario = runs.resolve("two.yaml");
        Files.writeString(scenario, Files.readString(Path.of(Folders.QUICKSTART)).replace("policies:\n  - id: none",
                "policies:\n  - id: none\n  - id: buyer-share"));
        assertEquals(0, Folders.cli("run", scenario.toString(), "--replicates", "6", "--out", out.toString(), "--quiet").code());
        lines = Files.readAllLines(out.resolve("replicates.csv"));
        assertEquals(1 + 6 * 2, lines.size());
    }

    Path file(List<String> content) throws Exception {
        Path f = tmp.resolve("replicates.csv");
        Files.write(f, content);
        return f;
    }

    BadInputException refused(List<String> content) throws Exception {
        Path f = file(content);
        return assertThrows(BadInputException.class, () -> ReplicateRows.read(f, POLICIES, 0, 6, r -> { }));
    }

    @Test
    void theRowsOfARunPassWithTheirHashAndCount() throws Exception {
        Path f = file(lines);
        List<String> seen = new ArrayList<>();
        ReplicateRows.Digest d = ReplicateRows.read(f, POLICIES, 0, 6, r -> seen.add(r.policy() + r.replicate()));
        assertEquals(12, d.rows());
        assertEquals(Files.size(f), d.bytes());
        assertEquals(Sha256.of(f), d.sha256());
        assertEquals("none0", seen.get(0));
        assertEquals("buyer-share5", seen.get(11));
    }

    @Test
    void aReplicatesRowsReplacedByACopyOfAnothersAreRefused() throws Exception {
        List<String> c = new ArrayList<>(lines);
        c.set(5, lines.get(3));
        c.set(6, lines.get(4));
        BadInputException e = refused(c);
        assertEquals(6, e.line(), "list index 5 is line 6");
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void aMissingRowIsRefused() throws Exception {
        List<String> c = new ArrayList<>(lines);
        c.remove(7);
        BadInputException e = refused(c);
        assertEquals(8, e.line(), "the row after the removed one");
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void rowsCutAtTheEndAreRefused() throws Exception {
        BadInputException e = refused(lines.subList(0, lines.size() - 2));
        assertTrue(e.getMessage().contains("ends before the row of (policy 'none', replicate 5)"), e.getMessage());
    }

    @Test
    void rowsOfASecondRunAppendedAreRefused() throws Exception {
        List<String> c = new ArrayList<>(lines);
        c.addAll(lines.subList(1, 3));
        BadInputException e = refused(c);
        assertEquals(14, e.line());
        assertTrue(e.getMessage().contains("more than each (policy, replicate) once"), e.getMessage());
    }

    @Test
    void aRowOfAPolicyTheManifestDoesNotListIsRefused() throws Exception {
        List<String> c = new ArrayList<>(lines);
        c.set(2, c.get(2).replaceFirst("^buyer-share", "mandate"));
        BadInputException e = refused(c);
        assertTrue(e.getMessage().contains("no policy 'mandate'"), e.getMessage());
    }

    /** Every row as the line parser reads the file's lines (the values' bits included). */
    static List<ReplicateRow> parsed(List<String> content) {
        return content.subList(1, content.size()).stream().map(ReplicateRow::parse).toList();
    }

    @Test
    void rowsEndedByCarriageReturnsAreTheSameRows() throws Exception {
        for (String end : List.of("\r\n", "\r")) {
            Path f = tmp.resolve("replicates.csv");
            Files.writeString(f, String.join(end, lines) + end);
            List<ReplicateRow> seen = new ArrayList<>();
            ReplicateRows.Digest d = ReplicateRows.read(f, POLICIES, 0, 6, seen::add);
            assertEquals(parsed(lines), seen);
            assertEquals(12, d.rows());
            assertEquals(Files.size(f), d.bytes());
            assertEquals(Sha256.of(f), d.sha256());
        }
    }

    @Test
    void aRowOfCellsTheRunDoesNotWriteIsReadAsTheLineParserReadsIt() throws Exception {
        List<String> c = new ArrayList<>(lines);
        String[] cells = c.get(3).split(",", -1);
        cells[1] = "+0" + cells[1]; // replicate 1 with a sign and a leading zero
        cells[2] = cells[2] + "000"; // total_loss with more decimals than the run writes
        c.set(3, String.join(",", cells));
        List<ReplicateRow> seen = new ArrayList<>();
        ReplicateRows.read(file(c), POLICIES, 0, 6, seen::add);
        assertEquals(parsed(c), seen);
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsReplacedCharactersAndTheRowRefusedNamingThem() throws Exception {
        Path f = file(lines);
        byte[] bytes = Files.readAllBytes(f);
        int at = Files.readString(f).indexOf("\nbuyer-share,0,") + 2; // the 'u' of the second row's policy
        bytes[at] = (byte) 0xE3;
        Files.write(f, bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> ReplicateRows.read(f, POLICIES, 0, 6, r -> { }));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("found the row of (policy 'b\uFFFDyer-share', replicate 0)"), e.getMessage());
    }
}
