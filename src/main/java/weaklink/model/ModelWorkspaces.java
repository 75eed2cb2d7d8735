package weaklink.model;

import weaklink.io.Lender;

/**
 * What the replicates of one run reuse rather than allocate again: the full pages of finished records
 * ({@link ReplicateRecord#recycle}) and their by-firm sort's arrays, the mark arrays of targeted reconnaissance, the
 * lateral movement's day batches ({@link LateralMovement.Batch}) and the day arrays of pending compromises
 * ({@link EventQueue}). A run owns one (its
 * {@code RunContext}) and hands it to every model it makes, on whichever of its threads; each piece is
 * lent to one record or model at a time and given back when it is done, so there are as many as the run
 * had replicates at once, and they go with the run ({@link Lender}; held per thread instead, every thread of
 * a pool that outlives runs kept the largest outbreak it had ever recorded).
 */
public final class ModelWorkspaces {
    private final Lender<ReplicateRecord.PagePool> pages = new Lender<>(ReplicateRecord.PagePool::new);
    private final Lender<ReplicateModel.ReconMarks> marks = new Lender<>(ReplicateModel.ReconMarks::new);
    private final Lender<LateralMovement.Batch> batches = new Lender<>(LateralMovement.Batch::new);
    private final Lender<IntArrayPool> dayArrays = new Lender<>(IntArrayPool::new);

    /** Workspaces for one run's models (empty: they fill as its records and models give back). */
    public ModelWorkspaces() {}

    /** A page pool for one record until it gives it back: one given back before, or a new, empty one. */
    ReplicateRecord.PagePool borrowPages() { return pages.borrow(); }

    void giveBack(ReplicateRecord.PagePool p) { pages.giveBack(p); }

    /** A mark array for one model until it gives it back: one given back before, or a new one. */
    ReplicateModel.ReconMarks borrowMarks() { return marks.borrow(); }

    void giveBack(ReplicateModel.ReconMarks m) { marks.giveBack(m); }

    /** A day batch for one model's day of propagation until it gives it back: one given back before, or a new one. */
    LateralMovement.Batch borrowBatch() { return batches.borrow(); }

    void giveBack(LateralMovement.Batch b) { batches.giveBack(b); }

    /** The day arrays of one model's pending compromises ({@link EventQueue}) for one run of it: given back before, or new. */
    IntArrayPool borrowDayArrays() { return dayArrays.borrow(); }

    void giveBack(IntArrayPool p) { dayArrays.giveBack(p); }

    /** The page pools, mark arrays, day batches and day-array pools held here (given back, not lent out), for tests. */
    java.util.List<Object> held() {
        java.util.List<Object> out = new java.util.ArrayList<>(pages.held());
        out.addAll(marks.held());
        out.addAll(batches.held());
        out.addAll(dayArrays.held());
        return out;
    }
}
