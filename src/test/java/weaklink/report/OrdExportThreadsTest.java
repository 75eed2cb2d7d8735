package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weaklink.experiment.Accumulators;
import weaklink.experiment.EventRows;
import weaklink.experiment.EventRows.EventRow;
import weaklink.experiment.HeldEvents;
import weaklink.scenario.InsuranceSpec.EventLosses;
import weaklink.stats.ReturnPeriodLosses.Convention;

/**
 * The ORD export written on several threads (a reader of {@code events.csv} and a writer per policy
 * and perspective) gives the files one thread gives, bit for bit, and fails as one thread fails: the
 * same message for the first bad line, nothing left in {@code ord/}, no thread left running.
 */
class OrdExportThreadsTest {
    static final int YEARS = 1_500;
    static final List<String> POLICIES = List.of("none", "mandate", "subsidy");
    /** Event ids in the order the events occur in a year: not sorted, so the SELT's sort matters. */
    static final int[] EVENTS = {2, 0, 1};
    static final List<Accumulators.SummaryGroup> GROUPS = List.of(new Accumulators.SummaryGroup(1, 1, "All-Risks", 1e12, 1e10),
            new Accumulators.SummaryGroup(2, 1, "0", 6e11, 6e9), new Accumulators.SummaryGroup(2, 2, "1", 4e11, 4e9),
            new Accumulators.SummaryGroup(3, 1, "large", 1e12, 1e10), new Accumulators.SummaryGroup(4, 1, "parts", 7e11, 7e9),
            new Accumulators.SummaryGroup(4, 2, "steel", 3e11, 3e9));

    @TempDir Path dir;

    static OrdSettings settings(boolean reinsured, EventLosses keep) {
        return new OrdSettings(null, Convention.TYPE1, 1, reinsured, keep);
    }

    static OrdExport.Run run(boolean reinsured, EventLosses keep) {
        long[] campaigns = new long[YEARS];
        Arrays.fill(campaigns, EVENTS.length);
        return new OrdExport.Run(POLICIES, 0, campaigns, settings(reinsured, keep));
    }

    /** Whether policy {@code p} has a loss in year {@code y}: "mandate" none every 7th year, "subsidy" only in even years. */
    static boolean hasLoss(int p, int y) {
        return p == 0 || p == 1 && y % 7 != 0 || p == 2 && y % 2 == 0;
    }

    /**
     * The rows of {@code events.csv}: each year's events in the order they occurred, each event's rows
     * of every policy with a loss that year (policies interleaved), every group of each summary set;
     * some rows with no insured or no ceded loss. {@code bad} (if not null) replaces row {@code badAt}.
     */
    static List<String> eventLines(String bad, int badAt) {
        List<String> lines = new ArrayList<>();
        lines.add(EventRow.TABLE.header());
        for (int y = 0; y < YEARS; y++) {
            for (int e : EVENTS) {
                for (int p = 0; p < POLICIES.size(); p++) {
                    if (!hasLoss(p, y)) continue;
                    for (Accumulators.SummaryGroup g : GROUPS) {
                        double gul = 1_000 + 37.0 * y + 101.0 * e + 13.0 * p + g.id() * 0.25;
                        double il = (y + e + g.set()) % 5 == 0 ? 0 : gul / 3;
                        double ceded = (y + g.id()) % 3 == 0 ? 0 : il / 4;
                        String line = EventRow.TABLE.line(new EventRow(POLICIES.get(p), y, e, e % 2, (y * 11 + e * 97) % 400, g.set(), g.id(), gul,
                                5e6 + g.id(), il, 2e6 + e, ceded, il - ceded));
                        lines.add(lines.size() == badAt ? bad : line);
                    }
                }
            }
        }
        return lines;
    }

    void writeEvents(List<String> lines) throws IOException {
        Files.write(dir.resolve(EventRows.EVENTS), lines);
    }

