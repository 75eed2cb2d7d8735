package weaklink.experiment;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import weaklink.economics.policy.FirmChunks;

/**
 * The policies' loops over the firms when the funding runs on several threads ({@link PolicyFunding}):
 * a loop is cut into chunks of {@code chunkFirms} firms and posted; the thread that posted it takes
 * chunks one after another, and so does every funding thread whose policies are all handed out
 * ({@link #help}), until none is left; the poster then waits for the chunks the others are still
 * running. So the thread still funding the dearest policy (the planner) is helped once the others
 * have nothing else to do, and is not slowed while they do. Chunks are taken in order from a counter:
 * which thread runs which chunk varies from run to run, which firm is in which chunk does not, and
 * a body writes only its own firms' slots ({@link FirmChunks}).
 */
final class SharedFirmChunks implements FirmChunks {
    private final int chunkFirms;
    /** Guards {@link #posted} and {@link #unfinishedTasks}; helpers wait on it. */
    private final Object lock = new Object();
    private final ArrayDeque<Loop> posted = new ArrayDeque<>();
    private int unfinishedTasks;
    private final AtomicLong chunksHelped = new AtomicLong();

    /** Loops cut into chunks of {@code chunkFirms} firms; helpers return once {@code tasks} tasks have said they are done ({@link #taskDone}). */
    SharedFirmChunks(int chunkFirms, int tasks) {
        if (chunkFirms < 1) throw new IllegalArgumentException("chunkFirms " + chunkFirms);
        this.chunkFirms = chunkFirms;
        this.unfinishedTasks = tasks;
    }

    @Override
    public void forEach(int firms, Body body) {
        if (firms <= chunkFirms) {
            body.run(0, firms);
            return;
        }
        Loop loop = new Loop(firms, body);
        synchronized (lock) {
            posted.add(loop);
            lock.notifyAll();
        }
        loop.work();
        synchronized (lock) {
            posted.remove(loop);
        }
        loop.awaitFinished();
        loop.rethrow();
    }

    /** A task (a policy's funding) is done, whether it succeeded or not: when the last is, the helpers return. */
    void taskDone() {
        synchronized (lock) {
            unfinishedTasks--;
            lock.notifyAll();
        }
    }

    /**
     * An idle funding thread's work: chunks of the posted loops, until every task is done (or the thread is interrupted,
     * as when the funding failed and its pool is shut down).
     */
    void help() {
        while (true) {
            Loop loop;
            synchronized (lock) {
                while ((loop = withChunksLeft()) == null && unfinishedTasks > 0) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (loop == null) return;
            chunksHelped.addAndGet(loop.work());
        }
    }

    /** How many chunks threads other than their loop's poster ran: to show a test that the help was taken. */
    long chunksHelped() { return chunksHelped.get(); }

    private Loop withChunksLeft() {
        for (Loop l : posted) if (l.hasChunksLeft()) return l;
        return null;
    }

    /** One posted loop: its chunks, the next to take, how many have run, and what the lowest failed chunk threw. */
    private final class Loop {
        private final int firms, chunks;
        private final Body body;
        private final AtomicInteger next = new AtomicInteger();
        /** Guarded by this loop. */
        private int finished, failedChunk = Integer.MAX_VALUE;
        private Throwable failure;

        Loop(int firms, Body body) {
            this.firms = firms;
            this.body = body;
            this.chunks = (firms + chunkFirms - 1) / chunkFirms;
        }

        boolean hasChunksLeft() { return next.get() < chunks; }

        /** Takes and runs chunks until none is left; returns how many this thread ran. */
        int work() {
            int ran = 0;
            for (int c; (c = next.getAndIncrement()) < chunks; ran++) {
                Throwable thrown = null;
                try {
                    int from = c * chunkFirms;
                    body.run(from, Math.min(firms, from + chunkFirms));
                } catch (Throwable t) {
                    thrown = t;
                }
                synchronized (this) {
                    // the serial loop would have thrown the lowest firm's failure
                    if (thrown != null && c < failedChunk) {
                        failedChunk = c;
                        failure = thrown;
                    }
                    if (++finished == chunks) notifyAll();
                }
            }
            return ran;
        }

        /** Waits (through interrupts, which it passes on) until every chunk has run: nothing is written into the loop's slots after. */
        synchronized void awaitFinished() {
            boolean interrupted = false;
            while (finished < chunks) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }

        synchronized void rethrow() {
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            if (failure != null) throw new IllegalStateException(failure);
        }
    }
}
