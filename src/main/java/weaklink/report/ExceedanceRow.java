package weaklink.report;

import static weaklink.io.CsvFormat.INTEGER;
import static weaklink.io.CsvFormat.MONEY;
import static weaklink.io.CsvFormat.NUMBER;

import java.util.List;
import weaklink.io.CsvColumn;
import weaklink.io.CsvTable;
import weaklink.stats.ExceedanceCurve;

/**
 * One row of {@code exceedance.csv}: a point of a policy's exceedance curve.
 *
 * @param policy the policy
 * @param metric {@code aep} or {@code oep}
 * @param point  return period, probability, loss and tail mean
 */
record ExceedanceRow(String policy, String metric, ExceedanceCurve.Point point) {
    static final CsvColumn<ExceedanceRow> POLICY = CsvColumn.text("policy", ExceedanceRow::policy, "policy");
    static final CsvColumn<ExceedanceRow> METRIC = CsvColumn.text("metric", ExceedanceRow::metric,
            "`aep` (annual aggregate, `total_loss`) or `oep` (largest single event, `largest_event_loss`)");
    static final CsvColumn<ExceedanceRow> RETURN_PERIOD_YEARS = CsvColumn.of("return_period_years", INTEGER,
            r -> r.point.returnPeriodYears(), "`T`");
    static final CsvColumn<ExceedanceRow> EXCEEDANCE_PROBABILITY = CsvColumn.of("exceedance_probability", NUMBER,
            r -> r.point.exceedanceProbability(), "`1/T`");
    static final CsvColumn<ExceedanceRow> LOSS = CsvColumn.of("loss", MONEY, r -> r.point.loss(), "`VaR_{1 − 1/T}` of the metric");
    static final CsvColumn<ExceedanceRow> TAIL_MEAN_LOSS = CsvColumn.of("tail_mean_loss", MONEY, r -> r.point.tailMeanLoss(),
            "`TVaR_{1 − 1/T}`: the mean of the worst `n/T` years");

    static final CsvTable<ExceedanceRow> TABLE = new CsvTable<>("exceedance.csv",
            "The exceedance-probability curves, for the return periods 2, 5, 10, 20, 25, 50, 100, 200, 250, 500 and 1,000 years "
                    + "that the number of replicates supports.",
            List.of(POLICY, METRIC, RETURN_PERIOD_YEARS, EXCEEDANCE_PROBABILITY, LOSS, TAIL_MEAN_LOSS));
}
