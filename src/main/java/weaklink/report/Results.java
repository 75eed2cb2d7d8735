package weaklink.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weaklink.experiment.Manifest;
import weaklink.experiment.ReplicateColumn;
import weaklink.report.GroupTables.DayRow;
import weaklink.report.GroupTables.GroupRow;
import weaklink.experiment.Runner;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * The figures of one results folder that the charts and the report show, read from its files
 * (DESIGN §4 and the output contracts): {@code manifest.json}, {@code summary.csv} and
 * {@code replicates.csv} always; {@code exceedance.csv}, {@code timeseries.csv} and
 * {@code by_group.csv} when present (null otherwise, and the report says which are missing).
 * Policies are kept in the manifest's order: a policy's index there is its colour.
 */
final class Results {
    static final String SUMMARY = ResultsFinalizer.SUMMARY;
    static final String EXCEEDANCE = ResultsFinalizer.EXCEEDANCE;
    static final String TIMESERIES = ResultsFinalizer.TIMESERIES;
    static final String BY_GROUP = ResultsFinalizer.BY_GROUP;

    /** Payers of security, in the order of the stacked bars (the order of {@code by_group.csv}'s {@code mean_paid_by_*} columns). */
    static final List<String> PAYERS = List.of("the firm itself", "its buyers", "the government", "the mutual pool");
    /** The columns of summary.csv a report needs; older files may lack the others. */
    private static final List<SummaryColumn> REQUIRED_SUMMARY = List.of(SummaryColumn.MEAN_LOSS, SummaryColumn.CI95_LOW,
            SummaryColumn.CI95_HIGH, SummaryColumn.MEAN_SECURITY_SPEND);

    /** One point of an exceedance curve. */
    record ExceedancePoint(double returnPeriodYears, double probability, double loss) {}

    /** Mean and standard deviation across replicates of the firms compromised and down, per day. */
    record DailyCounts(double[] day, double[] meanCompromised, double[] sdCompromised, double[] meanDown, double[] sdDown) {}

    /** One group of firms (tier × size class) under one policy; money is the group's mean annual total. */
    record GroupBurden(String group, double firms, double lossBorne, double securitySpend, double[] paidBy,
                       double paidForSuppliers, double premiums) {
        /** What the group's firms pay out: their own share of their security, what they pay for suppliers, premiums. */
        double outlay() { return paidBy[0] + paidForSuppliers + premiums; }
    }

    final Path dir;
    final Manifest manifest;
    /** The resolved scenario read back from the manifest, or null for an older manifest (the report then names it, not describes it). */
    final Scenario scenario;
    final List<String> policies = new ArrayList<>();
    final String baseline;
    final String currency;
    final int days;
    /** summary.csv: policy -> column -> value (NaN where an older file lacks the column). */
    final Map<String, Map<SummaryColumn, Double>> summary = new LinkedHashMap<>();
    /** summary.csv's {@code tail_note} per policy (empty when the 99.5 % figures are estimated, or the file predates the column). */
    final Map<String, String> tailNote = new LinkedHashMap<>();
    /** total_loss of every replicate, per policy, in file order. */
    final Map<String, double[]> totalLoss = new LinkedHashMap<>();
    /** policy -> metric (aep, oep) -> points in file order; null when the file is absent. */
    Map<String, Map<String, List<ExceedancePoint>>> exceedance;
    /** policy -> daily counts; null when the file is absent. */
    Map<String, DailyCounts> timeseries;
    /** policy -> groups in file order; null when the file is absent. */
    Map<String, List<GroupBurden>> byGroup;

    /** Each policy's series colour ({@link Palette#policy}: by its type and name, not its place in the list). */
    private final Map<String, Integer> colours = new LinkedHashMap<>();
    /** Each policy's type (its {@code id} in the scenario), "" when the manifest does not say. */
    private final Map<String, String> types = new LinkedHashMap<>();

    private Results(Path dir, Manifest manifest, Scenario scenario, Map<String, String> types) {
        this.dir = dir;
        this.manifest = manifest;
        this.scenario = scenario;
        policies.addAll(manifest.policies());
        this.types.putAll(types);
        colours.putAll(colours(types, policies));
        this.baseline = manifest.baseline();
        this.currency = manifest.currency();
        this.days = manifest.days();
    }

