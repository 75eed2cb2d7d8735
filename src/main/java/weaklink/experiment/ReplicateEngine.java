package weaklink.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import weaklink.economics.LossModel;
import weaklink.economics.Reinsurance;
import weaklink.economics.SummarySets;
import weaklink.economics.ReplicateLosses;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.PoolSettlement;
import weaklink.economics.policy.SecurityFunding;
import weaklink.io.Csv;
import weaklink.io.CsvBytes;
import weaklink.io.InputFile;
import weaklink.io.Lender;
import weaklink.random.RandomStreams;
import weaklink.model.ReplicateRecord;
import weaklink.network.HeapCheck;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.InsuranceSpec;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * What every replicate of a run shares — the network, each policy's security funding, the loss
 * model — and the computation of one replicate under every policy on the same random streams
 * (common random numbers). The one code path for replicates, whether the {@link Runner} calls it
 * on local threads or a distributed engine calls it on remote workers: a replicate's rows and
 * sums depend only on (scenario, seed, policies, replicate index).
 */
public final class ReplicateEngine {
    private final Scenario scenario;
    private final List<PolicySpec> policies;
    private final List<String> policyNames;
    private final RunContext context;
    private final SupplyNetwork net;
    private final CostSharingPolicy[] behaviour;
    private final SecurityFunding[] funding;
    /** Per policy: total security spend, policy cost, and who pays (the same in every replicate). */
    private final ReplicateOutcome.Funding[] fundingTotals;
    private final LossModel lossModel;
    private final Reinsurance reinsurance;
    /** The summary groups of the event loss tables, with their exposure. */
    private final List<Accumulators.SummaryGroup> summaryGroups;
    private final List<String> groups;
    /**
     * What each policy's decisions come to by group, rounded to whole currency units (counts are whole):
     * [policy][firms, spend, paid by self, buyers, government, pool, paid for suppliers, premiums, investment,
     * certification, addressed, meeting the standard, budget-bound, lost business, penalties][group].
     */
    private final long[][][] groupSecurity;
    private final List<PhaseTimer.Phase> setupPhases;
    /** Bytes of event rows a run may hold for its ORD export ({@link HeldEvents}); 0 without a workload. */
    private final long heldEventsBudget;
    /** Each policy's cell in {@code events.csv}: {@code Csv.text(name)} in UTF-8. */
    private final byte[][] policyCells;
    /**
     * Buffers the replicates gather their {@code events.csv} rows in before they are copied out at their
     * size, lent to one replicate at a time ({@link Lender}): each
     * grows once to a replicate's rows and is used again, instead of a builder grown by doubling, its string
     * and that string's bytes, for every replicate.
     */
    private final Lender<CsvBytes> eventBuffers = new Lender<>(() -> new CsvBytes(1 << 16));
    /**
     * The parts a replicate's event rows are held in as numbers ({@link HeldEvents.Part}), lent to one replicate
     * at a time and handed on in its result as they are: the run's writer gives each back once {@link HeldEvents#add}
     * has copied its rows ({@link ReplicateResult#releaseHeldEvents}). Copied out at their size on the worker, they
     * were 6 % of the workers' allocation on japan-manufacturing (docs/BENCHMARKS.md, "Fourteenth pass").
     */
    private final Lender<HeldEvents.Part> heldParts = new Lender<>(HeldEvents.Part::new);

    /** Builds the network once and computes each policy's funding once. Thread-safe to {@link #run} afterwards. */
    public ReplicateEngine(Scenario scenario, long seed, List<PolicySpec> policies) throws BadInputException {
        this(scenario, seed, policies, null);
    }

    /**
     * What a run asks of the heap besides its scenario and policies: its worker threads and the
     * replicates of this results folder (whose figures the summaries keep).
     */
    record Workload(int threads, long replicates) {}

    /**
     * As above; with a {@code workload}, a run that would not fit in the heap ({@link RunMemory}) is
     * refused before the network is generated (from its expected size) or, for a network read from
     * files, before the replicates' summaries could outgrow it, and again on the network's counted
     * size before any funding is computed.
     */
    ReplicateEngine(Scenario scenario, long seed, List<PolicySpec> policies, Workload workload) throws BadInputException {
        this(scenario, seed, policies, workload, sources -> { });
    }

