package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link BootstrapDraws} gives the numbers {@code SplittableRandom.nextInt(n)} gives, number for number. */
class BootstrapDrawsTest {
    /** Bounds of every kind: 1, powers of two, small and large others, and bounds near 2^31 where most values are rejected. */
    static final int[] BOUNDS = {1, 2, 3, 7, 64, 100, 200, 1_000, 1_001, 1 << 20, 1_000_003, (1 << 30) + 1, 1_500_000_000, Integer.MAX_VALUE};

    @Test
    void everyIndexIsTheOneSplittableRandomDraws() {
        SplittableRandom seeds = new SplittableRandom(2026);
        for (int trial = 0; trial < 200; trial++) {
            long seed = trial < 3 ? new long[] {0, -1, Long.MIN_VALUE}[trial] : seeds.nextLong();
            for (int n : BOUNDS) {
                SplittableRandom jdk = new SplittableRandom(seed);
                BootstrapDraws ours = new BootstrapDraws(seed);
                for (int round = 0; round < 3; round++) { // the generator carries on from one fill to the next
                    int[] expected = new int[257], got = new int[257];
                    for (int i = 0; i < expected.length; i++) expected[i] = jdk.nextInt(n);
                    ours.indices(got, n);
                    assertArrayEquals(expected, got, "seed " + seed + ", n " + n + ", round " + round);
                }
            }
        }
    }

    @Test
    void aBoundThatIsNotPositiveIsRefusedAsSplittableRandomRefusesIt() {
        assertThrows(IllegalArgumentException.class, () -> new SplittableRandom(1).nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> new BootstrapDraws(1).indices(new int[3], 0));
    }
}
