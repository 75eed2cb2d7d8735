package weaklink.random;

import ec.util.MersenneTwisterFast;

/**
 * The replicate's randomness: independent streams per process, each seeded from
 * (master seed, replicate, stream), and keyed draws for per-entity decisions.
 *
 * <p>Keyed draws ({@link #uniform(Stream, long, long)}) are a counter-based generator: the
 * uniform for (stream, key1, key2) is a hash of those and the stream's seed (SplitMix64 finaliser,
 * Steele, Lea &amp; Flood 2014), so the draw that decides whether campaign c's movement over trust
 * link e succeeds is the same under every policy, whatever else happened before it. This is what
 * makes policy comparisons paired (common random numbers, DESIGN §2) and results independent of
 * thread count and shard layout.
 */
public final class RandomStreams {
    /** The processes that draw random numbers; each has its own stream. Append only: ordinals are part of the seed. */
    public enum Stream {
        NETWORK, ARRIVALS, ATTEMPTS, SUCCESS, DWELL, LATERAL, RECOVERY, INCIDENT_COST, RANSOM, TARGETING, INSURANCE, POLICY, UNCERTAINTY
    }

    /** 2^64 / φ, the multiplier that spreads the first key before the second is added. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long master;
    private final long replicate;
    private final long[] streamSeeds = new long[Stream.values().length];

    public RandomStreams(long masterSeed, long replicate) {
        this.master = masterSeed;
        this.replicate = replicate;
        for (Stream s : Stream.values()) streamSeeds[s.ordinal()] = derive(masterSeed, replicate, s);
    }

    public long masterSeed() { return master; }
    public long replicate() { return replicate; }

    /** The seed of a stream, for a sequential generator ({@code new MersenneTwisterFast(seed(s))}). */
    public long seed(Stream s) { return streamSeeds[s.ordinal()]; }

    /** The seed of one sequential generator per {@code key} within a stream (an actor's arrivals, a campaign's attempts; {@link #generator}). */
    public long seed(Stream s, long key) { return mix(streamSeeds[s.ordinal()] + key); }

    /**
     * A seed for (master, replicate, stream). Negative replicates are run-wide draws, each named in
     * {@link Seeds}: the one place outside this class that derives seeds.
     */
    static long derive(long masterSeed, long replicate, Stream stream) {
        long h = mix(masterSeed ^ 0x5DEECE66DL);
        h = mix(h ^ replicate * GOLDEN);
        return mix(h ^ (stream.ordinal() + 1) * 0xBF58476D1CE4E5B9L);
    }

    /** A uniform in [0, 1) determined by (stream, key1, key2). */
    public double uniform(Stream s, long key1, long key2) {
        return keyedUniform(streamSeeds[s.ordinal()], key1 * GOLDEN + key2);
    }

    /** The keyed draw: a uniform in [0, 1) from the top 53 bits of {@code mix(seed ^ mix(key))}. */
    private static double keyedUniform(long seed, long key) {
        return (mix(seed ^ mix(key)) >>> 11) * 0x1.0p-53;
    }

    /** The keyed draws of one stream, for a loop over many {@code key2} of one {@code key1}. */
    public Keyed keyed(Stream s) { return new Keyed(streamSeeds[s.ordinal()]); }

    /**
     * The draws {@link #uniform(Stream, long, long)} of one stream, with the part that depends on
     * {@code key1} computed once: {@code uniform(key(key1), key2) == uniform(s, key1, key2)}.
     */
    public static final class Keyed {
        private final long seed;
        private Keyed(long seed) { this.seed = seed; }

        /** The part of the hash that depends on {@code key1}. */
        public long key(long key1) { return key1 * GOLDEN; }

        /** The uniform for ({@code key1}, {@code key2}), given {@code key(key1)}. */
        public double uniform(long key, long key2) { return keyedUniform(seed, key + key2); }
    }

