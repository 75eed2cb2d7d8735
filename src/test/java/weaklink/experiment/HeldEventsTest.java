package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import weaklink.experiment.EventRows.EventRow;
import weaklink.io.CsvFormat;

/**
 * The event rows a run holds for its ORD export are the rows a reader of {@code events.csv} gets
 * back, in the file's order, and they are let go as soon as they outgrow the run's budget.
 */
class HeldEventsTest {
    static final List<String> POLICIES = List.of("none", "mandate");

    /** What a reader of the cell written for {@code x} gets. */
    static double read(double x) { return CsvFormat.MONEY.read(CsvFormat.MONEY.write(x)); }

    static void assertSameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what + ": " + expected + " vs " + actual);
    }

    @Test
    void anAmountHeldIsWhatAReaderOfItsWrittenCellGetsToTheBit() {
        double[] edges = {0, -0.0, 0.004, -0.004, 0.005, 0.015, 1.005, 2.675, -2.675, 0.125, 1e-9, 123456789.125, 9e13 - 0.01, 9e13, 9e13 + 0.5,
                1e15 + 0.25, 9.007e15, 1e17, -1e17, 9e16, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (double x : edges) assertSameBits(read(x), HeldEvents.asRead(x), "edge " + x);
        SplittableRandom rng = new SplittableRandom(26);
        for (int k = 0; k < 300_000; k++) {
            // 1e-4 to 1e18 yen, both signs; and amounts a third or a half cent off whole cents
            double x = Math.pow(10, -4 + 22 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
            assertSameBits(read(x), HeldEvents.asRead(x), "random " + x);
            double cents = Math.floor(rng.nextDouble() * 1e13) / 100;
            assertSameBits(read(cents + 0.005), HeldEvents.asRead(cents + 0.005), "half a cent " + cents);
            assertSameBits(read(cents / 3), HeldEvents.asRead(cents / 3), "a third " + cents);
        }
    }

    static EventRow row(String policy, int replicate, int event, double gul) {
        return new EventRow(policy, replicate, event, event % 2 - 1, 3 * event % 365, 1 + event % 4, 1 + event % 3, gul, 1e9 / 7, gul / 3, 2e8 / 3, gul / 9,
                gul / 3 - gul / 9);
    }

    static HeldEvents.Part part(int replicate, int rows) {
        HeldEvents.Part p = new HeldEvents.Part();
        for (int e = 0; e < rows; e++) p.add(e % 2, row(POLICIES.get(e % 2), replicate, e, 1000.0 / (e + 1) + replicate));
        return p;
    }

    @Test
    void theReaderGivesEachRowAsItsLineReadsBackInTheOrderAddedWithItsLineNumber() {
        HeldEvents held = new HeldEvents(POLICIES, Long.MAX_VALUE);
        for (int r = 0; r < 3; r++) held.add(part(r, 20 + r)); // more rows than a part starts with
        held.add(part(3, 0)); // a replicate without events
        assertEquals(63, held.rows());
        HeldEvents.Reader in = held.reader();
        for (int r = 0; r < 3; r++) {
            for (int e = 0; e < 20 + r; e++) {
                EventRow expected = EventRow.parse(EventRow.TABLE.line(row(POLICIES.get(e % 2), r, e, 1000.0 / (e + 1) + r)));
                assertEquals(expected, in.next(), "replicate " + r + ", event " + e);
            }
        }
        assertEquals(1 + 63, in.line(), "the last row's line, after the header");
        assertNull(in.next());
    }

    @Test
    void theRowsAddedStayAsTheyWereWhenTheirPartIsClearedAndFilledAgain() {
        HeldEvents.Part scratch = new HeldEvents.Part();
        HeldEvents held = new HeldEvents(POLICIES, Long.MAX_VALUE);
        for (int r = 0; r < 2; r++) {
            scratch.clear();
            for (int e = 0; e < 40 - 30 * r; e++) scratch.add(e % 2, row(POLICIES.get(e % 2), r, e, 7.0 * e + r));
            held.add(scratch); // then given back, and filled again by the next replicate
        }
        assertEquals(50, held.rows());
        HeldEvents.Reader in = held.reader();
        for (int r = 0; r < 2; r++) {
            for (int e = 0; e < 40 - 30 * r; e++) {
                EventRow expected = EventRow.parse(EventRow.TABLE.line(row(POLICIES.get(e % 2), r, e, 7.0 * e + r)));
                assertEquals(expected, in.next(), "replicate " + r + ", event " + e);
            }
        }
        assertNull(in.next());
    }

    @Test
    void rowsBeyondTheBudgetAreLetGoAtOnceAndNoneIsHeldAfterwards() {
        long twentyRows = HeldEvents.SLAB_BYTES + 20L * part(0, 1).words() * Long.BYTES; // one slab, cut to what the budget has room for
        HeldEvents held = new HeldEvents(POLICIES, twentyRows);
        held.add(part(0, 10));
        held.add(part(1, 10));
        assertTrue(held.holding());
        assertEquals(20, held.rows());
        held.add(part(2, 1));
        assertFalse(held.holding(), "one row more than the budget");
        assertEquals(0, held.rows());
        held.add(part(3, 1));
        assertEquals(0, held.rows(), "nothing is held after the rows were let go");
        assertThrows(IllegalStateException.class, held::reader);
    }

    @Test
    void rowsFillingSeveralSlabsAreHeldWhileTheyAndTheirSlabsFitTheBudget() {
        // rows of 8 words (narrow, six amounts): slabs of 1,280, 2,560 and 5,120 rows, the last cut to 132 by the budget: 3,972 rows in all
        assertEquals(8, part(0, 1).words());
        long budget = 3 * HeldEvents.SLAB_BYTES + 3_972L * 8 * Long.BYTES;
        HeldEvents held = new HeldEvents(POLICIES, budget);
        for (int r = 0; r < 3_972 / 331; r++) held.add(part(r, 331));
        assertTrue(held.holding());
        assertEquals(3_972, held.rows());
        held.add(part(12, 1));
        assertFalse(held.holding(), "the row after the budget's last");
    }

    @Test
    void rowsAcrossSlabBoundariesReadBackAsAdded() {
        // parts of 1,000 to 1,400 rows straddle the slabs' ends (1,024, then 3,072, 7,168, ... rows in), up to full slabs of SLAB_WORDS
        HeldEvents held = new HeldEvents(POLICIES, Long.MAX_VALUE);
        int[] sizes = new int[200];
        long total = 0;
        for (int r = 0; r < sizes.length; r++) {
            sizes[r] = 1_000 + (r * 37) % 401;
            held.add(part(r, sizes[r]));
            total += sizes[r];
        }
        assertTrue(8 * total > 2L * HeldEvents.SLAB_WORDS, "the rows (eight words each) fill full slabs");
        assertEquals(total, held.rows());
        HeldEvents.Reader in = held.reader();
        for (int r = 0; r < sizes.length; r++) {
            for (int e = 0; e < sizes[r]; e++) {
                EventRow expected = EventRow.parse(EventRow.TABLE.line(row(POLICIES.get(e % 2), r, e, 1000.0 / (e + 1) + r)));
                assertEquals(expected, in.next(), "replicate " + r + ", event " + e);
            }
        }
        assertEquals(1 + total, in.line());
        assertNull(in.next());
        assertNull(in.next(), "still none after the last");
    }

    /** A row whose amounts are 0 where bit k of {@code zeros} is set, else drawn (some of them below half a cent, read as 0, or -0.0). */
    static EventRow rowWithZeros(String policy, int replicate, int event, int zeros, SplittableRandom rng) {
        double[] a = new double[6];
        for (int k = 0; k < 6; k++) {
            int kind = rng.nextInt(10);
            a[k] = (zeros >> k & 1) != 0 ? 0.0 : kind == 0 ? -0.0 : kind == 1 ? 0.004 * (rng.nextBoolean() ? 1 : -1) : rng.nextDouble() * 1e10 - 1e9;
        }
        return new EventRow(policy, replicate, event, rng.nextInt(5) - 1, rng.nextInt(366), 1 + rng.nextInt(4), rng.nextInt(Integer.MAX_VALUE) * (rng.nextBoolean() ? 1 : -1),
                a[0], a[1], a[2], a[3], a[4], a[5]);
    }

    @Test
    void rowsWithAnyOfTheirAmountsZeroReadBackAsTheirLinesAcrossSlabs() {
        // every pattern of zero amounts, -0.0 and amounts read as 0 among them, in parts of 0 to 3,000 rows of 2 to 8 words
        SplittableRandom rng = new SplittableRandom(1426);
        HeldEvents held = new HeldEvents(POLICIES, Long.MAX_VALUE);
        java.util.List<EventRow> added = new java.util.ArrayList<>();
        HeldEvents.Part scratch = new HeldEvents.Part();
        long words = 0;
        for (int r = 0; r < 300; r++) {
            scratch.clear();
            int rows = r % 7 == 0 ? 0 : rng.nextInt(3_000);
            for (int e = 0; e < rows; e++) {
                int policy = rng.nextInt(2);
                EventRow row = rowWithZeros(POLICIES.get(policy), r, e, rng.nextInt(64), rng);
                scratch.add(policy, row);
                added.add(row);
            }
            words += scratch.words();
            held.add(scratch);
        }
        assertTrue(words > 2L * HeldEvents.SLAB_WORDS, "the rows fill full slabs: " + words + " words");
        assertEquals(added.size(), held.rows());
        HeldEvents.Reader in = held.reader();
        for (int k = 0; k < added.size(); k++) {
            EventRow expected = EventRow.parse(EventRow.TABLE.line(added.get(k)));
            EventRow got = in.next();
            assertEquals(expected, got, "row " + k);
            for (double[] pair : new double[][] {{expected.gulLoss(), got.gulLoss()}, {expected.ilLoss(), got.ilLoss()}, {expected.retainedLoss(), got.retainedLoss()}}) {
                assertSameBits(pair[0], pair[1], "row " + k);
            }
        }
        assertEquals(1 + added.size(), in.line());
        assertNull(in.next());
    }

    @Test
    void aRowKeepsOnlyItsAmountsThatAreNotZeroWithinTheBudget() {
        // narrow rows with two amounts not 0 take 4 words: 20 of them fit a budget that 10 rows of all six amounts fill
        long budget = HeldEvents.SLAB_BYTES + 20L * 4 * Long.BYTES;
        HeldEvents held = new HeldEvents(POLICIES, budget);
        HeldEvents.Part p = new HeldEvents.Part();
        for (int e = 0; e < 20; e++) p.add(0, new EventRow("none", 0, e, 1, e, 1, 1, 1000.0 + e, 5e9, 0, 0, 0, 0));
        held.add(p);
        assertTrue(held.holding(), "20 rows of 4 words in " + budget + " bytes");
        assertEquals(20, held.rows());
        HeldEvents.Part one = new HeldEvents.Part();
        one.add(0, new EventRow("none", 1, 0, 1, 0, 1, 1, 1000.0, 5e9, 0, 0, 0, 0));
        held.add(one);
        assertFalse(held.holding(), "the 21st row is beyond the budget");
        HeldEvents full = new HeldEvents(POLICIES, budget);
        full.add(part(0, 10));
        assertTrue(full.holding());
        full.add(part(1, 1));
        assertFalse(full.holding(), "an 11th row of eight words is beyond the budget");
    }

    @Test
    void rowsNarrowAndWideReadBackAsTheirLinesWithEveryNumberAtTheEdgesOfANarrowRow() {
        // a narrow row keeps policy number 0-63, summary set 0-31, day 0-511 and actor -16 to 15 in its first word; any
        // other row takes two words more; both kinds mixed in parts that straddle the slabs' ends
        List<String> policies = java.util.stream.IntStream.range(0, 70).mapToObj(k -> "p" + k).toList();
        int[] policy = {0, 1, 63, 64, 69}, set = {0, 1, 31, 32, 1 << 20}, day = {0, 364, 511, 512, 100_000}, actor = {-17, -16, -1, 0, 15, 16, 1 << 30},
                whole = {Integer.MIN_VALUE, -1, 0, 1, 1 << 20, Integer.MAX_VALUE};
        SplittableRandom rng = new SplittableRandom(19);
        HeldEvents held = new HeldEvents(policies, Long.MAX_VALUE);
        java.util.List<EventRow> added = new java.util.ArrayList<>();
        HeldEvents.Part scratch = new HeldEvents.Part();
        long words = 0;
        int narrow = 0, wide = 0;
        for (int r = 0; r < 150; r++) {
            scratch.clear();
            for (int e = 0; e < 2_000; e++) {
                int p = policy[rng.nextInt(policy.length)];
                int zeros = rng.nextInt(64);
                EventRow drawn = rowWithZeros(policies.get(p), whole[rng.nextInt(whole.length)], whole[rng.nextInt(whole.length)], zeros, rng);
                EventRow row = new EventRow(drawn.policy(), drawn.replicate(), drawn.event(), actor[rng.nextInt(actor.length)], day[rng.nextInt(day.length)],
                        set[rng.nextInt(set.length)], whole[rng.nextInt(whole.length)], drawn.gulLoss(), drawn.gulExposure(), drawn.ilLoss(),
                        drawn.ilExposure(), drawn.cededLoss(), drawn.retainedLoss());
                int before = scratch.words();
                scratch.add(p, row);
                boolean isNarrow = p < 64 && row.summarySet() >= 0 && row.summarySet() < 32 && row.day() >= 0 && row.day() < 512 && row.actor() >= -16
                        && row.actor() < 16;
                if (isNarrow) narrow++;
                else wide++;
                long amounts = java.util.stream.DoubleStream.of(row.gulLoss(), row.gulExposure(), row.ilLoss(), row.ilExposure(), row.cededLoss(),
                        row.retainedLoss()).filter(x -> Double.doubleToRawLongBits(HeldEvents.asRead(x)) != 0).count();
                assertEquals((isNarrow ? 2 : 4) + amounts, scratch.words() - before, "the words of row " + row);
                added.add(row);
            }
            words += scratch.words();
            held.add(scratch);
        }
        assertTrue(narrow > 10_000 && wide > 10_000, narrow + " narrow rows, " + wide + " wide");
        assertTrue(words > 2L * HeldEvents.SLAB_WORDS, "the rows fill full slabs: " + words + " words");
        assertEquals(added.size(), held.rows());
        HeldEvents.Reader in = held.reader();
        for (int k = 0; k < added.size(); k++) {
            EventRow expected = EventRow.parse(EventRow.TABLE.line(added.get(k)));
            assertEquals(expected, in.next(), "row " + k);
        }
        assertNull(in.next());
    }

    @Test
    void aNarrowRowOfTwoAmountsTakesFourWordsAndAWideOneSix() {
        HeldEvents.Part p = new HeldEvents.Part();
        p.add(9, new EventRow("p9", 1_199, 15, 2, 364, 2, 123_456, 62_239_468.98, 2_737_091_444.0, 0, 0, 0, 0));
        assertEquals(4, p.words(), "a row of japan-manufacturing's events.csv");
        p.add(9, new EventRow("p9", 1_199, 15, 2, 365 * 2, 2, 123_456, 62_239_468.98, 2_737_091_444.0, 0, 0, 0, 0));
        assertEquals(4 + 6, p.words(), "its day beyond 511: a wide row");
    }

    @Test
    void aReplicateThatCameWithoutItsRowsLetsEveryRowGo() {
        HeldEvents held = new HeldEvents(POLICIES, Long.MAX_VALUE);
        held.add(part(0, 5));
        held.add(null);
        assertFalse(held.holding());
        assertEquals(0, held.rows());
    }

    @Test
    void aRunWithNoBudgetHoldsNothing() {
        assertFalse(new HeldEvents(POLICIES, 0).holding());
    }

    @Test
    void theBudgetIsHalfTheHeapBeyondTheRunsCountedPeakAndAtMostAnEighthOfTheHeap() {
        assertEquals(300, ReplicateEngine.heldEventsBudget(600, 8_000));
        assertEquals(1_000, ReplicateEngine.heldEventsBudget(6_000, 8_000));
        assertEquals(0, ReplicateEngine.heldEventsBudget(-5_000, 8_000), "a run near its heap's end holds nothing");
    }
}
