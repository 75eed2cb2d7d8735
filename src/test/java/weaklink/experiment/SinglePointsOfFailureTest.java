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
    void aSustainedStopCostsTheDailyProductionOfEveryFirmItStops() throws Exception {
        // a chain of sole-sourced inputs without stock: firm 0 supplies 1, 1 supplies 2; firm 3 stands alone.
        // Equal value added: stopping 0 stops three of four firms (75 %), stopping 1 two (50 %), 2 or 3 only itself (25 %)
        Path data = dir.resolve("chain");
        Files.createDirectories(data);
        Files.writeString(data.resolve("firms.csv"), "id,tier,size_class,revenue_yen,value_added_share,inventory_days\n"
                + "0,2,medium,1000,0.5,0\n1,1,medium,1000,0.5,0\n2,0,medium,1000,0.5,0\n3,0,medium,1000,0.5,0\n");
        Files.writeString(data.resolve("links.csv"), "kind,source,target,type,share,substitution_days,substitution_share\n"
                + "supply,0,1,,0.5,365,0\nsupply,1,2,,0.5,365,0\n");
        weaklink.scenario.Scenario s = weaklink.scenario.ScenarioLoader.parse("chain.yaml",
                "name: chain\nnetwork: {files: {firms: chain/firms.csv, links: chain/links.csv}}\nactors: [{mode: opportunistic}]\n", dir);
        weaklink.network.SupplyNetwork net = weaklink.network.Networks.build(s, 1);
        SinglePointsOfFailure.SustainedStops stops = SinglePointsOfFailure.sustainedStops(s, net, 10, 30, 1);
        assertEquals(4, stops.firms().length);
        double[] expected = {0.75, 0.5, 0.25, 0.25};
        for (int i = 0; i < 4; i++) {
            assertEquals(i, stops.firms()[i]); // ids equal indices here; the sample is sorted
            assertEquals(expected[i], stops.productionLost()[i], 1e-9);
        }
        assertEquals(1, stops.above(0.5));
        assertEquals(0.75, stops.max(), 1e-9);
    }

    @Test
    void exposureScoreRanksFirmsWithDependentBuyersFirst() {
        double[] exposure = {1.0, 5.0, 3.0, 5.0};
        assertEquals(List.of(1, 3, 2), java.util.Arrays.stream(SinglePointsOfFailure.candidates(exposure, 3)).boxed().toList());
    }
}
