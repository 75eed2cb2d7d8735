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
    void quotientsByMultiplicationAreThoseOfDivisionOverTheirWholeRange() {
        // floor(i * m / 2^k) never decreases with i: exact at both ends of every run of one quotient, it is exact in between
        for (long q = 0; q * 100 <= Integer.MAX_VALUE; q++) {
            int first = (int) (q * 100), last = (int) Math.min(Integer.MAX_VALUE, q * 100 + 99);
            if (CsvBytes.div100(first) != q || CsvBytes.div100(last) != q) throw new AssertionError("div100 at " + first + " or " + last);
        }
        for (int q = 0; q < 10_000; q++) {
            assertEquals(q, CsvBytes.div10000(q * 10_000), "div10000 at " + q * 10_000);
            assertEquals(q, CsvBytes.div10000(q * 10_000 + 9_999), "div10000 at " + (q * 10_000 + 9_999));
        }
    }

    @Test
    void wholeNumbersAroundEachPowerOfTenAndTheIntBoundaryAreWrittenAsLongToStringWritesThem() {
        CsvBytes b = new CsvBytes(16);
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of((long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE,
                Integer.MIN_VALUE - 1L));
        long p = 1;
        for (int k = 0; k <= 18; k++, p *= 10) {
            for (long d = -2; d <= 2; d++) {
                values.add(p + d);
                values.add(-(p + d));
            }
        }
        for (long v : values) {
            b.clear();
            assertEquals(Long.toString(v), b.integer(v).toString(), "v = " + v);
        }
    }

    @Test
    void amountsAroundWhereTheirDigitsAreSplitAreWrittenAsMoneyCells() {
        // the cents are written from an int up to Integer.MAX_VALUE, beyond it as the units above 10^6 and the last 8 digits
        CsvBytes b = new CsvBytes(16);
        long[] around = {0, 1, 99, 100, 101, 9_999, 10_000, 99_999_999, 100_000_000, 100_000_001, 100_000_100, 199_999_999, Integer.MAX_VALUE - 1L,
                Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 10_000_000_000L, 10_000_000_001L, 123_400_000_056L, 4_294_967_296L, 1_000_000_000_000_000L,
                999_999_999_999_999L};
        for (long c : around) {
            for (long d = -1; d <= 1; d++) {
                if (c + d < 0) continue;
                for (double x : new double[] {(c + d) / 100.0, -(c + d) / 100.0}) {
                    b.clear();
                    assertEquals(CsvFormat.MONEY.write(x), b.money(x).toString(), "x = " + x);
                }
            }
        }
        SplittableRandom rng = new SplittableRandom(37);
        for (int i = 0; i < 200_000; i++) {
            double x = (rng.nextLong(1L << 53) >> rng.nextInt(53)) / 100.0; // whole cents of every length up to 2^53
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

    @Test
    void encodedCellsOfAnyCharacterReadBackAsTheirText() {
        String policy = "\"補助金, 50 %\"";
        CsvBytes b = new CsvBytes(4).encoded(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8)).comma().integer(7).newline();
        assertEquals(policy + ",7\n", b.toString());
        assertEquals(1, b.lines());
    }
}
