package weaklink.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;
import weaklink.random.RandomStreams.Stream;

class RandomStreamsTest {
    @Test
    void aStreamsKeyedDrawsAreItsUniformsWithTheFirstKeyHoisted() {
        RandomStreams streams = new RandomStreams(20261126, 7);
        RandomStreams.Keyed lateral = streams.keyed(Stream.LATERAL);
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        for (int i = 0; i < 10_000; i++) {
            long key1 = rng.nextInt(1000), key2 = rng.nextLong();
            assertEquals(streams.uniform(Stream.LATERAL, key1, key2), lateral.uniform(lateral.key(key1), key2));
        }
        assertNotEquals(streams.uniform(Stream.DWELL, 1, 2), lateral.uniform(lateral.key(1), 2), "another stream draws otherwise");
    }

    @Test
    void theCandidatesBelowABoundHoldEveryPositionWhoseDrawIsBelowItInOrderWhateverWasAskedBefore() {
        RandomStreams streams = new RandomStreams(20261130, 4);
        MersenneTwisterFast rng = new MersenneTwisterFast(8);
        int[] firms = new int[5000];
        for (int i = 0; i < firms.length; i++) firms[i] = rng.nextInt(1_000_000);
        // rising and falling bounds, so the remembered positions are both reused and recomputed; NaN asks for every position
        double[] bounds = {0.001, 0.0005, 0.01, 0.003, 0, 0.2, 1, 0.02, Double.NaN, 0.001};
        for (int campaign = 0; campaign < 3; campaign++) {
            for (int b = 0; b < bounds.length; b++) {
                double bound = bounds[b];
                int[] got = streams.candidatesBelow(Stream.ATTEMPTS, campaign, firms, bound);
                for (int k = 1; k < got.length; k++) assertTrue(got[k - 1] < got[k], "ascending positions");
                java.util.Set<Integer> had = new java.util.HashSet<>();
                for (int i : got) had.add(i);
                int below = 0;
                for (int i = 0; i < firms.length; i++) {
                    if (Double.isNaN(bound) || streams.uniform(Stream.ATTEMPTS, campaign, firms[i]) < bound) {
                        below++;
                        assertTrue(had.contains(i), "position " + i + " below " + bound);
                    }
                }
                // before any larger bound was asked, the positions kept are those below twice the largest bound so far
                if (b < 2) assertTrue(got.length < 3 * below + 30, "a few candidates, not every firm: " + got.length + " for " + below);
            }
        }
    }

    @Test
    void aGeometricWalkVisitsTheFirmsTheOpportunisticLoopAttemptedWithANewlySeededGenerator() {
        RandomStreams streams = new RandomStreams(20261201, 9);
        int firms = 5_000;
        for (double q : new double[] {1e-4, 0.003, 0.2, 0.97, 1.0, 1.5}) {
            for (long campaign = 0; campaign < 12; campaign++) {
                // the campaign's loop as it was before the walk was kept: skips from a generator seeded for (ATTEMPTS, campaign)
                MersenneTwisterFast rng = new MersenneTwisterFast(streams.seed(Stream.ATTEMPTS, campaign));
                java.util.List<Integer> attempted = new java.util.ArrayList<>();
                for (int firm = -1; ; ) {
                    firm += q >= 1 ? 1 : Samplers.firstSuccessDay(rng.nextDouble(), q);
                    if (firm >= firms) break;
                    attempted.add(firm);
                }
                int[] walk = streams.geometricWalk(Stream.ATTEMPTS, campaign, firms, q);
                assertEquals(attempted, java.util.Arrays.stream(walk).boxed().toList(), "q " + q + ", campaign " + campaign);
                assertSame(walk, streams.geometricWalk(Stream.ATTEMPTS, campaign, firms, q), "drawn once, given to every asker");
                MersenneTwisterFast after = streams.generator(Stream.ATTEMPTS, campaign), fresh = new MersenneTwisterFast(streams.seed(Stream.ATTEMPTS, campaign));
                assertEquals(fresh.nextLong(), after.nextLong(), "the walk drew from a copy: the generator is still as seeded");
            }
        }
    }

    @Test
    void everyGeneratorOfAStreamAndKeyDrawsAsOneNewlySeededFromItsSeedWhateverWasDrawnFromTheOthers() {
        RandomStreams streams = new RandomStreams(20261201, 3);
        for (Stream s : new Stream[] {Stream.ARRIVALS, Stream.ATTEMPTS}) {
            for (long key = 0; key < 40; key++) {
                MersenneTwisterFast first = streams.generator(s, key);
                assertTrue(first.stateEquals(new MersenneTwisterFast(streams.seed(s, key))), s + " " + key);
                for (int i = 0; i < 2_000; i++) first.nextDouble(); // a policy's use, two twists of the state
                MersenneTwisterFast again = streams.generator(s, key), fresh = new MersenneTwisterFast(streams.seed(s, key));
                for (int i = 0; i < 2_000; i++) assertEquals(fresh.nextLong(), again.nextLong(), s + " " + key + " draw " + i);
            }
        }
        assertTrue(!streams.generator(Stream.ATTEMPTS, 5).stateEquals(streams.generator(Stream.ARRIVALS, 5)), "another stream seeds otherwise");
    }
}
