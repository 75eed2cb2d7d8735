package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertArrayEquals(hashed.slotsByFirm(), dense.slotsByFirm());
        int[] slots = dense.slotsByFirm();
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
        int[] slots = ledger.slotsByFirm();
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
        int[] slots = ledger.slotsByFirm();
        int k = 0;
        for (var firm : expected.entrySet()) {
            int slot = slots[k++];
            assertEquals((int) firm.getKey(), ledger.firm(slot));
            int n = ledger.entryCount(slot);
            int[] entries = java.util.Arrays.copyOf(ledger.entriesByEvent(slot), n);
            assertArrayEquals(firm.getValue().values().stream().mapToInt(Integer::intValue).toArray(), entries, "firm " + firm.getKey());
        }
    }
}
