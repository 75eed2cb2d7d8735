package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import weaklink.Collectable;
import org.junit.jupiter.api.Test;

class ReplicateRecordTest {
    @Test
    void keepsEveryCompromiseAcrossItsPages() {
        ReplicateRecord r = new ReplicateRecord(365);
        int n = 50_000; // the first page grows from 64 entries to a full page, then pages are added
        for (int k = 0; k < n; k++) {
            byte effect = k % 3 == 0 ? ReplicateRecord.RANSOMWARE : ReplicateRecord.DATA_THEFT;
            r.add(k % 7_001, k / 1000, k % 5 - 1, k % 365, k - 1, 2 * k, effect, k + 0.25, effect == ReplicateRecord.RANSOMWARE ? k + 3.5 : Double.NaN);
        }
        assertEquals(n, r.size());
        for (int k = 0; k < n; k++) {
            assertEquals(k % 7_001, r.firm(k));
            assertEquals(k / 1000, r.campaign(k));
            assertEquals(k % 5 - 1, r.actor(k));
            assertEquals(k % 365, r.day(k));
            assertEquals(k - 1, r.source(k));
            assertEquals(2 * k, r.trustLink(k));
            assertEquals(k + 0.25, r.detectDay(k));
            if (k % 3 == 0) {
                assertTrue(r.causesOutage(k));
                assertEquals(k + 3.5, r.outageEnd(k));
            } else {
                assertFalse(r.causesOutage(k));
            }
        }
        assertEquals(7_001, r.distinctFirmsCompromised());
        assertEquals(7_001, r.distinctFirmsDown()); // k ≡ 0 (mod 3) covers every residue mod 7,001
    }

    @Test
    void ordersPositionsByFirmThenRecordOrderAtEverySize() {
        // below and above the switch from a comparison sort to the radix sort, with firms hit repeatedly and a large firm index
        for (int n : new int[] {0, 1, 5, 255, 256, 257, 3_000, 40_000}) {
            MersenneTwisterFast rng = new MersenneTwisterFast(n);
            ReplicateRecord r = new ReplicateRecord(365);
            long[] expected = new long[n];
            for (int k = 0; k < n; k++) {
                int firm = k % 11 == 0 ? 1_999_999 : rng.nextInt(Math.max(1, n / 2));
                r.add(firm, k % 3, 0, 0, -1, -1, ReplicateRecord.DATA_THEFT, 1, Double.NaN);
                expected[k] = (long) firm << 32 | k;
            }
            Arrays.sort(expected);
            int[] order = r.positionsByFirm();
            assertEquals(n, order.length);
            long distinct = Arrays.stream(expected).map(x -> x >>> 32).distinct().count();
            int[] firms = r.firmsByFirm();
            assertEquals(n, firms.length);
            for (int i = 0; i < n; i++) {
                assertEquals((int) expected[i], order[i], "n = " + n + ", position " + i);
                assertEquals((int) (expected[i] >>> 32), firms[i], "the firm at n = " + n + ", position " + i);
            }
            assertEquals(distinct, r.distinctFirmsCompromised(), "n = " + n);
        }
    }

    @Test
    void positionsByFirmFollowEntriesAddedAfterAnEarlierCall() {
        ReplicateRecord r = new ReplicateRecord(365);
        r.add(5, 0, 0, 0, -1, -1, ReplicateRecord.DATA_THEFT, 1, Double.NaN);
        r.add(2, 0, 0, 0, -1, -1, ReplicateRecord.DATA_THEFT, 1, Double.NaN);
        assertEquals(2, r.distinctFirmsCompromised());
        r.add(3, 1, 0, 2, -1, -1, ReplicateRecord.RANSOMWARE, 4, 6);
        assertArrayEquals(new int[] {1, 2, 0}, r.positionsByFirm());
        assertArrayEquals(new int[] {2, 3, 5}, r.firmsByFirm());
        assertEquals(3, r.distinctFirmsCompromised());
        assertEquals(1, r.distinctFirmsDown());
    }

    @Test
    void distinctFirmsDownIsTheCountOfDistinctFirmsWithAnOutageWhetherNoneSomeOrAllCausedOne() {
        // the shortcuts for none and all against the straightforward count: a set of the firms whose compromise caused an outage
        for (int share : new int[] {0, 1, 3, 100}) {
            for (int n : new int[] {0, 1, 200, 5_000}) {
                MersenneTwisterFast rng = new MersenneTwisterFast(31L * n + share);
                ReplicateRecord r = new ReplicateRecord(365);
                java.util.Set<Integer> down = new java.util.HashSet<>();
                int outages = 0;
                for (int k = 0; k < n; k++) {
                    int firm = rng.nextInt(Math.max(1, n / 3));
                    boolean outage = share == 100 || share > 0 && rng.nextInt(share + 1) == 0;
                    r.add(firm, k % 4, 0, k % 365, -1, -1, outage ? ReplicateRecord.RANSOMWARE : ReplicateRecord.DATA_THEFT, k % 365 + 0.5,
                            outage ? k % 365 + 2.5 : Double.NaN);
                    if (outage) {
                        down.add(firm);
                        outages++;
                    }
                }
                assertEquals(outages, r.outages(), "share " + share + ", n = " + n);
                assertEquals(down.size(), r.distinctFirmsDown(), "share " + share + ", n = " + n);
            }
        }
    }

