package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import weaklink.network.HeapCheck;

/** How many policies' funding a run computes at once: one per thread and policy, as many as the heap holds, never none. */
class RunMemoryTest {
    private static RunMemory withFundingWork(long work, int threads) {
        return new RunMemory(0, 0, 0, work, 0, threads, 0);
    }

    @Test
    void fundingThreadsAreTheThreadsOrThePoliciesWhicheverIsFewer() {
        HeapCheck heap = HeapCheck.fromNow(0);
        assertEquals(4, withFundingWork(1 << 20, 4).fundingThreads(heap, 10));
        assertEquals(3, withFundingWork(1 << 20, 8).fundingThreads(heap, 3));
        assertEquals(1, withFundingWork(1 << 20, 1).fundingThreads(heap, 10));
    }

    @Test
    void fundingThreadsAreAsManyAsTheHeapHoldsAndAtLeastOne() {
        HeapCheck heap = HeapCheck.fromNow(0);
        long budget = heap.budget();
        assertEquals(2, withFundingWork((long) (budget / 2.5), 8).fundingThreads(heap, 10));
        assertEquals(1, withFundingWork(budget * 2, 8).fundingThreads(heap, 10));
    }
}
