package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.experiment.Accumulators;
import weaklink.experiment.EventRows;
import weaklink.experiment.EventRows.EventRow;

/**
 * The ORD export is streamed: the period loss tables of a million simulated years (one event a year
 * in each of the four summary sets, 45 MB each) are written in a heap of {@value #HEAP_MB} MB, which
 * holds each summary group's yearly totals (about 20 bytes per group and year with a loss), never a
 * table's text. Issue #18, item 7: building the period loss table as one text ran out of memory.
 */
class OrdExportTest {
    static final int PERIODS = 1_000_000;
    static final int HEAP_MB = 256;

    @TempDir Path dir;

    static final List<Accumulators.SummaryGroup> GROUPS = List.of(new Accumulators.SummaryGroup(1, 1, "All-Risks", 1e12, 1e10),
            new Accumulators.SummaryGroup(2, 1, "0", 1e12, 1e10), new Accumulators.SummaryGroup(3, 1, "large", 1e12, 1e10),
            new Accumulators.SummaryGroup(4, 1, "parts", 1e12, 1e10));

    /** Writes {@code events.csv} of one policy with {@code args[1]} simulated years into {@code args[0]}, then its ORD files. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve(EventRows.EVENTS))) {
            EventRow.TABLE.writeHeader(w);
            for (int i = 0; i < n; i++) {
                for (int set = 1; set <= 4; set++) {
                    double loss = 123_456_789.0 + i;
                    EventRow.TABLE.write(w, new EventRow("none", i, 0, 0, i % 365, set, 1, loss, 5e9, loss / 10, 1e8, 0, loss / 10));
                }
            }
        }
        long[] campaigns = new long[n];
        java.util.Arrays.fill(campaigns, 1);
        OrdExport.write(out, new OrdExport.Run(List.of("none"), 0, campaigns, OrdSettings.DEFAULT), GROUPS);
    }

    @Test
    void aMillionYearPeriodLossTableIsWrittenInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), OrdExportTest.class.getName(),
                dir.toString(), Integer.toString(PERIODS)).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(dir.resolve("log")));
        Path splt = dir.resolve("ord/none/gul_S1_splt.csv");
        long lines;
        try (BufferedReader r = Files.newBufferedReader(splt)) {
            lines = r.lines().count();
        }
        assertEquals(PERIODS + 1, lines);
        assertTrue(Files.size(splt) > 30_000_000, "the table is large next to the heap: " + Files.size(splt));
    }

    /** Loss-like amounts: zero, cents, half cents, large, beyond whole cents in a long, and not numbers. */
    static double amount(java.util.SplittableRandom rng) {
        return switch (rng.nextInt(8)) {
            case 0 -> 0;
            case 1 -> rng.nextInt(1_000_000) / 100.0;
            case 2 -> rng.nextInt(1_000_000) / 100.0 + 0.005;
            case 3 -> Math.pow(10, rng.nextDouble(-3, 17)) * rng.nextDouble();
            case 4 -> 9.1e16 * (1 + rng.nextDouble());
            case 5 -> rng.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
            default -> rng.nextDouble() * 5e9;
        };
    }

    /** Appends {@code r}'s SPLT line with {@code line} (its cells of the last period and year kept from row to row). */
    static void append(weaklink.io.CsvBytes out, OrdExport.SpltLine line, OrdExport.SpltRow r) {
        line.append(out, r.period(), r.eventId(), r.year(), r.month(), r.day(), r.summaryId(), r.loss(), r.exposure());
    }

