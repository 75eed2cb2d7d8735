package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.io.Csv;

/**
 * The displacement made visible (docs/ODD.md 7.8): a large buyer (v 0.3) and two suppliers with remote
 * access into it (v 0.6, 0.5), a targeted actor that always reconnoitres and gets in, and a mandate
 * that brings every supplier to ★4 (0.15). An adaptive actor then enters through the buyer itself:
 * by_group.csv's entry shares move to tier 0 and the report says the mandate moves entries up the
 * chain. The same run with {@code adaptive: false} keeps the entries at the supplier and says nothing.
 */
class EntriesUpTheChainTest {
    @TempDir Path tmp;

    Path run(boolean adaptive) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("adaptive-" + adaptive));
        Files.writeString(dir.resolve("firms.csv"), """
                id,tier,size_class,vulnerability
                0,0,large,0.3
                1,1,small,0.6
                2,1,micro,0.5
                """);
        Files.writeString(dir.resolve("links.csv"), """
                kind,source,target,type
                trust,1,0,remote-access
                trust,2,0,remote-access
                """);
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: up-the-chain
                network: {files: {firms: firms.csv, links: links.csv}}
                economics: {cascade: false}
                actors:
                  - {mode: targeted, campaigns_per_year: 10, recon_hops: 1, recon_probability: 1, capability: 1000,
                     dwell_days: {type: fixed, value: 1}, adaptive: %s}
                policies:
                  - {id: none}
                  - {id: mandate, standard: star4, min_tier: 1}
                """.formatted(adaptive));
        Path out = dir.resolve("results");
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("run", scenario.toString(), "--replicates", "40", "--out", out.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        return out;
    }

    /** by_group.csv's {@code entry_share} by (policy, tier). */
    static Map<String, Double> entryShareByTier(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("by_group.csv"));
        List<String> header = Csv.split(lines.get(0));
        Map<String, Double> share = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Csv.split(line);
            String cell = c.get(header.indexOf("entry_share"));
            share.merge(c.get(header.indexOf("policy")) + "/tier" + c.get(header.indexOf("tier")), cell.isEmpty() ? 0 : Double.parseDouble(cell), Double::sum);
        }
        return share;
    }

    @Test
    void aMandateThatHardensEverySupplierMovesAdaptiveEntriesToTheBuyerAndTheReportSaysSo() throws Exception {
        Path out = run(true);
        Map<String, Double> share = entryShareByTier(out);
        assertEquals(0.0, share.get("none/tier0"), 0, "with no policy it comes in through the weakest supplier");
        assertEquals(1.0, share.get("mandate/tier0"), 0, "with every supplier at ★4 the buyer itself is the weakest");
        String headline = Headline.read(out).text();
        assertTrue(headline.contains("move up the chain under mandate (100 % of entries"), headline);
    }

    @Test
    void anActorThatDoesNotAdaptKeepsItsEntriesAndTheReportSaysNothing() throws Exception {
        Path out = run(false);
        Map<String, Double> share = entryShareByTier(out);
        assertEquals(0.0, share.get("none/tier0"), 0);
        assertEquals(0.0, share.get("mandate/tier0"), 0, "it still comes in through the supplier it picked by what it is");
        assertFalse(Headline.read(out).text().contains("up the chain"));
    }
}
