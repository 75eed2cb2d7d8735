package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.io.Csv;

/**
 * The ORD tables of a run, recomputed from its sample period loss tables by the definitions alone
 * (as scripts/ord_check.py does, and as an insurer would with pandas): the EPT's OEP (each period's
 * largest event) and AEP (each period's sum) and their TVaRs at every return period, under WeakLink's
 * quantile and under ktools'; the PALT's mean (sum over the years) and standard deviation; OEP ≤ AEP
 * and TVaR ≥ VaR; and, with reinsurance, ceded + retained = insured event by event. The run is the
 * small test network with an insurer's book of 243 firms, events as an actor's campaigns within 72
 * hours, a per-event layer and an aggregate stop-loss (src/test/resources/scenarios/small-book.yaml).
 */
class OrdRecomputedTest {
    static final int YEARS = 200;
    static final List<String> PERSPECTIVES = List.of("gul", "il", "ri", "rl");
    @TempDir static Path tmp;
    static Path type1, ktools;

    @BeforeAll
    static void runTheBookTwice() throws Exception {
        Path src = Path.of("src/test/resources/scenarios");
        Files.copy(src.resolve("small-book.csv"), tmp.resolve("small-book.csv"));
        String yaml = Files.readString(src.resolve("small-book.yaml"));
        Files.writeString(tmp.resolve("type1.yaml"), yaml);
        Files.writeString(tmp.resolve("ktools.yaml"), yaml.replace("\ninsurance:\n", "\ninsurance:\n  ord: {quantile: ktools}\n"));
        type1 = tmp.resolve("out-type1");
        ktools = tmp.resolve("out-ktools");
        String periods = "2,4,5,10,20,25,40,50,100,150,200";
        assertEquals(0, cli("run", tmp.resolve("type1.yaml").toString(), "--replicates", Integer.toString(YEARS), "--return-periods", periods,
                "--out", type1.toString(), "--quiet"));
        assertEquals(0, cli("run", tmp.resolve("ktools.yaml").toString(), "--replicates", Integer.toString(YEARS), "--return-periods", periods,
                "--out", ktools.toString(), "--quiet"));
    }

