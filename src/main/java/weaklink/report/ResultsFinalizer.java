package weaklink.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import weaklink.experiment.PhaseTimer;
import weaklink.experiment.Accumulators;
import weaklink.experiment.HeldEvents;
import weaklink.experiment.PhaseOutOfMemoryError;
import weaklink.io.AtomicFile;
import weaklink.io.Json;
import weaklink.experiment.ReplicateColumn;
import weaklink.experiment.Manifest;
import weaklink.experiment.ReplicateRow;
import weaklink.experiment.ReplicateRows;
import weaklink.experiment.ResultsStore;
import weaklink.io.CsvTable;
import weaklink.scenario.BadInputException;
import weaklink.experiment.Runner;
import weaklink.random.Seeds;
import weaklink.stats.BestChoice;
import weaklink.stats.ExceedanceCurve;
import weaklink.stats.Sample;

/**
 * Makes the summary files of a results folder from its {@code replicates.csv},
 * {@code accumulators.json} and {@code manifest.json} only: {@code summary.csv},
 * {@code exceedance.csv}, {@code timeseries.csv}, {@code by_group.csv} and the Oasis ORD export in
 * {@code ord/}. Both {@code run} and {@code merge} end here, so a merged run and an unsharded run
 * give the same bytes. Rows are read one at a time; per (policy, replicate) only the annual loss,
 * the largest event and the insured loss are kept (for quantiles, exceedance curves and paired
 * differences), never any firm's data. Columns are documented in docs/OUTPUTS.md.
 */
public final class ResultsFinalizer {
    public static final String SUMMARY = SummaryColumn.TABLE.file();
    public static final String EXCEEDANCE = ExceedanceRow.TABLE.file();
    public static final String TIMESERIES = GroupTables.DayRow.TABLE.file();
    public static final String BY_GROUP = GroupTables.GroupRow.TABLE.file();

    private ResultsFinalizer() {}

    /**
     * The summaries as a results folder's store calls for them: everything {@link #finish} may write,
     * declared before it is written so the manifest lists it; every pool of the writing (the ORD export
     * beside the tables, its writers, the charts, the hashing of the finished folder) of up to
     * {@code threads} threads: the command's {@code --threads}, so that no pool is sized from the cores
     * of the machine behind the user's back (there is no default instance).
     */
    public static ResultsStore.Summariser summariser(int threads) {
        return new ResultsStore.Summariser() {
            @Override public List<String> outputs() { return ResultsFinalizer.outputs(); }

            @Override public List<String> outputs(Manifest m) { return withOrd(ResultsFinalizer.outputs(), m); }

            @Override public int threads() { return threads; }

            @Override public void summarise(Path dir) throws IOException, BadInputException { finish(dir, null, threads); }

            @Override public void summarise(Path dir, HeldEvents events) throws IOException, BadInputException { finish(dir, events, threads); }
        };
    }

    /**
     * The summary tables alone (an uncertainty run's draws: the run's own report covers them), the ORD
     * export's writers and the hashing on up to {@code threads} threads.
     */
    public static ResultsStore.Summariser tables(int threads) {
        return new ResultsStore.Summariser() {
            @Override public List<String> outputs() { return tableFiles(); }

            @Override public List<String> outputs(Manifest m) { return withOrd(tableFiles(), m); }

            @Override public int threads() { return threads; }

            @Override public void summarise(Path dir) throws IOException, BadInputException { finishTables(dir, null, threads); }

            @Override public void summarise(Path dir, HeldEvents events) throws IOException, BadInputException { finishTables(dir, events, threads); }
        };
    }

    /** Every file {@link #finish} may write into a results folder, relative to it. */
    public static List<String> outputs() {
        List<String> out = new ArrayList<>(tableFiles());
        out.addAll(ReportWriter.outputs());
        return out;
    }

    private static List<String> tableFiles() {
        List<String> out = new ArrayList<>();
        for (CsvTable<?> t : OutputTables.all()) {
            if (!t.file().equals(Runner.REPLICATES) && !UncertaintyReport.tables().contains(t) && !OrdExport.tables().contains(t)
                    && !weaklink.experiment.ResultsStore.STREAMS.contains(t.file())) {
                out.add(t.file());
            }
        }
        return out;
    }

    /** {@code files} and the ORD files of the run {@code m} describes (one folder per policy). */
    private static List<String> withOrd(List<String> files, Manifest m) {
        List<String> out = new ArrayList<>(files);
        out.addAll(OrdExport.files(m.policies(), OrdSettings.of(m.scenario())));
        return out;
    }

