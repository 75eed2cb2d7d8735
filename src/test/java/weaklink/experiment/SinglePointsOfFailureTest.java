package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

class SinglePointsOfFailureTest {
    @TempDir Path dir;

    /**
     * A hub that is the sole supplier of five buyers with no inventory, and an isolated firm of the
     * same size: the hub's failure stops its buyers too, so it must rank first and cost more.
     */
    @Test
    void soleSupplierHubRanksAboveAnEqualFirmWithNoCustomers() throws Exception {
        Path data = dir.resolve("net");
        Files.createDirectories(data);
        StringBuilder firms = new StringBuilder("id,name,tier,size_class,role,revenue_yen,inventory_days\n");
        firms.append("0,hub,1,medium,manufacturer,5000000000,\n");
        firms.append("1,loner,1,medium,manufacturer,5000000000,\n");
        StringBuilder links = new StringBuilder("kind,source,target,type,share,substitution_days,substitution_share\n");
        for (int b = 2; b <= 6; b++) {
            firms.append(b).append(",buyer-").append(b).append(",0,large,manufacturer,20000000000,0\n");
            links.append("supply,0,").append(b).append(",,1.0,365,0\n");
        }
        Files.writeString(data.resolve("firms.csv"), firms.toString());
        Files.writeString(data.resolve("links.csv"), links.toString());
        Path scenario = dir.resolve("hub.yaml");
        Files.writeString(scenario, """
                name: hub
                network: {files: {firms: net/firms.csv, links: net/links.csv}}
                initial_compromises: [{firm: 0}]
                """);
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("spof", scenario.toString(), "--top", "7", "--replicates", "10", "--out", out.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        List<String> rows = Files.readAllLines(out.resolve("spof.csv"));
        assertEquals(8, rows.size());
        assertTrue(rows.get(1).startsWith("1,0,hub,"), rows.get(1));
        double hub = Double.parseDouble(rows.get(1).split(",")[7]);
        double loner = rows.stream().filter(r -> r.contains(",loner,")).mapToDouble(r -> Double.parseDouble(r.split(",")[7])).findFirst().orElseThrow();
        assertTrue(hub > 5 * loner, "hub " + hub + " vs loner " + loner);
        String summary = Files.readString(out.resolve("spof.json"));
        assertTrue(summary.contains("\"firms_evaluated\" : 7"), summary);
        assertTrue(Files.size(out.resolve("charts/spof.png")) > 1000);
    }

    @Test
    void exposureScoreRanksFirmsWithDependentBuyersFirst() {
        double[] exposure = {1.0, 5.0, 3.0, 5.0};
        assertEquals(List.of(1, 3, 2), java.util.Arrays.stream(SinglePointsOfFailure.candidates(exposure, 3)).boxed().toList());
    }
}
