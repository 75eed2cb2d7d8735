package weaklink.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import weaklink.io.AtomicFile;
import weaklink.io.Csv;
import weaklink.stats.ExceedanceCurve;
import weaklink.stats.Sample;

/**
 * The results in the style of Oasis LMF's Open Results Data (ORD, the v1 file layout written by
 * ktools/oasislmf: https://github.com/OasisLMF/ODS_OpenResultsData), for insurers' tools, in
 * {@code ord/}. Two perspectives, named as Oasis names its output files: {@code gul} (ground-up:
 * the whole network's loss, {@code total_loss}) and {@code il} (insured loss, the insurers'
 * portfolio, {@code insured_loss}); one summary set ({@code S1}) with one {@code SummaryId} per
 * policy (listed in {@code summary_info.csv}); one simulated year per {@code Period}; one sample per
 * period. The mapping is documented in docs/OUTPUTS.md.
 */
final class OrdExport {
    static final String FOLDER = "ord";
    /** EPCalc 2, "full uncertainty": every period's loss ranked into one curve. */
    static final int EP_CALC_FULL_UNCERTAINTY = 2;
    static final int EP_TYPE_OEP = 1, EP_TYPE_OEP_TVAR = 2, EP_TYPE_AEP = 3, EP_TYPE_AEP_TVAR = 4;
    /** ALT SampleType 2: statistics of the sampled losses (1 would be an analytical mean, which we do not have). */
    static final int SAMPLE_TYPE_SAMPLED = 2;

    private OrdExport() {}

    /** One perspective: where its annual losses and (if known) its largest events come from. */
    private enum Perspective {
        GUL("gul"), IL("il");

        final String prefix;

        Perspective(String prefix) { this.prefix = prefix; }

        double[] annual(ResultsFinalizer.PolicyColumns c) { return this == GUL ? c.total.toArray() : c.insured.toArray(); }

        /** Each year's largest single event; only known ground-up (insured losses are kept per year, not per event). */
        double[] largestEvent(ResultsFinalizer.PolicyColumns c) { return this == GUL ? c.largestEvent.toArray() : null; }
    }

    static void write(Path folder, List<String> policies, Map<String, ResultsFinalizer.PolicyColumns> data) throws IOException {
        Files.createDirectories(folder);
        StringBuilder info = new StringBuilder("SummaryId,policy\n");
        for (int p = 0; p < policies.size(); p++) info.append(p + 1).append(',').append(Csv.text(policies.get(p))).append('\n');
        AtomicFile.writeString(folder.resolve("summary_info.csv"), info.toString());
        for (Perspective perspective : Perspective.values()) {
            StringBuilder ept = new StringBuilder("SummaryId,EPCalc,EPType,ReturnPeriod,Loss\n");
            StringBuilder alt = new StringBuilder("SummaryId,SampleType,MeanLoss,SDLoss\n");
            StringBuilder plt = new StringBuilder("Period,PeriodWeight,EventId,SummaryId,SampleId,Loss\n");
            for (int p = 0; p < policies.size(); p++) {
                int summaryId = p + 1;
                ResultsFinalizer.PolicyColumns c = data.get(policies.get(p));
                double[] annual = perspective.annual(c), largest = perspective.largestEvent(c);
                Sample aggregate = new Sample(annual);
                if (largest != null) appendCurve(ept, summaryId, new Sample(largest), EP_TYPE_OEP, EP_TYPE_OEP_TVAR);
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
            String prefix = perspective.prefix + "_S1_";
            AtomicFile.writeString(folder.resolve(prefix + "ept.csv"), ept.toString());
            AtomicFile.writeString(folder.resolve(prefix + "alt.csv"), alt.toString());
            AtomicFile.writeString(folder.resolve(prefix + "plt.csv"), plt.toString());
        }
    }

    /** The loss and the TVaR rows of one curve, longest return period first (as ktools writes them). */
    private static void appendCurve(StringBuilder ept, int summaryId, Sample losses, int type, int tvarType) {
        List<ExceedanceCurve.Point> points = new ArrayList<>(ExceedanceCurve.of(losses, ExceedanceCurve.STANDARD_RETURN_PERIODS));
        Collections.reverse(points);
        for (ExceedanceCurve.Point pt : points) row(ept, summaryId, type, pt.returnPeriodYears(), pt.loss());
        for (ExceedanceCurve.Point pt : points) row(ept, summaryId, tvarType, pt.returnPeriodYears(), pt.tailMeanLoss());
    }

    private static void row(StringBuilder ept, int summaryId, int type, int returnPeriod, double loss) {
        ept.append(summaryId).append(',').append(EP_CALC_FULL_UNCERTAINTY).append(',').append(type).append(',')
                .append(returnPeriod).append(',').append(Csv.money(loss)).append('\n');
    }
}
