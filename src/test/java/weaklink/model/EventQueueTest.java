package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    @Test
    void eventsComeOutByDayThenInPushOrderIncludingFarDays() {
        comesOutLikeAPriorityQueue(new EventQueue(), 4);
    }

    /**
     * Queues that take their day arrays one after the other from one pool (a run's models, {@link ModelWorkspaces}) each
     * give what a priority queue gives, although each starts on arrays the queues before it filled and gave back.
     */
    @Test
    void queuesOnDayArraysOthersGaveBackComeOutAsANewQueue() {
        IntArrayPool pool = new IntArrayPool();
        for (int seed : new int[] {4, 5, 6}) comesOutLikeAPriorityQueue(new EventQueue(pool), seed);
        // sized for a run's days from the start, or for a single day and grown from it: the same order
        for (int days : new int[] {1, 7, 366, EventQueue.BUCKET_DAYS + 5}) comesOutLikeAPriorityQueue(new EventQueue(pool, days), days);
        int[] stale = pool.take(1);
        assertTrue(stale.length >= 64, "the pool holds day arrays the queues gave back");
    }

    private static void comesOutLikeAPriorityQueue(EventQueue q, int seed) {
        PriorityQueue<long[]> reference = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        MersenneTwisterFast rng = new MersenneTwisterFast(seed);
        int today = 0, seq = 0, popped = 0;
        for (int step = 0; step < 200_000; step++) {
            if (rng.nextDouble() < 0.55 || reference.isEmpty()) {
                int day = today + (rng.nextDouble() < 0.001 ? EventQueue.BUCKET_DAYS + rng.nextInt(1000) : rng.nextInt(30));
                q.push(day, seq, seq + 1, seq + 2, seq + 3);
                reference.add(new long[] {day, seq++});
            } else {
                long[] expected = reference.poll();
                assertEquals(expected[0], q.peekDay());
                q.pop();
                assertEquals(expected[1], q.firm());
                assertEquals(expected[1] + 1, q.campaign());
                assertEquals(expected[1] + 2, q.source());
                assertEquals(expected[1] + 3, q.link());
                today = (int) expected[0];
                popped++;
            }
        }
        while (!reference.isEmpty()) {
            long[] expected = reference.poll();
            assertEquals(expected[0], q.peekDay());
            q.pop();
            assertEquals(expected[1], q.firm());
        }
        assertTrue(q.isEmpty());
        assertTrue(popped > 50_000);
    }
}
