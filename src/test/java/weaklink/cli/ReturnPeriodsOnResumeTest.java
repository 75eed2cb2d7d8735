package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.InsuranceInputTest.Outcome;

/**
 * {@code run --resume DIR --return-periods ...}: the return periods change only the rows of the ORD
 * exceedance tables, never the simulation, so a resumed run takes new ones; a complete folder's EPT
 * and PSEPT are written again from its own rows (the same bytes as a fresh run asked for those periods),
 * every other result file stays as it was, and a later resume without the option keeps them.
 */
class ReturnPeriodsOnResumeTest {
    static final String SCENARIO = InsuranceInputTest.SCENARIOS.resolve("small-network.yaml").toString();

    @TempDir Path dir;

    static Map<String, byte[]> results(Path d) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String f : EventLossesKeptTest.filesOf(d)) if (f.endsWith(".csv") || f.equals("accumulators.json")) out.put(f, Files.readAllBytes(d.resolve(f)));
        return out;
    }

    @Test
    void aCompleteFolderResumedWithOtherReturnPeriodsRewritesOnlyItsExceedanceTables() throws Exception {
        Path done = dir.resolve("done"), fresh = dir.resolve("fresh");
        assertEquals(0, InsuranceInputTest.cli("run", SCENARIO, "--replicates", "40", "--out", done.toString(), "--quiet").code());
        Map<String, byte[]> before = results(done);
        List<String> oldEpt = Files.readAllLines(done.resolve("ord/none/gul_S1_ept.csv"));
        assertTrue(oldEpt.stream().skip(1).allMatch(l -> l.split(",")[3].equals("4") || l.split(",")[3].equals("2")), "the market grid to n/10: " + oldEpt);

        Outcome o = InsuranceInputTest.cli("run", SCENARIO, "--resume", done.toString(), "--return-periods", "5,10,20", "--quiet");
        assertEquals(0, o.code(), o.err());
        assertEquals(0, InsuranceInputTest.cli("run", SCENARIO, "--replicates", "40", "--return-periods", "5,10,20", "--out", fresh.toString(),
                "--quiet").code());
        Map<String, byte[]> after = results(done), expected = results(fresh);
        assertEquals(expected.keySet(), after.keySet());
        int rewritten = 0;
        for (String f : after.keySet()) {
            assertArrayEquals(expected.get(f), after.get(f), f + " as a fresh run with those periods writes it");
            if (!java.util.Arrays.equals(before.get(f), after.get(f))) {
                rewritten++;
                assertTrue(f.endsWith("_ept.csv") || f.endsWith("_psept.csv"), f + " is not an exceedance table but changed");
            }
        }
        assertTrue(rewritten >= 8, "the EPT and PSEPT of each perspective and set: " + rewritten);
        assertTrue(Files.readString(done.resolve("ord/none/gul_S1_ept.csv")).contains(",20,"), "the 20-year row");
        assertEquals("complete", weaklink.io.Json.read(done.resolve("manifest.json")).get("status").asText());

        // resumed again without the option: the folder keeps the periods it now has
        assertEquals(0, InsuranceInputTest.cli("run", SCENARIO, "--resume", done.toString(), "--quiet").code());
        for (Map.Entry<String, byte[]> e : results(done).entrySet()) assertArrayEquals(after.get(e.getKey()), e.getValue(), e.getKey());
    }
}
