package weaklink.report;

import static weaklink.io.CsvFormat.INTEGER;
import static weaklink.io.CsvFormat.MONEY;
import static weaklink.io.CsvFormat.NUMBER;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import weaklink.experiment.PhaseTimer;
import weaklink.experiment.Accumulators;
import weaklink.experiment.EventRows;
import weaklink.experiment.EventRows.EventRow;
import weaklink.experiment.HeldEvents;
import weaklink.io.AtomicFile;
import weaklink.io.CsvBytes;
import weaklink.io.CsvColumn;
import weaklink.io.CsvTable;
import weaklink.stats.ReturnPeriodLosses;
import weaklink.stats.Sample;

/**
 * The results as Oasis LMF writes its Open Results Data (ORD, https://github.com/OasisLMF/ODS_OpenResultsData;
 * the v1 files of oasislmf's {@code pytools} elt/plt/aal/lec), for insurers' tools: one folder per
 * policy of the run, {@code ord/POLICY/}, holding for each perspective ({@code gul} ground-up,
 * {@code il} insured, and with reinsurance {@code ri} net of it and {@code rl} ceded to it) and each
 * summary set ({@code S1} the whole book, {@code S2} by tier, {@code S3} by size class, {@code S4} by
 * sector) the sample event loss table ({@code _selt}), the sample period loss table
 * ({@code _splt}), the period average loss table ({@code _palt}), the exceedance probability table
 * ({@code _ept}: OEP, OEP TVaR, AEP, AEP TVaR), the per-sample EPT ({@code _psept}) and the
 * summary-info file that says what each summary id is.
 *
 * <p>Everything comes from {@code events.csv} (one row per event and summary group, written during
 * the run), {@code replicates.csv} (campaigns per year, for unique event ids) and the summary groups
 * kept in {@code accumulators.json}; a {@code run} hands the export the rows of {@code events.csv} it
 * held while writing them ({@link HeldEvents}, the numbers a reader of the file gets back), so it does
 * not parse the file again, and every other path (resume, merge, a folder summarised again) reads it:
 * the same bytes either way. Event losses are taken as written (to the cent), so that anyone
 * recomputing the EPT and PALT from the SPLT gets the same figures (scripts/ord_check.py). An event is
 * an attack campaign (or the campaigns of an actor's event window), a period one simulated year, the
 * sample the one realisation per period; the mapping is documented in docs/OUTPUTS.md.
 *
 * <p>Why one class of about 500 lines: it is the one writer of one specification. Each table's
 * columns are declared here beside the code that fills them, so that the writer, docs/OUTPUTS.md
 * (OutputsDocTest) and the recomputing test read the same declarations; the statistics it needs are
 * already apart ({@code stats.ReturnPeriodLosses}, {@code stats.Sample}).
 */
final class OrdExport {
    static final String FOLDER = "ord";
    /** EPCalc 2, "full uncertainty": every period's loss ranked into one curve (v2: EPMethod S_FULL). */
    static final int EP_CALC_FULL_UNCERTAINTY = 2;
    static final int OEP = 1, OEP_TVAR = 2, AEP = 3, AEP_TVAR = 4;
    static final List<String> EP_TYPE_CODES = List.of("", "OEP", "TVAR_OEP", "AEP", "TVAR_AEP");
    /** PALT SampleType 2: statistics of the sampled losses (1 would be an analytical mean, which we do not have). */
    static final int SAMPLE_TYPE_SAMPLED = 2;
    static final int SAMPLE_ID = 1;
    private static final int SETS = 4;

    private OrdExport() {}

    /** The perspectives, named as Oasis names its files. */
    enum Perspective {
        GUL("gul", "ground-up: the firms' own losses"), IL("il", "insured: what the policies pay"),
        RI("ri", "net of reinsurance: what the insurer retains"), RL("rl", "reinsurance loss: what the reinsurers pay");

        final String prefix;
        final String meaning;

        Perspective(String prefix, String meaning) {
            this.prefix = prefix;
            this.meaning = meaning;
        }

        /** The column of a batch holding its rows' losses in this perspective. */
        double[] losses(Batch b) {
            return switch (this) {
                case GUL -> b.gulLoss;
                case IL -> b.ilLoss;
                case RI -> b.retainedLoss;
                case RL -> b.cededLoss;
            };
        }

        /** The column of a batch holding its rows' impacted exposures in this perspective. */
        double[] exposures(Batch b) { return this == GUL ? b.gulExposure : b.ilExposure; }

        /** The year's total and largest event in this perspective, from a row of {@code year_losses.csv}. */
        double[] year(EventRows.YearRow r) {
            return switch (this) {
                case GUL -> new double[] {r.gulLoss(), r.gulLargest()};
                case IL -> new double[] {r.ilLoss(), r.ilLargest()};
                case RI -> new double[] {r.retainedLoss(), r.retainedLargest()};
                case RL -> new double[] {r.cededLoss(), r.cededLargest()};
            };
        }

        double tiv(Accumulators.SummaryGroup g) { return this == GUL ? g.gulTiv() : g.ilTiv(); }
    }

    // ---- the tables ---------------------------------------------------------------------------------------------

    record SeltRow(int eventId, int summaryId, double loss, double exposure) {}

    record SpltRow(int period, double weight, int eventId, int year, int month, int day, int summaryId, double loss, double exposure) {}

    record PaltRow(int summaryId, double mean, double sd) {}

    record EptRow(int summaryId, int epType, double returnPeriod, double loss) {}

    record InfoRow(int summaryId, String label, double tiv) {}

    static final String PATTERN = FOLDER + "/POLICY/PERSP_SN_";

    static final CsvTable<SeltRow> SELT = new CsvTable<>(PATTERN + "selt.csv",
            "Sample Event Loss Table (ORD SELT), one row per (event, summary id) with a loss, by `EventId`.", List.of(
            CsvColumn.of("EventId", INTEGER, SeltRow::eventId, "the event, unique in the run: campaigns of the folder's earlier years + the event's id in its year (`events.csv` `event`) + 1"),
            CsvColumn.of("SummaryId", INTEGER, SeltRow::summaryId, "the summary group (see the set's summary-info file)"),
            CsvColumn.of("SampleId", INTEGER, r -> SAMPLE_ID, "1: one sample (each event happens once, in one simulated year)"),
            CsvColumn.of("Loss", MONEY, SeltRow::loss, "the event's loss in the group, in the perspective (ground-up, insured, retained or ceded)"),
            CsvColumn.of("ImpactedExposure", MONEY, SeltRow::exposure, "exposure the event touched: the revenue of the firms with a loss (`gul`), or the limits of the policies that paid (`il`, `ri`, `rl`)")));

    static final CsvTable<SpltRow> SPLT = new CsvTable<>(PATTERN + "splt.csv",
            "Sample Period Loss Table (ORD SPLT), one row per (period, event, summary id) with a loss, periods in order, events as they occurred.", List.of(
            CsvColumn.of("Period", INTEGER, SpltRow::period, "the simulated year: replicate `r` is period `r + 1`"),
            CsvColumn.of("PeriodWeight", NUMBER, SpltRow::weight, "`1/n`, every one of the folder's `n` years equally likely"),
            CsvColumn.of("EventId", INTEGER, SpltRow::eventId, "the event (as in the SELT)"),
            CsvColumn.of("Year", INTEGER, SpltRow::year, "the period (one period is one simulated year)"),
            CsvColumn.of("Month", INTEGER, SpltRow::month, "month the event's first campaign started, on a 365-day calendar (day 0 is 1 January)"),
            CsvColumn.of("Day", INTEGER, SpltRow::day, "day of that month"),
            CsvColumn.of("Hour", INTEGER, r -> 0, "0: campaigns start at the beginning of their day"),
            CsvColumn.of("Minute", INTEGER, r -> 0, "0"),
            CsvColumn.of("SummaryId", INTEGER, SpltRow::summaryId, "the summary group"),
            CsvColumn.of("SampleId", INTEGER, r -> SAMPLE_ID, "1"),
            CsvColumn.of("Loss", MONEY, SpltRow::loss, "the event's loss in the group, as in the SELT"),
            CsvColumn.of("ImpactedExposure", MONEY, SpltRow::exposure, "as in the SELT")));

