package weaklink.io;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Working pieces (buffers, pages, index arrays) that calls reuse instead of allocating again: each piece
 * is lent to one call at a time and given back when the call is done, so there are as many as were in
 * use at once, and they live as long as their owner (a run, a model) rather than as long as a thread
 * (held per thread, they outlived runs on a pool that outlives them: a Spark executor's task threads,
 * one JVM's sweep points and uncertainty draws). Lending hands a piece from the thread that gave it back
 * to the one that borrows it with a happens-before edge (a concurrent deque); the last piece given back is
 * lent first, so a thread mostly gets back what it used and its caches still hold.
 *
 * @param <T> the piece; the borrower resets it (a lender does not know what "empty" means for it)
 */
public final class Lender<T> {
    private final ConcurrentLinkedDeque<T> held = new ConcurrentLinkedDeque<>();
    private final Supplier<? extends T> make;

    /** A lender holding nothing yet: {@code make} makes a new piece when none is held. */
    public Lender(Supplier<? extends T> make) { this.make = make; }

    /** A piece for one call until it is {@linkplain #giveBack given back}: the last one given back, or a new one. */
    public T borrow() {
        T piece = held.pollFirst();
        return piece != null ? piece : make.get();
    }

    /** Gives back a borrowed piece, which the borrower no longer touches; the next {@link #borrow} lends it first. */
    public void giveBack(T piece) { held.offerFirst(piece); }

    /** The pieces given back and not lent out again, for tests. */
    public List<T> held() { return List.copyOf(held); }
}
