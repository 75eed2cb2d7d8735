package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import weaklink.io.CsvFormat;

/**
 * {@link ReplicateRow.PlainLines} reads a line of {@code replicates.csv} held as bytes to the row {@link ReplicateRow#parse}
 * makes of its text, every bit of every value, and leaves to {@code parse} every line it does not read.
 */
class ReplicateRowPlainLinesTest {
    static final List<String> POLICIES = List.of("none", "buyer-share-25");
    static final ReplicateColumn[] COLUMNS = ReplicateColumn.values();

    /** What the line parser makes of {@code line}: its row, or its failure as text. */
    static Object lineParser(String line) {
        try {
            return ReplicateRow.parse(line);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    static ReplicateRow plain(ReplicateRow.PlainLines reader, String line) {
        byte[] b = ("junk," + line + "\n").getBytes(StandardCharsets.UTF_8); // a line in the middle of a buffer
        return reader.parse(b, 5, b.length - 1);
    }

    /** A cell of {@code column} as the run writes it ({@link weaklink.io.CsvFormat#write}), of a value drawn over many magnitudes. */
    static String cell(ReplicateColumn column, SplittableRandom rng, boolean ordinary) {
        double sign = rng.nextInt(8) == 0 ? -1 : 1;
        return switch (column.format()) {
            case TEXT -> POLICIES.get(rng.nextInt(POLICIES.size()));
            case INTEGER -> column.format().write(sign * (double) (long) Math.pow(10, rng.nextDouble(ordinary ? 15 : 19)));
            case FLAG -> column.format().write(rng.nextInt(2));
            case MONEY, NUMBER -> {
                int kind = rng.nextInt(40);
                if (kind == 0) yield column.format().write(Double.NaN);
                if (kind == 1) yield column.format().write(0);
                if (kind == 2) yield column.format().write(-0.0);
                if (!ordinary && kind == 3) yield column.format().write(sign * Double.POSITIVE_INFINITY);
                // ordinary: at most 15 digits (money below 10^13 yen, numbers of 9 significant digits from 10^-5 on)
                double low = ordinary ? (column.format() == CsvFormat.MONEY ? -2 : -5) : -12, high = ordinary ? 12 : 20;
                yield column.format().write(sign * Math.pow(10, rng.nextDouble(low, high)) * (1 + rng.nextDouble()));
            }
        };
    }

    static String line(SplittableRandom rng, boolean ordinary) {
        List<String> cells = new ArrayList<>();
        for (ReplicateColumn c : COLUMNS) cells.add(cell(c, rng, ordinary));
        return String.join(",", cells);
    }

    @Test
    void everyLineOfCellsAsTheRunWritesThemIsReadToTheLineParsersRow() {
        ReplicateRow.PlainLines reader = new ReplicateRow.PlainLines(POLICIES);
        SplittableRandom rng = new SplittableRandom(26);
        for (int i = 0; i < 20_000; i++) {
            String line = line(rng, true);
            ReplicateRow row = plain(reader, line);
            assertNotNull(row, line);
            assertEquals(lineParser(line), row, line); // equal policies and every value's bits (Arrays.equals of the doubles)
        }
    }

    @Test
    void aLineOfOtherCellsIsReadToTheSameRowAndALineTheParserRefusesOrQuotesIsLeftToIt() {
        ReplicateRow.PlainLines reader = new ReplicateRow.PlainLines(POLICIES);
        SplittableRandom rng = new SplittableRandom(12);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // one cell drawn of any form: 16 digits and more, infinities, 19-digit whole numbers
            String[] c = line(rng, true).split(",", -1);
            int k = 1 + rng.nextInt(COLUMNS.length - 1);
            c[k] = cell(COLUMNS[k], rng, false);
            lines.add(String.join(",", c));
        }
        String base = line(rng, true);
        String[] cells = base.split(",", -1);
        String[][] odd = {
            {"0", "lobbying"}, {"0", "'none"}, {"0", "\"none\""}, {"0", "\"buyer,share\""}, {"0", "Tōkyō"}, {"0", ""},
            {"1", "+5"}, {"1", "007"}, {"1", "-0"}, {"1", ""}, {"1", "1.0"}, {"1", "99999999999999999999"},
            {"2", "1e3"}, {"2", ".5"}, {"2", "5."}, {"2", "inf"}, {"2", "-inf"}, {"2", "ten"}, {"2", "1.0.0"}, {"2", "-"}, {"2", "--1.00"},
            {"2", "1234567890123456.00"}, {"2", "-0.00"}, {"2", "00.50"},
            {"24", "2"}, {"24", "01"}, {"24", ""},
        };
        for (String[] o : odd) {
            String[] c = cells.clone();
            c[Integer.parseInt(o[0])] = o[1];
            lines.add(String.join(",", c));
        }
        lines.add(base + ",");            // a cell over
        lines.add(base.substring(0, base.lastIndexOf(','))); // a cell short
        lines.add("");
        for (String line : lines) {
            ReplicateRow row = plain(reader, line);
            Object expected = lineParser(line);
            boolean plainForm = line.chars().allMatch(ch -> ch < 128 && ch != '"' && ch != '\'');
            if (expected instanceof ReplicateRow && plainForm) assertEquals(expected, row, line);
            else assertNull(row, "left to the line parser: " + line);
        }
    }
}