    /**
     * A record filled after others gave back their pages ({@link ReplicateRecord#recycle}) reads
     * exactly what a new record given the same compromises reads — its outages, distinct firms and
     * by-firm order included — and a recycled record can no longer be read.
     */
    @Test
    void aRecordOnRecycledPagesReadsWhatANewRecordReads() {
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        ModelWorkspaces run = new ModelWorkspaces();
        for (int size : new int[] {30_000, 9_000, 70_000, 100, 20_000}) {
            ReplicateRecord used = new ReplicateRecord(365, run), fresh = new ReplicateRecord(365);
            for (int k = 0; k < size; k++) {
                int firm = rng.nextInt(5_000), campaign = rng.nextInt(9), link = rng.nextInt(1_000_000);
                byte effect = rng.nextBoolean() ? ReplicateRecord.RANSOMWARE : ReplicateRecord.DATA_THEFT;
                double detect = rng.nextDouble() * 365, end = effect == ReplicateRecord.RANSOMWARE ? detect + rng.nextDouble() * 20 : Double.NaN;
                used.add(firm, campaign, campaign % 3 - 1, (int) detect, firm - 1, link, effect, detect, end);
                fresh.add(firm, campaign, campaign % 3 - 1, (int) detect, firm - 1, link, effect, detect, end);
            }
            assertEquals(fresh.size(), used.size());
            assertEquals(fresh.outages(), used.outages());
            for (int k = 0; k < size; k++) {
                assertEquals(fresh.firm(k), used.firm(k));
                assertEquals(fresh.campaign(k), used.campaign(k));
                assertEquals(fresh.actor(k), used.actor(k));
                assertEquals(fresh.day(k), used.day(k));
                assertEquals(fresh.source(k), used.source(k));
                assertEquals(fresh.trustLink(k), used.trustLink(k));
                assertEquals(fresh.effect(k), used.effect(k));
                assertEquals(Double.doubleToRawLongBits(fresh.detectDay(k)), Double.doubleToRawLongBits(used.detectDay(k)));
                assertEquals(Double.doubleToRawLongBits(fresh.outageEnd(k)), Double.doubleToRawLongBits(used.outageEnd(k)));
            }
            assertArrayEquals(fresh.positionsByFirm(), used.positionsByFirm());
            assertArrayEquals(fresh.firmsByFirm(), used.firmsByFirm());
            int[] into = new int[size];
            assertArrayEquals(fresh.positionsByFirm(), used.positionsByFirm(into));
            assertArrayEquals(fresh.firmsByFirm(), used.firmsByFirm(into));
            assertEquals(fresh.distinctFirmsCompromised(), used.distinctFirmsCompromised());
            assertEquals(fresh.distinctFirmsDown(), used.distinctFirmsDown());
            used.recycle(); // its pages go to the next size's record
            assertThrows(NullPointerException.class, () -> used.firm(0));
        }
    }

    /** Fills {@code r} with {@code n} compromises (of the first 1,000 firms): over 8,192 fill full pages. */
    private static ReplicateRecord filled(ReplicateRecord r, int n) {
        for (int k = 0; k < n; k++) r.add(k % 1_000, 0, 0, k % 365, -1, -1, ReplicateRecord.DATA_THEFT, k % 365 + 0.5, Double.NaN);
        return r;
    }

    @Test
    void theNextRecordOfTheSameRunFillsTheRecycledPages() {
        ModelWorkspaces run = new ModelWorkspaces();
        ReplicateRecord first = filled(new ReplicateRecord(365, run), 30_000);
        java.util.Set<int[]> pages = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int p = 1; first.firmPage(p) != null; p++) pages.add(first.firmPage(p));
        assertEquals(3, pages.size(), "30,000 compromises fill the first page and three more");
        first.recycle();
        ReplicateRecord next = filled(new ReplicateRecord(365, run), 30_000);
        for (int p = 1; p <= 3; p++) assertTrue(pages.contains(next.firmPage(p)), "page " + p + " is one the first record gave back");
        ReplicateRecord other = filled(new ReplicateRecord(365, new ModelWorkspaces()), 30_000);
        for (int p = 1; p <= 3; p++) assertFalse(pages.contains(other.firmPage(p)), "another run's record never gets them");
    }

    /**
     * The pages a record gives back belong to its run's workspaces, not to the thread that filled it: on a
     * pool whose threads outlive runs (a Spark executor's), nothing of a finished run stays with them.
     */
    @Test
    void aRecycledRecordsPagesGoWithItsRunNotWithTheThreadThatFilledIt() throws Exception {
        java.util.concurrent.ExecutorService kept = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.List<java.lang.ref.WeakReference<Object>> gone = kept.submit(() -> {
                ModelWorkspaces run = new ModelWorkspaces();
                ReplicateRecord r = filled(new ReplicateRecord(365, run), 30_000);
                java.util.List<java.lang.ref.WeakReference<Object>> refs = new java.util.ArrayList<>();
                refs.add(new java.lang.ref.WeakReference<>(r.firmPage(1)));
                r.recycle();
                assertEquals(1, run.held().size(), "the record gave its page pool back to its run");
                for (Object held : run.held()) refs.add(new java.lang.ref.WeakReference<>(held));
                return refs;
            }).get();
            kept.submit(() -> { }).get(); // the thread lives on and has run something since
            assertTrue(Collectable.cleared(gone), "the run's pages and page pool are collected while its thread lives on");
        } finally {
            kept.shutdownNow();
        }
    }
}
