package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import weaklink.experiment.Sweep;
import weaklink.io.CsvTable;

/**
 * docs/OUTPUTS.md documents exactly the columns the writers write: each table's block is made from
 * its column table. After adding a column, regenerate the blocks with
 * {@code mvn -q test -Dtest=OutputsDocTest -Dweaklink.writeDocs=true} and review the diff.
 */
class OutputsDocTest {
    static final Path DOC = Path.of("docs/OUTPUTS.md");
    static final Pattern BLOCK = Pattern.compile("<!-- columns: ([^>]+?) -->\n(.*?)<!-- end columns -->", Pattern.DOTALL);

    @Test
    void everyTableIsDocumentedColumnForColumnInOutputsMd() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        StringBuilder regenerated = new StringBuilder();
        Matcher m = BLOCK.matcher(doc);
        Set<String> documented = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        while (m.find()) {
            List<String> files = List.of(m.group(1).trim().split("\\s+"));
            String expected = OutputTables.markdown(OutputTables.of(files.get(0)));
            for (String f : files) {
                assertEquals(expected, OutputTables.markdown(OutputTables.of(f)), f + " is documented with " + files.get(0) + ": they must agree");
                documented.add(f);
            }
            if (!m.group(2).equals(expected)) wrong.add(String.join(" ", files));
            m.appendReplacement(regenerated, Matcher.quoteReplacement("<!-- columns: " + m.group(1) + " -->\n" + expected + "<!-- end columns -->"));
        }
        m.appendTail(regenerated);
        if (Boolean.getBoolean("weaklink.writeDocs") && !wrong.isEmpty()) {
            Files.writeString(DOC, regenerated.toString(), StandardCharsets.UTF_8);
            wrong.clear();
        }
        if (!wrong.isEmpty()) {
            fail("docs/OUTPUTS.md disagrees with the column tables of " + wrong
                    + "; regenerate with: mvn -q test -Dtest=OutputsDocTest -Dweaklink.writeDocs=true");
        }
        List<String> all = OutputTables.all().stream().map(CsvTable::file).toList();
        assertEquals(new LinkedHashSet<>(all), documented, "every output table has a block in docs/OUTPUTS.md, in this order");
    }

    @Test
    void sweepTableCopiesOnlyColumnsThatSummaryCsvHas() {
        List<String> summary = SummaryColumn.TABLE.names();
        for (String f : Sweep.FIGURES) assertTrue(summary.contains(f), f);
    }
}