    static int cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
        if (code != 0) System.err.println(err);
        return code;
    }

    static List<Map<String, String>> read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> header = Csv.split(lines.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Csv.split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells.get(i));
            out.add(row);
        }
        return out;
    }

    static double num(Map<String, String> row, String column) { return Double.parseDouble(row.get(column)); }

    static Path file(Path run, String persp, int set, String table) {
        return run.resolve("ord/none/" + persp + "_S" + set + "_" + table + ".csv");
    }

    /** Each summary id's annual losses ([0]) and largest events ([1]), one per year, from the SPLT. */
    static Map<Integer, double[][]> years(Path splt) throws Exception {
        Map<Integer, double[][]> out = new TreeMap<>();
        for (Map<String, String> r : read(splt)) {
            double[][] y = out.computeIfAbsent((int) num(r, "SummaryId"), k -> new double[2][YEARS]);
            int period = (int) num(r, "Period") - 1;
            double loss = num(r, "Loss");
            y[0][period] += loss;
            y[1][period] = Math.max(y[1][period], loss);
            assertEquals(1.0 / YEARS, num(r, "PeriodWeight"), 1e-9 / YEARS);
        }
        return out;
    }

    /** Loss and TVaR at {@code t}: {@code x_(⌈(1 − 1/t)n⌉)} and the Acerbi-Tasche tail mean, from the definition. */
    static double[] type1(double[] years, double t) {
        double[] x = years.clone();
        Arrays.sort(x);
        int n = x.length;
        double alpha = 1 - 1 / t;
        int k = Math.max(1, (int) Math.ceil(alpha * n - 1e-9));
        double tail = (k - alpha * n) * x[k - 1];
        for (int i = k; i < n; i++) tail += x[i];
        return new double[] {x[k - 1], tail / ((1 - alpha) * n)};
    }

    /**
     * Loss and TVaR at each of {@code periods} (longest first) as ktools' lec gives them: the years with a
     * loss ranked from the largest, rank {@code i} at return period {@code n/i}; the loss at {@code t}
     * interpolated in return period between the ranks around it (0 beyond the last year with a loss); the
     * TVaR the sum of the larger years and of the losses at the return periods so far between the same
     * ranks, over their count.
     */
    static Map<Double, double[]> ktools(double[] years, List<Double> periods) {
        int n = years.length;
        double[] desc = Arrays.stream(years).filter(v -> v > 0).boxed().sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
        int k = desc.length;
        Map<Double, double[]> out = new HashMap<>();
        int bracket = -1, inBracket = 0;
        double added = 0;
        for (double t : periods) {
            int i = Math.max(1, (int) Math.ceil(n / t));
            while ((double) n / i > t) i++;
            while (i > 1 && (double) n / (i - 1) <= t) i--;
            if (i > k) i = k + 1;
            if (i != bracket) {
                bracket = i;
                inBracket = 0;
                added = 0;
            }
            double loss = 0;
            if (i <= k) {
                double rp = (double) n / i;
                loss = rp == t ? desc[i - 1] : (t - rp) * (desc[i - 2] - desc[i - 1]) / ((double) n / (i - 1) - rp) + desc[i - 1];
            }
            added += loss;
            inBracket++;
            double larger = 0;
            for (int j = 0; j < i - 1; j++) larger += desc[j];
            out.put(t, new double[] {loss, (larger + added) / (i - 1 + inBracket)});
        }
        return out;
    }

    static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 0.011 + 1e-12 * Math.abs(expected), what);
    }

    void everyEptIsRecomputedFromItsSplt(Path run, boolean ktoolsConvention) throws Exception {
        int checked = 0;
        for (String persp : PERSPECTIVES) {
            for (int set = 1; set <= 4; set++) {
                Map<Integer, double[][]> years = years(file(run, persp, set, "splt"));
                Map<String, Double> ept = new HashMap<>();
                for (Map<String, String> r : read(file(run, persp, set, "ept"))) {
                    assertEquals("2", r.get("EPCalc"));
                    ept.put(r.get("SummaryId") + "/" + r.get("EPType") + "/" + num(r, "ReturnPeriod"), num(r, "Loss"));
                }
                List<Double> periods = List.of(200.0, 150.0, 100.0, 50.0, 40.0, 25.0, 20.0, 10.0, 5.0, 4.0, 2.0);
                for (Map.Entry<Integer, double[][]> e : years.entrySet()) {
                    Map<Double, double[]> oep = ktools(e.getValue()[1], periods), aep = ktools(e.getValue()[0], periods);
                    for (double t : periods) {
                        double[] o = ktoolsConvention ? oep.get(t) : type1(e.getValue()[1], t);
                        double[] a = ktoolsConvention ? aep.get(t) : type1(e.getValue()[0], t);
                        String where = persp + "_S" + set + " SummaryId " + e.getKey() + " at " + t + " years, EPType ";
                        String key = e.getKey() + "/";
                        assertClose(o[0], ept.get(key + "1/" + t), where + 1);
                        assertClose(o[1], ept.get(key + "2/" + t), where + 2);
                        assertClose(a[0], ept.get(key + "3/" + t), where + 3);
                        assertClose(a[1], ept.get(key + "4/" + t), where + 4);
                        checked++;
                    }
                }
                assertEquals(4 * periods.size() * years.size(), ept.size(), persp + "_S" + set + ": one row per summary id with a loss, curve and return period");
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void everyEptIsRecomputedFromItsSpltUnderWeakLinksQuantile() throws Exception {
        everyEptIsRecomputedFromItsSplt(type1, false);
    }

    @Test
    void everyEptIsRecomputedFromItsSpltUnderKtoolsQuantile() throws Exception {
        everyEptIsRecomputedFromItsSplt(ktools, true);
    }

    @Test
    void thePaltMeanIsTheSpltsSumOverTheYearsAndItsSdTheAnnualLossesSd() throws Exception {
        for (String persp : PERSPECTIVES) {
            for (int set = 1; set <= 4; set++) {
                Map<Integer, double[][]> years = years(file(type1, persp, set, "splt"));
                List<Map<String, String>> palt = read(file(type1, persp, set, "palt"));
                assertEquals(years.size(), palt.size());
                for (Map<String, String> r : palt) {
                    double[] annual = years.get((int) num(r, "SummaryId"))[0];
                    double sum = 0;
                    for (double x : annual) sum += x;
                    double mean = sum / YEARS, ss = 0;
                    for (double x : annual) ss += (x - mean) * (x - mean);
                    assertEquals("2", r.get("SampleType"));
                    assertClose(mean, num(r, "MeanLoss"), persp + "_S" + set + " MeanLoss");
                    assertClose(Math.sqrt(ss / (YEARS - 1)), num(r, "SDLoss"), persp + "_S" + set + " SDLoss");
                }
            }
        }
    }

    @Test
    void oepIsAtMostAepAndEveryTvarAtLeastItsLoss() throws Exception {
        for (Path run : List.of(type1, ktools)) {
            for (String persp : PERSPECTIVES) {
                Map<String, Double> ept = new HashMap<>();
                for (Map<String, String> r : read(file(run, persp, 1, "ept"))) ept.put(r.get("EPType") + "/" + r.get("ReturnPeriod"), num(r, "Loss"));
                for (Map<String, String> r : read(file(run, persp, 1, "ept"))) {
                    String t = r.get("ReturnPeriod");
                    assertTrue(ept.get("1/" + t) <= ept.get("3/" + t) + 0.01, persp + " OEP above AEP at " + t);
                    assertTrue(ept.get("2/" + t) >= ept.get("1/" + t) - 0.01, persp + " OEP TVaR below OEP at " + t);
                    assertTrue(ept.get("4/" + t) >= ept.get("3/" + t) - 0.01, persp + " AEP TVaR below AEP at " + t);
                }
            }
        }
    }

    @Test
    void cededPlusRetainedIsTheInsuredLossEventByEvent() throws Exception {
        Map<String, Long> il = cents(file(type1, "il", 1, "selt")), ri = cents(file(type1, "ri", 1, "selt")), rl = cents(file(type1, "rl", 1, "selt"));
        assertTrue(rl.values().stream().mapToLong(Long::longValue).sum() > 0, "the layers cede something in 200 years");
        assertTrue(ri.values().stream().mapToLong(Long::longValue).sum() > 0, "and the insurer keeps something");
        for (String event : il.keySet()) {
            assertEquals(il.get(event), ri.getOrDefault(event, 0L) + rl.getOrDefault(event, 0L), "event " + event);
        }
        assertTrue(il.keySet().containsAll(ri.keySet()) && il.keySet().containsAll(rl.keySet()), "no event is ceded or retained without an insured loss");
    }

    static Map<String, Long> cents(Path selt) throws Exception {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, String> r : read(selt)) out.merge(r.get("EventId") + "/" + r.get("SummaryId"), Math.round(num(r, "Loss") * 100), Long::sum);
        return out;
    }

    @Test
    void theSeltHoldsTheSpltsEventsAndEachSetAddsUpToTheWholeBook() throws Exception {
        for (String persp : List.of("gul", "il")) {
            for (int set = 1; set <= 4; set++) {
                assertEquals(cents(file(type1, persp, set, "splt")), cents(file(type1, persp, set, "selt")), persp + "_S" + set + ": SELT against SPLT");
            }
            Map<String, Long> whole = new HashMap<>();
            for (Map<String, String> r : read(file(type1, persp, 1, "splt"))) whole.put(r.get("EventId"), Math.round(num(r, "Loss") * 100));
            for (int set = 2; set <= 4; set++) {
                Map<String, Long> bySet = new HashMap<>();
                int groups = 0;
                for (Map<String, String> r : read(file(type1, persp, set, "selt"))) {
                    bySet.merge(r.get("EventId"), Math.round(num(r, "Loss") * 100), Long::sum);
                    groups++;
                }
                for (Map.Entry<String, Long> e : whole.entrySet()) {
                    // each group's loss is rounded to the cent: the groups of an event differ from the whole by at most half a cent each
                    assertEquals(e.getValue(), bySet.getOrDefault(e.getKey(), 0L), groups, persp + "_S" + set + " event " + e.getKey());
                }
            }
        }
    }

    @Test
    void theFilesCarryOasisHeaders() throws Exception {
        Map<String, String> headers = Map.of(
                "selt", "EventId,SummaryId,SampleId,Loss,ImpactedExposure",
                "splt", "Period,PeriodWeight,EventId,Year,Month,Day,Hour,Minute,SummaryId,SampleId,Loss,ImpactedExposure",
                "palt", "SummaryId,SampleType,MeanLoss,SDLoss",
                "ept", "SummaryId,EPCalc,EPType,ReturnPeriod,Loss",
                "psept", "SummaryId,SampleId,EPType,ReturnPeriod,Loss");
        List<String> setFields = List.of("_not_set_", "tier", "size_class", "sector");
        for (String persp : PERSPECTIVES) {
            for (int set = 1; set <= 4; set++) {
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    assertEquals(h.getValue(), Files.readAllLines(file(type1, persp, set, h.getKey())).get(0), persp + "_S" + set + "_" + h.getKey());
                }
                assertEquals("summary_id," + setFields.get(set - 1) + ",tiv", Files.readAllLines(file(type1, persp, set, "summary-info")).get(0));
            }
        }
    }
}
