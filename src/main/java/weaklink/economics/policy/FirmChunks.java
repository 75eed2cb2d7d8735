package weaklink.economics.policy;

/**
 * How a policy's loops over the firms run: on the calling thread, or cut into chunks of firms that
 * other threads may take while the calling thread takes the rest (in a run with several funding
 * threads, the threads whose policies are done help the one still funding: {@code PolicyFunding}).
 * A body reads only what was written before the loop and writes only its own firms' slots, so the
 * result cannot depend on how the firms are cut or which thread ran which chunk; every chunk has run,
 * and its writes are visible to the caller, when {@link #forEach} returns.
 */
@FunctionalInterface
public interface FirmChunks {
    /** A loop's body over the firms {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Body {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over the firms 0 to {@code firms} (exclusive), each firm in exactly one chunk; returns when every
     * chunk has run. What a chunk threw is thrown here (the first, if several threw).
     */
    void forEach(int firms, Body body);

    /** Every loop in one piece on the calling thread. */
    FirmChunks SERIAL = (firms, body) -> body.run(0, firms);
}
