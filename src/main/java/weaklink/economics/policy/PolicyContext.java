package weaklink.economics.policy;

import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import weaklink.economics.decision.BestResponse;
import weaklink.economics.decision.BestResponse.Choice;
import weaklink.economics.decision.FirmRisk;
import weaklink.economics.decision.FirmTerms;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.economics.decision.GordonLoeb.BreachFunction;
import weaklink.economics.decision.RiskModel;
import weaklink.economics.decision.SupplyExposure;
import weaklink.model.Posture;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.random.Seeds;
import weaklink.scenario.EconomicsSpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.StandardSpec;

/**
 * What every policy of a run decides against: the network, every firm's risk ({@link RiskModel}: the
 * threat with its partners at a reference posture), each firm's budget (its cash or credit limit on
 * security, {@code budget_share × revenue}) and its own choice with no policy against that risk —
 * what a firm no policy reaches does. With {@code economics.decisions: independent} the reference
 * posture is every other firm's base posture (no investment); with {@code equilibrium} it is the
 * {@code none} policy's Nash equilibrium ({@link Equilibrium}), and each policy's firms best-respond
 * from there to their own equilibrium ({@link #fund}). The {@code none} policy's investments are the
 * reference every other policy's cost is measured from.
 */
public final class PolicyContext {
    private final Scenario scenario;
    private final SupplyNetwork net;
    private final RandomStreams draws;
    private final RiskModel risk;
    private final Posture reference;
    private final double[] referenceInvestment;
    /**
     * In a policy's round, whose own choices {@link #own} reuses where a firm's risk has not moved from
     * theirs: the same policy's round before (where it made them), then the context it re-prices; else empty.
     */
    private final Decided[] ownSources;
    /**
     * Every firm's own choice with no policy against this context's risk: made at construction, or in a policy's round
     * firm by firm, when the policy first reads the firm's (its {@link OwnChoices#known} firms).
     */
    private volatile OwnChoices own;
    private final SupplyHolder supply;
    private final Map<String, Standard> standards;
    /** Every firm's breach function (it depends on the network only): built by the first context, shared by the re-priced ones. */
    private final BreachFunction[] breach;
    /**
     * In a policy's round, every firm's risk against this context's {@link #risk} once asked for ({@link #risk(int)}: kept for the
     * round, which the policy asks for again); null in a context that keeps none (see {@link #repriced}).
     */
    private final FirmRisk[] firmRisk;
    /**
     * In a policy's round: the round before's risk model (the same policy's, or the context re-priced), and
     * per firm whether its risk has moved from it ({@link RiskModel#sameFirmRisk}), once asked ({@link #UNMOVED}, {@link #MOVED}, or
     * 0: not yet); else null.
     */
    private final RiskModel previousRisk;
    private final byte[] moved;
    private static final byte UNMOVED = 1, MOVED = 2;
    /** In a policy's round: the round before's firms' risk objects (null: it kept none), until the round after is made. */
    private FirmRisk[] previousFirmRisk;
    /** In a policy's round: the decisions the round before made under the policy, which its funding may reuse; else null. */
    private final SecurityFunding.Decisions previousDecisions;
    private Equilibrium.Convergence noneConvergence;

    /**
     * What depends on the scenario and network only, shared by re-priced contexts (several policies'
     * rounds may read it at once, on several threads): the supply-loss side of every firm's exposure
     * and every firm's downstream CBI, computed on first use under this holder's lock, and large
     * buyers' shares of a supplier's sales, each a pure function of its key.
     */
    private static final class SupplyHolder {
        SupplyExposure value;
        double[] downstreamCbi;
        /** By {@code maxLinks}, per supplier (null until first asked for). */
        final Map<Integer, AtomicReferenceArray<Map<Integer, Double>>> largeBuyerShares = new ConcurrentHashMap<>();
    }

    /**
     * Every firm's own choice with no policy: its investment, expected loss and whether its budget binds, by firm; in a
     * policy's round, only of the {@code known} firms so far (null: of every firm).
     */
    private record OwnChoices(double[] investmentYen, double[] lossYen, BitSet budgetBound, BitSet known) {
        boolean has(int firm) { return known == null || known.get(firm); }
    }

