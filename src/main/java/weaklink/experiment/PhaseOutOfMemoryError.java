package weaklink.experiment;

/**
 * Running out of memory, with the phase of the work it happened in ("building the network",
 * "computing the security funding of policy 'x'", "running the replicates" ...), so that the
 * command line can say what ran out and what to do instead of printing a stack trace.
 */
public final class PhaseOutOfMemoryError extends OutOfMemoryError {
    private static final long serialVersionUID = 1L;
    private final String phase;

    PhaseOutOfMemoryError(String phase, OutOfMemoryError cause) {
        super("out of memory while " + phase);
        this.phase = phase;
        initCause(cause);
    }

    /** What was being done, e.g. {@code building the network}. */
    public String phase() { return phase; }

    /** A piece of work that may throw {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work}; running out of memory in it becomes a {@link PhaseOutOfMemoryError} naming
     * {@code phase} (an inner phase's name is kept). The allocation that failed was the large one, so
     * the small error object can still be made; should even that fail, the original error goes on.
     */
    public static <T, E extends Exception> T during(String phase, Work<T, E> work) throws E {
        try {
            return work.run();
        } catch (PhaseOutOfMemoryError e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new PhaseOutOfMemoryError(phase, e);
        }
    }
}