    /**
     * Makes the summary files, the charts and the report. The ORD export (most of the bytes a run
     * writes) needs only the replicates' campaigns and the summary groups; the summary tables, the
     * charts and the report read other files and share no state with it, so on a machine with more
     * than one core the export starts as soon as those are read, on a thread of its own, and the
     * tables, then the charts and the report, are written beside it (the same bytes either way). Every
     * pool is as large as the machine has cores.
     */
    public static void finish(Path dir) throws IOException, BadInputException {
        finish(dir, null, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #finish(Path)}; the ORD export takes the rows of {@code events.csv} from {@code events}
     * (the run's own, held while it wrote them; null: read from the file), the same bytes either way; the
     * export beside the tables only when {@code threads} is 2 or more, its writers and the charts on up to
     * {@code threads} threads each.
     */
    static void finish(Path dir, HeldEvents events, int threads) throws IOException, BadInputException {
        try {
            PhaseOutOfMemoryError.during("writing the summaries, charts and report", () -> {
                Tables tables = readTables(dir, events, threads);
                besides(tables.ord, () -> {
                    tables.write();
                    ReportWriter.writeFinished(dir, threads, tables.known());
                }, threads);
                return null;
            });
        } catch (IOException | BadInputException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the summary files of results folder {@code dir} from its manifest, {@code replicates.csv}
     * (checked to hold each (policy, replicate) of the manifest exactly once) and {@code accumulators.json}.
     */
    public static void finishTables(Path dir) throws IOException, BadInputException {
        finishTables(dir, null, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #finishTables(Path)}, the ORD export fed {@code events} as {@link #finish(Path, HeldEvents, int)} is, its writers on up to {@code threads} threads. */
    static void finishTables(Path dir, HeldEvents events, int threads) throws IOException, BadInputException {
        Tables tables = readTables(dir, events, threads);
        tables.write();
        tables.ord.run();
    }

    /** A piece of writing left to do. */
    @FunctionalInterface
    interface Step {
        Step NOTHING = () -> {};

        void run() throws IOException;
    }

    /**
     * What the summary files are made from, read: the summary tables (summary, exceedance, timeseries,
     * by group) still to be written, the ORD export ({@link Step#NOTHING} without one), which needs
     * only what is read here and shares nothing the tables' writing changes, and, once the tables are
     * written, what the report need not read again.
     */
    private static final class Tables {
        private final Path dir;
        private final Manifest manifest;
        private final Map<String, PolicyColumns> byPolicy;
        /** The sums of {@code accumulators.json}, or null without the file (no time series, groups or ORD export). */
        private final Accumulators acc;
        final Step ord;
        private Results.Known known;

        Tables(Path dir, Manifest manifest, Map<String, PolicyColumns> byPolicy, Accumulators acc, Step ord) {
            this.dir = dir;
            this.manifest = manifest;
            this.byPolicy = byPolicy;
            this.acc = acc;
            this.ord = ord;
        }

        /**
         * Writes the summary tables. The policies' types (which is the planner) come from the scenario read back from
         * the manifest, which the ORD export does not need: read here, once the export has started, not before it.
         */
        void write() throws IOException {
            List<String> policies = manifest.policies();
            Map<String, double[]> totalLoss = new LinkedHashMap<>();
            for (String p : policies) totalLoss.put(p, byPolicy.get(p).total.toArray());
            known = Results.Known.of(manifest, dir, totalLoss);
            String planner = planner(known.types(), policies);
            writeSummary(dir.resolve(SUMMARY), policies, manifest.baseline(), planner, byPolicy, seeds(manifest.seed()));
            writeExceedance(dir.resolve(EXCEEDANCE), policies, byPolicy);
            if (acc == null) return;
            GroupTables.writeTimeseries(dir.resolve(TIMESERIES), acc);
            GroupTables.writeByGroup(dir.resolve(BY_GROUP), acc);
        }

        /** What the report need not read again: the manifest, the scenario and the policies' types, each policy's total losses. */
        Results.Known known() {
            if (known == null) throw new IllegalStateException("the tables are written first");
            return known;
        }
    }

    /**
     * Reads the manifest, {@code replicates.csv} and {@code accumulators.json} of {@code dir} for {@link Tables};
     * the ORD export takes the rows of {@code events.csv} from {@code events} if it holds as many as the
     * manifest counts in the file, else from the file; its writers on up to {@code threads} threads.
     */
    private static Tables readTables(Path dir, HeldEvents events, int threads) throws IOException, BadInputException {
        Manifest manifest = Manifest.read(dir);
        HeldEvents held = events != null && events.holding() && heldRowsMatch(manifest, events) ? events : null;
        List<String> policies = manifest.policies();
        Map<String, PolicyColumns> byPolicy = readReplicates(dir.resolve(Runner.REPLICATES), manifest);
        Path accFile = dir.resolve(Runner.ACCUMULATORS);
        if (!Files.exists(accFile)) return new Tables(dir, manifest, byPolicy, null, Step.NOTHING);
        Accumulators acc = Accumulators.fromJson(Json.read(accFile).get("sums"));
        if (acc.summaryGroups().isEmpty() || policies.isEmpty()) return new Tables(dir, manifest, byPolicy, acc, Step.NOTHING);
        long[] campaigns = byPolicy.get(policies.get(0)).campaigns.toLongArray();
        int first = manifest.shard().firstReplicate();
        OrdExport.Run run = new OrdExport.Run(policies, first, campaigns, OrdSettings.of(manifest.scenario()));
        List<Accumulators.SummaryGroup> groups = acc.summaryGroups();
        return new Tables(dir, manifest, byPolicy, acc, () -> OrdExport.write(dir, run, groups, threads, held));
    }

    /** Whether {@code events} holds as many rows as the manifest counts in {@code events.csv} (a check that they are the file's). */
    private static boolean heldRowsMatch(Manifest manifest, HeldEvents events) {
        for (Manifest.OutputFile f : manifest.files()) {
            if (f.path().equals(weaklink.experiment.EventRows.EVENTS)) return f.rows() != null && f.rows() == events.rows();
        }
        return false;
    }

    /**
     * Runs {@code side} on a thread of its own while {@code main} runs on this one (one after the
     * other when {@code threads} is 1), waits for both and throws the first failure, {@code side}'s first (it
     * came first when they ran in turn), the other's added as suppressed.
     */
    static void besides(Step side, Step main, int threads) throws IOException {
        if (side == Step.NOTHING || threads < 2) {
            side.run();
            main.run();
            return;
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            side.run();
            return null;
        });
        Thread thread = PhaseTimer.poolThread(task, "weaklink-ord-export");
        thread.start();
        Throwable mainFailure = null;
        try {
            main.run();
        } catch (IOException | RuntimeException | Error e) {
            mainFailure = e;
        }
        Throwable failure = null;
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (ExecutionException e) {
                failure = e.getCause();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the export is writing into the folder: let it finish or fail before returning
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure == null) failure = mainFailure;
        else if (mainFailure != null) failure.addSuppressed(mainFailure);
        if (failure == null) return;
        if (failure instanceof IOException e) throw e;
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        throw new IllegalStateException(failure);
    }

    /**
     * The replicate rows of each policy, kept as the few columns the summaries need, in replicate
     * order; the file must hold each (policy, replicate) the manifest expects exactly once.
     */
    static Map<String, PolicyColumns> readReplicates(Path file, Manifest manifest) throws IOException, BadInputException {
        Map<String, PolicyColumns> out = new LinkedHashMap<>();
        for (String p : manifest.policies()) out.put(p, new PolicyColumns());
        int first = manifest.shard().firstReplicate();
        int end = manifest.replicatesRun() != null ? first + manifest.replicatesRun() : manifest.shard().endReplicate();
        ReplicateRows.read(file, manifest.policies(), first, end, row -> out.get(row.policy()).add(row));
        return out;
    }

    /** The seeds of the summary's bootstrap generators, named in {@link Seeds}. */
    static PolicySummary.Seeds seeds(long masterSeed) {
        Seeds s = new Seeds(masterSeed);
        return new PolicySummary.Seeds(s.bootstrap(), s.aepTailBootstrap(), s.oepTailBootstrap(), s.bestPolicyBootstrap());
    }

    /** The first policy of type {@code planner}, or null. */
    static String planner(Map<String, String> types, List<String> policies) {
        for (String p : policies) if ("planner".equals(types.get(p))) return p;
        return null;
    }

    /** The summary rows, one per policy in the manifest's order (no planner). */
    static List<PolicySummary> summarise(List<String> policies, String baseline, Map<String, PolicyColumns> data, PolicySummary.Seeds seeds) {
        return summarise(policies, baseline, null, data, seeds);
    }

    /** The summary rows, one per policy in the manifest's order; {@code planner} (or null) is the benchmark of the gap closed. */
    static List<PolicySummary> summarise(List<String> policies, String baseline, String planner, Map<String, PolicyColumns> data,
                                         PolicySummary.Seeds seeds) {
        double[][] societal = new double[policies.size()][];
        double[] means = new double[policies.size()];
        for (int i = 0; i < policies.size(); i++) {
            societal[i] = data.get(policies.get(i)).societal.toArray();
            means[i] = new Sample(societal[i]).mean();
        }
        double[] best = BestChoice.probabilityBest(societal, PolicySummary.BOOTSTRAP_RESAMPLES, seeds.best());
        List<PolicySummary> rows = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            String p = policies.get(i);
            int rank = 1;
            for (int j = 0; j < policies.size(); j++) if (means[j] < means[i] || (means[j] == means[i] && j < i)) rank++;
            rows.add(new PolicySummary(p, data.get(p), data.get(baseline), planner == null ? null : data.get(planner), p.equals(baseline), seeds,
                    best[i], rank));
        }
        return rows;
    }

    private static void writeSummary(Path file, List<String> policies, String baseline, String planner, Map<String, PolicyColumns> data,
                                     PolicySummary.Seeds seeds) throws IOException {
        AtomicFile.writeString(file, SummaryColumn.TABLE.render(summarise(policies, baseline, planner, data, seeds)));
    }

    private static void writeExceedance(Path file, List<String> policies, Map<String, PolicyColumns> data) throws IOException {
        List<ExceedanceRow> rows = new ArrayList<>();
        for (String p : policies) {
            PolicyColumns c = data.get(p);
            for (Metric m : Metric.values()) {
                for (ExceedanceCurve.Point pt : ExceedanceCurve.of(new Sample(m.of(c)), ExceedanceCurve.STANDARD_RETURN_PERIODS)) {
                    rows.add(new ExceedanceRow(p, m.label, pt));
                }
            }
        }
        AtomicFile.writeString(file, ExceedanceRow.TABLE.render(rows));
    }

    /** The two bases of an exceedance curve. */
    enum Metric {
        /** Annual aggregate: each year's total loss. */
        AEP("aep"),
        /** Occurrence: each year's largest single event. */
        OEP("oep");

        final String label;

        Metric(String label) { this.label = label; }

        double[] of(PolicyColumns c) { return this == AEP ? c.total.toArray() : c.largestEvent.toArray(); }
    }

    /**
     * One policy's replicate rows as the summaries need them: annual total, largest event and insured
     * loss per replicate (for quantiles, exceedance curves and paired differences), every other
     * column as a running sum.
     */
    static final class PolicyColumns {
        private static final ReplicateColumn[] SUMMED = java.util.Arrays.stream(ReplicateColumn.values())
                .filter(c -> c != ReplicateColumn.POLICY).toArray(ReplicateColumn[]::new);
        final DoubleList campaigns = new DoubleList();
        final DoubleList total = new DoubleList(), largestEvent = new DoubleList(), insured = new DoubleList(), societal = new DoubleList(),
                policyCost = new DoubleList();
        private final double[] sums = new double[ReplicateColumn.values().length];

        void add(ReplicateRow r) {
            campaigns.add(r.value(ReplicateColumn.CAMPAIGNS));
            total.add(r.value(ReplicateColumn.TOTAL_LOSS));
            largestEvent.add(r.value(ReplicateColumn.LARGEST_EVENT_LOSS));
            insured.add(r.value(ReplicateColumn.INSURED_LOSS));
            societal.add(r.value(ReplicateColumn.SOCIETAL_COST));
            policyCost.add(r.value(ReplicateColumn.POLICY_COST));
            for (ReplicateColumn c : SUMMED) sums[c.ordinal()] += r.value(c);
        }

        /** For tests: one replicate with these losses and nothing else. */
        void addForTest(double totalLoss, double largestEventLoss, double insuredLoss) {
            total.add(totalLoss);
            largestEvent.add(largestEventLoss);
            insured.add(insuredLoss);
        }

        /** For tests: one replicate with these losses, societal cost and policy cost. */
        void addForTest(double totalLoss, double largestEventLoss, double insuredLoss, double societalCost, double policyCostYen) {
            total.add(totalLoss);
            largestEvent.add(largestEventLoss);
            insured.add(insuredLoss);
            societal.add(societalCost);
            policyCost.add(policyCostYen);
        }

        int size() { return total.size(); }

        /**
         * Indirect to direct losses as Inoue &amp; Todo (2019) compare them: CBI over the compromised firms'
         * own losses (direct + BI), as a ratio of means; NaN when those are 0.
         */
        double cbiToDirectRatio() {
            double own = sums[ReplicateColumn.DIRECT_LOSS.ordinal()] + sums[ReplicateColumn.BI_LOSS.ordinal()];
            return own > 0 ? sums[ReplicateColumn.CBI_LOSS.ordinal()] / own : Double.NaN;
        }

        /** Mean of a column over the replicates, summed in replicate order. */
        double mean(ReplicateColumn column) { return size() == 0 ? Double.NaN : sums[column.ordinal()] / size(); }
    }

    /** A growable primitive double array. */
    static final class DoubleList {
        private double[] xs = new double[64];
        private int n;

        void add(double x) {
            if (n == xs.length) xs = java.util.Arrays.copyOf(xs, n * 2);
            xs[n++] = x;
        }

        int size() { return n; }

        double[] toArray() { return java.util.Arrays.copyOf(xs, n); }

        long[] toLongArray() {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) out[i] = (long) xs[i];
            return out;
        }
    }
}
