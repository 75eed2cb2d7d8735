package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cells made as bytes are those {@link CsvFormat#write} makes as strings, character for character, and the line ends are counted. */
class CsvBytesTest {
    @Test
    void wholeNumbersAreWrittenAsLongToStringWritesThem() {
        long[] fixed = {0, 1, -1, 9, 10, -10, 99, 100, 999_999_999, 1_000_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE, 999_999_999_999_999_999L,
                1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        CsvBytes b = new CsvBytes(16);
        for (long v : fixed) {
            b.clear();
            assertEquals(Long.toString(v), b.integer(v).toString(), "v = " + v);
        }
        SplittableRandom rng = new SplittableRandom(29);
        for (int i = 0; i < 100_000; i++) {
            long v = rng.nextLong() >> rng.nextInt(64);
            b.clear();
            assertEquals(Long.toString(v), b.integer(v).toString(), "v = " + v);
        }
    }

    @Test
    void amountsAreWrittenAsMoneyCellsAtEveryMagnitudeAndSign() {
        double[] fixed = {0, -0.0, 0.004, 0.005, 0.015, -0.004, -0.005, -0.006, 0.1, -0.1, 0.99, 1, -1, 99.995, 1e15 + 0.25, -8.99e16, 8.99e16,
                9.0e16, -9.0e16, 1e20, -1.2345678901234568e29, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        CsvBytes b = new CsvBytes(16);
        for (double x : fixed) {
            b.clear();
            assertEquals(CsvFormat.MONEY.write(x), b.money(x).toString(), "x = " + x);
        }
        SplittableRandom rng = new SplittableRandom(31);
        for (int i = 0; i < 200_000; i++) {
            double x = (rng.nextBoolean() ? -1 : 1) * Math.pow(10, rng.nextDouble(-4, 21)) * rng.nextDouble();
            b.clear();
            assertEquals(CsvFormat.MONEY.write(x), b.money(x).toString(), "x = " + x);
        }
    }

    @Test
    void rowsGatheredPastTheFirstCapacityKeepEveryByteAndCountTheirLineEnds() {
        CsvBytes b = new CsvBytes(16).ascii("a,b\n");
        StringBuilder expected = new StringBuilder("a,b\n");
        for (int i = 0; i < 10_000; i++) {
            b.integer(i).comma().money(i * 0.37).comma().raw(new byte[] {'x', 'y'}).newline();
            expected.append(i).append(',').append(Csv.money(i * 0.37)).append(",xy\n");
        }
        assertEquals(expected.toString(), b.toString());
        assertEquals(10_001, b.lines());
        b.clear();
        assertEquals(0, b.size());
        assertEquals(0, b.lines());
    }
}
