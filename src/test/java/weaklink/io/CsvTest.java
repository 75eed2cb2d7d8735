package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void textCellsThatLookLikeFormulasAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.text("+1"));
        assertEquals("'-2", Csv.text("-2"));
        assertEquals("'@SUM(A1)", Csv.text("@SUM(A1)"));
        assertEquals("plain", Csv.text("plain"));
    }

    @Test
    void aCellStartingWithTheGuardItselfIsGuardedSoTheReaderRemovesExactlyOne() {
        assertEquals("''quoted", Csv.text("'quoted"));
        assertEquals("''=x", Csv.text("'=x"));
        assertEquals(List.of("'quoted", "'=x", "=x", "it's"), Csv.split(String.join(",", Csv.text("'quoted"), Csv.text("'=x"), Csv.text("=x"), Csv.text("it's"))));
    }

    @Test
    void textWithSeparatorsIsQuotedAndSplitsBack() {
        String cell = Csv.text("Kojima, \"Tier 1\"");
        assertEquals("\"Kojima, \"\"Tier 1\"\"\"", cell);
        assertEquals(List.of("a", "Kojima, \"Tier 1\"", "b"), Csv.split("a," + cell + ",b"));
    }

    @Test
    void moneyIsFixedPointWithTwoDecimalsWhateverTheMagnitude() {
        assertEquals("1234567890123.46", Csv.money(1234567890123.456));
        assertEquals("0.00", Csv.money(0));
        assertEquals("-3.50", Csv.money(-3.5));
        assertEquals("", Csv.money(Double.NaN));
    }

    @Test
    void moneyTooLargeForWholeCentsInALongIsPrintedExactlyNotClamped() {
        // was 92233720368547758.07 (Long.MAX_VALUE cents) for every amount above it
        assertEquals("100000000000000000000.00", Csv.money(1e20));
        assertEquals("-123456789012345677877719597056.00", Csv.money(-1.2345678901234568e29));
        assertEquals(1e20, Double.parseDouble(Csv.money(1e20)));
    }

    @Test
    void numbersHaveNoExponentAndNineSignificantDigits() {
        assertEquals("0.000012345", Csv.number(1.2345e-5));
        assertEquals("42", Csv.number(42));
        assertEquals("0.333333333", Csv.number(1.0 / 3));
    }

    /**
     * Number cells are remembered per value: values that come back (in turns of 3 to 200, so that many share slots)
     * and 10,000 values seen once (which fill every slot, so later values take others' places) are each written as
     * BigDecimal writes them, also while two threads write the same values at once.
     */
    @Test
    void rememberedNumbersAreTheCellsOfTheirOwnValue() throws Exception {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) values[i] = Math.pow(10, rng.nextDouble(-6, 12)) * rng.nextDouble() * (rng.nextBoolean() ? -1 : 1);
        java.util.concurrent.Callable<Integer> writeAll = () -> {
            int checked = 0;
            for (int turn : new int[] {3, 8, 24, 10_000, 24, 64, 65, 200}) {
                for (int i = 0; i < 10_000; i++) {
                    double x = values[i % turn];
                    assertEquals(bigDecimalCell(x), Csv.number(x), "x = " + x);
                    checked++;
                }
            }
            return checked;
        };
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = two.submit(writeAll);
            var b = two.submit(writeAll);
            assertEquals(2 * 8 * 10_000, a.get() + b.get());
        } finally {
            two.shutdownNow();
        }
        for (double x : new double[] {0.5, -0.5, 1e-300, 123456789.5, 0.1 + 0.2}) {
            assertEquals(bigDecimalCell(x), Csv.number(x));
        }
    }

    /** {@link Csv#number}'s cell of {@code x} as it was written before any memo: through {@code BigDecimal}, every time. */
    private static String bigDecimalCell(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }

    /** Money cells are the digits of the amount in whole cents as BigDecimal writes them, at every magnitude and sign. */
    @Test
    void moneyWritesTheCentsAsBigDecimalDoes() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        double[] fixed = {0, -0.0, 0.004, 0.005, 0.015, -0.004, -0.005, -0.006, 0.1, -0.1, 0.99, 1, -1, 99.995, 1e15 + 0.25, -8.99e16, 8.99e16};
        for (double x : fixed) assertEquals(java.math.BigDecimal.valueOf(Math.round(x * 100.0), 2).toPlainString(), Csv.money(x), "x = " + x);
        for (int i = 0; i < 200_000; i++) {
            double x = (rng.nextBoolean() ? -1 : 1) * Math.pow(10, rng.nextDouble(-4, 16.9)) * rng.nextDouble();
            assertEquals(java.math.BigDecimal.valueOf(Math.round(x * 100.0), 2).toPlainString(), Csv.money(x), "x = " + x);
        }
    }

    @net.jqwik.api.Property(tries = 1000, seed = "27")
    void aLineWithoutQuotesOrApostrophesSplitsAtEveryComma(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.StringLength(max = 12) @net.jqwik.api.constraints.Chars({'a', '=', '-', ',', ' ', '1'}) String line) {
        assertEquals(List.of(line.split(",", -1)), Csv.split(line));
    }
}
