package weaklink.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * The replicates handed to the workers and not yet written, in replicate order. The workers are kept
 * {@link Runner#AHEAD_PER_THREAD} replicates per thread ahead; while the next one to write is still running, the
 * others finish and wait here (at most {@link Runner#WINDOW_PER_THREAD} per thread, and none handed out while those
 * waiting hold more than {@code maxBytes} bytes of rows), so one long replicate does not leave the other workers idle.
 *
 * @param <R> a replicate's result
 */
final class ReplicateWindow<R> {
    /** Computes replicate {@code index}; {@code hold} is whether it keeps its event rows as numbers ({@link HeldEvents}). */
    interface Task<R> {
        R run(int index, boolean hold);
    }

    /**
     * The longest {@link #take} waits before it looks again (no wake is lost, so this only bounds the damage of a
     * mistake). It was 5 ms; four japan-manufacturing replicates on one thread take longer than that, so with
     * {@link #WAKE_AFTER} the timer would wake the thread more often than the replicates do.
     */
    private static final long REFILL_MILLIS = 20;
    /**
     * How many replicates finish before {@link #take} is woken again: not each one, as before, but every fourth, so
     * the main thread wakes about once per four replicates and has about four to write when it does, while the
     * workers still have {@code AHEAD_PER_THREAD - WAKE_AFTER} or more each handed out. Each wake is a futex call on
     * both sides, dear on these VMs: on 1,000 replicates of japan-manufacturing the main thread woke about 1,000
     * times before and about 240 times after (docs/BENCHMARKS.md, "Eighteenth pass").
     */
    static final int WAKE_AFTER = Runner.AHEAD_PER_THREAD / 2;

    /** A permit when the replicate {@link #wakeOn} names finishes (or one named before it): what {@link #take} waits on. */
    private final Semaphore finished = new Semaphore(0);
    /** The replicate whose finishing releases {@link #finished}; set by {@link #take} before it waits. */
    private volatile int wakeOn = -1;
    private final ArrayDeque<Replicate> queue = new ArrayDeque<>();
    private final Task<R> task;
    private final ToLongFunction<R> rowBytes;
    private final BooleanSupplier holding;
    private final ExecutorService pool;
    private final int end, threads, maxSize;
    private final long maxBytes;
    private int next;

    /**
     * @param rowBytes bytes of rows a finished result holds (what {@code maxBytes} bounds)
     * @param holding  whether a replicate handed out now keeps its event rows as numbers
     */
    ReplicateWindow(Task<R> task, ToLongFunction<R> rowBytes, ExecutorService pool, int next, int end, int threads, long maxBytes,
            BooleanSupplier holding) {
        this.task = task;
        this.rowBytes = rowBytes;
        this.holding = holding;
        this.pool = pool;
        this.next = next;
        this.end = end;
        this.threads = threads;
        this.maxSize = threads * Runner.WINDOW_PER_THREAD;
        this.maxBytes = maxBytes;
    }

    boolean hasMore() { return next < end || !queue.isEmpty(); }

    /** A replicate handed out, which releases {@link #finished} when it finishes if it is the one {@link #take} waits on. */
    private final class Replicate extends FutureTask<R> {
        final int index;

        Replicate(int index, boolean hold) {
            super(() -> task.run(index, hold));
            this.index = index;
        }

        @Override protected void done() {
            if (wakeOn == index) finished.release();
        }
    }

    /**
     * The next replicate in order, handing out more while it runs: each time {@link #WAKE_AFTER} more have finished
     * (or every {@link #REFILL_MILLIS} at the latest). The wait is on {@link #finished}, not on the head's {@code get}
     * with a timeout, whose {@code TimeoutException} (a stack trace filled in every 5 ms) was about a tenth of this
     * thread's CPU while the replicates ran (docs/BENCHMARKS.md, "Eleventh pass"). No wake is lost: this thread names
     * the replicate in {@link #wakeOn} before it looks whether it has finished, and a worker sets a replicate finished
     * before it reads {@link #wakeOn} (both volatile).
     *
     * @throws IOException when interrupted, or the replicate's own failure as {@link Runner} reports it
     */
    R take() throws IOException {
        Replicate head;
        while (true) {
            finished.drainPermits(); // a permit from here on is for the wait below
            refill();
            head = queue.peek();
            if (head.isDone()) break;
            Replicate awaited = awaited(head);
            wakeOn = awaited.index;
            if (awaited.isDone()) continue;
            try {
                finished.tryAcquire(REFILL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return await(head); // reports the interruption as await does
            }
        }
        queue.poll();
        return await(head); // its result, or its failure rethrown as await does
    }

    /**
     * The {@link #WAKE_AFTER}-th replicate in line that has not finished (the last unfinished, when fewer have not):
     * so the wait ends once that many more have finished, also while a long replicate at the head holds the others
     * back, and those finished make room for as many to be handed out. The head, when every replicate in line has
     * finished since {@link #take} looked at it (so the caller finds it finished and takes it).
     */
    private Replicate awaited(Replicate head) {
        Replicate last = head;
        int running = 0;
        for (Replicate r : queue) {
            if (r.isDone()) continue;
            last = r;
            if (++running == WAKE_AFTER) break;
        }
        return last;
    }

    private void refill() {
        int running = 0;
        long waiting = 0;
        for (Replicate f : queue) {
            if (!f.isDone()) running++;
            else waiting += finishedBytes(f);
        }
        while (next < end && queue.size() < maxSize && running < Runner.AHEAD_PER_THREAD * threads && waiting <= maxBytes) {
            Replicate r = new Replicate(next++, holding.getAsBoolean());
            pool.execute(r);
            queue.add(r);
            running++;
        }
    }

    /** Bytes of rows a finished replicate holds (none for a failed one: it is thrown when its turn comes). */
    private long finishedBytes(Replicate f) {
        try {
            return f.isCancelled() ? 0 : rowBytes.applyAsLong(f.get());
        } catch (ExecutionException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static <T> T await(FutureTask<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof OutOfMemoryError oom && !(c instanceof PhaseOutOfMemoryError)) throw new PhaseOutOfMemoryError("running the replicates", oom);
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