    static final CsvTable<PaltRow> PALT = new CsvTable<>(PATTERN + "palt.csv",
            "Period Average Loss Table (ORD ALT, ktools PALT), one row per summary id with a loss.", List.of(
            CsvColumn.of("SummaryId", INTEGER, PaltRow::summaryId, "the summary group"),
            CsvColumn.of("SampleType", INTEGER, r -> SAMPLE_TYPE_SAMPLED, "2: statistics of sampled losses"),
            CsvColumn.of("MeanLoss", MONEY, PaltRow::mean, "average annual loss: the sum of the group's SPLT losses divided by the `n` years"),
            CsvColumn.of("SDLoss", MONEY, PaltRow::sd, "standard deviation of the annual loss over the `n` years (years without loss count as 0; `n − 1` denominator)")));

    static final CsvTable<PaltRow> PALT_V2 = new CsvTable<>(PATTERN + "palt.csv#v2",
            "With `ord.version: 2`: the PALT with ORD v2's `LossMethod` (Create_ORDB_v2_0.sql, table AAL).", List.of(
            CsvColumn.of("SummaryId", INTEGER, PaltRow::summaryId, "the summary group"),
            CsvColumn.text("LossMethod", r -> "STOC", "`STOC`: stochastic sampling"),
            CsvColumn.of("SampleType", INTEGER, r -> SAMPLE_TYPE_SAMPLED, "2: statistics of sampled losses"),
            CsvColumn.of("MeanLoss", MONEY, PaltRow::mean, "as in v1"),
            CsvColumn.of("SDLoss", MONEY, PaltRow::sd, "as in v1")));

    static final CsvTable<EptRow> EPT = new CsvTable<>(PATTERN + "ept.csv",
            "Exceedance Probability Table (ORD EPT), one row per (curve, summary id, return period): each curve's losses for every summary id, then its TVaRs.", List.of(
            CsvColumn.of("SummaryId", INTEGER, EptRow::summaryId, "the summary group"),
            CsvColumn.of("EPCalc", INTEGER, r -> EP_CALC_FULL_UNCERTAINTY, "2: full uncertainty, all periods ranked into one curve"),
            CsvColumn.of("EPType", INTEGER, EptRow::epType, "1 OEP (each year's largest event), 2 OEP TVaR, 3 AEP (each year's total), 4 AEP TVaR"),
            CsvColumn.of("ReturnPeriod", NUMBER, EptRow::returnPeriod, "return period `T` in years, longest first"),
            CsvColumn.of("Loss", MONEY, EptRow::loss, "the loss at `T` (EPType 1, 3) or the mean beyond it (2, 4), under the run's quantile convention")));

    static final CsvTable<EptRow> EPT_V2 = new CsvTable<>(PATTERN + "ept.csv#v2",
            "With `ord.version: 2`: the EPT with ORD v2's string codes.", List.of(
            CsvColumn.of("SummaryId", INTEGER, EptRow::summaryId, "the summary group"),
            CsvColumn.text("EPMethod", r -> "S_FULL", "`S_FULL`: stochastic full uncertainty (v1 EPCalc 2)"),
            CsvColumn.text("EPType", r -> EP_TYPE_CODES.get(r.epType()), "`OEP`, `TVAR_OEP`, `AEP`, `TVAR_AEP`"),
            CsvColumn.of("ReturnPeriod", NUMBER, EptRow::returnPeriod, "as in v1"),
            CsvColumn.of("Loss", MONEY, EptRow::loss, "as in v1")));

    static final CsvTable<EptRow> PSEPT = new CsvTable<>(PATTERN + "psept.csv",
            "Per-Sample Exceedance Probability Table (ORD PSEPT): the EPT of each sample; with one sample per period, the full-uncertainty curves again.", List.of(
            CsvColumn.of("SummaryId", INTEGER, EptRow::summaryId, "the summary group"),
            CsvColumn.of("SampleId", INTEGER, r -> SAMPLE_ID, "1"),
            CsvColumn.of("EPType", INTEGER, EptRow::epType, "1 OEP, 2 OEP TVaR, 3 AEP, 4 AEP TVaR"),
            CsvColumn.of("ReturnPeriod", NUMBER, EptRow::returnPeriod, "return period in years"),
            CsvColumn.of("Loss", MONEY, EptRow::loss, "as in the EPT")));

    static final CsvTable<EptRow> PSEPT_V2 = new CsvTable<>(PATTERN + "psept.csv#v2",
            "With `ord.version: 2`: the PSEPT with ORD v2's string EPType.", List.of(
            CsvColumn.of("SummaryId", INTEGER, EptRow::summaryId, "the summary group"),
            CsvColumn.of("SampleId", INTEGER, r -> SAMPLE_ID, "1"),
            CsvColumn.text("EPType", r -> EP_TYPE_CODES.get(r.epType()), "`OEP`, `TVAR_OEP`, `AEP`, `TVAR_AEP`"),
            CsvColumn.of("ReturnPeriod", NUMBER, EptRow::returnPeriod, "return period in years"),
            CsvColumn.of("Loss", MONEY, EptRow::loss, "as in the EPT")));

    /** The summary-info table of each set: {@code summary_id}, the field the set groups by, {@code tiv} (as oasislmf writes them). */
    static final List<CsvTable<InfoRow>> SUMMARY_INFO = summaryInfoTables();

    private static List<CsvTable<InfoRow>> summaryInfoTables() {
        List<String> fields = weaklink.economics.SummarySets.FIELDS;
        List<String> meaning = List.of("`All-Risks`: the whole book (every firm; with a book, every insured firm)", "the tier (0 = large buyers)",
                "the size class", "the sector (the product the firms make)");
        List<CsvTable<InfoRow>> out = new ArrayList<>();
        for (int s = 1; s <= SETS; s++) {
            out.add(new CsvTable<>(FOLDER + "/POLICY/PERSP_S" + s + "_summary-info.csv", "What each summary id of set " + s + " is.", List.of(
                    CsvColumn.of("summary_id", INTEGER, InfoRow::summaryId, "the `SummaryId` of the set's tables"),
                    CsvColumn.text(fields.get(s - 1), InfoRow::label, meaning.get(s - 1)),
                    CsvColumn.of("tiv", MONEY, InfoRow::tiv, "the group's exposure: the annual revenue of its firms (`gul`), or the limits of their policies (`il`, `ri`, `rl`; with a book, times its share)"))));
        }
        return out;
    }

    /** Every ORD table, for the documentation. */
    static List<CsvTable<?>> tables() {
        List<CsvTable<?>> out = new ArrayList<>(SUMMARY_INFO);
        out.addAll(List.of(SELT, SPLT, PALT, EPT, PSEPT, PALT_V2, EPT_V2, PSEPT_V2));
        return out;
    }

    /** The path of a table's file for a policy, perspective and summary set. */
    static String file(CsvTable<?> table, String policy, Perspective p, int set) {
        String f = table.file();
        int hash = f.indexOf('#');
        if (hash >= 0) f = f.substring(0, hash);
        return f.replace("POLICY", policy).replace("PERSP", p.prefix).replace("_SN_", "_S" + set + "_");
    }

