package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

class ReplicateRowTest {
    @TempDir Path dir;

    /** A row read back from replicates.csv writes the same line: reader and writer share one column table. */
    @Test
    void everyRowOfARunReadsBackToTheSameLine() throws Exception {
        Path out = dir.resolve("r");
        assertEquals(0, Main.newCommandLine(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()))
                .execute("run", "scenarios/msp-fanout.yaml", "--replicates", "20", "--out", out.toString(), "--quiet"));
        List<String> lines = Files.readAllLines(out.resolve(Runner.REPLICATES));
        assertEquals(ReplicateRow.header(), lines.get(0));
        for (String line : lines.subList(1, lines.size())) assertEquals(line, ReplicateRow.parse(line).toCsv());
    }

    @Test
    void aCellThatIsNotItsColumnsFormatIsRefusedNamingTheColumn() {
        String line = "none,0,1.00,1.00,0.00,0.00,0.00,0.00,0.00,x,0,1.00,0.00,0.00,1.00,1,1.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0,1.00,0.00,0.00,0.00,0.00,,0,0.00,1,0,3,1";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ReplicateRow.parse(line));
        assertEquals(true, e.getMessage().contains("firms_compromised"), e.getMessage());
    }
}