    /**
     * As above, telling {@code networkReady} the network's files as read ({@link #networkSources()}) as soon as the
     * network is built and the run found to fit the heap: the last check that refuses bad input, so that a caller may
     * start writing (a run opens its results folder meanwhile) while the firms' decisions and the funding are computed.
     */
    ReplicateEngine(Scenario scenario, long seed, List<PolicySpec> policies, Workload workload,
                    Consumer<List<InputFile.Digest>> networkReady) throws BadInputException {
        this.scenario = scenario;
        this.policies = List.copyOf(policies);
        this.policyNames = this.policies.stream().map(PolicySpec::name).toList();
        this.policyCells = new byte[policyNames.size()][];
        for (int p = 0; p < policyCells.length; p++) policyCells[p] = Csv.text(policyNames.get(p)).getBytes(StandardCharsets.UTF_8);
        PhaseTimer timer = new PhaseTimer();
        List<PhaseTimer.Phase> phases = new ArrayList<>();
        HeapCheck heap = workload == null ? null : RunMemory.before(scenario, policies.size(), workload.threads(), workload.replicates());
        this.context = PhaseOutOfMemoryError.during("building the network", () -> RunContext.of(scenario, seed));
        this.net = context.network();
        int fundingThreads = 1;
        long heldBudget = 0;
        if (heap != null) {
            RunMemory memory = RunMemory.of(net, policies.size(), workload.threads(), workload.replicates());
            memory.require(heap);
            fundingThreads = memory.fundingThreads(heap, policies.size());
            heldBudget = heldEventsBudget(heap.budget() - memory.peak(), Runtime.getRuntime().maxMemory());
        }
        this.heldEventsBudget = heldBudget;
        PhaseOutOfMemoryError.during("preparing the attacks", context::attackSurface);
        phases.add(timer.lap("network"));
        networkReady.accept(net.sources());
        this.behaviour = new CostSharingPolicy[policies.size()];
        for (int p = 0; p < behaviour.length; p++) behaviour[p] = CostSharingPolicy.of(policies.get(p));
        int decisionThreads = fundingThreads;
        PhaseOutOfMemoryError.during("computing firms' risk and their decisions with no policy", () -> PolicyFunding.decisions(context, decisionThreads));
        phases.add(timer.lap("firms' decisions"));
        this.funding = PolicyFunding.all(context.policyContext(), behaviour, policyNames, fundingThreads, timer, phases);
        this.fundingTotals = new ReplicateOutcome.Funding[funding.length];
        for (int p = 0; p < funding.length; p++) {
            SecurityFunding f = funding[p];
            fundingTotals[p] = new ReplicateOutcome.Funding(f.totalSpend(), f.policyCost(), f.totalPaidBySelf(), f.totalPaidByBuyers(),
                    f.totalPaidByGovernment(), f.totalPaidByPool(), f.totalPremiums(), f.totalCertification(), f.administrationYen(),
                    f.excessBurdenYen(), f.totalLostBusiness(), f.shareMeetingStandard(), f.shareBudgetBound(), f.publicFundsYen(),
                    f.convergence().iterations(), f.convergence().maxChange());
        }
        this.lossModel = PhaseOutOfMemoryError.during("setting up the loss model", context::lossModel);
        this.reinsurance = new Reinsurance(scenario.insurance().reinsurance());
        this.summaryGroups = summaryGroups(net, lossModel);
        List<String> g = new ArrayList<>();
        for (int k = 0; k < lossModel.groupCount(); k++) g.add("tier" + LossModel.groupTier(k) + "-" + LossModel.groupSize(k).label());
        this.groups = List.copyOf(g);
        this.groupSecurity = groupSecurity(net, lossModel, funding);
        phases.add(timer.lap("loss model and groups"));
        this.setupPhases = List.copyOf(phases);
    }

    /**
     * The bytes of event rows a run may hold for its ORD export ({@link HeldEvents}): half of what the
     * heap has beyond the run's counted peak ({@code spare}), at most an eighth of the heap ({@code max}).
     */
    static long heldEventsBudget(long spare, long max) {
        return Math.max(0, Math.min(spare / 2, max / 8));
    }

