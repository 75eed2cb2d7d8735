package weaklink.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import weaklink.io.AtomicFile;
import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.experiment.SinglePointsOfFailure.Result;
import weaklink.experiment.SinglePointsOfFailure.SustainedStops;
import weaklink.network.SupplyNetwork;

/**
 * Writes the single-point-of-failure ranking: {@code spof.csv} (one row per evaluated firm,
 * highest expected network-wide loss first) and {@code spof.json} (how many were evaluated and
 * the share whose failure costs more than the threshold share of the network's production; and, for a
 * uniform sample of firms each stopping completely for some days, the share whose stop costs more
 * than the threshold share of the network's daily production on the last day, as Inoue &amp; Todo,
 * PLOS ONE 2019, measure it).
 */
public final class SpofReport {
    public static final String TABLE = "spof.csv";
    public static final String SUMMARY = "spof.json";

    private SpofReport() {}

    public static void write(Path dir, SupplyNetwork net, List<Result> results, double threshold, int replicates, String policy,
                             SustainedStops stops) throws IOException {
        StringBuilder sb = new StringBuilder("rank,firm_id,name,tier,size_class,role,exposure_score,mean_network_loss,ci95_low,ci95_high,mean_production_loss,production_share\n");
        int rank = 0, above = 0;
        for (Result r : results) {
            rank++;
            if (r.productionShare() > threshold) above++;
            int f = r.firm();
            sb.append(rank).append(',').append(net.firmId(f)).append(',').append(Csv.text(net.name(f))).append(',').append(net.tier(f))
                    .append(',').append(net.sizeClass(f).label()).append(',').append(net.role(f).label()).append(',')
                    .append(Csv.money(r.exposure())).append(',').append(Csv.money(r.meanLoss())).append(',')
                    .append(Csv.money(Math.max(0, r.meanLoss() - r.ci95HalfWidth()))).append(',').append(Csv.money(r.meanLoss() + r.ci95HalfWidth()))
                    .append(',').append(Csv.money(r.meanProductionLoss())).append(',').append(Csv.number(r.productionShare())).append('\n');
        }
        AtomicFile.writeString(dir.resolve(TABLE), sb.toString());
        ObjectNode s = Json.object();
        s.put("policy", policy);
        s.put("firms_in_network", net.firmCount());
        s.put("firms_evaluated", results.size());
        s.put("replicates_per_firm", replicates);
        s.put("production_share_threshold", threshold);
        s.put("firms_above_threshold", above);
        s.put("share_of_evaluated_above_threshold", results.isEmpty() ? 0 : (double) above / results.size());
        // Inoue & Todo's measure: firms stopping for good, a uniform sample, share of daily production lost
        int k = stops.firms().length, hit = stops.above(threshold);
        double p = k == 0 ? 0 : (double) hit / k;
        s.put("sustained_stop_days", stops.stopDays());
        s.put("sustained_stop_sample", k);
        s.put("sustained_stop_firms_above_threshold", hit);
        s.put("sustained_stop_share_above_threshold", p);
        s.put("sustained_stop_share_ci95_half_width", k == 0 ? 0 : 1.96 * Math.sqrt(p * (1 - p) / k));
        s.put("sustained_stop_max_daily_production_share", stops.max());
        Json.write(dir.resolve(SUMMARY), s);
    }
}
