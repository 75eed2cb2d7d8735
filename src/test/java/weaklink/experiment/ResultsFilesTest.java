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
        Map<String, String> alt = table("ord/gul_S1_alt.csv").get(0);
        assertEquals(summary.get("mean_loss"), alt.get("MeanLoss"));
        Map<String, String> aep25 = table("ord/gul_S1_ept.csv").stream()
                .filter(r -> r.get("EPType").equals("3") && r.get("ReturnPeriod").equals("25")).findFirst().orElseThrow();
        Map<String, String> exceedance25 = table("exceedance.csv").stream()
                .filter(r -> r.get("metric").equals("aep") && r.get("return_period_years").equals("25")).findFirst().orElseThrow();
        assertEquals(exceedance25.get("loss"), aep25.get("Loss"));
        // the period loss table holds every year with a loss; weighted, it gives the average annual loss
        double aal = table("ord/gul_S1_plt.csv").stream().mapToDouble(r -> num(r, "Loss") * num(r, "PeriodWeight")).sum();
        assertEquals(num(summary, "mean_loss"), aal, 1e-6 * num(summary, "mean_loss"));
    }

    @Test
    void ordInsuredPerspectiveIsThePortfolioLossWithoutAnOccurrenceCurve() throws Exception {
        Map<String, String> summary = table("summary.csv").get(0);
        assertEquals(summary.get("mean_insured_loss"), table("ord/il_S1_alt.csv").get(0).get("MeanLoss"));
        List<Map<String, String>> ept = table("ord/il_S1_ept.csv");
        assertTrue(ept.stream().allMatch(r -> r.get("EPType").equals("3") || r.get("EPType").equals("4")), "insured losses are kept per year only");
        assertEquals(2 * 5, ept.size(), "AEP and AEP TVaR at the 5 return periods up to 40 years (10 of the 400 years beyond)");
        assertEquals(List.of("SummaryId,policy", "1,none"), Files.readAllLines(out.resolve("ord/summary_info.csv")));
    }

    @Test
    void finishingAgainFromTheSameInputsGivesTheSameBytes() throws Exception {
        List<String> derived = List.of("summary.csv", "exceedance.csv", "timeseries.csv", "by_group.csv", "ord/gul_S1_ept.csv", "ord/gul_S1_alt.csv", "ord/gul_S1_plt.csv", "ord/il_S1_ept.csv", "ord/il_S1_alt.csv", "ord/il_S1_plt.csv");
        Map<String, byte[]> before = new HashMap<>();
        for (String f : derived) before.put(f, Files.readAllBytes(out.resolve(f)));
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of(Runner.MANIFEST, Runner.REPLICATES, Runner.ACCUMULATORS)) Files.copy(out.resolve(f), copy.resolve(f));
        ResultsFinalizer.finish(copy);
        for (String f : derived) assertArrayEquals(before.get(f), Files.readAllBytes(copy.resolve(f)), f);
    }
}
