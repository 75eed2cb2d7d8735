package weaklink.stats;

/**
 * The indices a bootstrap resample draws with replacement from {@code n} observations: exactly the numbers
 * {@code new java.util.SplittableRandom(seed).nextInt(n)} gives, one after another, made here in one loop.
 * SplittableRandom's {@code nextInt(bound)} goes through {@code RandomGenerator}'s default method and
 * {@code RandomSupport.boundedNextInt}, which call back through the interface for every number; C1 (the README's
 * compiler) inlines none of it, and the summaries' bootstraps draw about three million numbers a policy on
 * 1,000 replicates (docs/BENCHMARKS.md, "Twelfth pass: the summaries' main thread").
 *
 * <p>The generator is SplitMix (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators",
 * OOPSLA) as OpenJDK 17 writes it: the seed advanced by the golden gamma {@code 0x9e3779b97f4a7c15}, each
 * value {@code mix32} of the new seed (Stafford's variant 4 of the MurmurHash3 finaliser, upper 32 bits); a
 * bound that is a power of two keeps the low bits, any other rejects {@code u = value >>> 1} while
 * {@code u + (n − 1) − u mod n} overflows (so every index is equally likely) and gives {@code u mod n}.
 * {@code BootstrapDrawsTest} holds it to the JDK's generator number for number.
 */
final class BootstrapDraws {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long seed;

    /** The draws of {@code new SplittableRandom(seed)}. */
    BootstrapDraws(long seed) { this.seed = seed; }

    /** Fills {@code into} with the next {@code into.length} indices in {@code [0, n)}, in the order they are drawn. */
    void indices(int[] into, int n) {
        if (n <= 0) throw new IllegalArgumentException("bound must be positive");
        long s = seed;
        int m = n - 1;
        boolean powerOfTwo = (n & m) == 0;
        for (int i = 0; i < into.length; i++) {
            int r = mix32(s += GOLDEN_GAMMA);
            if (powerOfTwo) {
                r &= m;
            } else {
                for (int u = r >>> 1; u + m - (r = u % n) < 0; u = mix32(s += GOLDEN_GAMMA) >>> 1) {
                    // rejected: u lies in the last, incomplete run of n values
                }
            }
            into[i] = r;
        }
        seed = s;
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