    /** The bytes of event rows this run may hold for its ORD export (0: none; an engine made without a workload). */
    long heldEventsBudget() { return heldEventsBudget; }

    /** How long building the network, each policy's funding and the loss model took (for {@code run --timings}). */
    public List<PhaseTimer.Phase> setupPhases() { return setupPhases; }

    /** The engine of a run plan. */
    public static ReplicateEngine of(RunPlan plan) throws BadInputException {
        return of(plan, sources -> { });
    }

    /** The engine of a run plan, telling {@code networkReady} when nothing further refuses bad input (see the constructor). */
    static ReplicateEngine of(RunPlan plan, Consumer<List<InputFile.Digest>> networkReady) throws BadInputException {
        long replicates = plan.shard().end(plan.replicates()) - (long) plan.shard().start(plan.replicates());
        return new ReplicateEngine(plan.scenario(), plan.seed(), plan.policies(), new Workload(plan.threads(), replicates), networkReady);
    }

    public List<String> policyNames() { return policyNames; }

    /** The network files as read (size and SHA-256 of the bytes parsed); empty for a generated network. */
    public List<weaklink.io.InputFile.Digest> networkSources() { return net.sources(); }

    /** Empty sums with this run's layout (days, groups, policies). */
    public Accumulators newAccumulators() {
        Accumulators acc = new Accumulators(scenario.days(), groups, policyNames);
        acc.summaryGroups(summaryGroups);
        return acc;
    }

    /** Replicate {@code replicate} under every policy, on the same random streams. */
    public ReplicateResult run(int replicate) {
        return run(replicate, false);
    }

    /**
     * As {@link #run(int)}; with {@code holdEvents} (and {@code events.csv} kept), the event rows are also
     * made as {@link HeldEvents.Part} ({@link ReplicateResult#heldEvents()}), which the caller gives back
     * ({@link ReplicateResult#releaseHeldEvents}) once it has added them.
     */
    ReplicateResult run(int replicate, boolean holdEvents) {
        RandomStreams streams = context.streams(replicate);
        ReplicateResult result = new ReplicateResult(policies.size());
        StringBuilder csv = new StringBuilder(256 * policies.size());
        InsuranceSpec.EventLosses keep = scenario.insurance().eventLosses();
        CsvBytes events = keep == InsuranceSpec.EventLosses.EVENTS ? borrowEventBuffer() : null;
        StringBuilder claims = events == null || context.book() == null ? null : new StringBuilder(256);
        StringBuilder years = keep == InsuranceSpec.EventLosses.YEARS ? new StringBuilder(256) : null;
        HeldEvents.Part held = events != null && holdEvents ? borrowHeldPart() : null;
        for (int p = 0; p < policies.size(); p++) {
            ReplicateRecord record = context.model(funding[p].posture(), streams).run();
            ReplicateLosses losses = lossModel.losses(record, streams, behaviour[p].settlesByFirm());
            PoolSettlement pool = behaviour[p].settle(funding[p], losses);
            ReplicateRow row = ReplicateRow.of(new ReplicateOutcome(policyNames.get(p), replicate, record, losses, fundingTotals[p], pool, net));
            row.appendTo(csv);
            result.totalLoss[p] = row.value(ReplicateColumn.TOTAL_LOSS);
            result.daily[p][0] = record.dailyCompromised();
            result.daily[p][1] = record.dailyDown();
            result.groupLoss[p] = losses.groupLossYen();
            result.groupEntries[p] = entriesByGroup(record);
            if (events != null) EventRows.append(events, claims, policyNames.get(p), policyCells[p], replicate, losses.events(), lossModel.summarySets(),
                    reinsurance, net, held, p);
            if (years != null) EventRows.appendYears(years, policyNames.get(p), replicate, losses.events(), lossModel.summarySets(), reinsurance);
            record.recycle(); // all read: its pages go to the run's next records
        }
        result.csv = RowBytes.of(csv.toString());
        if (events != null) {
            result.eventRows.put(EventRows.EVENTS, RowBytes.of(events));
            eventBuffers.giveBack(events);
        }
        if (claims != null) result.eventRows.put(EventRows.PORTFOLIO, RowBytes.of(claims.toString()));
        if (years != null) result.eventRows.put(EventRows.YEARS, RowBytes.of(years.toString()));
        result.heldEvents = held;
        return result;
    }

