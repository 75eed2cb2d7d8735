package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.economics.ReplicateLosses;

/**
 * A replicate makes its losses by firm only for a policy whose {@link CostSharingPolicy#settlesByFirm()} says it reads
 * them, and the default says no. A policy that settles replicates must therefore say so itself: one that overrode
 * {@code settle} and left the default would find {@link ReplicateLosses#firms()} null in every replicate of a run.
 */
class SettlesByFirmTest {
    @Test
    void everyPolicyThatSettlesReplicatesSaysWhetherItReadsTheLossesByFirm() {
        List<String> settling = new ArrayList<>();
        for (Class<?> kind : CostSharingPolicy.class.getPermittedSubclasses()) {
            if (!declares(kind, "settle", SecurityFunding.class, ReplicateLosses.class)) continue;
            settling.add(kind.getSimpleName());
            assertTrue(declares(kind, "settlesByFirm"), kind.getSimpleName() + " settles replicates but leaves settlesByFirm() to the default (false)");
        }
        // Not vacuous: the mutual pool settles each replicate's claims member by member.
        assertTrue(settling.contains(MutualPoolPolicy.class.getSimpleName()), "policies that settle: " + settling);
        assertTrue(new MutualPoolPolicy(null).settlesByFirm());
    }

    @Test
    void theDefaultIsNotToReadThem() {
        assertFalse(new CostSharingPolicy.SelfFunded(null).settlesByFirm());
    }

    private static boolean declares(Class<?> kind, String method, Class<?>... parameters) {
        try {
            kind.getDeclaredMethod(method, parameters);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