    /** Every file under {@code ord/}, its path relative to the folder and its bytes. */
    static List<Object[]> files(Path folder) throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder.resolve(OrdExport.FOLDER))) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) out.add(new Object[] {folder.relativize(f).toString(), Files.readAllBytes(f)});
        }
        return out;
    }

    static void assertSameFiles(List<Object[]> expected, List<Object[]> actual, String what) {
        assertEquals(expected.stream().map(f -> f[0]).toList(), actual.stream().map(f -> f[0]).toList(), what + ": the same files");
        for (int i = 0; i < expected.size(); i++) assertArrayEquals((byte[]) expected.get(i)[1], (byte[]) actual.get(i)[1], what + ": " + expected.get(i)[0]);
    }

    void deleteOrd() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve(OrdExport.FOLDER))) {
            for (Path f : s.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(f);
        }
    }

    @ParameterizedTest(name = "reinsured: {0}")
    @ValueSource(booleans = {false, true})
    void severalThreadsWriteEveryFileOfOneThreadBitForBit(boolean reinsured) throws Exception {
        writeEvents(eventLines(null, -1));
        OrdExport.Run run = run(reinsured, EventLosses.EVENTS);
        OrdExport.write(dir, run, GROUPS, 1);
        List<Object[]> one = files(dir);
        assertEquals(POLICIES.size() * (reinsured ? 4 : 2) * 4 * 6, one.size(), "summary info, SELT, SPLT, PALT, EPT, PSEPT of every set");
        for (int threads : new int[] {2, 4}) {
            deleteOrd();
            OrdExport.write(dir, run, GROUPS, threads);
            assertSameFiles(one, files(dir), threads + " threads");
        }
    }

    /**
     * The rows of {@code lines} (after the header) as a run holds them: each row's numbers as {@link HeldEvents.Part}
     * keeps them from the row written (not from the line read), a replicate's rows to a part.
     */
    static HeldEvents held(List<String> lines) {
        HeldEvents held = new HeldEvents(POLICIES, Long.MAX_VALUE);
        HeldEvents.Part part = null;
        int year = -1;
        for (String line : lines.subList(1, lines.size())) {
            EventRow r = EventRow.parse(line);
            if (r.replicate() != year) {
                if (part != null) held.add(part);
                part = new HeldEvents.Part();
                year = r.replicate();
            }
            part.add(POLICIES.indexOf(r.policy()), written(r, line));
        }
        if (part != null) held.add(part);
        return held;
    }

    /** A row with amounts between cents (as a run computes them) that writes {@code line}: what a run holds is made from such rows. */
    static EventRow written(EventRow r, String line) {
        EventRow raw = new EventRow(r.policy(), r.replicate(), r.event(), r.actor(), r.day(), r.summarySet(), r.summaryId(), r.gulLoss() + 0.003,
                r.gulExposure() - 0.003, r.ilLoss() + 0.003, r.ilExposure() + 0.001, r.cededLoss() - 0.002, r.retainedLoss() + 0.0049);
        assertEquals(line, EventRow.TABLE.line(raw), "the row written is the line read");
        return raw;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void theRowsARunHoldsWriteTheFilesOfReadingEventsCsvBitForBit(int threads) throws Exception {
        List<String> lines = eventLines(null, -1);
        writeEvents(lines);
        OrdExport.Run run = run(true, EventLosses.EVENTS);
        OrdExport.write(dir, run, GROUPS, 1);
        List<Object[]> fromFile = files(dir);
        assertEquals(POLICIES.size() * 4 * 4 * 6, fromFile.size(), "summary info, SELT, SPLT, PALT, EPT, PSEPT of every set");
        deleteOrd();
        Files.delete(dir.resolve(EventRows.EVENTS));
        writeEvents(List.of(lines.get(0))); // the held rows are what is read: a file of no rows would give no SELT row
        OrdExport.write(dir, run, GROUPS, threads, held(lines));
        assertSameFiles(fromFile, files(dir), "held rows, " + threads + " threads");
    }

    @Test
    void severalThreadsWriteTheYearLossTablesOfOneThreadBitForBit() throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(EventRows.YEARS))) {
            EventRows.YearRow.TABLE.writeHeader(w);
            for (int y = 0; y < YEARS; y++) {
                for (int p = 0; p < POLICIES.size(); p++) {
                    if (!hasLoss(p, y)) continue;
                    for (Accumulators.SummaryGroup g : GROUPS) {
                        double gul = 3_000 + 37.0 * y + 13.0 * p + g.id();
                        EventRows.YearRow.TABLE.write(w, new EventRows.YearRow(POLICIES.get(p), y, g.set(), g.id(), 3, gul, gul / 2, gul / 3, gul / 6,
                                gul / 4, gul / 8, gul / 12, gul / 24));
                    }
                }
            }
        }
        OrdExport.Run run = run(true, EventLosses.YEARS);
        OrdExport.write(dir, run, GROUPS, 1);
        List<Object[]> one = files(dir);
        assertEquals(POLICIES.size() * 4 * 4 * 4, one.size(), "summary info, PALT, EPT, PSEPT of every set");
        deleteOrd();
        OrdExport.write(dir, run, GROUPS, 3);
        assertSameFiles(one, files(dir), "3 threads");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void everyFileWrittenInAWatchedFolderIsDescribedAsReadingItBackDescribesIt(int threads) throws Exception {
        writeEvents(eventLines(null, -1));
        try (weaklink.io.WrittenFiles.Recording r = weaklink.io.WrittenFiles.watch(dir)) {
            OrdExport.write(dir, run(true, EventLosses.EVENTS), GROUPS, threads);
            List<Object[]> written = files(dir);
            assertEquals(POLICIES.size() * 4 * 4 * 6, written.size());
            for (Object[] f : written) {
                byte[] bytes = (byte[]) f[1];
                long newlines = 0;
                for (byte b : bytes) if (b == '\n') newlines++;
                String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                assertEquals(new weaklink.io.WrittenFiles.Description(bytes.length, sha, newlines), r.take(dir.resolve((String) f[0])), (String) f[0]);
            }
        }
    }

    /** Writes with a bad row in the middle of the file and returns the message, after checking nothing is left. */
    String failureOf(String bad, int badAt, int threads) throws Exception {
        writeEvents(eventLines(bad, badAt));
        IOException e = assertThrows(IOException.class, () -> OrdExport.write(dir, run(true, EventLosses.EVENTS), GROUPS, threads));
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(dir.resolve(EventRows.EVENTS)), s.filter(Files::isRegularFile).toList(), "no ORD file and no temporary is left");
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().startsWith("weaklink-ord")) continue;
            t.join(10_000);
            assertFalse(t.isAlive(), "the export's threads have stopped: " + t.getName());
        }
        return e.getMessage();
    }

    @Test
    void aBadLineInTheMiddleGivesOneThreadsMessageAndLeavesNothing() throws Exception {
        int badAt = eventLines(null, -1).size() / 2;
        String events = dir.resolve(EventRows.EVENTS).toString();
        String unknownPolicy = "lobbying,700,1,0,3,1,1,10.00,1.00,0,0,0,0";
        assertEquals(events + ":" + (badAt + 1) + ": policy 'lobbying' is not one of the run's", failureOf(unknownPolicy, badAt, 1));
        for (int threads : new int[] {2, 4}) assertEquals(failureOf(unknownPolicy, badAt, 1), failureOf(unknownPolicy, badAt, threads), threads + " threads");
        String backwards = "none,0,1,0,3,1,1,10.00,1.00,0,0,0,0";
        String previous = eventLines(null, -1).get(badAt - 1).split(",")[1];
        assertEquals(events + ":" + (badAt + 1) + ": replicate 0 after replicate " + previous + ": rows must be in replicate order", failureOf(backwards, badAt, 1));
        assertEquals(failureOf(backwards, badAt, 1), failureOf(backwards, badAt, 4));
        String notANumber = "none,700,1,0,3,1,1,ten,1.00,0,0,0,0";
        String message = failureOf(notANumber, badAt, 1);
        assertTrue(message.startsWith(events + ":" + (badAt + 1) + ": "), message);
        assertEquals(message, failureOf(notANumber, badAt, 4));
    }
}
