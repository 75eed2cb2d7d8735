package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import weaklink.economics.ReplicateLosses.Component;

class LossLedgerTest {
    /** The same (firm, campaign) entries whether firms are found through the hash map (few expected) or the array over all firms. */
    @Test
    void findsTheSameEntriesThroughTheHashMapAndTheArrayOverAllFirms() {
        int firms = 1_000;
        LossLedger hashed = new LossLedger(4, firms), dense = new LossLedger(firms, firms);
        int[][] calls = {{7, 0}, {999, 2}, {7, 1}, {0, 0}, {7, 0}, {999, 2}, {500, 3}, {0, 1}};
        for (int[] c : calls) {
            int a = hashed.entry(c[0], c[1]), b = dense.entry(c[0], c[1]);
            assertEquals(a, b, "firm " + c[0] + ", campaign " + c[1]);
            hashed.add(a, Component.INCIDENT, c[0] + c[1]);
            dense.add(b, Component.INCIDENT, c[0] + c[1]);
        }
        assertEquals(4, dense.firms());
        assertArrayEquals(slotsByFirm(hashed), slotsByFirm(dense));
        int[] slots = slotsByFirm(dense);
        int[] firmOrder = new int[slots.length];
        for (int k = 0; k < slots.length; k++) firmOrder[k] = dense.firm(slots[k]);
        assertArrayEquals(new int[] {0, 7, 500, 999}, firmOrder);
        assertEquals(2 * 7.0, dense.yen(dense.entry(7, 0), Component.INCIDENT)); // (7, 0) was charged twice
        assertEquals(2, dense.entryCount(slots[1]));
    }

    /** Slots opened in increasing firm order come back as they are; opened out of order, sorted. */
    @Test
    void listsSlotsInFirmOrderWhateverOrderTheyWereOpenedIn() {
        LossLedger ledger = new LossLedger(10, 100);
        for (int f : new int[] {40, 3, 77, 12}) ledger.entry(f, 0);
        int[] slots = slotsByFirm(ledger);
        int[] firmOrder = new int[slots.length];
        for (int k = 0; k < slots.length; k++) firmOrder[k] = ledger.firm(slots[k]);
        assertArrayEquals(new int[] {3, 12, 40, 77}, firmOrder);
    }

    /** Each slot's entries in increasing event order, one entry or several, against a sort of the (event, entry) pairs opened. */
    @Test
    void listsASlotsEntriesInEventOrderWhetherItHasOneOrMany() {
        LossLedger ledger = new LossLedger(16, 100);
        int[][] calls = {{5, 9}, {5, 2}, {8, 4}, {5, 7}, {60, 0}, {5, 2}, {8, 1}};
        java.util.Map<Integer, java.util.TreeMap<Integer, Integer>> expected = new java.util.TreeMap<>();
        for (int[] c : calls) expected.computeIfAbsent(c[0], f -> new java.util.TreeMap<>()).put(c[1], ledger.entry(c[0], c[1]));
        int[] slots = slotsByFirm(ledger);
        int k = 0;
        for (var firm : expected.entrySet()) {
            int slot = slots[k++];
            assertEquals((int) firm.getKey(), ledger.firm(slot));
            int n = ledger.entryCount(slot);
            int[] entries = java.util.Arrays.copyOf(ledger.entriesByEvent(slot), n);
            assertArrayEquals(firm.getValue().values().stream().mapToInt(Integer::intValue).toArray(), entries, "firm " + firm.getKey());
        }
    }

    /**
     * A ledger reset for a new use (as each thread's replicates reuse one) holds exactly what a new
     * ledger given the same calls holds, whatever the earlier use left behind: uses that are dense
     * then sparse then dense again, larger and smaller than before, with and without waiting periods.
     */
    @Test
    void aLedgerResetForANewUseHoldsWhatANewLedgerHolds() {
        int firms = 200;
        java.util.Random rng = new java.util.Random(7);
        LossLedger reused = new LossLedger(0, 0);
        int[][] uses = {{150, 1}, {5, 0}, {100, 0}, {300, 1}, {20, 1}, {60, 0}}; // {calls, with waiting}
        for (int[] use : uses) {
            int calls = use[0];
            boolean withWaiting = use[1] == 1;
            reused.reset(calls, firms);
            LossLedger fresh = new LossLedger(calls, firms);
            for (int i = 0; i < calls; i++) {
                int f = rng.nextInt(firms), event = rng.nextInt(4);
                double amount = rng.nextDouble();
                Component c = Component.values()[rng.nextInt(Component.values().length)];
                int a = reused.entry(f, event), b = fresh.entry(f, event);
                assertEquals(b, a, "use of " + calls + ", call " + i);
                reused.add(a, c, amount);
                fresh.add(b, c, amount);
                if (withWaiting && i % 3 == 0) {
                    reused.addWaiting(a, i % 2 == 0, amount / 2);
                    fresh.addWaiting(b, i % 2 == 0, amount / 2);
                }
            }
            assertEquals(fresh.firms(), reused.firms());
            assertEquals(fresh.eventBound(), reused.eventBound());
            int[] slots = slotsByFirm(fresh);
            assertArrayEquals(slots, slotsByFirm(reused));
            for (int slot : slots) {
                assertEquals(fresh.firm(slot), reused.firm(slot));
                int n = fresh.entryCount(slot);
                assertEquals(n, reused.entryCount(slot));
                int[] expected = java.util.Arrays.copyOf(fresh.entriesByEvent(slot), n);
                assertArrayEquals(expected, java.util.Arrays.copyOf(reused.entriesByEvent(slot), n));
                for (int x : expected) {
                    assertEquals(fresh.event(x), reused.event(x));
                    for (Component c : Component.values()) assertEquals(fresh.yen(x, c), reused.yen(x, c), 0, "entry " + x + " " + c);
                    assertEquals(fresh.waiting(x, false), reused.waiting(x, false), 0);
                    assertEquals(fresh.waiting(x, true), reused.waiting(x, true), 0);
                }
            }
        }
    }

    /** The slot order's array is the ledger's own, kept from use to use unless a use has more firms than it holds. */
    @Test
    void keepsItsSlotOrderArrayForTheNextUse() {
        LossLedger ledger = new LossLedger(100, 200);
        for (int f = 0; f < 100; f++) ledger.entry(f, 0);
        int[] first = ledger.slotsByFirm();
        ledger.reset(50, 200);
        for (int f = 150; f > 100; f--) ledger.entry(f, 1);
        int[] second = ledger.slotsByFirm();
        assertSame(first, second);
        for (int k = 0; k < 50; k++) assertEquals(101 + k, ledger.firm(second[k]), "slot " + k + " of the second use, opened out of order");
    }

    /** The ledger's slots in firm order, as many as it has firms (the rest of its kept array is an earlier use's). */
    private static int[] slotsByFirm(LossLedger ledger) {
        return java.util.Arrays.copyOf(ledger.slotsByFirm(), ledger.firms());
    }
}