    /**
     * The positions {@code i} of {@code keys}, ascending, whose draw {@code uniform(s, key1, keys[i])}
     * is below {@code bound}, and possibly some others (a superset: the caller tests each draw itself).
     * Every policy of a replicate runs on the same streams, so a mass exploit's campaign asks this of
     * the same firms with the same keys once per policy: the draws are hashed once per replicate and the
     * positions below a threshold of at least {@code bound} kept (twice the largest bound asked so far), so
     * later askers walk a few candidates instead of hashing every firm again. {@code keys} is compared by
     * identity (the same array each time); a bound that is not a number gives every position.
     */
    public synchronized int[] candidatesBelow(Stream s, long key1, int[] keys, double bound) {
        if (Double.isNaN(bound)) bound = Double.POSITIVE_INFINITY;
        if (candidates == null) candidates = new java.util.HashMap<>();
        CandidateKey k = new CandidateKey(s, key1, keys);
        Candidates c = candidates.get(k);
        if (c == null || !(bound <= c.threshold)) {
            double threshold = Math.max(bound * 2, c == null ? 0 : c.threshold);
            candidates.put(k, c = new Candidates(threshold, below(streamSeeds[s.ordinal()], key1 * GOLDEN, keys, threshold)));
        }
        return c.positions;
    }

    /** The positions of {@code keys} whose keyed draw (seed, {@code key} + keys[i]) is below {@code threshold}, ascending. */
    private static int[] below(long seed, long key, int[] keys, double threshold) {
        int[] out = new int[16];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keyedUniform(seed, key + keys[i]) < threshold) {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The memo of {@link #candidatesBelow}: one entry per (stream, key1, keys array). */
    private java.util.Map<CandidateKey, Candidates> candidates;

    /** A memo key; the record's {@code equals} compares the array by identity. */
    private record CandidateKey(Stream s, long key1, int[] keys) {}

    private record Candidates(double threshold, int[] positions) {}

    /**
     * A new sequential generator for ({@code s}, {@code key}), in the state of {@code new MersenneTwisterFast(seed(s, key))}.
     * Every policy of a replicate asks for the same ones (an actor's arrivals, a campaign's attempts), so each is seeded
     * once per replicate (624 words from the seed) and the askers after the first get a copy of it as it was seeded.
     */
    public synchronized MersenneTwisterFast generator(Stream s, long key) {
        if (generators == null) generators = new java.util.HashMap<>();
        GeneratorKey k = new GeneratorKey(s, key);
        MersenneTwisterFast seeded = generators.get(k);
        if (seeded == null) generators.put(k, seeded = new MersenneTwisterFast(seed(s, key)));
        return (MersenneTwisterFast) seeded.clone();
    }

    /** The generators of {@link #generator} as seeded, never drawn from: one per (stream, key) asked. */
    private java.util.Map<GeneratorKey, MersenneTwisterFast> generators;

    private record GeneratorKey(Stream s, long key) {}

    /**
     * The positions {@code 0 … n−1}, ascending, that a walk of geometric skips visits: from −1, each skip is
     * {@link Samplers#firstSuccessDay}{@code (u, q)} of the next uniform {@code u} of {@link #generator}{@code (s, key)}
     * (a skip of 1, drawing nothing, when {@code q ≥ 1}), until the walk passes {@code n − 1}. These are the firms a
     * campaign attempting each of {@code n} firms with probability {@code q} attempts. Every policy of a replicate
     * runs on the same streams, and a campaign that does not adapt to postures walks the same firms under each, so
     * the walk is drawn once per replicate, kept per ({@code s, key, n, q}), and the same array given to every
     * asker, who must not change it.
     */
    public synchronized int[] geometricWalk(Stream s, long key, int n, double q) {
        if (walks == null) walks = new java.util.HashMap<>();
        WalkKey k = new WalkKey(s, key, n, q);
        int[] walk = walks.get(k);
        if (walk == null) walks.put(k, walk = drawWalk(generator(s, key), n, q));
        return walk;
    }

    private static int[] drawWalk(MersenneTwisterFast rng, int n, double q) {
        int[] out = new int[16];
        int m = 0;
        for (int i = -1; ; ) {
            i += q >= 1 ? 1 : Samplers.firstSuccessDay(rng.nextDouble(), q);
            if (i >= n) break;
            if (m == out.length) out = java.util.Arrays.copyOf(out, 2 * m);
            out[m++] = i;
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /** The walks of {@link #geometricWalk}, one per (stream, key, positions, probability) asked. */
    private java.util.Map<WalkKey, int[]> walks;

    private record WalkKey(Stream s, long key, int n, double q) {}

    /** A uniform in [0, 1) determined by (stream, key1, key2, key3). */
    public double uniform(Stream s, long key1, long key2, long key3) {
        return keyedUniform(streamSeeds[s.ordinal()], mix(key1 * GOLDEN + key2) + key3);
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
