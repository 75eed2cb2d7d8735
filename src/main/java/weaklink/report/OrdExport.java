package weaklink.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weaklink.experiment.AtomicFile;
import weaklink.experiment.Csv;
import weaklink.stats.ExceedanceCurve;
import weaklink.stats.Sample;

/**
 * The results in the style of Oasis LMF's Open Results Data (ORD, v1 file layout as written by
 * ktools/oasislmf: https://github.com/OasisLMF/ODS_OpenResultsData), for insurers' tools, in
 * {@code ord/}. Perspective: ground-up loss of the whole network ({@code total_loss}); one
 * {@code SummaryId} per policy (listed in {@code summary_info.csv}); one simulated year per
 * {@code Period}; one sample per period. The mapping is documented in docs/OUTPUTS.md.
 */
final class OrdExport {
    static final String FOLDER = "ord";
    /** EPCalc 2, "full uncertainty": every period's loss ranked into one curve. */
    static final int EP_CALC_FULL_UNCERTAINTY = 2;
    static final int EP_TYPE_OEP = 1, EP_TYPE_OEP_TVAR = 2, EP_TYPE_AEP = 3, EP_TYPE_AEP_TVAR = 4;
    /** ALT SampleType 2: statistics of the sampled losses (1 would be an analytical mean, which we do not have). */
    static final int SAMPLE_TYPE_SAMPLED = 2;

    private OrdExport() {}

    static void write(Path folder, List<String> policies, Map<String, ResultsFinalizer.PolicyColumns> data) throws IOException {
        Files.createDirectories(folder);
        StringBuilder info = new StringBuilder("SummaryId,policy\n");
        StringBuilder ept = new StringBuilder("SummaryId,EPCalc,EPType,ReturnPeriod,Loss\n");
        StringBuilder alt = new StringBuilder("SummaryId,SampleType,MeanLoss,SDLoss\n");
        StringBuilder plt = new StringBuilder("Period,PeriodWeight,EventId,SummaryId,SampleId,Loss\n");
        for (int p = 0; p < policies.size(); p++) {
            int summaryId = p + 1;
            ResultsFinalizer.PolicyColumns c = data.get(policies.get(p));
            info.append(summaryId).append(',').append(Csv.text(policies.get(p))).append('\n');
            double[] annual = c.total.toArray();
            Sample aggregate = new Sample(annual);
            appendCurve(ept, summaryId, new Sample(c.largestEvent.toArray()), EP_TYPE_OEP, EP_TYPE_OEP_TVAR);
            appendCurve(ept, summaryId, aggregate, EP_TYPE_AEP, EP_TYPE_AEP_TVAR);
            alt.append(summaryId).append(',').append(SAMPLE_TYPE_SAMPLED).append(',').append(Csv.money(aggregate.mean())).append(',')
                    .append(Csv.money(aggregate.sd())).append('\n');
            String weight = Csv.number(1.0 / annual.length);
            for (int i = 0; i < annual.length; i++) {
                if (annual[i] <= 0) continue;
                plt.append(i + 1).append(',').append(weight).append(",0,").append(summaryId).append(",1,")
                        .append(Csv.money(annual[i])).append('\n');
            }
        }
        AtomicFile.writeString(folder.resolve("summary_info.csv"), info.toString());
        AtomicFile.writeString(folder.resolve("ept.csv"), ept.toString());
        AtomicFile.writeString(folder.resolve("alt.csv"), alt.toString());
        AtomicFile.writeString(folder.resolve("plt.csv"), plt.toString());
    }

    /** The loss and the TVaR rows of one curve, longest return period first (as ktools writes them). */
    private static void appendCurve(StringBuilder ept, int summaryId, Sample losses, int type, int tvarType) {
        List<ExceedanceCurve.Point> points = new ArrayList<>(ExceedanceCurve.of(losses, ExceedanceCurve.STANDARD_RETURN_PERIODS));
        java.util.Collections.reverse(points);
        for (ExceedanceCurve.Point pt : points) row(ept, summaryId, type, pt.returnPeriodYears(), pt.loss());
        for (ExceedanceCurve.Point pt : points) row(ept, summaryId, tvarType, pt.returnPeriodYears(), pt.tailMeanLoss());
    }

    private static void row(StringBuilder ept, int summaryId, int type, int returnPeriod, double loss) {
        ept.append(summaryId).append(',').append(EP_CALC_FULL_UNCERTAINTY).append(',').append(type).append(',')
                .append(returnPeriod).append(',').append(Csv.money(loss)).append('\n');
    }
}
