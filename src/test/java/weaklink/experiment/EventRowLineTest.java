package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import weaklink.experiment.EventRows.EventRow;
import weaklink.io.Csv;
import weaklink.io.CsvBytes;

/** {@code events.csv}'s rows written cell after cell, straight into bytes, are the lines its table of columns writes. */
class EventRowLineTest {
    /** Amounts where writing can go wrong: zeros, half cents, the edge of whole cents, very large and not numbers. */
    private static final double[] EDGES = {0.0, -0.0, 0.005, 0.015, 0.994999, 0.995, 1.005, 2.675, 99.995, -0.004, -1.005, 123456789.125,
            8.99e16, 9.0e16, 9.1e16, 1.0e20, 4.5e15 + 0.5, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN};

    @Test
    void aRowWrittenCellByCellIsTheLineItsTableWrites() {
        SplittableRandom rnd = new SplittableRandom(20261201);
        String[] policies = {"none", "buyer-share-50", "a,comma", "=formula", "quote\"d", "", "買い手負担-50", "é,\"ü\""};
        for (int k = 0; k < 200_000; k++) {
            String policy = policies[rnd.nextInt(policies.length)];
            double[] a = new double[6];
            for (int j = 0; j < a.length; j++) {
                a[j] = switch (rnd.nextInt(4)) {
                    case 0 -> EDGES[rnd.nextInt(EDGES.length)];
                    case 1 -> Math.round(rnd.nextDouble() * 1e9) / 100.0; // whole cents, as the losses mostly are
                    case 2 -> Math.pow(10, rnd.nextDouble(-3, 18)) * (rnd.nextBoolean() ? 1 : -1);
                    default -> rnd.nextDouble() * 1e7;
                };
            }
            EventRow row = new EventRow(policy, rnd.nextInt(Integer.MAX_VALUE), rnd.nextInt(-1, 100_000), rnd.nextInt(-1, 20), rnd.nextInt(0, 731),
                    rnd.nextInt(1, 5), rnd.nextInt(1, 60), a[0], a[1], a[2], a[3], a[4], a[5]);
            StringBuilder expected = new StringBuilder("prefix,");
            EventRow.TABLE.append(expected, row);
            CsvBytes actual = new CsvBytes(16).ascii("prefix,");
            row.appendTo(actual, Csv.text(policy).getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), actual.toByteArray(), "row " + k);
            assertEquals(1, actual.lines(), "row " + k + " is one line");
        }
    }
}
