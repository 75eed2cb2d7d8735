package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    @Test
    void eventsComeOutByDayThenInPushOrderIncludingFarDays() {
        EventQueue q = new EventQueue();
        PriorityQueue<long[]> reference = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        MersenneTwisterFast rng = new MersenneTwisterFast(4);
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