    /** Own choices made against {@code risk}. */
    private record Decided(RiskModel risk, OwnChoices choices) {}

    /** Every firm's own choice with no policy against {@code risk} (in a policy's round, {@code keepFirmRisks}: when first asked for). */
    private PolicyContext(Scenario scenario, SupplyNetwork net, RandomStreams draws, RiskModel risk, Posture reference, PolicyContext root,
                          PolicyContext previousRound, SecurityFunding.Decisions previousDecisions, double[] referenceInvestment,
                          Equilibrium.Convergence noneConvergence, boolean keepFirmRisks, FirmChunks chunks) {
        this.scenario = scenario;
        this.net = net;
        this.draws = draws;
        this.risk = risk;
        this.reference = reference;
        int n = net.firmCount();
        if (root != null) {
            breach = root.breach;
        } else {
            breach = new BreachFunction[n];
            for (int i = 0; i < n; i++) breach[i] = BreachFunction.of(net, i);
        }
        Decided[] sources = new Decided[0];
        if (previousRound != null && previousRound.own != null && previousRound != root) {
            sources = new Decided[] {new Decided(previousRound.risk, previousRound.own)};
        }
        if (root != null) {
            sources = java.util.Arrays.copyOf(sources, sources.length + 1);
            sources[sources.length - 1] = new Decided(root.risk, root.own());
        }
        this.ownSources = keepFirmRisks ? sources : new Decided[0];
        this.noneConvergence = noneConvergence;
        if (root != null) {
            supply = root.supply;
            standards = root.standards;
        } else {
            supply = new SupplyHolder();
            standards = new HashMap<>();
            for (Map.Entry<String, StandardSpec> e : scenario.standards().entrySet()) {
                standards.put(e.getKey(), new Standard(e.getKey(), e.getValue().maxVulnerability(), e.getValue().certificationYen()));
            }
        }
        if (keepFirmRisks) {
            // a policy's round: its firms' own choices are made, and their risk objects built, when the policy first asks for them
            // (the planner asks for no own choice); a firm whose risk has not moved from the round before takes that round's ({@link #risk(int)})
            firmRisk = new FirmRisk[n];
            PolicyContext before = previousRound != null ? previousRound : root;
            previousRisk = before.risk;
            moved = new byte[n];
            previousFirmRisk = before.firmRisk;
            if (previousRound != null && previousRound != root) previousRound.previousFirmRisk = null; // that round is over: no chain of rounds is kept
            this.previousDecisions = previousDecisions;
        } else {
            firmRisk = null;
            previousRisk = null;
            moved = null;
            this.previousDecisions = null;
            own = decideOwn(sources, chunks);
        }
        this.referenceInvestment = referenceInvestment != null ? referenceInvestment : own().investmentYen();
    }