    /** An empty buffer for one replicate's {@code events.csv} rows, to be given back when they are copied out. */
    private CsvBytes borrowEventBuffer() {
        CsvBytes b = eventBuffers.borrow();
        b.clear();
        return b;
    }

    /** An empty part for one replicate's event rows held as numbers, to be given back when they are added ({@link HeldEvents#add}). */
    private HeldEvents.Part borrowHeldPart() {
        HeldEvents.Part p = heldParts.borrow();
        p.clear();
        return p;
    }

    /** The year's entries (an actor's campaign getting into a firm from outside the network) by loss group. */
    private int[] entriesByGroup(ReplicateRecord record) {
        int[] out = new int[lossModel.groupCount()];
        for (int k = 0; k < record.size(); k++) if (ReplicateOutcome.isEntry(record, k)) out[lossModel.group(record.firm(k))]++;
        return out;
    }

    private static List<Accumulators.SummaryGroup> summaryGroups(SupplyNetwork net, LossModel lossModel) {
        SummarySets sets = lossModel.summarySets();
        double[][] tiv = sets.exposure(net, lossModel.insurance());
        List<Accumulators.SummaryGroup> out = new ArrayList<>();
        for (int c = 0; c < sets.cells(); c++) out.add(new Accumulators.SummaryGroup(sets.set(c), sets.summaryId(c), sets.label(c), tiv[0][c], tiv[1][c]));
        return List.copyOf(out);
    }

    private static long[][][] groupSecurity(SupplyNetwork net, LossModel lossModel, SecurityFunding[] funding) {
        long[][][] out = new long[funding.length][][];
        for (int p = 0; p < funding.length; p++) {
            SecurityFunding f = funding[p];
            int n = net.firmCount();
            double[] spend = new double[n], addressed = new double[n], meets = new double[n], bound = new double[n];
            for (int i = 0; i < n; i++) {
                spend[i] = f.spendYen(i);
                addressed[i] = f.addressed(i) ? 1 : 0;
                meets[i] = f.meetsStandard(i) ? 1 : 0;
                bound[i] = f.budgetBound(i) ? 1 : 0;
            }
            double[][] payer = {spend, f.paidBySelf(), f.paidByBuyers(), f.paidByGovernment(), f.paidByPool(), f.paidForSuppliers(), f.premiumYen(),
                    f.investmentYen(), f.certificationYen(), addressed, meets, bound, f.lostBusinessYen(), f.penaltyYen()};
            double[][] sums = new double[payer.length + 1][lossModel.groupCount()];
            for (int i = 0; i < net.firmCount(); i++) {
                int g = lossModel.group(i);
                sums[0][g] += 1;
                for (int k = 0; k < payer.length; k++) sums[k + 1][g] += payer[k][i];
            }
            out[p] = new long[sums.length][lossModel.groupCount()];
            for (int k = 0; k < sums.length; k++) for (int g = 0; g < sums[k].length; g++) out[p][k][g] = Math.round(sums[k][g]);
        }
        return out;
    }

    /** One replicate's results for every policy: its {@code replicates.csv} rows and its contribution to the sums. */
    public final class ReplicateResult {
        private RowBytes csv;
        /** The replicate's rows of each event file the scenario keeps ({@link EventRows#files}), in that order. */
        private final java.util.Map<String, RowBytes> eventRows = new java.util.LinkedHashMap<>();
        private final int[][][] daily;
        private final double[][] groupLoss;
        private final int[][] groupEntries;
        private final double[] totalLoss;
        /** The event rows as numbers, when the run holds them ({@link HeldEvents}); else null. */
        private HeldEvents.Part heldEvents;

        private ReplicateResult(int policies) {
            daily = new int[policies][2][];
            groupLoss = new double[policies][];
            groupEntries = new int[policies][];
            totalLoss = new double[policies];
        }

