package weaklink.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Working pieces (buffers, pages, index arrays) that calls reuse instead of allocating again: each piece
 * is lent to one call at a time and given back when the call is done, so there are as many as were in
 * use at once, and they live as long as their owner (a run, a model) rather than as long as a thread
 * (held per thread, they outlived runs on a pool that outlives them: a Spark executor's task threads,
 * one JVM's sweep points and uncertainty draws). The last piece given back is lent first, so a thread
 * mostly gets back what it used and its caches still hold.
 *
 * <p>The pieces held are a stack in an array behind the lender's lock, which also hands a piece from the
 * thread that gave it back to the one that borrows it with a happens-before edge. A replicate borrows and
 * gives back dozens of times (a batch every propagation step, an index every production cascade); a
 * concurrent deque allocated a node for every piece given back and took several compare-and-swaps on
 * nodes both workers touch, 2.2 % of the workers' CPU on japan-manufacturing at two threads
 * (docs/BENCHMARKS.md, "Fifteenth pass"); the lock takes one to enter and one to leave, and nothing is allocated.
 *
 * @param <T> the piece; the borrower resets it (a lender does not know what "empty" means for it)
 */
public final class Lender<T> {
    private final Supplier<? extends T> make;
    /** The pieces held, the last given back at {@code held[count - 1]}; guarded by {@code this}. */
    private Object[] held = new Object[4];
    private int count;

    /** A lender holding nothing yet: {@code make} makes a new piece when none is held. */
    public Lender(Supplier<? extends T> make) { this.make = make; }

    /** A piece for one call until it is {@linkplain #giveBack given back}: the last one given back, or a new one. */
    public T borrow() {
        T piece = pollLast();
        return piece != null ? piece : make.get();
    }

    @SuppressWarnings("unchecked")
    private synchronized T pollLast() {
        if (count == 0) return null;
        T piece = (T) held[--count];
        held[count] = null; // the lender holds only what it may lend again
        return piece;
    }

    /**
     * Gives back a borrowed piece, which the borrower no longer touches; the next {@link #borrow} lends it first.
     *
     * @throws NullPointerException when {@code piece} is null (a caller's slip: held, it would be lent as "none")
     */
    public synchronized void giveBack(T piece) {
        Objects.requireNonNull(piece, "a lender takes back only pieces it lent, not null");
        if (count == held.length) held = Arrays.copyOf(held, 2 * count);
        held[count++] = piece;
    }

    /** The pieces given back and not lent out again, the last given back first, for tests. */
    @SuppressWarnings("unchecked")
    public synchronized List<T> held() {
        List<T> out = new ArrayList<>(count);
        for (int k = count - 1; k >= 0; k--) out.add((T) held[k]);
        return List.copyOf(out);
    }
}
