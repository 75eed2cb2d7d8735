package weaklink.experiment;

import weaklink.io.Csv;
import weaklink.random.RandomStreams;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.report.ResultsFinalizer;

/** The derived tables of one finished run agree with each other and with the replicate rows. */
class ResultsFilesTest {
    static final int REPLICATES = 400;
    @TempDir static Path tmp;
    static Path out;

    @BeforeAll
    static void runOnce() {
        out = tmp.resolve("r");
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", "src/test/resources/scenarios/small-network.yaml", "--replicates", Integer.toString(REPLICATES), "--out", out.toString(), "--quiet");
        assertEquals(0, code);
    }

    /** The rows of a CSV file as maps from column name to cell. */
    static List<Map<String, String>> table(String file) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve(file));
        List<String> header = Csv.split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Csv.split(line);
            assertEquals(header.size(), cells.size(), file + ": " + line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells.get(i));
            rows.add(row);
        }
        return rows;
    }

    static double num(Map<String, String> row, String column) { return Double.parseDouble(row.get(column)); }

    @Test
    void tooFewYearsForThe200YearLossLeaveItOutOfTheSummaryAndTheCurves() throws Exception {
        Map<String, String> summary = table("summary.csv").get(0);
        assertEquals("", summary.get("var_99_5"));
        assertEquals("", summary.get("tvar_99_5"));
        assertTrue(summary.get("tail_note").startsWith("2 of 400 years lie beyond the 99.5 % level"), summary.get("tail_note"));
        assertTrue(table("exceedance.csv").stream().noneMatch(r -> r.get("return_period_years").equals("200")));
    }

    @Test
    void exceedanceCurvesRiseWithReturnPeriodAndOccurrenceNeverExceedsAggregate() throws Exception {
        List<Map<String, String>> rows = table("exceedance.csv");
        List<Integer> periods = rows.stream().filter(r -> r.get("metric").equals("aep")).map(r -> Integer.parseInt(r.get("return_period_years"))).toList();
        assertEquals(List.of(2, 5, 10, 20, 25), periods, "return periods with at least 10 of the 400 simulated years beyond them");
        double previous = -1;
        for (Map<String, String> r : rows.stream().filter(r -> r.get("metric").equals("aep")).toList()) {
            assertTrue(num(r, "loss") >= previous);
            assertTrue(num(r, "tail_mean_loss") >= num(r, "loss"));
            previous = num(r, "loss");
            Map<String, String> oep = rows.stream().filter(o -> o.get("metric").equals("oep")
                    && o.get("return_period_years").equals(r.get("return_period_years"))).findFirst().orElseThrow();
            assertTrue(num(oep, "loss") <= num(r, "loss"), "largest event above the annual total at " + r);
        }
    }

    @Test
    void lossesBorneByGroupAddUpToTheMeanAnnualLoss() throws Exception {
        double mean = num(table("summary.csv").get(0), "mean_loss");
        List<Map<String, String>> groups = table("by_group.csv");
        double borne = groups.stream().mapToDouble(r -> num(r, "mean_loss_borne")).sum();
        // each group's loss is rounded to whole currency units per replicate
        assertEquals(mean, borne, groups.size() * 0.5 + 1);
        double firms = groups.stream().mapToDouble(r -> num(r, "firms")).sum();
        weaklink.scenario.Scenario s = weaklink.scenario.ScenarioLoader.load(Path.of("src/test/resources/scenarios/small-network.yaml"));
        int networkFirms = RunContext.of(s, s.seed()).network().firmCount();
        assertEquals(networkFirms, firms, 1e-9, "every firm is in exactly one group");
        double spend = groups.stream().mapToDouble(r -> num(r, "mean_security_spend")).sum();
        assertEquals(num(table("summary.csv").get(0), "mean_security_spend"), spend, groups.size() * 0.5 + 1);
    }

    @Test
    void timeseriesHasOneRowPerDayAndPolicy() throws Exception {
        List<Map<String, String>> rows = table("timeseries.csv");
        assertEquals(365, rows.size());
        assertEquals("1", rows.get(0).get("day"));
        assertEquals("365", rows.get(364).get("day"));
        assertTrue(rows.stream().anyMatch(r -> num(r, "mean_compromised") > 0));
        assertTrue(rows.stream().allMatch(r -> num(r, "sd_down") >= 0));
    }

    @Test
    void ordTablesAgreeWithTheSummary() throws Exception {
        Map<String, String> summary = table("summary.csv").get(0);
        // the ORD tables are made from the event losses as written, to the cent: they agree with the summary to rounding
        double cents = 0.01 * table("ord/none/gul_S1_splt.csv").size();
        Map<String, String> palt = table("ord/none/gul_S1_palt.csv").get(0);
        assertEquals(num(summary, "mean_loss"), num(palt, "MeanLoss"), cents);
        Map<String, String> aep25 = table("ord/none/gul_S1_ept.csv").stream()
                .filter(r -> r.get("EPType").equals("3") && r.get("ReturnPeriod").equals("25")).findFirst().orElseThrow();
        Map<String, String> exceedance25 = table("exceedance.csv").stream()
                .filter(r -> r.get("metric").equals("aep") && r.get("return_period_years").equals("25")).findFirst().orElseThrow();
        assertEquals(num(exceedance25, "loss"), num(aep25, "Loss"), cents);
        // the period loss table holds every event of every year with a loss; weighted, it gives the average annual loss
        double aal = table("ord/none/gul_S1_splt.csv").stream().mapToDouble(r -> num(r, "Loss") * num(r, "PeriodWeight")).sum();
        assertEquals(num(palt, "MeanLoss"), aal, 0.01);
    }

    @Test
    void ordInsuredPerspectiveHasOccurrenceAndAggregateCurves() throws Exception {
        Map<String, String> summary = table("summary.csv").get(0);
        double cents = 0.01 * table("ord/none/il_S1_splt.csv").size();
        assertEquals(num(summary, "mean_insured_loss"), num(table("ord/none/il_S1_palt.csv").get(0), "MeanLoss"), cents);
        List<Map<String, String>> ept = table("ord/none/il_S1_ept.csv");
        for (String type : List.of("1", "2", "3", "4")) {
            assertEquals(5, ept.stream().filter(r -> r.get("EPType").equals(type)).count(), "EPType " + type + " at the 5 return periods up to 40 years");
        }
        List<String> info = Files.readAllLines(out.resolve("ord/none/il_S1_summary-info.csv"));
        assertEquals("summary_id,_not_set_,tiv", info.get(0));
        assertTrue(info.get(1).startsWith("1,All-Risks,"), info.get(1));
    }

    @Test
    void finishingAgainFromTheSameInputsGivesTheSameBytes() throws Exception {
        List<String> derived = List.of("summary.csv", "exceedance.csv", "timeseries.csv", "by_group.csv", "ord/none/gul_S1_ept.csv",
                "ord/none/gul_S1_palt.csv", "ord/none/gul_S1_splt.csv", "ord/none/il_S4_ept.csv", "ord/none/il_S2_selt.csv", "ord/none/il_S3_summary-info.csv");
        Map<String, byte[]> before = new HashMap<>();
        for (String f : derived) before.put(f, Files.readAllBytes(out.resolve(f)));
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of(Runner.MANIFEST, Runner.REPLICATES, EventRows.EVENTS, Runner.ACCUMULATORS)) Files.copy(out.resolve(f), copy.resolve(f));
        ResultsFinalizer.finish(copy);
        for (String f : derived) assertArrayEquals(before.get(f), Files.readAllBytes(copy.resolve(f)), f);
    }
}
