package weaklink.report;

import static weaklink.io.CsvFormat.INTEGER;
import static weaklink.io.CsvFormat.MONEY;
import static weaklink.io.CsvFormat.NUMBER;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import weaklink.io.AtomicFile;
import weaklink.io.CsvColumn;
import weaklink.io.CsvTable;
import weaklink.stats.ExceedanceCurve;
import weaklink.stats.Sample;

/**
 * The results in the style of Oasis LMF's Open Results Data (ORD, the v1 file layout written by
 * ktools/oasislmf: https://github.com/OasisLMF/ODS_OpenResultsData), for insurers' tools, in
 * {@code ord/}. Two perspectives, named as Oasis names its output files: {@code gul} (ground-up:
 * the whole network's loss, {@code total_loss}) and {@code il} (insured loss, the insurers'
 * portfolio, {@code insured_loss}); one summary set ({@code S1}) with one {@code SummaryId} per
 * policy (listed in {@code summary_info.csv}); one simulated year per {@code Period}; one sample per
 * period. The mapping is documented in docs/OUTPUTS.md. Every file is streamed row by row, so the
 * period loss table of a million replicates never sits in memory as text.
 */
final class OrdExport {
    static final String FOLDER = "ord";
    /** EPCalc 2, "full uncertainty": every period's loss ranked into one curve. */
    static final int EP_CALC_FULL_UNCERTAINTY = 2;
    static final int EP_TYPE_OEP = 1, EP_TYPE_OEP_TVAR = 2, EP_TYPE_AEP = 3, EP_TYPE_AEP_TVAR = 4;
    /** ALT SampleType 2: statistics of the sampled losses (1 would be an analytical mean, which we do not have). */
    static final int SAMPLE_TYPE_SAMPLED = 2;

    private OrdExport() {}

    /** A row of {@code summary_info.csv}. */
    record InfoRow(int summaryId, String policy) {
        static final CsvTable<InfoRow> TABLE = new CsvTable<>(FOLDER + "/summary_info.csv", "Which policy each `SummaryId` is.", List.of(
                CsvColumn.of("SummaryId", INTEGER, InfoRow::summaryId, "1 = the first policy in the manifest, 2 the second, …"),
                CsvColumn.text("policy", InfoRow::policy, "the policy")));
    }

    /** A row of an Exceedance Probability Table ({@code *_S1_ept.csv}). */
    record EptRow(int summaryId, int epType, int returnPeriod, double loss) {
        static final List<CsvColumn<EptRow>> COLUMNS = List.of(
                CsvColumn.of("SummaryId", INTEGER, EptRow::summaryId, "the policy (see `summary_info.csv`)"),
                CsvColumn.of("EPCalc", INTEGER, r -> EP_CALC_FULL_UNCERTAINTY, "2: \"full uncertainty\", all periods ranked into one curve"),
                CsvColumn.of("EPType", INTEGER, EptRow::epType, "1 OEP, 2 OEP TVaR, 3 AEP, 4 AEP TVaR (`il`: 3 and 4 only)"),
                CsvColumn.of("ReturnPeriod", INTEGER, EptRow::returnPeriod, "return period in years, as in `exceedance.csv`, longest first"),
                CsvColumn.of("Loss", MONEY, EptRow::loss, "the `loss` (EPType 1, 3) or `tail_mean_loss` (EPType 2, 4) of `exceedance.csv` for `gul`"));
    }

    /** A row of an Average Loss Table ({@code *_S1_alt.csv}). */
    record AltRow(int summaryId, double meanLoss, double sdLoss) {
        static final List<CsvColumn<AltRow>> COLUMNS = List.of(
                CsvColumn.of("SummaryId", INTEGER, AltRow::summaryId, "the policy"),
                CsvColumn.of("SampleType", INTEGER, r -> SAMPLE_TYPE_SAMPLED, "2: statistics of sampled losses"),
                CsvColumn.of("MeanLoss", MONEY, AltRow::meanLoss, "the average annual loss (`mean_loss`, or `mean_insured_loss` for `il`)"),
                CsvColumn.of("SDLoss", MONEY, AltRow::sdLoss, "the standard deviation of annual loss"));
    }

    /** A row of a Period Loss Table ({@code *_S1_plt.csv}). */
    record PltRow(int period, double weight, int summaryId, double loss) {
        static final List<CsvColumn<PltRow>> COLUMNS = List.of(
                CsvColumn.of("Period", INTEGER, PltRow::period, "the simulated year: replicate `r` is period `r + 1`"),
                CsvColumn.of("PeriodWeight", NUMBER, PltRow::weight, "`1/n`, every period equally likely"),
                CsvColumn.of("EventId", INTEGER, r -> 0, "0: all events of the period (annual aggregates are kept, not each event's loss)"),
                CsvColumn.of("SummaryId", INTEGER, PltRow::summaryId, "the policy"),
                CsvColumn.of("SampleId", INTEGER, r -> 1, "1: one sample per period"),
                CsvColumn.of("Loss", MONEY, PltRow::loss, "the period's aggregate loss; only periods with a loss are listed"));
    }

