package weaklink.model;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What the replicates of one run reuse rather than allocate again: the full pages of finished records
 * ({@link ReplicateRecord#recycle}), the mark arrays of targeted reconnaissance and the lateral movement's
 * day batches ({@link LateralMovement.Batch}). A run owns one (its
 * {@code RunContext}) and hands it to every model it makes, on whichever of its threads; each piece is
 * lent to one record or model at a time and given back when it is done, so there are as many as the run
 * had replicates at once, and they go with the run. (Held per thread instead, they lived as long as the
 * thread: on a pool that outlives runs, a Spark executor's task threads or one JVM's sweep points and
 * uncertainty draws, every thread kept the largest outbreak it had ever recorded.) The deques hand a
 * piece from the thread that gave it back to the one that borrows it with a happens-before edge; the
 * last one given back is lent first, so a thread mostly gets back what it used.
 */
public final class ModelWorkspaces {
    private final ConcurrentLinkedDeque<ReplicateRecord.PagePool> pages = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<ReplicateModel.ReconMarks> marks = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<LateralMovement.Batch> batches = new ConcurrentLinkedDeque<>();

    /** Workspaces for one run's models (empty: they fill as its records and models give back). */
    public ModelWorkspaces() {}

    /** A page pool for one record until it gives it back: one given back before, or a new, empty one. */
    ReplicateRecord.PagePool borrowPages() {
        ReplicateRecord.PagePool p = pages.pollFirst();
        return p != null ? p : new ReplicateRecord.PagePool();
    }

    void giveBack(ReplicateRecord.PagePool p) { pages.offerFirst(p); }

    /** A mark array for one model until it gives it back: one given back before, or a new one. */
    ReplicateModel.ReconMarks borrowMarks() {
        ReplicateModel.ReconMarks m = marks.pollFirst();
        return m != null ? m : new ReplicateModel.ReconMarks();
    }

    void giveBack(ReplicateModel.ReconMarks m) { marks.offerFirst(m); }

    /** A day batch for one model's day of propagation until it gives it back: one given back before, or a new one. */
    LateralMovement.Batch borrowBatch() {
        LateralMovement.Batch b = batches.pollFirst();
        return b != null ? b : new LateralMovement.Batch();
    }

    void giveBack(LateralMovement.Batch b) { batches.offerFirst(b); }

    /** The page pools, mark arrays and day batches held here (given back, not lent out), for tests. */
    java.util.List<Object> held() {
        java.util.List<Object> out = new java.util.ArrayList<>(pages);
        out.addAll(marks);
        out.addAll(batches);
        return out;
    }
}