    /**
     * Every firm's own choice against this context's risk, taken from the first of {@code sources} its risk has not moved from;
     * the firms cut into {@code chunks} (each firm's choice is a pure function of its risk and lands in its own slots; whether
     * its budget binds is gathered per firm and set in the bit set afterwards, on this thread), so the choices cannot depend
     * on the cut.
     */
    private OwnChoices decideOwn(Decided[] sources, FirmChunks chunks) {
        int n = net.firmCount();
        OwnChoices all = new OwnChoices(new double[n], new double[n], new BitSet(n), null);
        boolean[] bound = new boolean[n];
        chunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) bound[i] = decideOwnSlots(all, i, sources);
        });
        for (int i = 0; i < n; i++) if (bound[i]) all.budgetBound().set(i);
        return all;
    }

    /** Firm {@code i}'s own choice against this context's risk, into {@code into}: from the first of {@code sources} that made it against the same risk, else decided. */
    private void decideOwn(OwnChoices into, int i, Decided[] sources) {
        if (decideOwnSlots(into, i, sources)) into.budgetBound().set(i);
        if (into.known() != null) into.known().set(i);
    }

    /**
     * Firm {@code i}'s investment and expected loss with no policy, into its slots of {@code into}, as {@link #decideOwn(OwnChoices, int, Decided[])}
     * makes them; returns whether its budget binds (not set here: a bit set's words are shared by 64 firms).
     */
    private boolean decideOwnSlots(OwnChoices into, int i, Decided[] sources) {
        for (Decided d : sources) {
            OwnChoices c = d.choices();
            if (!c.has(i) || !sameFirmRisk(i, d.risk())) continue;
            // the firm's risk has not moved from that context's: nor has its choice (a pure function of it)
            into.investmentYen()[i] = c.investmentYen()[i];
            into.lossYen()[i] = c.lossYen()[i];
            return c.budgetBound().get(i);
        }
        Choice c = BestResponse.decide(breach[i], risk(i), new FirmTerms(budgetYen(i)));
        into.investmentYen()[i] = c.investmentYen();
        into.lossYen()[i] = c.expectedLossYen();
        return c.budgetBound();
    }

    /**
     * Whether firm {@code i}'s risk in this context is the same as in {@code other}'s ({@link RiskModel#sameFirmRisk});
     * against the round before, as the constructor found it.
     */
    boolean sameFirmRisk(int i, RiskModel other) {
        if (other != previousRisk || moved == null) return risk.sameFirmRisk(i, other);
        byte m = moved[i];
        if (m == 0) moved[i] = m = risk.sameFirmRisk(i, other) ? UNMOVED : MOVED;
        return m == UNMOVED;
    }

    /** The decisions the same policy's round before made (null: none, or not a policy's round). */
    SecurityFunding.Decisions previousDecisions() { return previousDecisions; }

    /**
     * {@link #own}: in a policy's round (which one thread computes; the lock only guards against a second making the
     * record), an empty record on first use, which {@link #own(int)} fills firm by firm as the policy reads them.
     */
    private OwnChoices ownRecord() {
        OwnChoices o = own;
        if (o != null) return o;
        synchronized (this) {
            if (own == null) {
                int n = net.firmCount();
                own = new OwnChoices(new double[n], new double[n], new BitSet(n), new BitSet(n));
            }
            return own;
        }
    }

    /** {@link #own}, with firm {@code firm}'s choice made. */
    private OwnChoices own(int firm) {
        OwnChoices o = ownRecord();
        if (!o.has(firm)) decideOwn(o, firm, ownSources);
        return o;
    }

    /** How many firms' own choices this context has made or taken so far (every firm's, but in a policy's round). */
    int ownChoicesMade() {
        OwnChoices o = own;
        return o == null ? 0 : o.known() == null ? net.firmCount() : o.known().cardinality();
    }

    /** {@link #own}, with every firm's choice made. */
    private OwnChoices own() {
        OwnChoices o = ownRecord();
        if (o.known() == null) return o;
        for (int i = 0; i < net.firmCount(); i++) if (!o.has(i)) decideOwn(o, i, ownSources);
        return o;
    }

    /**
     * The context of a run: {@code draws} are the run's policy draws ({@code Seeds.policyDraws()}: who
     * complies with a mandate, ...). With {@code decisions: equilibrium} the firms' choices with no
     * policy are iterated to their equilibrium here.
     *
     * @throws Equilibrium.NotConverged when they do not converge within {@code economics.equilibrium_max_iterations}
     */
    public static PolicyContext of(Scenario scenario, SupplyNetwork net, RandomStreams draws) {
        return of(scenario, net, draws, FirmChunks.SERIAL);
    }

    /**
     * {@link #of(Scenario, SupplyNetwork, RandomStreams)} with the firms' own choices of each round made in {@code chunks}
     * (a run's funding threads: the same choices, bit for bit, however the firms are cut).
     */
    public static PolicyContext of(Scenario scenario, SupplyNetwork net, RandomStreams draws, FirmChunks chunks) {
        double[] v = new double[net.firmCount()];
        for (int i = 0; i < v.length; i++) v[i] = net.vulnerability(i);
        PolicyContext independent = new PolicyContext(scenario, net, draws, RiskModel.independent(scenario, net), Posture.base(v), null, null, null, null,
                Equilibrium.Convergence.INDEPENDENT, false, chunks);
        if (scenario.economics().decisions() == EconomicsSpec.Decisions.INDEPENDENT) return independent;
        return Equilibrium.withoutPolicy(independent, chunks);
    }

    /** The context of a run with master seed {@code masterSeed}. */
    public static PolicyContext of(Scenario scenario, SupplyNetwork net, long masterSeed) {
        return of(scenario, net, new Seeds(masterSeed).policyDraws());
    }

    /**
     * This context with every firm's risk re-priced with its partners (and the attackers'
     * reconnaissance) at {@code reference}; the firms' own choices are re-decided against it (when the policy first reads one). The
     * reference investments (policy cost) and the standards are kept. A policy's round: the context
     * keeps every firm's {@link FirmRisk} it built, which the policy asks for again ({@link #risk(int)});
     * it lives for one round (the run's reference context, which lives for the run, keeps none).
     */
    PolicyContext repriced(Posture reference) {
        return repriced(reference, null, null);
    }

    /**
     * {@link #repriced(Posture)} as the round after {@code previousRound} of the same policy (or null),
     * which made {@code previousDecisions} under the policy (or null): the firms' own choices that round
     * made are reused first where a firm's risk has not moved since, as are its firms' risk objects and,
     * by the policy's funding, its decisions where the firm's terms are the same too ({@link
     * SecurityFunding.Builder#decide}); only the round's choices, decisions and risk model are kept, not the round.
     */
    PolicyContext repriced(Posture reference, PolicyContext previousRound, SecurityFunding.Decisions previousDecisions) {
        return new PolicyContext(scenario, net, draws, risk.at(reference), reference, this, previousRound, previousDecisions, referenceInvestment,
                noneConvergence, true, FirmChunks.SERIAL);
    }

    /**
     * A round of the {@code none} equilibrium: re-priced at {@code reference}, the firms' own choices (made in {@code chunks}) are
     * the reference of policy cost (shares this context's tables).
     */
    PolicyContext repricedAsReference(Posture reference, FirmChunks chunks) {
        return new PolicyContext(scenario, net, draws, risk.at(reference), reference, this, null, null, null, noneConvergence, false, chunks);
    }

    /** This context, its own choices being the {@code none} equilibrium reached as {@code convergence} says. */
    PolicyContext asReference(Equilibrium.Convergence convergence) {
        if (referenceInvestment != own().investmentYen()) throw new IllegalStateException("not a context of the none policy's own choices");
        noneConvergence = convergence;
        return this;
    }

    /** Every firm's decision under {@code policy}, and who pays: one pass ({@code independent}) or to the policy's equilibrium. */
    public SecurityFunding fund(CostSharingPolicy policy) {
        return fund(policy, FirmChunks.SERIAL);
    }

    /** {@link #fund(CostSharingPolicy)} with the policy's loops over the firms run by {@code chunks}: the same funding, bit for bit. */
    public SecurityFunding fund(CostSharingPolicy policy, FirmChunks chunks) {
        return Equilibrium.solve(policy, this, chunks);
    }

    /** How the {@code none} policy's decisions were reached (the rounds to its equilibrium, or one independent pass). */
    Equilibrium.Convergence noneConvergence() { return noneConvergence; }

    /** The posture the firms' risk is priced at: the other firms' (base, or the previous round's in an equilibrium). */
    public Posture referencePosture() { return reference; }

    public Scenario scenario() { return scenario; }
    public SupplyNetwork network() { return net; }
    public RiskModel risk() { return risk; }

    /**
     * The firm's risk as a function of its own vulnerability. In a policy's round, built once and kept: the round before's
     * where the firm's risk has not moved since (the same numbers), else new. A round's firms may be asked for on several
     * threads ({@link FirmChunks}), each firm by one of them: a firm's slots here are its own.
     */
    public FirmRisk risk(int firm) {
        if (firmRisk == null) return risk.firm(firm);
        FirmRisk r = firmRisk[firm];
        if (r == null) {
            FirmRisk[] before = previousFirmRisk;
            r = before != null && before[firm] != null && sameFirmRisk(firm, previousRisk) ? before[firm] : risk.firm(firm);
            firmRisk[firm] = r;
        }
        return r;
    }

    /** The firm's breach function. */
    public BreachFunction breach(int firm) { return breach[firm]; }

    /** The most the firm can put into security from its own cash or credit in a year: {@code budget_share × revenue}. */
    public double budgetYen(int firm) { return net.attribute(FirmAttribute.BUDGET_SHARE, firm) * net.revenueYen(firm); }

    /** What the firm invests with no policy, against this context's risk (what it does where no policy reaches it). */
    public double baselineInvestmentYen(int firm) { return own(firm).investmentYen()[firm]; }

    /** Its expected annual loss with no policy, against this context's risk. */
    public double baselineLossYen(int firm) { return own(firm).lossYen()[firm]; }

    /** Whether its budget holds it down with no policy, against this context's risk. */
    public boolean baselineBudgetBound(int firm) { return own(firm).budgetBound().get(firm); }

    /** What the firm invests under the {@code none} policy: the reference a policy's cost is measured from. */
    public double referenceInvestmentYen(int firm) { return referenceInvestment[firm]; }

    /** The scenario's standard of that name ({@code meti} is a rule, see {@link MetiRule}). */
    public Standard standard(String name) {
        Standard s = standards.get(name);
        if (s == null) throw new IllegalArgumentException("no standard named " + name);
        return s;
    }

    /** The supply-loss side of every firm's exposure (computed on first use: one production cascade per firm asked). */
    public SupplyExposure supply() {
        synchronized (supply) {
            if (supply.value == null) supply.value = new SupplyExposure(scenario, net);
            return supply.value;
        }
    }

    /**
     * {@link SupplyExposure#downstreamCbiYen} of every firm (it does not depend on the posture): computed
     * on first use, then shared by every context of the run. Do not modify.
     */
    double[] downstreamCbiYen() {
        SupplyExposure exposure = supply();
        synchronized (supply) {
            if (supply.downstreamCbi == null) {
                double[] cbi = new double[net.firmCount()];
                for (int i = 0; i < cbi.length; i++) cbi[i] = exposure.downstreamCbiYen(i);
                supply.downstreamCbi = cbi;
            }
            return supply.downstreamCbi;
        }
    }

    /**
     * {@link BuyerSharePolicy#largeBuyerShares}{@code (network, supplier, maxLinks)}, computed once per
     * run (it depends on the network only) and shared by every context and round; unmodifiable.
     */
    Map<Integer, Double> largeBuyerShares(int supplier, int maxLinks) {
        // a slot per supplier (every round of every buyer-share policy asks for every supplier's: no map lookup, no lock, no boxed key)
        AtomicReferenceArray<Map<Integer, Double>> bySupplier = supply.largeBuyerShares.get(maxLinks);
        if (bySupplier == null) bySupplier = supply.largeBuyerShares.computeIfAbsent(maxLinks, k -> new AtomicReferenceArray<>(net.firmCount()));
        Map<Integer, Double> known = bySupplier.get(supplier);
        if (known != null) return known;
        // a pure function of (supplier, maxLinks): a thread that loses the race takes the winner's (equal) map
        Map<Integer, Double> computed = Collections.unmodifiableMap(BuyerSharePolicy.largeBuyerShares(net, supplier, maxLinks));
        known = bySupplier.compareAndExchange(supplier, null, computed);
        return known != null ? known : computed;
    }

    /** A uniform in [0, 1) for (policy draw {@code key}, firm): the same for every policy of the run, so variants of one policy nest. */
    public double uniform(long key, int firm) {
        return draws.uniform(RandomStreams.Stream.POLICY, key, firm);
    }

    /** {@code meti}: whether the name is METI's per-pair rule rather than a standard. */
    static boolean isMeti(String name) { return ScenarioLoader.METI.equals(name); }
}
