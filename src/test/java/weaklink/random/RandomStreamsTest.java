package weaklink.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