    /** Every file the export writes for these policies (for the results folder's list of files). */
    static List<String> files(List<String> policies, OrdSettings settings) {
        List<String> out = new ArrayList<>();
        if (!settings.eventLosses().ord()) return out;
        List<CsvTable<?>> tables = settings.eventLosses().eventTables() ? List.of(SELT, SPLT, PALT, EPT, PSEPT) : List.of(PALT, EPT, PSEPT);
        for (String policy : policies) {
            for (Perspective p : perspectives(settings.reinsured())) {
                for (int s = 1; s <= SETS; s++) {
                    out.add(file(SUMMARY_INFO.get(s - 1), policy, p, s));
                    for (CsvTable<?> t : tables) out.add(file(t, policy, p, s));
                }
            }
        }
        return out;
    }

    static List<Perspective> perspectives(boolean reinsured) {
        return reinsured ? List.of(Perspective.values()) : List.of(Perspective.GUL, Perspective.IL);
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    /**
     * What the export needs besides the files: the folder's years and the settings.
     *
     * @param policies      the run's policies, in the manifest's order
     * @param firstReplicate the folder's first replicate
     * @param campaigns     campaigns of each of the folder's years, in order (the same under every policy)
     * @param settings      return periods, quantile convention, ORD version, whether the book is reinsured
     */
    record Run(List<String> policies, int firstReplicate, long[] campaigns, OrdSettings settings) {
        int years() { return campaigns.length; }
    }

    /** {@link #write(Path, Run, List, int)} on as many threads as the machine has cores. */
    static void write(Path dir, Run run, List<Accumulators.SummaryGroup> groups) throws IOException {
        write(dir, run, groups, Runtime.getRuntime().availableProcessors());
    }

    /** {@link #write(Path, Run, List, int, HeldEvents)} reading {@code events.csv}. */
    static void write(Path dir, Run run, List<Accumulators.SummaryGroup> groups, int threads) throws IOException {
        write(dir, run, groups, threads, null);
    }

    /**
     * The rows of {@code events.csv} in the file's order: read from it ({@link EventsReader}) or as the run held them
     * ({@link HeldEvents}), each put straight into a batch's columns.
     */
    interface EventSource extends java.io.Closeable {
        /** The header line, or null for an empty file. */
        String header() throws IOException;

        /** Moves to the next row and gives its policy, or null after the last; a bad line throws as {@link EventRow#parse} does. */
        String next() throws IOException;

        /** Puts the numbers of the row moved to into row {@code k} of {@code b}. */
        void put(Batch b, int k);

        /** The file's line of the last row (the header is line 1). */
        int line();
    }

    /** The rows {@code held}, as the file holds them: its header, then every row in order, with no object made per row. */
    private static EventSource source(HeldEvents held) {
        HeldEvents.Reader rows = held.reader();
        return new EventSource() {
            private boolean header;

            @Override public String header() {
                header = true;
                return EventRow.TABLE.header();
            }

            @Override public String next() {
                if (!header) throw new IllegalStateException("the header comes first");
                return rows.advance() ? rows.policy() : null;
            }

            @Override public void put(Batch b, int k) {
                b.put(k, rows.replicate(), rows.event(), rows.day(), rows.summarySet(), rows.summaryId(), rows.gulLoss(), rows.gulExposure(),
                        rows.ilLoss(), rows.ilExposure(), rows.cededLoss(), rows.retainedLoss());
            }

            @Override public int line() { return header ? rows.line() : 0; }

            @Override public void close() {}
        };
    }

    /** The rows of {@code events.csv} read from the file. */
    private static EventSource source(Path eventsFile, List<String> policies) throws IOException {
        EventsReader in = new EventsReader(eventsFile, policies);
        return new EventSource() {
            private EventRow row;

            @Override public String header() throws IOException { return in.header(); }

            @Override public String next() throws IOException {
                row = in.next();
                return row == null ? null : row.policy();
            }

            @Override public void put(Batch b, int k) {
                b.put(k, row.replicate(), row.event(), row.day(), row.summarySet(), row.summaryId(), row.gulLoss(), row.gulExposure(), row.ilLoss(),
                        row.ilExposure(), row.cededLoss(), row.retainedLoss());
            }

            @Override public int line() { return in.line(); }

            @Override public void close() throws IOException { in.close(); }
        };
    }

    /**
     * Writes {@code ord/} of results folder {@code dir} in one pass over {@code events.csv}: every
     * policy's and perspective's SELT and SPLT streamed as the rows come (a year's SELT rows held to
     * sort them by event id), each summary group's yearly totals kept for its PALT, EPT and PSEPT.
     *
     * <p>With {@code threads > 1} this thread reads and checks {@code events.csv} and hands each
     * policy's rows, in file order and in batches, to its perspectives' writers, which run on a pool of
     * {@code threads} (each writer on one thread at a time, so its files get its rows in file order);
     * at most {@link #BATCHES_PER_THREAD} batches a thread are in flight, so a million-year file is
     * never held. The files are those of one thread byte for byte: a writer sorts and writes its SELT
     * rows when it sees the first row after a change of year in the file (see {@link Output#take}),
     * which is where one thread flushes every writer. On a failure nothing is kept and the first
     * failure in file order is thrown, once every thread of the pool has stopped.
     *
     * <p>With {@code held} (else null), the rows are taken from it instead of reading the file: the
     * run's own rows, held as the file's reader would give them, so the files are the same bytes.
     */
    static void write(Path dir, Run run, List<Accumulators.SummaryGroup> groups, int threads, HeldEvents held) throws IOException {
        if (run.settings().eventLosses() == weaklink.scenario.InsuranceSpec.EventLosses.YEARS) {
            writeFromYears(dir, run, groups, threads);
            return;
        }
        Path eventsFile = dir.resolve(EventRows.EVENTS);
        if (!run.settings().eventLosses().eventTables() || !Files.isRegularFile(eventsFile)) return;
        Output[][] out = new Output[run.policies().size()][perspectives(run.settings().reinsured()).size()];
        ExecutorService pool = pool(threads);
        try {
            writeEvents(dir, run, eventsFile, held, groups, out, pool, threads);
            List<IoTask> sets = new ArrayList<>();
            for (Output[] byPolicy : out) {
                for (Output o : byPolicy) {
                    for (int s = 1; s <= SETS; s++) {
                        int set = s;
                        sets.add(() -> writeSet(dir, run, o.policy, o.perspective, set, groups, o.totals));
                    }
                }
            }
            runAll(pool, sets, setsAtOnce(run.years(), threads));
        } finally {
            stop(pool);
        }
    }

    /** The SELT and SPLT of every policy and perspective, committed together once the whole file is read, and each group's totals. */
    private static void writeEvents(Path dir, Run run, Path eventsFile, HeldEvents held, List<Accumulators.SummaryGroup> groups, Output[][] out,
                                    ExecutorService pool, int threads) throws IOException {
        double weight = 1.0 / run.years();
        List<Perspective> perspectives = perspectives(run.settings().reinsured());
        try {
            for (int pi = 0; pi < out.length; pi++) {
                Files.createDirectories(dir.resolve(FOLDER).resolve(run.policies().get(pi)));
                for (int q = 0; q < perspectives.size(); q++) {
                    out[pi][q] = new Output(dir, run.policies().get(pi), perspectives.get(q), groups.size(), weight, pi * perspectives.size() + q);
                }
            }
            Streams streams = new Streams(out, pool, threads);
            try (EventSource in = held != null ? source(held) : source(eventsFile, run.policies())) {
                String header = in.header();
                if (header == null || !header.equals(EventRow.TABLE.header())) throw new IOException(eventsFile + ": unexpected header");
                RowChecks rows = new RowChecks(run, groups, eventsFile);
                while (!streams.failed && rows.next(in, streams)) {
                    // each row is checked and handed on by RowChecks.next
                }
            } catch (IOException | RuntimeException | Error e) {
                streams.fail(Streams.READER, e); // a writer fails only on an earlier line: its failure comes first
            }
            streams.finish();
            List<IoTask> commits = new ArrayList<>();
            for (Output[] byPolicy : out) {
                for (Output o : byPolicy) {
                    commits.add(() -> {
                        o.flushSelt();
                        o.selt.commit();
                        o.splt.commit();
                    });
                }
            }
            runAll(pool, commits);
        } finally {
            // every writer has stopped here: finish() and runAll() return only once their tasks have
            for (Output[] byPolicy : out) for (Output o : byPolicy) if (o != null) o.discard();
        }
    }

    /**
     * Writes the summary-info, PALT, EPT and PSEPT files of {@code ord/} from {@code year_losses.csv}
     * (a run with {@code insurance.event_losses: years}): each year's total and largest event per
     * summary group and perspective, in whole cents as {@code events.csv} would have summed to, so the
     * tables are those a run keeping every event writes. No SELT or SPLT: they need the events.
     */
    private static void writeFromYears(Path dir, Run run, List<Accumulators.SummaryGroup> groups, int threads) throws IOException {
        Path yearsFile = dir.resolve(EventRows.YEARS);
        if (!Files.isRegularFile(yearsFile)) return;
        int n = run.years();
        GroupCells cells = new GroupCells(groups);
        Map<String, Integer> policyIndex = new LinkedHashMap<>();
        for (String policy : run.policies()) policyIndex.put(policy, policyIndex.size());
        List<Perspective> perspectives = perspectives(run.settings().reinsured());
        YearTotals[][][] totals = new YearTotals[run.policies().size()][perspectives.size()][groups.size()];
        for (YearTotals[][] byPolicy : totals) for (YearTotals[] byPerspective : byPolicy) for (int c = 0; c < groups.size(); c++) byPerspective[c] = new YearTotals();
        try (BufferedReader in = Files.newBufferedReader(yearsFile, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.equals(EventRows.YearRow.TABLE.header())) throw new IOException(yearsFile + ": unexpected header");
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isEmpty()) continue;
                EventRows.YearRow r;
                try {
                    r = EventRows.YearRow.parse(line);
                } catch (RuntimeException e) {
                    throw new IOException(yearsFile + ":" + lineNo + ": " + e.getMessage(), e);
                }
                Integer pi = policyIndex.get(r.policy());
                if (pi == null) throw new IOException(yearsFile + ":" + lineNo + ": policy '" + r.policy() + "' is not one of the run's");
                int y = r.replicate() - run.firstReplicate();
                if (y < 0 || y >= n) throw new IOException(yearsFile + ":" + lineNo + ": replicate " + r.replicate() + " is not one of the folder's");
                int cell = cells.of(r.summarySet(), r.summaryId());
                if (cell < 0) throw new IOException(yearsFile + ":" + lineNo + ": no summary group " + r.summarySet() + "/" + r.summaryId());
                for (int q = 0; q < perspectives.size(); q++) {
                    double[] loss = perspectives.get(q).year(r);
                    if (loss[0] > 0) totals[pi][q][cell].addYear(y, Math.round(loss[0] * 100), Math.round(loss[1] * 100));
                }
            }
        }
        List<IoTask> sets = new ArrayList<>();
        for (int pi = 0; pi < totals.length; pi++) {
            Files.createDirectories(dir.resolve(FOLDER).resolve(run.policies().get(pi)));
            for (int q = 0; q < perspectives.size(); q++) {
                for (int s = 1; s <= SETS; s++) {
                    String policy = run.policies().get(pi);
                    Perspective p = perspectives.get(q);
                    YearTotals[] t = totals[pi][q];
                    int set = s;
                    sets.add(() -> writeSet(dir, run, policy, p, set, groups, t));
                }
            }
        }
        ExecutorService pool = pool(threads);
        try {
            runAll(pool, sets, setsAtOnce(n, threads));
        } finally {
            stop(pool);
        }
    }

    /**
     * The cell (place in the list of summary groups) of each (summary set, id), found for a row without a boxed key:
     * each set's ids sorted, searched by halves (a map keyed by a {@code Long} made one object per row, 15 MB on
     * japan-manufacturing). A (set, id) listed twice is the later one's, as a map's last put.
     */
    static final class GroupCells {
        private final Map<Integer, int[][]> bySet = new LinkedHashMap<>();

        GroupCells(List<Accumulators.SummaryGroup> groups) {
            Map<Integer, Map<Integer, Integer>> cells = new LinkedHashMap<>();
            for (int c = 0; c < groups.size(); c++) cells.computeIfAbsent(groups.get(c).set(), k -> new java.util.TreeMap<>()).put(groups.get(c).id(), c);
            for (Map.Entry<Integer, Map<Integer, Integer>> e : cells.entrySet()) {
                int[] ids = new int[e.getValue().size()], cell = new int[ids.length];
                int i = 0;
                for (Map.Entry<Integer, Integer> g : e.getValue().entrySet()) {
                    ids[i] = g.getKey();
                    cell[i++] = g.getValue();
                }
                bySet.put(e.getKey(), new int[][] {ids, cell});
            }
        }

        /** The cell of group {@code id} of set {@code set}, or -1 when there is none. */
        int of(int set, int id) {
            int[][] t = bySet.get(set); // sets are small numbers: their boxes are the JDK's cached ones
            if (t == null) return -1;
            int i = Arrays.binarySearch(t[0], id);
            return i < 0 ? -1 : t[1][i];
        }
    }

    /**
     * Checks each row of {@code events.csv} as the reader takes it and works out what its writers need: its year, the
     * changes of year before it, its summary group's cell, its event id unique in the run and its date. A class of its
     * own, not the body of the reader's loop: C1 compiles the loop while it runs (on-stack replacement), and with a
     * row's checks inlined into it that compilation was some 40-80 kB of code, twice, inside the phase.
     */
    private static final class RowChecks {
        private final Run run;
        private final Path file;
        private final long[] eventBase;
        private final GroupCells cells;
        private final Map<String, Integer> policyIndex = new LinkedHashMap<>();
        private int year = -1, yearChanges;

        RowChecks(Run run, List<Accumulators.SummaryGroup> groups, Path file) {
            this.run = run;
            this.file = file;
            this.eventBase = new long[run.years()];
            for (int i = 1; i < eventBase.length; i++) eventBase[i] = eventBase[i - 1] + run.campaigns()[i - 1];
            this.cells = new GroupCells(groups);
            for (String policy : run.policies()) policyIndex.put(policy, policyIndex.size());
        }

        /** Reads, checks and hands on the next row of {@code in}: false after the last; a row that breaks the file's contract throws. */
        boolean next(EventSource in, Streams streams) throws IOException {
            String policy;
            try {
                policy = in.next();
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + in.line() + ": " + e.getMessage(), e);
            }
            if (policy == null) return false;
            int lineNo = in.line();
            Integer pi = policyIndex.get(policy);
            if (pi == null) throw new IOException(file + ":" + lineNo + ": policy '" + policy + "' is not one of the run's");
            Batch b = streams.filling(pi);
            int k = b.size;
            in.put(b, k);
            int y = b.replicate[k] - run.firstReplicate();
            if (y < 0 || y >= run.years()) throw new IOException(file + ":" + lineNo + ": replicate " + b.replicate[k] + " is not one of the folder's");
            if (y < year) {
                throw new IOException(file + ":" + lineNo + ": replicate " + b.replicate[k] + " after replicate " + (year + run.firstReplicate())
                        + ": rows must be in replicate order");
            }
            if (y != year) {
                yearChanges++;
                year = y;
            }
            int cell = cells.of(b.summarySet[k], b.summaryId[k]);
            if (cell < 0) throw new IOException(file + ":" + lineNo + ": no summary group " + b.summarySet[k] + "/" + b.summaryId[k]);
            int dayOfYear = Math.floorMod(b.day[k], 365);
            b.checked(k, lineNo, yearChanges, y, cell, Math.toIntExact(eventBase[y] + b.event[k] + 1), month(dayOfYear), dayOfMonth(dayOfYear));
            streams.added(pi);
            return true;
        }
    }

    /**
     * Rows of {@code events.csv} of one policy handed together to its perspectives' writers, held in columns (no
     * object per row): the numbers of each row the writers use, then what the reader worked out of it as it checked
     * it (its line, the changes of year before it, its year, summary group cell, event id, month and day of month).
     * Filled by the reader, read only by the writers, and filled again once each of them has taken its rows: a
     * million rows make no garbage (an object or two per row were about 150 MB, a collection and a half, on
     * japan-manufacturing's 1,000 years).
     */
    static final class Batch {
        final int[] replicate = new int[BATCH], event = new int[BATCH], summarySet = new int[BATCH], summaryId = new int[BATCH];
        final double[] gulLoss = new double[BATCH], gulExposure = new double[BATCH], ilLoss = new double[BATCH], ilExposure = new double[BATCH],
                cededLoss = new double[BATCH], retainedLoss = new double[BATCH];
        /** The row's day (from 0) as read, then the day of its month. */
        final int[] day = new int[BATCH];
        final int[] line = new int[BATCH], yearChanges = new int[BATCH], year = new int[BATCH], cell = new int[BATCH], eventId = new int[BATCH],
                month = new int[BATCH];
        int size;
        /** Writers that have yet to take the rows: the last one hands the batch back to be filled again. */
        final AtomicInteger untaken = new AtomicInteger();

        /** Row {@code k}'s numbers, as read. */
        void put(int k, int replicateIndex, int eventInYear, int dayIndex, int set, int id, double gulLossAmount, double gulExposureAmount,
                 double ilLossAmount, double ilExposureAmount, double cededLossAmount, double retainedLossAmount) {
            replicate[k] = replicateIndex;
            event[k] = eventInYear;
            day[k] = dayIndex;
            summarySet[k] = set;
            summaryId[k] = id;
            gulLoss[k] = gulLossAmount;
            gulExposure[k] = gulExposureAmount;
            ilLoss[k] = ilLossAmount;
            ilExposure[k] = ilExposureAmount;
            cededLoss[k] = cededLossAmount;
            retainedLoss[k] = retainedLossAmount;
        }

        /** What the reader worked out of row {@code k}. */
        void checked(int k, int lineNo, int changes, int y, int groupCell, int id, int monthOfYear, int dayOfMonth) {
            line[k] = lineNo;
            yearChanges[k] = changes;
            year[k] = y;
            cell[k] = groupCell;
            eventId[k] = id;
            month[k] = monthOfYear;
            day[k] = dayOfMonth;
        }
    }

    /** Rows of a policy in one batch: large enough that handing them over costs little next to writing them. */
    static final int BATCH = 1024;
    /** Batches in flight per thread of the pool, the bound on the rows held. */
    static final int BATCHES_PER_THREAD = 4;

    /** What one (policy, perspective) is writing: its SELT and SPLT files, a year's SELT rows, each group's totals by year. */
    private static final class Output {
        final String policy;
        final Perspective perspective;
        final Writers selt, splt;
        /** A year's SELT rows of each summary set, held to be written in event id order. */
        final YearSelt[] yearSelt = {new YearSelt(), new YearSelt(), new YearSelt(), new YearSelt()};
        final YearTotals[] totals;
        /** Makes its SPLT rows, whose bytes its SELT rows are made of. */
        private final SpltLine spltLine;
        /** Its position among the writers, the order of failures on one line. */
        private final int index;
        private int yearChanges;
        private final ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();

        Output(Path dir, String policy, Perspective perspective, int cells, double weight, int index) throws IOException {
            this.policy = policy;
            this.perspective = perspective;
            this.spltLine = new SpltLine(NUMBER.write(weight).getBytes(StandardCharsets.US_ASCII));
            this.index = index;
            this.totals = new YearTotals[cells];
            for (int c = 0; c < cells; c++) totals[c] = new YearTotals();
            Writers s = new Writers(dir, policy, perspective, SELT);
            try {
                this.splt = new Writers(dir, policy, perspective, SPLT);
            } catch (IOException | RuntimeException e) {
                s.discard();
                throw e;
            }
            this.selt = s;
        }

        /**
         * Writes one row of its policy. The SELT rows held are sorted and written at this writer's
         * first row after a change of year in the file: one thread writes them at the file's first row
         * after the change, for every writer, and a writer is given none of its rows in between, so it
         * holds the same rows either way and writes the same sorted blocks.
         */
        void take(Batch b, int k) throws IOException {
            if (b.yearChanges[k] != yearChanges) {
                flushSelt();
                yearChanges = b.yearChanges[k];
            }
            double loss = perspective.losses(b)[k];
            if (loss <= 0) return;
            double exposure = perspective.exposures(b)[k];
            int set = b.summarySet[k], period = b.replicate[k] + 1;
            CsvBytes rows = splt.rows(set);
            spltLine.append(rows, period, b.eventId[k], period, b.month[k], b.day[k], b.summaryId[k], loss, exposure);
            yearSelt[set - 1].add(b.eventId[k], b.summaryId[k], rows, spltLine);
            splt.rowEnded(set);
            totals[b.cell[k]].add(b.year[k], Math.round(loss * 100));
        }

        /** Queues a batch; a writer runs on one pool thread at a time, its batches in the order given. */
        void offer(Batch b, Streams streams) {
            queue.add(b);
            if (queued.getAndIncrement() == 0) streams.execute(() -> drain(streams));
        }

        private void drain(Streams streams) {
            do {
                Batch b = queue.poll();
                int k = 0;
                try {
                    if (!streams.writerFailed) for (; k < b.size; k++) take(b, k);
                } catch (IOException | RuntimeException | Error e) {
                    streams.fail(b.line[k], index, e);
                } finally {
                    streams.taken(b);
                }
            } while (queued.decrementAndGet() > 0);
        }

        void flushSelt() throws IOException { OrdExport.flushSelt(selt, yearSelt); }

        void discard() throws IOException {
            selt.discard();
            splt.discard();
        }
    }

    /**
     * Hands each policy's rows to its perspectives' writers: at once on this thread without a pool,
     * else in batches to the pool, at most {@code permits} (batch, writer) pairs unwritten.
     */
    private static final class Streams {
        /** The line of a failure of the reader: after every writer's, since writers have only the rows before it. */
        static final long READER = Long.MAX_VALUE;
        private final Output[][] out;
        private final ExecutorService pool;
        /** Each policy's batch being filled. */
        private final Batch[] filling;
        /** Batches every writer has taken, to be filled again. */
        private final ConcurrentLinkedQueue<Batch> free = new ConcurrentLinkedQueue<>();
        private final int permits;
        final Semaphore inFlight;
        /** The reader stops at any failure, the writers at a writer's (a bad line still lets them write the rows before it). */
        volatile boolean failed, writerFailed;
        private Throwable first;
        private long firstLine;
        private int firstWriter;

        Streams(Output[][] out, ExecutorService pool, int threads) {
            this.out = out;
            this.pool = pool;
            this.filling = new Batch[out.length];
            int writersPerPolicy = out.length == 0 ? 1 : Math.max(1, out[0].length);
            this.permits = BATCHES_PER_THREAD * Math.max(1, threads) * writersPerPolicy;
            this.inFlight = new Semaphore(permits);
        }

        /** The batch the next row of {@code policy} goes into (as its row {@code size}); {@link #added} once it is there. */
        Batch filling(int policy) {
            Batch b = filling[policy];
            if (b == null) {
                b = free.poll();
                if (b == null) b = new Batch();
                b.size = 0;
                filling[policy] = b;
            }
            return b;
        }

        /** Counts the row put into {@code policy}'s batch: at once written without a pool, else handed over with a full batch. */
        void added(int policy) throws IOException {
            Batch b = filling[policy];
            if (pool == null) {
                for (Output o : out[policy]) o.take(b, b.size);
                return; // the row is written: the next one takes its place
            }
            if (++b.size == BATCH) dispatch(policy);
        }

        private void dispatch(int policy) {
            Batch b = filling[policy];
            filling[policy] = null;
            b.untaken.set(out[policy].length);
            inFlight.acquireUninterruptibly(out[policy].length);
            for (Output o : out[policy]) o.offer(b, this);
        }

        /** A writer has taken its rows of {@code b}; the last one lets it be filled again. */
        void taken(Batch b) {
            if (b.untaken.decrementAndGet() == 0) free.add(b);
            inFlight.release();
        }

        void execute(Runnable task) {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException e) {
                task.run(); // no thread to be had: write here rather than leave the batch unwritten
            }
        }

        /** Records a failure on {@code line} (of writer {@code writer}); the first in file order is the one thrown. */
        synchronized void fail(long line, int writer, Throwable e) {
            if (writer >= 0) writerFailed = true;
            failed = true;
            if (first == null || line < firstLine || line == firstLine && writer < firstWriter) {
                first = e;
                firstLine = line;
                firstWriter = writer;
            }
        }

        void fail(long line, Throwable e) { fail(line, -1, e); }

        /** Hands over the last rows, waits until every writer has stopped, and throws the first failure. */
        void finish() throws IOException {
            if (pool != null) {
                for (int p = 0; p < out.length; p++) if (filling[p] != null && filling[p].size > 0 && !writerFailed) dispatch(p);
                inFlight.acquireUninterruptibly(permits);
            }
            Throwable e;
            synchronized (this) {
                e = first;
            }
            if (e != null) rethrow(e);
        }
    }

    /** A piece of writing that can run on any thread. */
    @FunctionalInterface
    private interface IoTask {
        void run() throws IOException;
    }

    /** A pool of {@code threads} daemon threads, or none for one thread (everything then runs on the caller's). */
    private static ExecutorService pool(int threads) {
        if (threads <= 1) return null;
        return Executors.newFixedThreadPool(threads, r -> PhaseTimer.poolThread(r, "weaklink-ord-writer"));
    }

    /**
     * Bytes a summary set's PALT, EPT and PSEPT hold at once per year of the folder, generously: its two
     * year arrays, and the sorted copy of one of them and what the return periods keep of it.
     */
    static final int SET_BYTES_PER_YEAR = 48;

    /**
     * How many summary sets to write at once: up to {@code threads}, as many as half the heap still free
     * holds (a million-year folder writes them one at a time in a small heap, as it did on one thread).
     */
    static int setsAtOnce(int years, int threads) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long each = Math.max(1, (long) SET_BYTES_PER_YEAR * years);
        return (int) Math.max(1, Math.min(threads, free / 2 / each));
    }

    /** {@link #runAll(ExecutorService, List, int)} with no other bound than the pool's. */
    private static void runAll(ExecutorService pool, List<IoTask> tasks) throws IOException {
        runAll(pool, tasks, Integer.MAX_VALUE);
    }

    /**
     * Runs the tasks, at most {@code atOnce} at a time (in order on this thread without a pool or with one
     * at a time), waits for all of them, and throws the first failure in their order.
     */
    private static void runAll(ExecutorService pool, List<IoTask> tasks, int atOnce) throws IOException {
        if (pool == null || atOnce <= 1) {
            for (IoTask t : tasks) t.run();
            return;
        }
        Semaphore running = new Semaphore(atOnce);
        List<Future<Void>> futures = new ArrayList<>();
        for (IoTask t : tasks) {
            futures.add(pool.submit(() -> {
                running.acquireUninterruptibly();
                try {
                    t.run();
                } finally {
                    running.release();
                }
                return null;
            }));
        }
        Throwable first = null;
        boolean interrupted = false;
        for (Future<Void> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the tasks are writing into the folder: let them finish or fail first
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (first != null) rethrow(first);
    }

    /** Stops the pool once its tasks are done (they are, when this is called: every task is waited for). */
    private static void stop(ExecutorService pool) {
        if (pool == null) return;
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static void rethrow(Throwable e) throws IOException {
        if (e instanceof IOException io) throw io;
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        throw new IllegalStateException(e);
    }

    /** Writes a year's SELT rows of each set in event id order. */
    private static void flushSelt(Writers selt, YearSelt[] yearSelt) throws IOException {
        for (int s = 0; s < SETS; s++) {
            yearSelt[s].appendSorted(selt.rows(s + 1));
            selt.rowEnded(s + 1);
        }
    }

    /**
     * A year's SELT rows of one summary set, held as their lines' bytes and ids (no object per row) until they are
     * written in order of event id and summary id, rows of equal ids in the order added: the order of a stable sort by
     * that comparator, by a merge sort of their positions.
     */
    static final class YearSelt {
        /** Runs this short are sorted by insertion. */
        private static final int INSERTION = 16;
        private int size;
        private int[] eventId = new int[16], summaryId = new int[16], order = new int[16], merged = new int[16];
        /** Where each row's line starts in {@link #lines}; the next row's start (or the end of the lines) is where it ends. */
        private int[] start = new int[17];
        private final CsvBytes lines = new CsvBytes(1024);

        /**
         * Holds the SELT row of the SPLT row {@code line} has just appended to {@code splt}: a SELT line is the SPLT
         * line's event id cell, a comma, then its cells from the summary id to the line end (the two tables end
         * alike), so its amounts are copied, not written again.
         */
        void add(int event, int summary, CsvBytes splt, SpltLine line) {
            if (size == eventId.length) {
                int capacity = 2 * size;
                eventId = Arrays.copyOf(eventId, capacity);
                summaryId = Arrays.copyOf(summaryId, capacity);
                start = Arrays.copyOf(start, capacity + 1);
                order = new int[capacity];
                merged = new int[capacity];
            }
            eventId[size] = event;
            summaryId[size] = summary;
            start[size] = lines.size();
            lines.raw(splt, line.eventFrom, line.eventTo).comma().line(splt, line.tailFrom, splt.size());
            size++;
        }

        /** Appends the rows held to {@code out} in order, as {@link #SELT} writes each, and forgets them. */
        void appendSorted(CsvBytes out) {
            for (int i = 0; i < size; i++) order[i] = i;
            sort(0, size);
            start[size] = lines.size();
            for (int i = 0; i < size; i++) {
                int k = order[i];
                out.line(lines, start[k], start[k + 1]);
            }
            size = 0;
            lines.clear();
        }

        /** Sorts {@code order[from, to)} stably by the rows' (event id, summary id). */
        private void sort(int from, int to) {
            if (to - from <= INSERTION) {
                for (int i = from + 1; i < to; i++) {
                    int x = order[i], j = i;
                    for (; j > from && before(x, order[j - 1]); j--) order[j] = order[j - 1];
                    order[j] = x;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            sort(from, mid);
            sort(mid, to);
            if (!before(order[mid], order[mid - 1])) return; // the halves are in order already
            System.arraycopy(order, from, merged, from, mid - from);
            int i = from, j = mid, k = from;
            while (i < mid && j < to) order[k++] = before(order[j], merged[i]) ? order[j++] : merged[i++];
            while (i < mid) order[k++] = merged[i++];
        }

        /** Whether row {@code a} comes strictly before row {@code b}. */
        private boolean before(int a, int b) {
            return eventId[a] != eventId[b] ? eventId[a] < eventId[b] : summaryId[a] < summaryId[b];
        }
    }

    /** {@code ,1,}: the cells between a row's summary id and its loss, the same on every SELT and SPLT row ({@link #SAMPLE_ID}). */
    static final byte[] SAMPLE_CELL = ascii("," + INTEGER.write(SAMPLE_ID) + ",");

    /** Days of each month of the 365-day calendar (declared before {@link #DATE_CELLS}, which is made from it). */
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * The cells between an SPLT row's year and its summary id, {@code ,MONTH,DAY,0,0,}, made once for each date of
     * the 365-day calendar (index {@code 32 * month + day}): every row is one of them.
     */
    private static final byte[][] DATE_CELLS = new byte[13 * 32][];

    static {
        for (int dayOfYear = 0; dayOfYear < 365; dayOfYear++) {
            int month = month(dayOfYear), day = dayOfMonth(dayOfYear);
            DATE_CELLS[32 * month + day] = ascii("," + INTEGER.write(month) + "," + INTEGER.write(day) + "," + INTEGER.write(0) + "," + INTEGER.write(0) + ",");
        }
    }

    private static byte[] ascii(String cells) { return cells.getBytes(StandardCharsets.US_ASCII); }

    /**
     * Makes the lines of {@link #SPLT}, as {@code SPLT.line} and its '\n' (OrdExportTest compares them), without a row
     * object, the cells that repeat from row to row made once: the period weight's, and {@code PERIOD,WEIGHT,} and
     * {@code ,YEAR} of the last period and year (a writer's rows come year by year). After each line it tells where its
     * event id cell and its cells from the summary id on lie, the bytes of the row's SELT line ({@link YearSelt#add}).
     */
    static final class SpltLine {
        private final byte[] weightCell;
        private int period, year;
        private byte[] periodCells, yearCell;
        /** In the buffer of the last line: its event id cell {@code [eventFrom, eventTo)}, and where its summary id cell starts. */
        int eventFrom, eventTo, tailFrom;

        SpltLine(byte[] weightCell) { this.weightCell = weightCell; }

        void append(CsvBytes out, int period, int eventId, int year, int month, int day, int summaryId, double loss, double exposure) {
            if (periodCells == null || period != this.period) {
                periodCells = new CsvBytes(32).integer(period).comma().raw(weightCell).comma().toByteArray();
                this.period = period;
            }
            if (yearCell == null || year != this.year) {
                yearCell = new CsvBytes(16).comma().integer(year).toByteArray();
                this.year = year;
            }
            out.raw(periodCells);
            eventFrom = out.size();
            out.integer(eventId);
            eventTo = out.size();
            out.raw(yearCell);
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && DATE_CELLS[32 * month + day] != null) out.raw(DATE_CELLS[32 * month + day]);
            else out.comma().integer(month).comma().integer(day).comma().integer(0).comma().integer(0).comma();
            tailFrom = out.size();
            out.integer(summaryId).raw(SAMPLE_CELL).money(loss).comma().money(exposure).newline();
        }
    }

    /** The summary-info, PALT, EPT and PSEPT of one summary set. */
    private static void writeSet(Path dir, Run run, String policy, Perspective p, int set, List<Accumulators.SummaryGroup> groups,
                                 YearTotals[] totals) throws IOException {
        int n = run.years();
        OrdSettings settings = run.settings();
        List<InfoRow> info = new ArrayList<>();
        List<PaltRow> palt = new ArrayList<>();
        List<List<EptRow>> ept = new ArrayList<>();
        for (int t = 0; t <= 4; t++) ept.add(new ArrayList<>());
        List<Double> periods = ReturnPeriodLosses.supported(n, settings.returnPeriods());
        for (int c = 0; c < groups.size(); c++) {
            Accumulators.SummaryGroup g = groups.get(c);
            if (g.set() != set) continue;
            info.add(new InfoRow(g.id(), g.label(), p.tiv(g)));
            YearTotals y = totals[c];
            if (y.size() == 0) continue;
            palt.add(new PaltRow(g.id(), y.sum() / n, y.sd(n)));
            // the curves from the years with a loss, sorted, and the count of the others (no array of every year)
            for (ReturnPeriodLosses.Point pt : ReturnPeriodLosses.ofNonZero(y.sortedNonZero(true), n, periods, settings.quantile())) {
                ept.get(OEP).add(new EptRow(g.id(), OEP, pt.returnPeriod(), pt.loss()));
                ept.get(OEP_TVAR).add(new EptRow(g.id(), OEP_TVAR, pt.returnPeriod(), pt.tailValue()));
            }
            for (ReturnPeriodLosses.Point pt : ReturnPeriodLosses.ofNonZero(y.sortedNonZero(false), n, periods, settings.quantile())) {
                ept.get(AEP).add(new EptRow(g.id(), AEP, pt.returnPeriod(), pt.loss()));
                ept.get(AEP_TVAR).add(new EptRow(g.id(), AEP_TVAR, pt.returnPeriod(), pt.tailValue()));
            }
        }
        List<EptRow> eptRows = new ArrayList<>();
        for (int t = 1; t <= 4; t++) eptRows.addAll(ept.get(t));
        boolean v2 = settings.version() == 2;
        Path folder = dir;
        CsvTable<InfoRow> infoTable = SUMMARY_INFO.get(set - 1);
        AtomicFile.writeString(folder.resolve(file(infoTable, policy, p, set)), infoTable.render(info));
        CsvTable<PaltRow> paltTable = v2 ? PALT_V2 : PALT;
        AtomicFile.writeString(folder.resolve(file(paltTable, policy, p, set)), paltTable.render(palt));
        if (v2) {
            AtomicFile.writeString(folder.resolve(file(EPT_V2, policy, p, set)), EPT_V2.render(eptRows));
            AtomicFile.writeString(folder.resolve(file(PSEPT_V2, policy, p, set)), PSEPT_V2.render(eptRows));
            return;
        }
        // v1's curves as bytes (a set of 190 groups has 5,320 rows in each file), each return period's cell made once
        ReturnPeriodCells cells = new ReturnPeriodCells(periods);
        writeCurves(folder.resolve(file(EPT, policy, p, set)), EPT, EP_CALC_CELL, eptRows, cells);
        writeCurves(folder.resolve(file(PSEPT, policy, p, set)), PSEPT, SAMPLE_CELL, eptRows, cells);
    }

    /** Writes the {@link #EPT} or {@link #PSEPT} ({@code secondCell} its second column's cell between commas) of {@code rows}. */
    private static void writeCurves(Path target, CsvTable<EptRow> table, byte[] secondCell, List<EptRow> rows, ReturnPeriodCells cells) throws IOException {
        CsvBytes out = new CsvBytes(48 * rows.size() + 64).ascii(table.header()).newline();
        for (EptRow r : rows) appendCurve(out, secondCell, r, cells.cell(r.returnPeriod()));
        AtomicFile.Pending file = AtomicFile.openStream(target);
        try {
            out.writeTo(file);
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
        file.commit();
    }

    /** {@code ,2,}: the EPT's `EPCalc` cell between commas, the same on every row ({@link #EP_CALC_FULL_UNCERTAINTY}). */
    static final byte[] EP_CALC_CELL = ascii("," + INTEGER.write(EP_CALC_FULL_UNCERTAINTY) + ",");

    /**
     * Appends {@code r}'s line of {@link #EPT} (with {@code secondCell} {@code ,2,}) or of {@link #PSEPT} (with {@code ,1,}),
     * {@code returnPeriodCell} its return period's cell: as {@code EPT.line(r)} or {@code PSEPT.line(r)} and its '\n'
     * (OrdExportTest compares them).
     */
    static void appendCurve(CsvBytes out, byte[] secondCell, EptRow r, byte[] returnPeriodCell) {
        out.integer(r.summaryId()).raw(secondCell).integer(r.epType()).comma().raw(returnPeriodCell).comma().money(r.loss()).newline();
    }

    /** The {@link weaklink.io.CsvFormat#NUMBER} cells of a set's return periods, made once each; any other period's made when asked. */
    static final class ReturnPeriodCells {
        private final double[] periods;
        private final byte[][] cells;

        ReturnPeriodCells(List<Double> periods) {
            this.periods = new double[periods.size()];
            this.cells = new byte[periods.size()][];
            for (int i = 0; i < this.periods.length; i++) {
                this.periods[i] = periods.get(i);
                cells[i] = ascii(NUMBER.write(this.periods[i]));
            }
        }

        byte[] cell(double returnPeriod) {
            for (int i = 0; i < periods.length; i++) {
                if (Double.doubleToRawLongBits(periods[i]) == Double.doubleToRawLongBits(returnPeriod)) return cells[i];
            }
            return ascii(NUMBER.write(returnPeriod));
        }
    }

    /** Month (1-12) of a day of a 365-day year (0 = 1 January). */
    static int month(int dayOfYear) {
        int d = dayOfYear;
        for (int m = 0; m < 12; m++) {
            if (d < MONTH_DAYS[m]) return m + 1;
            d -= MONTH_DAYS[m];
        }
        throw new IllegalArgumentException("day of year " + dayOfYear);
    }

    /** Day of the month (1-31) of a day of a 365-day year. */
    static int dayOfMonth(int dayOfYear) {
        int d = dayOfYear;
        for (int m = 0; m < 12; m++) {
            if (d < MONTH_DAYS[m]) return d + 1;
            d -= MONTH_DAYS[m];
        }
        throw new IllegalArgumentException("day of year " + dayOfYear);
    }

    /** The streamed files of one kind (SELT or SPLT), one per summary set, written under temporary names until committed. */
    private static final class Writers {
        /** Bytes of rows gathered before they are written as one block. */
        static final int BLOCK = 1 << 16;
        private final AtomicFile.Pending[] files = new AtomicFile.Pending[SETS];
        /** Each file's rows not yet written: a table of numbers, made as bytes (see {@link SpltLine}, {@link YearSelt}). */
        private final CsvBytes[] rows = new CsvBytes[SETS];
        private boolean committed;

        Writers(Path dir, String policy, Perspective p, CsvTable<?> table) throws IOException {
            try {
                for (int s = 0; s < SETS; s++) {
                    files[s] = AtomicFile.openStream(dir.resolve(file(table, policy, p, s + 1)));
                    rows[s] = new CsvBytes(BLOCK + 256).ascii(table.header()).newline();
                }
            } catch (IOException | RuntimeException e) {
                discard();
                throw e;
            }
        }

        /** Where the rows of set {@code set}'s file go; call {@link #rowEnded} after each. */
        CsvBytes rows(int set) { return rows[set - 1]; }

        /** Writes a block of set {@code set}'s rows out once it is large enough. */
        void rowEnded(int set) throws IOException {
            if (rows[set - 1].size() >= BLOCK) writeOut(set - 1);
        }

        private void writeOut(int s) throws IOException {
            rows[s].writeTo(files[s]);
        }

        void commit() throws IOException {
            for (int s = 0; s < SETS; s++) {
                writeOut(s);
                files[s].closeFile(); // every file written whole before any is renamed
            }
            for (AtomicFile.Pending f : files) f.commit();
            committed = true;
        }

        /** Closes and removes the temporary files of a pass that failed. */
        void discard() throws IOException {
            if (committed) return;
            for (AtomicFile.Pending f : files) if (f != null) f.discard();
        }
    }

    /**
     * One summary group's totals by year, for the years with a loss only (in year order, as
     * {@code events.csv} or {@code year_losses.csv} gives them): the year's total and its largest event,
     * in whole cents (the losses as written are whole cents, so the sums are exact whichever file they
     * come from and in whatever order they are added).
     */
    static final class YearTotals {
        private int size;
        private int[] year = new int[8];
        private long[] aggregate = new long[8], largest = new long[8];
        private long sum;

        /** Adds one event's loss of {@code cents} in year {@code y}. */
        void add(int y, long cents) {
            sum += cents;
            if (size > 0 && year[size - 1] == y) {
                aggregate[size - 1] += cents;
                largest[size - 1] = Math.max(largest[size - 1], cents);
                return;
            }
            grow();
            year[size] = y;
            aggregate[size] = cents;
            largest[size] = cents;
            size++;
        }

        /** Adds year {@code y}'s total and largest event, in cents (each year once). */
        void addYear(int y, long totalCents, long largestCents) {
            if (size > 0 && year[size - 1] >= y) throw new IllegalArgumentException("year " + y + " after year " + year[size - 1]);
            sum += totalCents;
            grow();
            year[size] = y;
            aggregate[size] = totalCents;
            largest[size] = largestCents;
            size++;
        }

        private void grow() {
            if (size < year.length) return;
            year = Arrays.copyOf(year, 2 * size);
            aggregate = Arrays.copyOf(aggregate, 2 * size);
            largest = Arrays.copyOf(largest, 2 * size);
        }

        int size() { return size; }

        /** The sum of every loss added. */
        double sum() { return sum / 100.0; }

        /** One value per year of {@code n} (0 for years without loss): the totals, or the largest events. */
        double[] dense(int n, boolean largestEvent) {
            double[] out = new double[n];
            for (int k = 0; k < size; k++) out[year[k]] = (largestEvent ? largest[k] : aggregate[k]) / 100.0;
            return out;
        }

        /**
         * {@code Sample.sd} of {@link #dense}{@code (n, false)} about its {@code Sample.mean}, without the array:
         * the same sums in year order, each year without a loss adding {@code (0 − mean)²}, which is
         * {@code mean·mean} to the bit (adding its +0.0 to the mean's sum changes nothing). Years added out of
         * order (not the case of the files read) are taken from the dense array as before.
         */
        double sd(int n) {
            for (int k = 1; k < size; k++) if (year[k] <= year[k - 1]) return Sample.sd(dense(n, false), Sample.mean(dense(n, false)));
            double m = 0;
            for (int k = 0; k < size; k++) m += aggregate[k] / 100.0;
            double mean = n == 0 ? Double.NaN : m / n, zero = mean * mean, ss = 0;
            int y = 0;
            for (int k = 0; k < size; k++) {
                for (; y < year[k]; y++) ss += zero;
                double v = aggregate[k] / 100.0;
                ss += (v - mean) * (v - mean);
                y++;
            }
            for (; y < n; y++) ss += zero;
            return n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        }

        /**
         * The years added's non-zero values (the totals, or the largest events) in ascending order, as
         * {@link ReturnPeriodLosses#ofNonZero} reads them with the count of the other years: {@link #dense} sorted
         * as {@code Arrays.sort} sorts it, without its zeros (a cent to yen is monotonic, so the cents' order is theirs).
         */
        double[] sortedNonZero(boolean largestEvent) {
            long[] cents = Arrays.copyOf(largestEvent ? largest : aggregate, size);
            Arrays.sort(cents);
            int negative = 0;
            while (negative < size && cents[negative] < 0) negative++;
            int positive = negative;
            while (positive < size && cents[positive] == 0) positive++;
            double[] out = new double[size - (positive - negative)];
            for (int k = 0; k < negative; k++) out[k] = cents[k] / 100.0;
            for (int k = positive; k < size; k++) out[k - (positive - negative)] = cents[k] / 100.0;
            return out;
        }
    }
}
