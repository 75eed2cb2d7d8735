package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.FirmChunks;
import weaklink.economics.policy.PolicyContext;
import weaklink.economics.policy.SecurityFunding;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * A policy's loops over the firms shared by the funding threads ({@link SharedFirmChunks}): the planner funded with its
 * loops cut into chunks that 0, 1 or 3 helper threads take beside the caller is the one-thread funding bit for bit, in
 * every array; every firm is run once; a chunk's failure reaches the caller only after every chunk has run.
 */
class SharedFirmChunksTest {
    private static final CostSharingPolicy PLANNER = CostSharingPolicy.of(new PolicySpec.Planner("planner"));

    /** Runs {@code work} on the calling thread with {@code helpers} threads helping with its chunks of {@code chunkFirms}; returns the chunks they took. */
    private static <T> T withHelpers(int helpers, int chunkFirms, Function<SharedFirmChunks, T> work, long[] helped) throws InterruptedException {
        SharedFirmChunks chunks = new SharedFirmChunks(chunkFirms, 1);
        List<Thread> threads = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            Thread t = new Thread(chunks::help, "helper-" + h);
            t.start();
            threads.add(t);
        }
        try {
            return work.apply(chunks);
        } finally {
            chunks.taskDone();
            for (Thread t : threads) {
                t.join(60_000);
                assertFalse(t.isAlive(), "a helper returns once the last task is done");
            }
            helped[0] = chunks.chunksHelped();
        }
    }

    private static void assertSameFunding(SecurityFunding a, SecurityFunding b, String label) {
        assertArrayEquals(a.investmentYen(), b.investmentYen(), label);
        assertArrayEquals(a.expectedLossYen(), b.expectedLossYen(), label);
        assertArrayEquals(a.certificationYen(), b.certificationYen(), label);
        assertArrayEquals(a.paidBySelf(), b.paidBySelf(), label);
        assertArrayEquals(a.paidByBuyers(), b.paidByBuyers(), label);
        assertArrayEquals(a.paidByGovernment(), b.paidByGovernment(), label);
        assertArrayEquals(a.paidByPool(), b.paidByPool(), label);
        assertArrayEquals(a.selfFundedYen(), b.selfFundedYen(), label);
        assertArrayEquals(a.posture().successProbability(), b.posture().successProbability(), label);
        assertArrayEquals(a.posture().dwellScale(), b.posture().dwellScale(), label);
        assertArrayEquals(a.posture().recoveryScale(), b.posture().recoveryScale(), label);
        assertEquals(a.convergence(), b.convergence(), label);
        for (int i = 0; i < a.firmCount(); i++) assertEquals(a.budgetBound(i), b.budgetBound(i), label + ", firm " + i);
    }

    @Test
    void thePlannerFundedWithHelpersOnOneTwoAndFourThreadsIsTheOneThreadFundingBitForBit() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
        // each side on a run context of its own: the tables the threads share are filled by several at once on one side only
        SecurityFunding serial = RunContext.of(s, s.seed()).policyContext().fund(PLANNER, FirmChunks.SERIAL);
        assertTrue(serial.convergence().iterations() > 1, "several best-response rounds, each with its loops");
        for (int threads : new int[] {1, 2, 4}) {
            // 7: chunks that cut the firms at no round number (970 firms: 138 chunks and one of 4); 1000: one chunk, no sharing
            for (int chunkFirms : new int[] {7, 1000}) {
                PolicyContext ctx = RunContext.of(s, s.seed()).policyContext();
                long[] helped = new long[1];
                SecurityFunding shared = withHelpers(threads - 1, chunkFirms, chunks -> ctx.fund(PLANNER, chunks), helped);
                String label = threads + " threads, chunks of " + chunkFirms;
                assertSameFunding(serial, shared, label);
                if (threads > 1 && chunkFirms == 7) assertTrue(helped[0] > 0, label + ": the helpers took chunks");
                if (chunkFirms == 1000) assertEquals(0, helped[0], label + ": a loop of one chunk is not shared");
            }
        }
    }

    @Test
    void everyFirmIsRunOnceWhateverTheThreadsAndTheCut() throws Exception {
        for (int chunkFirms : new int[] {1, 7, 64, 99, 100, 101}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            withHelpers(3, chunkFirms, chunks -> {
                for (int loop = 0; loop < 50; loop++) {
                    chunks.forEach(100, (from, to) -> {
                        for (int i = from; i < to; i++) runs.incrementAndGet(i);
                    });
                }
                return null;
            }, new long[1]);
            for (int i = 0; i < 100; i++) assertEquals(50, runs.get(i), "chunks of " + chunkFirms + ", firm " + i);
        }
    }

    @Test
    void aFailedChunkIsThrownToTheCallerAfterEveryOtherChunkHasRunTheLowestFirstFailure() throws Exception {
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        long[] helped = new long[1];
        IllegalStateException e = withHelpers(3, 10, chunks -> assertThrows(IllegalStateException.class, () -> chunks.forEach(1000, (from, to) -> {
            for (int i = from; i < to; i++) runs.incrementAndGet(i);
            if (from == 500 || from == 900) throw new IllegalStateException("chunk from firm " + from);
        })), helped);
        assertEquals("chunk from firm 500", e.getMessage(), "the failure the serial loop would have met first");
        // nothing runs after the caller is told: every chunk had run when it was
        for (int i = 0; i < 1000; i++) assertEquals(1, runs.get(i), "firm " + i);
    }
}
