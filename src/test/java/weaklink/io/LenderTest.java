package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LenderTest {
    /** A piece that knows whether it is lent out. */
    private static final class Piece {
        final AtomicBoolean lent = new AtomicBoolean();
    }

    @Test
    void aNewPieceIsMadeWhenNoneIsHeld() {
        AtomicInteger made = new AtomicInteger();
        Lender<Object> lender = new Lender<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        Object a = lender.borrow(), b = lender.borrow();
        assertNotSame(a, b, "two pieces lent at once are two pieces");
        assertEquals(2, made.get());
        assertTrue(lender.held().isEmpty(), "nothing given back, nothing held");
    }

    @Test
    void nullIsNotTakenBackAndLeavesWhatIsHeldAsItWas() {
        Lender<Object> lender = new Lender<>(Object::new);
        Object a = lender.borrow();
        lender.giveBack(a);
        assertThrows(NullPointerException.class, () -> lender.giveBack(null));
        assertEquals(List.of(a), lender.held());
        assertSame(a, lender.borrow());
    }

    @Test
    void theLastPieceGivenBackIsLentFirst() {
        Lender<Object> lender = new Lender<>(Object::new);
        Object a = lender.borrow(), b = lender.borrow();
        lender.giveBack(a);
        lender.giveBack(b);
        assertEquals(List.of(b, a), lender.held(), "held, the last given back first");
        assertSame(b, lender.borrow(), "the last given back comes first");
        assertSame(a, lender.borrow());
        assertTrue(lender.held().isEmpty());
    }

    @Test
    void moreThanAFewPiecesGivenBackAreAllHeldAndLentLastFirst() {
        Lender<Object> lender = new Lender<>(Object::new);
        List<Object> lent = new ArrayList<>();
        for (int k = 0; k < 9; k++) lent.add(lender.borrow());
        for (Object piece : lent) lender.giveBack(piece);
        List<Object> lastFirst = new ArrayList<>(lent);
        Collections.reverse(lastFirst);
        assertEquals(lastFirst, lender.held(), "all nine held, the last given back first");
        for (Object piece : lastFirst) assertSame(piece, lender.borrow());
        assertTrue(lender.held().isEmpty());
    }

    @Test
    void aPieceIsLentToOneBorrowerAtATimeAndNoMoreAreMadeThanWereLentAtOnce() throws InterruptedException {
        int threads = 4, rounds = 20_000;
        AtomicInteger made = new AtomicInteger();
        Lender<Piece> lender = new Lender<>(() -> {
            made.incrementAndGet();
            return new Piece();
        });
        AtomicInteger twiceLent = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < rounds; i++) {
                    Piece p = lender.borrow();
                    if (!p.lent.compareAndSet(false, true)) twiceLent.incrementAndGet();
                    Thread.onSpinWait();
                    p.lent.set(false);
                    lender.giveBack(p);
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) w.join();
        assertEquals(0, twiceLent.get(), "no piece was lent to two borrowers at once");
        assertTrue(made.get() >= 1 && made.get() <= threads, "at most one piece per borrower at once: " + made.get());
        assertEquals(made.get(), lender.held().size(), "every piece made is held again once all gave back");
    }
}