    /** One perspective: where its annual losses and (if known) its largest events come from. */
    enum Perspective {
        GUL("gul"), IL("il");

        final String prefix;
        final CsvTable<EptRow> ept;
        final CsvTable<AltRow> alt;
        final CsvTable<PltRow> plt;

        Perspective(String prefix) {
            this.prefix = prefix;
            String p = FOLDER + "/" + prefix + "_S1_";
            this.ept = new CsvTable<>(p + "ept.csv", "Exceedance Probability Table (ORD EPT), one row per (policy, curve, return period).",
                    EptRow.COLUMNS);
            this.alt = new CsvTable<>(p + "alt.csv", "Average Loss Table (ORD \"ALT\", ktools \"PALT\"), one row per policy.", AltRow.COLUMNS);
            this.plt = new CsvTable<>(p + "plt.csv", "Period Loss Table per sample (the keys of ORD's SPLT), one row per (policy, period with a loss).",
                    PltRow.COLUMNS);
        }

        double[] annual(ResultsFinalizer.PolicyColumns c) { return this == GUL ? c.total.toArray() : c.insured.toArray(); }

        /** Each year's largest single event; only known ground-up (insured losses are kept per year, not per event). */
        double[] largestEvent(ResultsFinalizer.PolicyColumns c) { return this == GUL ? c.largestEvent.toArray() : null; }
    }

    /** Every ORD table, for the documentation. */
    static List<CsvTable<?>> tables() {
        List<CsvTable<?>> out = new ArrayList<>(List.of(InfoRow.TABLE));
        for (Perspective p : Perspective.values()) out.addAll(List.of(p.ept, p.alt, p.plt));
        return out;
    }

    /** Writes the ORD files of a results folder ({@code dir}) from each policy's replicate columns. */
    static void write(Path dir, List<String> policies, Map<String, ResultsFinalizer.PolicyColumns> data) throws IOException {
        Files.createDirectories(dir.resolve(FOLDER));
        List<InfoRow> info = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) info.add(new InfoRow(p + 1, policies.get(p)));
        AtomicFile.writeString(dir.resolve(InfoRow.TABLE.file()), InfoRow.TABLE.render(info));
        for (Perspective perspective : Perspective.values()) {
            List<EptRow> ept = new ArrayList<>();
            List<AltRow> alt = new ArrayList<>();
            for (int p = 0; p < policies.size(); p++) {
                ResultsFinalizer.PolicyColumns c = data.get(policies.get(p));
                double[] largest = perspective.largestEvent(c);
                Sample aggregate = new Sample(perspective.annual(c));
                if (largest != null) appendCurve(ept, p + 1, new Sample(largest), EP_TYPE_OEP, EP_TYPE_OEP_TVAR);
                appendCurve(ept, p + 1, aggregate, EP_TYPE_AEP, EP_TYPE_AEP_TVAR);
                alt.add(new AltRow(p + 1, aggregate.mean(), aggregate.sd()));
            }
            AtomicFile.writeString(dir.resolve(perspective.ept.file()), perspective.ept.render(ept));
            AtomicFile.writeString(dir.resolve(perspective.alt.file()), perspective.alt.render(alt));
            AtomicFile.write(dir.resolve(perspective.plt.file()), w -> writePeriods(w, perspective, policies, data));
        }
    }

    /** The period loss table, one line at a time. */
    private static void writePeriods(Writer w, Perspective perspective, List<String> policies,
                                     Map<String, ResultsFinalizer.PolicyColumns> data) throws IOException {
        perspective.plt.writeHeader(w);
        for (int p = 0; p < policies.size(); p++) {
            double[] annual = perspective.annual(data.get(policies.get(p)));
            double weight = 1.0 / annual.length;
            for (int i = 0; i < annual.length; i++) {
                if (annual[i] <= 0) continue;
                perspective.plt.write(w, new PltRow(i + 1, weight, p + 1, annual[i]));
            }
        }
    }

    /** The loss and the TVaR rows of one curve, longest return period first (as ktools writes them). */
    private static void appendCurve(List<EptRow> ept, int summaryId, Sample losses, int type, int tvarType) {
        List<ExceedanceCurve.Point> points = new ArrayList<>(ExceedanceCurve.of(losses, ExceedanceCurve.STANDARD_RETURN_PERIODS));
        Collections.reverse(points);
        for (ExceedanceCurve.Point pt : points) ept.add(new EptRow(summaryId, type, pt.returnPeriodYears(), pt.loss()));
        for (ExceedanceCurve.Point pt : points) ept.add(new EptRow(summaryId, tvarType, pt.returnPeriodYears(), pt.tailMeanLoss()));
    }
}
