package weaklink.random;

/**
 * Every seed of a run, derived from its master seed here and nowhere else, each named for what it
 * seeds. A run-wide draw (one that does not belong to a replicate) takes a negative replicate index
 * of its own in {@link RandomStreams#derive}, so no two uses share a seed and none collides with a
 * replicate's streams (replicates are numbered from 0):
 * <ul>
 *   <li>{@link #network()}: replicate −1, stream NETWORK: the generated network, shared by every
 *       replicate and policy;</li>
 *   <li>{@link #bootstrap()}: replicate −2, stream POLICY: the bootstrap of the summary's
 *       probability of being best;</li>
 *   <li>{@link #sweepDesign()}: replicate −3, stream POLICY: the Latin-hypercube design of a sweep;</li>
 *   <li>{@link #aepTailBootstrap()}, {@link #oepTailBootstrap()}: replicates −4, −5, stream POLICY: the
 *       bootstrap intervals of VaR and TVaR 99.5 % of the annual aggregate and of the largest event;</li>
 *   <li>{@link #bestPolicyBootstrap()}: replicate −6, stream POLICY: the paired bootstrap of each
 *       policy's probability of the lowest societal cost ({@link #bootstrap()} stays the paired
 *       difference's, as before);</li>
 *   <li>{@link #uncertaintyDraw(int)}: draw d, stream UNCERTAINTY: the master seed of uncertainty
 *       draw d when the network is drawn anew, and the uniforms of its uncertain parameters
 *       ({@link #uncertaintyParameter(int, int)});</li>
 *   <li>{@link #spofSample()}: replicate −7, stream NETWORK: the uniform sample of firms of the
 *       {@code spof} command's sustained-stop measure;</li>
 *   <li>{@link #policyDraws()}: replicate −8: the policies' run-wide keyed draws (e.g. which firms
 *       comply with a mandate out of duty), the same under every policy of the run;</li>
 *   <li>{@link #replicate(long)}: replicate r's streams (attacks, dwell, recovery, costs, ...),
 *       shared by every policy (common random numbers).</li>
 * </ul>
 * A new run-wide use takes the next free negative index; changing any of these moves result bytes.
 *
 * @param master the run's master seed (the scenario's {@code seed}, or {@code --seed})
 */
public record Seeds(long master) {
    private static final long NETWORK = -1, BOOTSTRAP = -2, SWEEP_DESIGN = -3, AEP_TAIL = -4, OEP_TAIL = -5, BEST_POLICY = -6, SPOF_SAMPLE = -7,
            POLICY_DRAWS = -8;

    /** The seed of the network generator. */
    public long network() { return RandomStreams.derive(master, NETWORK, RandomStreams.Stream.NETWORK); }

    /** The seed of the bootstrap resampling in the summaries. */
    public long bootstrap() { return RandomStreams.derive(master, BOOTSTRAP, RandomStreams.Stream.POLICY); }

    /** The seed of a sweep's Latin-hypercube design. */
    public long sweepDesign() { return RandomStreams.derive(master, SWEEP_DESIGN, RandomStreams.Stream.POLICY); }

    /** The seed of the bootstrap interval of the annual aggregate's VaR and TVaR 99.5 %. */
    public long aepTailBootstrap() { return RandomStreams.derive(master, AEP_TAIL, RandomStreams.Stream.POLICY); }

    /** The seed of the bootstrap interval of the largest event's VaR and TVaR 99.5 %. */
    public long oepTailBootstrap() { return RandomStreams.derive(master, OEP_TAIL, RandomStreams.Stream.POLICY); }

    /** The seed of the paired bootstrap of each policy's probability of being best. */
    public long bestPolicyBootstrap() { return RandomStreams.derive(master, BEST_POLICY, RandomStreams.Stream.POLICY); }

    /** The master seed of uncertainty draw {@code d} (from 0) when each draw has its own network and replicates. */
    public long uncertaintyDraw(int d) { return RandomStreams.derive(master, d, RandomStreams.Stream.UNCERTAINTY); }

    /** The uniform in [0, 1) that sets uncertain parameter {@code j} in draw {@code d}. */
    public double uncertaintyParameter(int d, int j) { return new RandomStreams(master, d).uniform(RandomStreams.Stream.UNCERTAINTY, j, 0); }

    /** The seed of the sample of firms that {@code spof} stops for good. */
    public long spofSample() { return RandomStreams.derive(master, SPOF_SAMPLE, RandomStreams.Stream.NETWORK); }

    /** The streams of the policies' run-wide keyed draws (use {@link RandomStreams#uniform} on stream POLICY). */
    public RandomStreams policyDraws() { return new RandomStreams(master, POLICY_DRAWS); }

    /** Replicate {@code r}'s random streams. */
    public RandomStreams replicate(long r) { return new RandomStreams(master, r); }
}