        /** The replicate's total loss under the {@code p}-th policy (for early stopping on the confidence interval). */
        public double totalLoss(int p) { return totalLoss[p]; }

        /**
         * The replicate's rows of each event file the scenario's {@code insurance.event_losses} keeps
         * ({@code events.csv} and {@code portfolio_losses.csv}, or {@code year_losses.csv}, or none), by
         * file, in the order {@link EventRows#files} names them; each row ends in '\n'.
         */
        public java.util.Map<String, String> eventRows() {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            eventRows.forEach((file, rows) -> out.put(file, rows.text()));
            return java.util.Collections.unmodifiableMap(out);
        }

        /**
         * Appends the replicate's event rows to the event files of {@code rows}. They must be the files this
         * engine writes: a folder started keeping other event losses is refused by the store before this.
         */
        public void appendEvents(ResultsStore.Rows rows) throws java.io.IOException {
            if (!rows.streams().equals(List.copyOf(eventRows.keySet()))) {
                throw new IllegalStateException("the results folder streams " + rows.streams() + ", the engine writes " + eventRows.keySet());
            }
            for (java.util.Map.Entry<String, RowBytes> e : eventRows.entrySet()) rows.append(e.getKey(), e.getValue());
        }

        /**
         * The replicate's event rows as numbers, or null when they were not asked for ({@link #run(int, boolean)}) or
         * were {@linkplain #releaseHeldEvents released}.
         */
        HeldEvents.Part heldEvents() { return heldEvents; }

        /**
         * Gives the part of the event rows held back to the engine, for a later replicate to fill, once {@link HeldEvents#add}
         * has copied its rows (or they are not wanted); {@link #heldEvents()} is null afterwards.
         */
        void releaseHeldEvents() {
            if (heldEvents == null) return;
            heldParts.giveBack(heldEvents);
            heldEvents = null;
        }

        /** The rows of {@code replicates.csv}, one per policy, each ending in '\n'. */
        public String csv() { return csv.text(); }

        /** The rows of {@code replicates.csv} as {@link #csv()} gives them, in bytes (UTF-8). */
        RowBytes csvBytes() { return csv; }

        /** Bytes of the rows it holds (rows and event rows): what waiting to be written costs. */
        public long rowBytes() {
            long n = csv.bytes().length;
            for (RowBytes rows : eventRows.values()) n += rows.bytes().length;
            return n;
        }

        /** Adds this replicate to {@code acc} (exact integer sums, so the order of adding does not matter). */
        public void addTo(Accumulators acc) {
            for (int p = 0; p < policyNames.size(); p++) {
                Accumulators.PolicySums s = acc.policy(policyNames.get(p));
                s.replicates++;
                int[] c = daily[p][0], d = daily[p][1];
                for (int t = 0; t < c.length; t++) {
                    s.compromisedSum[t] += c[t];
                    s.compromisedSumSq[t] += (long) c[t] * c[t];
                    s.downSum[t] += d[t];
                    s.downSumSq[t] += (long) d[t] * d[t];
                }
                long[][] sec = groupSecurity[p];
                for (int g = 0; g < groupLoss[p].length; g++) {
                    s.groupLoss[g] += Math.round(groupLoss[p][g]);
                    s.groupFirms[g] += sec[0][g];
                    s.groupSecuritySpend[g] += sec[1][g];
                    s.groupPaidBySelf[g] += sec[2][g];
                    s.groupPaidByBuyers[g] += sec[3][g];
                    s.groupPaidByGovernment[g] += sec[4][g];
                    s.groupPaidByPool[g] += sec[5][g];
                    s.groupPaidForSuppliers[g] += sec[6][g];
                    s.groupPremiums[g] += sec[7][g];
                    s.groupInvestment[g] += sec[8][g];
                    s.groupCertification[g] += sec[9][g];
                    s.groupAddressed[g] += sec[10][g];
                    s.groupMeetingStandard[g] += sec[11][g];
                    s.groupBudgetBound[g] += sec[12][g];
                    s.groupLostBusiness[g] += sec[13][g];
                    s.groupPenalties[g] += sec[14][g];
                    s.groupEntries[g] += groupEntries[p][g];
                }
            }
        }
    }
}
