package weaklink.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * A firm read from a file without an {@code insured} cell holds insurance with its size class's
 * {@code insured_share}, drawn per firm from the run's seed and its id — not, as before, every
 * firm of a class when at least half of it is insured and none otherwise.
 */
class ImportedInsuranceTest {
    static final int FIRMS = 4000;
    @TempDir Path dir;

    Scenario scenario(double smallShare) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), """
                name: imported
                network: {files: {firms: firms.csv, links: links.csv}}
                size_classes: {small: {insured_share: %s}, large: {insured_share: 1.0}}
                initial_compromises: [{firm: 0}]
                """.formatted(smallShare));
        return ScenarioLoader.load(dir.resolve("s.yaml"));
    }

    void writeFirms(List<String> rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,size_class,insured"));
        lines.addAll(rows);
        Files.write(dir.resolve("firms.csv"), lines);
        Files.writeString(dir.resolve("links.csv"), "kind,source,target,type,share\n");
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < FIRMS; i++) rows.add(i + ",small,");
        rows.add("999999,small,1");  // an explicit cell is kept
        rows.add("999998,large,");   // a class insuring every firm
        return rows;
    }

    /** The ids of the insured firms. */
    static List<Long> insured(SupplyNetwork net) {
        List<Long> ids = new ArrayList<>();
        for (int f = 0; f < net.firmCount(); f++) if (net.attribute(FirmAttribute.INSURED, f) > 0) ids.add(net.firmId(f));
        Collections.sort(ids);
        return ids;
    }

    @Test
    void emptyInsuranceCellsAreDrawnWithTheClassShareFromTheSeedAndTheFirmsId() throws Exception {
        Scenario s = scenario(0.3);
        writeFirms(rows());
        SupplyNetwork net = Networks.build(s, 11);
        List<Long> ids = insured(net);
        int small = ids.size() - 2;
        assertEquals(0.3 * FIRMS, small, 4 * Math.sqrt(FIRMS * 0.3 * 0.7));
        assertEquals(true, ids.contains(999999L) && ids.contains(999998L));
        // the same seed gives the same firms whatever the row order; another seed other firms
        List<String> shuffled = rows();
        Collections.shuffle(shuffled, new Random(3));
        writeFirms(shuffled);
        assertEquals(ids, insured(Networks.build(s, 11)));
        assertNotEquals(ids, insured(Networks.build(s, 12)));
    }

    @Test
    void anExportedNetworkWritesTheDrawnInsuranceSoItReadsBackTheSame() throws Exception {
        Scenario s = scenario(0.3);
        writeFirms(rows());
        SupplyNetwork net = Networks.build(s, 11);
        StringWriter out = new StringWriter();
        NetworkCsvWriter.writeFirms(net, s.sizeClasses(), false, out);
        Files.writeString(dir.resolve("firms.csv"), out.toString());
        assertEquals(insured(net), insured(Networks.build(s, 99)));
    }
}