    /** Each policy's type ({@code id} in the scenario) by name, from the manifest's resolved scenario; empty for an older manifest. */
    static Map<String, String> policyTypes(Manifest manifest, Path dir) { return policyTypes(scenarioOf(manifest, dir)); }

    /** Each policy's type by name in {@code scenario}; empty for none (an older manifest: policies keep the colours of their places). */
    private static Map<String, String> policyTypes(Scenario scenario) {
        Map<String, String> types = new LinkedHashMap<>();
        if (scenario != null) for (PolicySpec p : scenario.policies()) types.put(p.name(), p.kind().label());
        return types;
    }

    /** The manifest's resolved scenario, loaded back through the scenario loader; null for an older manifest. */
    private static Scenario scenarioOf(Manifest manifest, Path dir) {
        try {
            return manifest.loadScenario(dir);
        } catch (BadInputException e) {
            return null;
        }
    }

    /** Each policy's series colour ({@link Palette#policy}): by its type and its name among the policies of that type. */
    static Map<String, Integer> colours(Map<String, String> types, List<String> policies) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String p : policies) {
            String type = types.getOrDefault(p, "");
            List<String> same = policies.stream().filter(q -> types.getOrDefault(q, "").equals(type)).sorted().toList();
            out.put(p, Palette.policy(type, same.indexOf(p)));
        }
        return out;
    }

    /** The series colour of {@code policy}. */
    int colour(String policy) { return colours.getOrDefault(policy, 0); }

    /** The type ({@code id}) of {@code policy}, "" when unknown. */
    String type(String policy) { return types.getOrDefault(policy, ""); }

    /** Reads a results folder; bad input (exit 2) if it is not one or a file breaks its contract. */
    static Results read(Path dir) throws IOException, BadInputException {
        return read(dir, Known.of(Manifest.read(dir), dir, null));
    }

    /**
     * What the summaries have already read of the folder they are finishing: its manifest, its policies' types
     * ({@link #policyTypes}) and, when not null, each policy's {@code total_loss} of every replicate in file order,
     * from the {@code replicates.csv} they checked (the values its cells hold: every reader of a cell gives the
     * nearest double to its decimal). The report then reads none of these again: on the quick start the charts
     * wait for it (docs/BENCHMARKS.md, "Twelfth pass: the summaries' main thread").
     */
    record Known(Manifest manifest, Scenario scenario, Map<String, String> types, Map<String, double[]> totalLoss) {
        /**
         * What a reader knows of folder {@code dir} from its {@code manifest}: the scenario read back from it, once (null for an
         * older manifest; the loader parses and checks the whole tree, and the report describes it), and the policies' types
         * from it; with {@code totalLoss} as above.
         */
        static Known of(Manifest manifest, Path dir, Map<String, double[]> totalLoss) {
            Scenario scenario = scenarioOf(manifest, dir);
            return new Known(manifest, scenario, policyTypes(scenario), totalLoss);
        }
    }

    /** Reads a results folder, taking from {@code known} what it holds; bad input (exit 2) as {@link #read(Path)}. */
    static Results read(Path dir, Known known) throws IOException, BadInputException {
        Results r = summaryOf(dir, known);
        Path replicates = dir.resolve(Runner.REPLICATES);
        if (known.totalLoss() == null) r.readReplicates(replicates);
        else for (String p : r.policies) r.totalLoss.put(p, known.totalLoss().get(p));
        if (Files.isRegularFile(dir.resolve(EXCEEDANCE))) r.readExceedance(dir.resolve(EXCEEDANCE));
        if (Files.isRegularFile(dir.resolve(TIMESERIES))) r.readTimeseries(dir.resolve(TIMESERIES));
        if (Files.isRegularFile(dir.resolve(BY_GROUP))) r.readByGroup(dir.resolve(BY_GROUP));
        return r;
    }

    /**
     * Reads the manifest and {@code summary.csv} of a results folder, and nothing else: what the headline
     * ({@link Headline#of}) shows, printed after every run. The folder must still hold {@code replicates.csv}, as
     * for {@link #read(Path)} (the same bad input, in the same order, when it does not), but the rows are not read
     * again, nor the other tables, which no figure here takes: on M1 that was about 0.05 s of the run's wall after
     * its last phase (docs/BENCHMARKS.md, "Twelfth pass: the headline from summary.csv alone").
     */
    static Results readSummaryOnly(Path dir) throws IOException, BadInputException {
        return summaryOf(dir, Known.of(Manifest.read(dir), dir, null));
    }

    /** The part of a folder every reader needs: the manifest's policies, {@code summary.csv} read, {@code replicates.csv} present. */
    private static Results summaryOf(Path dir, Known known) throws IOException, BadInputException {
        Results r = new Results(dir, known.manifest(), known.scenario(), known.types());
        if (r.policies.isEmpty()) throw new BadInputException(dir.resolve(Runner.MANIFEST), 0, 0, "policies", "lists no policy");
        r.readSummary(require(dir, SUMMARY));
        require(dir, Runner.REPLICATES);
        return r;
    }

    private static Path require(Path dir, String name) throws BadInputException {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) throw new BadInputException(f, 0, 0, null, "not found; a finished results folder has it (rerun or merge the run)");
        return f;
    }

    /** Policy index of a row's policy cell; bad input if the manifest does not list it. */
    private int policyOf(CsvRows.Row row, int column, Path file) throws BadInputException {
        String p = row.text(column);
        int i = policies.indexOf(p);
        if (i < 0) throw new BadInputException(file, row.line(), column + 1, "policy", "policy '" + p + "' is not in manifest.json's policies " + policies);
        return i;
    }

    private void readSummary(Path file) throws IOException, BadInputException {
        CsvRows.read(file, t -> {
            int policy = t.column(SummaryColumn.POLICY.header());
            for (SummaryColumn c : REQUIRED_SUMMARY) t.column(c.header());
            return row -> {
                String p = policies.get(policyOf(row, policy, file));
                Map<SummaryColumn, Double> values = new EnumMap<>(SummaryColumn.class);
                for (SummaryColumn c : SummaryColumn.values()) {
                    if (c.isText()) continue;
                    values.put(c, t.has(c.header()) ? row.number(t.column(c.header())) : Double.NaN);
                }
                summary.put(p, values);
                tailNote.put(p, t.has(SummaryColumn.TAIL_NOTE.header()) ? row.text(t.column(SummaryColumn.TAIL_NOTE.header())) : "");
            };
        });
        for (String p : policies) {
            if (!summary.containsKey(p)) throw new BadInputException(file, 0, 0, null, "has no row for policy '" + p + "' of manifest.json");
        }
    }

    private void readReplicates(Path file) throws IOException, BadInputException {
        List<ResultsFinalizer.DoubleList> lists = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) lists.add(new ResultsFinalizer.DoubleList());
        CsvRows.read(file, t -> {
            int policy = t.column(ReplicateColumn.POLICY.header()), total = t.column(ReplicateColumn.TOTAL_LOSS.header());
            return row -> lists.get(policyOf(row, policy, file)).add(row.number(total));
        });
        for (int i = 0; i < policies.size(); i++) totalLoss.put(policies.get(i), lists.get(i).toArray());
    }

    private void readExceedance(Path file) throws IOException, BadInputException {
        Map<String, Map<String, List<ExceedancePoint>>> out = new LinkedHashMap<>();
        CsvRows.read(file, t -> {
            int policy = t.column(ExceedanceRow.POLICY.name()), rp = t.column(ExceedanceRow.RETURN_PERIOD_YEARS.name()),
                    prob = t.column(ExceedanceRow.EXCEEDANCE_PROBABILITY.name()), loss = t.column(ExceedanceRow.LOSS.name());
            int metric = t.has(ExceedanceRow.METRIC.name()) ? t.column(ExceedanceRow.METRIC.name()) : -1;
            return row -> {
                String p = policies.get(policyOf(row, policy, file));
                String m = metric < 0 ? "aep" : row.text(metric);
                out.computeIfAbsent(p, k -> new LinkedHashMap<>()).computeIfAbsent(m, k -> new ArrayList<>())
                        .add(new ExceedancePoint(row.number(rp), row.number(prob), row.number(loss)));
            };
        });
        exceedance = out;
    }

    private void readTimeseries(Path file) throws IOException, BadInputException {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        CsvRows.read(file, t -> {
            int policy = t.column(DayRow.POLICY.name()), day = t.column(DayRow.DAY.name()), mc = t.column(DayRow.MEAN_COMPROMISED.name()),
                    md = t.column(DayRow.MEAN_DOWN.name());
            int sc = t.has(DayRow.SD_COMPROMISED.name()) ? t.column(DayRow.SD_COMPROMISED.name()) : -1,
                    sd = t.has(DayRow.SD_DOWN.name()) ? t.column(DayRow.SD_DOWN.name()) : -1;
            return row -> rows.computeIfAbsent(policies.get(policyOf(row, policy, file)), k -> new ArrayList<>()).add(new double[] {
                row.number(day), row.number(mc), sc < 0 ? Double.NaN : row.number(sc), row.number(md), sd < 0 ? Double.NaN : row.number(sd)});
        });
        Map<String, DailyCounts> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            List<double[]> r = e.getValue();
            double[][] cols = new double[5][r.size()];
            for (int i = 0; i < r.size(); i++) for (int c = 0; c < 5; c++) cols[c][i] = r.get(i)[c];
            out.put(e.getKey(), new DailyCounts(cols[0], cols[1], cols[2], cols[3], cols[4]));
        }
        timeseries = out;
    }

    private void readByGroup(Path file) throws IOException, BadInputException {
        Map<String, List<GroupBurden>> out = new LinkedHashMap<>();
        CsvRows.read(file, t -> {
            int policy = t.column(GroupRow.POLICY.name()), tier = t.column(GroupRow.TIER.name()), size = t.column(GroupRow.SIZE_CLASS.name()),
                    firms = t.column(GroupRow.FIRMS.name()), loss = t.column(GroupRow.MEAN_LOSS_BORNE.name()),
                    security = t.column(GroupRow.MEAN_SECURITY_SPEND.name()), forSuppliers = t.column(GroupRow.MEAN_PAID_FOR_SUPPLIERS.name()),
                    premiums = t.column(GroupRow.MEAN_PREMIUMS.name());
            int[] payers = new int[GroupRow.PAID_BY.size()];
            for (int i = 0; i < payers.length; i++) payers[i] = t.column(GroupRow.PAID_BY.get(i).name());
            return row -> {
                double[] paid = new double[payers.length];
                for (int i = 0; i < payers.length; i++) paid[i] = row.number(payers[i]);
                String group = "Tier " + row.text(tier) + ", " + row.text(size);
                out.computeIfAbsent(policies.get(policyOf(row, policy, file)), k -> new ArrayList<>()).add(new GroupBurden(group,
                        row.number(firms), row.number(loss), row.number(security), paid, row.number(forSuppliers), row.number(premiums)));
            };
        });
        byGroup = out;
    }

    /**
     * Mean annual security spending per payer (payer -> one value per policy, in policy order),
     * summed over groups from {@code by_group.csv}; without that file, one undivided total per
     * policy from {@code summary.csv}.
     */
    Map<String, double[]> securityByPayer() {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (byGroup == null) {
            double[] total = new double[policies.size()];
            for (int i = 0; i < total.length; i++) total[i] = summary.get(policies.get(i)).get(SummaryColumn.MEAN_SECURITY_SPEND);
            out.put("all payers (by_group.csv absent)", total);
            return out;
        }
        for (int k = 0; k < PAYERS.size(); k++) {
            double[] v = new double[policies.size()];
            for (int i = 0; i < v.length; i++) {
                for (GroupBurden g : byGroup.getOrDefault(policies.get(i), List.of())) v[i] += g.paidBy()[k];
            }
            out.put(PAYERS.get(k), v);
        }
        return out;
    }
}
