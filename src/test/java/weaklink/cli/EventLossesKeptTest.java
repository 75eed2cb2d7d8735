package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.InsuranceInputTest.Outcome;
import weaklink.experiment.EventRows.EventRow;
import weaklink.experiment.EventRows.YearRow;

/**
 * {@code insurance.event_losses} (and {@code run --event-losses}): what a results folder keeps of each
 * event's losses. {@code years} keeps each year's totals and writes the same ORD exceedance and
 * average-loss tables as {@code events}, without the event and period loss tables; {@code none} keeps
 * nothing and writes no ORD; one run never mixes two of them (resume and merge refuse, naming the key).
 * Runs the small book (every ORD perspective, reinsurance included) once per mode.
 */
class EventLossesKeptTest {
    static final int REPLICATES = 60;

    @TempDir static Path dir;
    static Path scenario, events, years, none;

    @BeforeAll
    static void runTheBookThreeWays() throws Exception {
        Files.copy(InsuranceInputTest.SCENARIOS.resolve("small-book.yaml"), dir.resolve("small-book.yaml"));
        Files.copy(InsuranceInputTest.SCENARIOS.resolve("small-book.csv"), dir.resolve("small-book.csv"));
        scenario = dir.resolve("small-book.yaml");
        events = run("events", "events");
        years = run("years", "years");
        none = run("none", "none");
    }

