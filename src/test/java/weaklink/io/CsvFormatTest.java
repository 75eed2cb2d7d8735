package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Each numeric format's reader is the exact inverse of its writer: what is read back writes the same cell. */
class CsvFormatTest {
    @Property(tries = 500, seed = "18")
    void moneyReadsBackToTheSameCell(@ForAll @DoubleRange(min = -1e15, max = 1e15) double x) {
        String cell = CsvFormat.MONEY.write(x);
        assertEquals(cell, CsvFormat.MONEY.write(CsvFormat.MONEY.read(cell)));
    }

    @Property(tries = 500, seed = "18")
    void numbersReadBackToTheSameCell(@ForAll @DoubleRange(min = -1e9, max = 1e9) double x) {
        String cell = CsvFormat.NUMBER.write(x);
        assertEquals(cell, CsvFormat.NUMBER.write(CsvFormat.NUMBER.read(cell)));
    }

    @Property(tries = 2000, seed = "25")
    void aPlainDecimalIsWhatTheRegularExpressionSays(@ForAll @StringLength(max = 7) @Chars({'-', '.', '0', '1', '9', 'e', '+', ' '}) String cell) {
        assertEquals(cell.matches("-?\\d+(\\.\\d+)?"), CsvFormat.plainDecimal(cell), cell);
    }

    @Property(tries = 5000, seed = "26")
    void aShortDecimalIsReadAsParseDoubleReadsIt(@ForAll @StringLength(min = 1, max = 15) @Chars({'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}) String digits,
                                                 @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 15) int point, @ForAll boolean negative) {
        int at = Math.min(point, digits.length() - 1);
        String cell = (negative ? "-" : "") + (at == 0 ? digits : digits.substring(0, digits.length() - at) + "." + digits.substring(digits.length() - at));
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)), Double.doubleToRawLongBits(CsvFormat.shortDecimal(cell)), cell);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)), Double.doubleToRawLongBits(CsvFormat.MONEY.read(cell)), cell);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)), Double.doubleToRawLongBits(shortDecimalAmongOtherBytes(cell)), cell);
    }

    /** The byte form read from the middle of a buffer, between cells of other digits, so reading past either end would show. */
    private static double shortDecimalAmongOtherBytes(String cell) {
        byte[] buf = ("12," + cell + ",34").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return CsvFormat.shortDecimal(buf, 3, 3 + cell.length());
    }

    @Test
    void cellsTooLongOrNotPlainAreLeftToTheFullReader() {
        for (String cell : new String[] {"1234567890123456", "0.0000000000000001", "", "-", ".5", "5.", "1e5", "1.2.3", "+1", " 1", "--1"}) {
            assertEquals(Double.NaN, CsvFormat.shortDecimal(cell), cell);
            assertEquals(Double.NaN, shortDecimalAmongOtherBytes(cell), cell);
        }
        assertEquals(1234567890123456.0, CsvFormat.MONEY.read("1234567890123456"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(CsvFormat.MONEY.read("-0.00")));
        assertThrows(NumberFormatException.class, () -> CsvFormat.MONEY.read("5."));
    }

    @Property(tries = 2000, seed = "25")
    void centsAreWrittenAsBigDecimalWritesThem(@ForAll long c) {
        org.junit.jupiter.api.Assumptions.assumeTrue(c != Long.MIN_VALUE);
        assertEquals(java.math.BigDecimal.valueOf(c, 2).toPlainString(), Csv.cents(c));
    }

    @Test
    void centsNearZeroAndTheWholeUnits() {
        for (long c : new long[] {0, 1, -1, 9, -9, 10, -10, 99, 100, -100, 101, 12345, -12345}) {
            assertEquals(java.math.BigDecimal.valueOf(c, 2).toPlainString(), Csv.cents(c), Long.toString(c));
        }
    }

    @Test
    void aRepeatedNumberIsWrittenAsTheFirstTime() {
        assertEquals("0.001", CsvFormat.NUMBER.write(0.001));
        assertEquals("0.001", CsvFormat.NUMBER.write(0.001));
        assertEquals("0.333333333", CsvFormat.NUMBER.write(1.0 / 3));
        assertEquals("0.001", CsvFormat.NUMBER.write(0.001));
    }

    @Test
    void emptyAndInfiniteCellsAreNanAndInfinity() {
        assertEquals(Double.NaN, CsvFormat.MONEY.read(""));
        assertEquals(Double.POSITIVE_INFINITY, CsvFormat.NUMBER.read("inf"));
        assertEquals("", CsvFormat.MONEY.write(Double.NaN));
    }

    @Test
    void aCellOfAnotherFormatIsRefused() {
        assertThrows(NumberFormatException.class, () -> CsvFormat.MONEY.read("1e5"));
        assertThrows(NumberFormatException.class, () -> CsvFormat.FLAG.read("2"));
        assertThrows(NumberFormatException.class, () -> CsvFormat.INTEGER.read("3.5"));
    }

    record Pair(String name, double loss) {}

    @Test
    void aTableWritesItsHeaderAndRowsInColumnOrder() {
        CsvTable<Pair> t = new CsvTable<>("t.csv", "test", List.of(CsvColumn.text("name", Pair::name, "a name"),
                CsvColumn.of("loss", CsvFormat.MONEY, Pair::loss, "a loss")));
        assertEquals("name,loss\n\"a,b\",1.50\n'=x,0.00\n", t.render(List.of(new Pair("a,b", 1.5), new Pair("=x", 0))));
    }
}