    static byte[] ascii(String s) { return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII); }

    @Test
    void seltRowsMadeOfTheSpltLinesBytesAreTheTablesLines() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(261);
        OrdExport.SpltLine line = new OrdExport.SpltLine(ascii("0.001"));
        OrdExport.YearSelt held = new OrdExport.YearSelt();
        weaklink.io.CsvBytes splt = new weaklink.io.CsvBytes(64), out = new weaklink.io.CsvBytes(64);
        StringBuilder expected = new StringBuilder();
        // one event id per row, so that the rows' order is the order they came in
        for (int i = 0; i < 50_000; i++) {
            int year = 1 + i / 100, day = rng.nextInt(365);
            OrdExport.SeltRow r = new OrdExport.SeltRow(1 + i, 1 + rng.nextInt(20), amount(rng), amount(rng));
            append(splt, line, new OrdExport.SpltRow(year, 0.001, r.eventId(), year, OrdExport.month(day), OrdExport.dayOfMonth(day), r.summaryId(),
                    r.loss(), r.exposure()));
            held.add(r.eventId(), r.summaryId(), splt, line);
            expected.append(OrdExport.SELT.line(r)).append('\n');
            if (rng.nextInt(50) == 0) splt.clear(); // as a writer hands a block of rows on
        }
        held.appendSorted(out);
        assertEquals(expected.toString(), out.toString());
        assertEquals(50_000, out.lines());
    }

    @Test
    void spltRowsMadeAsBytesAreTheTablesLinesWhateverThePeriodWeight() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(262);
        weaklink.io.CsvBytes out = new weaklink.io.CsvBytes(64);
        StringBuilder expected = new StringBuilder();
        for (int n : new int[] {1, 3, 7, 1000, 1_000_000}) {
            double weight = 1.0 / n;
            OrdExport.SpltLine line = new OrdExport.SpltLine(ascii(weaklink.io.CsvFormat.NUMBER.write(weight)));
            int year = 1;
            for (int i = 0; i < 10_000; i++) {
                // runs of rows of one year, and now and then a period unlike the year, so that both kept cells are made again
                if (rng.nextInt(4) == 0) year = 1 + rng.nextInt(n);
                int period = rng.nextInt(10) == 0 ? 1 + rng.nextInt(n) : year, day = rng.nextInt(365);
                OrdExport.SpltRow r = new OrdExport.SpltRow(period, weight, 1 + rng.nextInt(Integer.MAX_VALUE), year, OrdExport.month(day),
                        OrdExport.dayOfMonth(day), 1 + rng.nextInt(20), amount(rng), amount(rng));
                append(out, line, r);
                expected.append(OrdExport.SPLT.line(r)).append('\n');
            }
        }
        assertEquals(expected.toString(), out.toString());
        assertEquals(50_000, out.lines());
    }

    @Test
    void spltRowsOfEveryDayOfTheCalendarAreTheTablesLines() {
        weaklink.io.CsvBytes out = new weaklink.io.CsvBytes(64);
        OrdExport.SpltLine line = new OrdExport.SpltLine(ascii(weaklink.io.CsvFormat.NUMBER.write(0.001)));
        StringBuilder expected = new StringBuilder();
        for (int day = 0; day < 365; day++) {
            OrdExport.SpltRow r = new OrdExport.SpltRow(7, 0.001, 1000 + day, 7, OrdExport.month(day), OrdExport.dayOfMonth(day), 3, day * 1.25, 5e9);
            append(out, line, r);
            expected.append(OrdExport.SPLT.line(r)).append('\n');
        }
        assertEquals(expected.toString(), out.toString());
    }

    @Test
    void spltRowsOfADateOffTheCalendarAreStillTheTablesLines() {
        weaklink.io.CsvBytes out = new weaklink.io.CsvBytes(64);
        OrdExport.SpltLine line = new OrdExport.SpltLine(ascii(weaklink.io.CsvFormat.NUMBER.write(0.5)));
        StringBuilder expected = new StringBuilder();
        int[][] dates = {{0, 0}, {2, 30}, {13, 1}, {-1, 5}, {4, 31}, {12, 32}, {1_000_000, -7}};
        for (int[] date : dates) {
            OrdExport.SpltRow r = new OrdExport.SpltRow(2, 0.5, 9, 2, date[0], date[1], 1, 10.5, 20.25);
            append(out, line, r);
            expected.append(OrdExport.SPLT.line(r)).append('\n');
        }
        assertEquals(expected.toString(), out.toString());
    }

    @Test
    void curveRowsMadeAsBytesAreTheEptsAndPseptsLines() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(263);
        OrdExport.ReturnPeriodCells cells = new OrdExport.ReturnPeriodCells(List.of(1000.0, 250.0, 100.0, 1.5, 2.0, 4.0 / 3));
        double[] periods = {1000, 250, 100, 1.5, 2, 4.0 / 3, 10_000, 1.25, 1e-3};
        weaklink.io.CsvBytes ept = new weaklink.io.CsvBytes(64), psept = new weaklink.io.CsvBytes(64);
        StringBuilder expectedEpt = new StringBuilder(), expectedPsept = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            OrdExport.EptRow r = new OrdExport.EptRow(1 + rng.nextInt(200), 1 + rng.nextInt(4), periods[rng.nextInt(periods.length)], amount(rng));
            OrdExport.appendCurve(ept, OrdExport.EP_CALC_CELL, r, cells.cell(r.returnPeriod()));
            OrdExport.appendCurve(psept, OrdExport.SAMPLE_CELL, r, cells.cell(r.returnPeriod()));
            expectedEpt.append(OrdExport.EPT.line(r)).append('\n');
            expectedPsept.append(OrdExport.PSEPT.line(r)).append('\n');
        }
        assertEquals(expectedEpt.toString(), ept.toString());
        assertEquals(expectedPsept.toString(), psept.toString());
    }

    @Test
    void aYearsSeltRowsAreWrittenAsAStableSortByEventAndSummaryIdWritesThem() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(264);
        OrdExport.YearSelt held = new OrdExport.YearSelt();
        OrdExport.SpltLine line = new OrdExport.SpltLine(ascii("0.5"));
        weaklink.io.CsvBytes splt = new weaklink.io.CsvBytes(64), out = new weaklink.io.CsvBytes(64);
        for (int size : new int[] {0, 1, 2, 15, 16, 17, 33, 100, 1000, 5000, 3}) {
            // few events and groups, so that rows of equal ids occur and must keep the order they came in
            List<OrdExport.SeltRow> rows = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                OrdExport.SeltRow r = new OrdExport.SeltRow(100 + rng.nextInt(1 + size / 4), 1 + rng.nextInt(5), amount(rng), amount(rng));
                rows.add(r);
                append(splt, line, new OrdExport.SpltRow(2, 0.5, r.eventId(), 2, 1, 1, r.summaryId(), r.loss(), r.exposure()));
                held.add(r.eventId(), r.summaryId(), splt, line);
            }
            rows.sort((a, b) -> a.eventId() != b.eventId() ? Integer.compare(a.eventId(), b.eventId()) : Integer.compare(a.summaryId(), b.summaryId()));
            StringBuilder expected = new StringBuilder();
            for (OrdExport.SeltRow r : rows) expected.append(OrdExport.SELT.line(r)).append('\n');
            out.clear();
            held.appendSorted(out);
            assertEquals(expected.toString(), out.toString(), size + " rows");
            assertEquals(size, out.lines(), size + " rows");
        }
    }

    @Test
    void aRowsSummaryGroupCellIsTheOneAMapOfTheListedGroupsGives() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(265);
        for (int trial = 0; trial < 200; trial++) {
            // groups of a few sets, ids of any sign, some (set, id) listed twice: a map's last put is the cell
            List<Accumulators.SummaryGroup> groups = new java.util.ArrayList<>();
            java.util.Map<List<Integer>, Integer> expected = new java.util.HashMap<>();
            int size = rng.nextInt(40);
            for (int c = 0; c < size; c++) {
                int set = rng.nextInt(-1, 6), id = rng.nextBoolean() ? rng.nextInt(-3, 30) : rng.nextInt();
                groups.add(new Accumulators.SummaryGroup(set, id, "g" + c, 1, 1));
                expected.put(List.of(set, id), c);
            }
            OrdExport.GroupCells cells = new OrdExport.GroupCells(groups);
            for (int q = 0; q < 200; q++) {
                Accumulators.SummaryGroup g = size > 0 && rng.nextBoolean() ? groups.get(rng.nextInt(size)) : null;
                int set = g != null ? g.set() : rng.nextInt(-2, 8), id = g != null ? g.id() : rng.nextInt(-5, 35);
                assertEquals(expected.getOrDefault(List.of(set, id), -1), cells.of(set, id), "trial " + trial + ", group " + set + "/" + id);
            }
        }
    }
}