    static Path run(String name, String keep) {
        Path out = dir.resolve(name);
        Outcome o = InsuranceInputTest.cli("run", scenario.toString(), "--replicates", Integer.toString(REPLICATES), "--event-losses", keep,
                "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        return out;
    }

    static List<String> filesOf(Path d) throws Exception {
        try (var walk = Files.walk(d)) {
            return walk.filter(Files::isRegularFile).map(p -> d.relativize(p).toString().replace(File.separatorChar, '/')).sorted().toList();
        }
    }

    @Test
    void yearsWritesTheSameExceedanceAverageLossAndSummaryInfoTablesAsEventsAndNoEventTables() throws Exception {
        List<String> ord = filesOf(events).stream().filter(f -> f.startsWith("ord/")).toList();
        List<String> kept = ord.stream().filter(f -> !f.endsWith("_selt.csv") && !f.endsWith("_splt.csv")).toList();
        assertTrue(kept.contains("ord/none/rl_S4_ept.csv") && kept.contains("ord/none/gul_S2_palt.csv"), kept.toString());
        assertEquals(kept, filesOf(years).stream().filter(f -> f.startsWith("ord/")).toList(), "the same ORD files but SELT and SPLT");
        for (String f : kept) assertArrayEquals(Files.readAllBytes(events.resolve(f)), Files.readAllBytes(years.resolve(f)), f);
        for (String f : List.of("replicates.csv", "summary.csv", "exceedance.csv", "by_group.csv", "timeseries.csv")) {
            assertArrayEquals(Files.readAllBytes(events.resolve(f)), Files.readAllBytes(years.resolve(f)), f + " does not depend on what is kept");
        }
        assertFalse(Files.exists(years.resolve("events.csv")) || Files.exists(years.resolve("portfolio_losses.csv")));
        assertFalse(Files.exists(events.resolve("year_losses.csv")));
    }

    /** The independent truth: each year row is the sums and largest, per perspective, of that year's rows of events.csv. */
    @Test
    void eachYearRowIsTheSumAndLargestOfItsEventRows() throws Exception {
        Map<String, long[]> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(events.resolve("events.csv")).subList(1, Files.readAllLines(events.resolve("events.csv")).size())) {
            EventRow r = EventRow.parse(line);
            long[] y = expected.computeIfAbsent(r.policy() + "/" + r.replicate() + "/" + r.summarySet() + "/" + r.summaryId(), k -> new long[9]);
            long[] cents = {cents(r.gulLoss()), cents(r.ilLoss()), cents(r.retainedLoss()), cents(r.cededLoss())};
            y[0]++;
            for (int k = 0; k < 4; k++) {
                y[1 + 2 * k] += cents[k];
                y[2 + 2 * k] = Math.max(y[2 + 2 * k], cents[k]);
            }
        }
        List<String> lines = Files.readAllLines(years.resolve("year_losses.csv"));
        assertEquals(YearRow.TABLE.header(), lines.get(0));
        Map<String, long[]> found = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            YearRow r = YearRow.parse(line);
            found.put(r.policy() + "/" + r.replicate() + "/" + r.summarySet() + "/" + r.summaryId(), new long[] {r.events(), cents(r.gulLoss()),
                    cents(r.gulLargest()), cents(r.ilLoss()), cents(r.ilLargest()), cents(r.retainedLoss()), cents(r.retainedLargest()),
                    cents(r.cededLoss()), cents(r.cededLargest())});
        }
        assertTrue(expected.size() > 50, "the book has losses in many years and groups: " + expected.size());
        assertEquals(expected.keySet(), found.keySet());
        boolean ceded = false;
        for (String k : expected.keySet()) {
            assertArrayEquals(expected.get(k), found.get(k), k);
            ceded |= expected.get(k)[7] > 0;
        }
        assertTrue(ceded, "the reinsurance layers take part of some year's loss");
        assertTrue(Files.size(years.resolve("year_losses.csv")) < Files.size(events.resolve("events.csv")),
                "a year's row stands for all its events' rows");
    }

    private static long cents(double yen) { return Math.round(yen * 100); }

    @Test
    void noneKeepsNoEventFileAndWritesNoOrdButTheSameMarketFigures() throws Exception {
        List<String> files = filesOf(none);
        assertTrue(files.stream().noneMatch(f -> f.startsWith("ord/") || f.equals("events.csv") || f.equals("year_losses.csv")
                || f.equals("portfolio_losses.csv")), files.toString());
        for (String f : List.of("replicates.csv", "summary.csv", "exceedance.csv")) {
            assertArrayEquals(Files.readAllBytes(events.resolve(f)), Files.readAllBytes(none.resolve(f)), f);
        }
        String manifest = Files.readString(none.resolve("manifest.json"));
        assertTrue(manifest.contains("\"event_losses\":\"none\"") || manifest.contains("\"event_losses\" : \"none\""), "the manifest says what was kept");
        assertFalse(manifest.contains("\"ord/"), "and lists no ORD file");
    }

    @Test
    void yearLossesSurviveShardsAndMergeByteForByte() throws Exception {
        Path s1 = dir.resolve("y1"), s2 = dir.resolve("y2"), merged = dir.resolve("ymerged");
        for (String[] shard : new String[][] {{"1/2", s1.toString()}, {"2/2", s2.toString()}}) {
            Outcome o = InsuranceInputTest.cli("run", scenario.toString(), "--replicates", Integer.toString(REPLICATES), "--event-losses", "years",
                    "--shard", shard[0], "--out", shard[1], "--quiet");
            assertEquals(0, o.code(), o.err());
        }
        Outcome m = InsuranceInputTest.cli("merge", s1.toString(), s2.toString(), "--out", merged.toString(), "--quiet");
        assertEquals(0, m.code(), m.err());
        List<String> files = new ArrayList<>(filesOf(years));
        files.remove("manifest.json");
        files.remove(".weaklink.lock");
        assertEquals(filesOf(years), filesOf(merged));
        for (String f : files) {
            if (f.endsWith(".csv") || f.endsWith(".json")) assertArrayEquals(Files.readAllBytes(years.resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
        }
    }

    @Test
    void mergingShardsThatKeptDifferentEventLossesIsRefusedNamingTheKey() throws Exception {
        Path a = dir.resolve("ma"), b = dir.resolve("mb"), out = dir.resolve("mout");
        assertEquals(0, InsuranceInputTest.cli("run", scenario.toString(), "--replicates", "10", "--shard", "1/2", "--out", a.toString(), "--quiet").code());
        assertEquals(0, InsuranceInputTest.cli("run", scenario.toString(), "--replicates", "10", "--shard", "2/2", "--event-losses", "years",
                "--out", b.toString(), "--quiet").code());
        Outcome o = InsuranceInputTest.cli("merge", a.toString(), b.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("insurance.event_losses") && o.err().contains("years") && o.err().contains("events"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(out.resolve("replicates.csv")), "nothing is merged");
    }

    @Test
    void resumingWithOtherEventLossesIsRefusedNamingTheKeyAndChangesNothing() throws Exception {
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String f : filesOf(years)) before.put(f, Files.readAllBytes(years.resolve(f)));
        Outcome o = InsuranceInputTest.cli("run", scenario.toString(), "--resume", years.toString(), "--event-losses", "events", "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("insurance.event_losses") && o.err().contains("'years'") && o.err().contains("'events'"), o.err());
        assertEquals(before.keySet(), new java.util.LinkedHashSet<>(filesOf(years)));
        for (String f : before.keySet()) assertArrayEquals(before.get(f), Files.readAllBytes(years.resolve(f)), f);
    }

    @Test
    void aScenarioThatKeepsNoEventLossesRefusesOrdSettingsAndReturnPeriods() throws Exception {
        Path bad = dir.resolve("none-with-ord.yaml"), out = dir.resolve("refused");
        Files.writeString(bad, Files.readString(scenario) + "  event_losses: none\n  ord: {quantile: ktools}\n");
        Outcome o = InsuranceInputTest.cli("run", bad.toString(), "--replicates", "2", "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("none-with-ord.yaml:") && o.err().contains("ord") && o.err().contains("event_losses: none"), o.err());
        Outcome p = InsuranceInputTest.cli("run", scenario.toString(), "--replicates", "2", "--event-losses", "none", "--return-periods", "10,50",
                "--out", out.toString(), "--quiet");
        assertEquals(2, p.code(), p.err());
        assertTrue(p.err().contains("--return-periods") && p.err().contains("insurance.event_losses"), p.err());
        Outcome q = InsuranceInputTest.cli("run", scenario.toString(), "--replicates", "2", "--event-losses", "some", "--out", out.toString(), "--quiet");
        assertEquals(2, q.code(), q.err());
        assertTrue(q.err().contains("--event-losses") && q.err().contains("'some'"), q.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    /**
     * An ORD period is one year; a replicate of 730 days is two, and its aggregate is not an annual one
     * whatever the period weights. Such a run keeps no event losses by default, and one asking for ORD
     * tables is refused naming the key and the days.
     */
    @Test
    void aRunWhoseReplicatesAreNotAYearWritesNoOrdByDefaultAndRefusesToKeepEventLosses() throws Exception {
        String twoYears = Files.readString(InsuranceInputTest.SCENARIOS.resolve("small-network.yaml")).replace("\ndays: 365\n", "\ndays: 730\n");
        Path plain = dir.resolve("two-years.yaml"), asking = dir.resolve("two-years-ord.yaml"), out = dir.resolve("two-years");
        Files.writeString(plain, twoYears);
        Files.writeString(asking, twoYears.stripTrailing() + "\n\ninsurance:\n  event_losses: years\n");
        Outcome o = InsuranceInputTest.cli("run", plain.toString(), "--replicates", "3", "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        List<String> files = filesOf(out);
        assertTrue(files.contains("replicates.csv") && files.stream().noneMatch(f -> f.startsWith("ord/") || f.endsWith("events.csv")
                || f.equals("year_losses.csv")), files.toString());
        assertEquals("none", weaklink.io.Json.read(out.resolve("manifest.json")).path("scenario").path("insurance").path("event_losses").asText());

        Path refused = dir.resolve("two-years-refused");
        Outcome p = InsuranceInputTest.cli("run", asking.toString(), "--replicates", "3", "--out", refused.toString(), "--quiet");
        assertEquals(2, p.code(), p.err());
        assertTrue(p.err().contains("two-years-ord.yaml:") && p.err().contains("event_losses") && p.err().contains("days: 730"), p.err());
        Outcome q = InsuranceInputTest.cli("run", plain.toString(), "--replicates", "3", "--event-losses", "events", "--out", refused.toString(), "--quiet");
        assertEquals(2, q.code(), q.err());
        assertTrue(q.err().contains("--event-losses") && q.err().contains("days: 730"), q.err());
        assertFalse(Files.exists(refused), "nothing is written");
    }
}
