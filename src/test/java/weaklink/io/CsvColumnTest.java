package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** A cell appended to a line is the cell as a string: the same characters. */
class CsvColumnTest {
    @Property(tries = 3000, seed = "28")
    void anAppendedCellIsTheCell(@ForAll double x) {
        assertAppendedAsWritten(x);
    }

    @Test
    void specialValuesAndTheEdgesOfWholeCentsAreAppendedAsWritten() {
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, -0.001, 0.005, -0.005, 0.015,
                1e15, -1e15, 8.9e16, 9.0e16, -9.0e16, 1e300, Double.MIN_VALUE, 123456789.125, -2.5}) {
            assertAppendedAsWritten(x);
        }
    }

    private static void assertAppendedAsWritten(double x) {
        for (CsvFormat f : new CsvFormat[] {CsvFormat.MONEY, CsvFormat.NUMBER, CsvFormat.INTEGER, CsvFormat.FLAG}) {
            CsvColumn<Double> column = CsvColumn.of("x", f, Double::doubleValue, "x");
            StringBuilder line = new StringBuilder("a,");
            column.appendCell(line, x);
            assertEquals("a," + column.cell(x), line.toString(), f + " " + x);
        }
        CsvColumn<Double> text = CsvColumn.text("t", d -> "=" + d, "t");
        StringBuilder line = new StringBuilder();
        text.appendCell(line, x);
        assertEquals(text.cell(x), line.toString());
    }
}
