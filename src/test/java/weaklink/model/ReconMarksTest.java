package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The reconnaissance searches' mark array, lent by the run to one model at a time and reused by the next: each
 * search must get a stamp not yet in the array, whatever searches came before.
 */
class ReconMarksTest {
    @Test
    void everyStampIsNewAndTheArrayIsKeptForTheSameNetworkSize() {
        ReplicateModel.ReconMarks marks = new ReplicateModel.ReconMarks();
        int[] a = marks.array(5);
        int first = marks.nextStamp(), second = marks.nextStamp();
        assertNotEquals(0, first, "0 is what a fresh array holds");
        assertNotEquals(first, second);
        assertSame(a, marks.array(5));
    }

    @Test
    void anotherNetworkSizeGetsAZeroedArrayOfItsSize() {
        ReplicateModel.ReconMarks marks = new ReplicateModel.ReconMarks();
        int[] a = marks.array(5);
        java.util.Arrays.fill(a, marks.nextStamp());
        int[] b = marks.array(7);
        assertNotSame(a, b);
        assertArrayEquals(new int[7], b);
    }

    @Test
    void whenTheStampsRunOutTheArrayIsClearedBeforeTheyStartAgain() {
        ReplicateModel.ReconMarks marks = new ReplicateModel.ReconMarks(4, Integer.MAX_VALUE - 1);
        int[] a = marks.array(4);
        int last = marks.nextStamp();
        assertEquals(Integer.MAX_VALUE, last);
        java.util.Arrays.fill(a, last);
        a[2] = 1;
        int again = marks.nextStamp();
        assertEquals(1, again);
        assertArrayEquals(new int[4], a, "no stamp of before is left to be mistaken for the new ones");
    }
}
