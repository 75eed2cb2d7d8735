package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
