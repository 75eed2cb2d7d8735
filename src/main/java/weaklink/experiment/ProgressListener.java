package weaklink.experiment;

/** Told how far a run has come; the CLI shows it as a bar or as plain lines. */
public interface ProgressListener {
    /** {@code done} of {@code total} replicates of this shard are complete. */
    void progress(long done, long total);

    /** The run's last replicate is complete. */
    default void finished(long total) {}

    /** A phase of the run has ended (network, a policy's funding, the replicates); for {@code run --timings}. */
    default void phase(PhaseTimer.Phase phase) {}

    ProgressListener SILENT = (done, total) -> { };
}
