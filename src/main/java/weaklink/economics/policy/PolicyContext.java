package weaklink.economics.policy;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
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
    private final double[] ownInvestment, ownLoss, referenceInvestment;
    private final BitSet ownBound = new BitSet();
    private final SupplyHolder supply;
    private final Map<String, Standard> standards;
    private Equilibrium.Convergence noneConvergence;

    /** The supply-loss side of every firm's exposure, shared by re-priced contexts and computed on first use. */
    private static final class SupplyHolder {
        SupplyExposure value;
    }

    /** Every firm's own choice with no policy against {@code risk}. */
    private PolicyContext(Scenario scenario, SupplyNetwork net, RandomStreams draws, RiskModel risk, Posture reference, PolicyContext root,
                          double[] referenceInvestment, Equilibrium.Convergence noneConvergence) {
        this.scenario = scenario;
        this.net = net;
        this.draws = draws;
        this.risk = risk;
        this.reference = reference;
        int n = net.firmCount();
        ownInvestment = new double[n];
        ownLoss = new double[n];
        for (int i = 0; i < n; i++) {
            Choice c = BestResponse.decide(breach(i), risk.firm(i), new FirmTerms(budgetYen(i)));
            ownInvestment[i] = c.investmentYen();
            ownLoss[i] = c.expectedLossYen();
            if (c.budgetBound()) ownBound.set(i);
        }
        this.referenceInvestment = referenceInvestment != null ? referenceInvestment : ownInvestment;
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
    }

    /**
     * The context of a run: {@code draws} are the run's policy draws ({@code Seeds.policyDraws()}: who
     * complies with a mandate, ...). With {@code decisions: equilibrium} the firms' choices with no
     * policy are iterated to their equilibrium here.
     *
     * @throws Equilibrium.NotConverged when they do not converge within {@code economics.equilibrium_max_iterations}
     */
    public static PolicyContext of(Scenario scenario, SupplyNetwork net, RandomStreams draws) {
        double[] v = new double[net.firmCount()];
        for (int i = 0; i < v.length; i++) v[i] = net.vulnerability(i);
        PolicyContext independent = new PolicyContext(scenario, net, draws, RiskModel.independent(scenario, net), Posture.base(v), null, null,
                Equilibrium.Convergence.INDEPENDENT);
        if (scenario.economics().decisions() == EconomicsSpec.Decisions.INDEPENDENT) return independent;
        return Equilibrium.withoutPolicy(independent);
    }

    /** The context of a run with master seed {@code masterSeed}. */
    public static PolicyContext of(Scenario scenario, SupplyNetwork net, long masterSeed) {
        return of(scenario, net, new Seeds(masterSeed).policyDraws());
    }

    /**
     * This context with every firm's risk re-priced with its partners (and the attackers'
     * reconnaissance) at {@code reference}; the firms' own choices are re-decided against it. The
     * reference investments (policy cost) and the standards are kept.
     */
    PolicyContext repriced(Posture reference) {
        return new PolicyContext(scenario, net, draws, risk.at(reference), reference, this, referenceInvestment, noneConvergence);
    }

    /** A round of the {@code none} equilibrium: re-priced at {@code reference}, the firms' own choices are the reference of policy cost (shares this context's tables). */
    PolicyContext repricedAsReference(Posture reference) {
        return new PolicyContext(scenario, net, draws, risk.at(reference), reference, this, null, noneConvergence);
    }

    /** This context, its own choices being the {@code none} equilibrium reached as {@code convergence} says. */
    PolicyContext asReference(Equilibrium.Convergence convergence) {
        if (referenceInvestment != ownInvestment) throw new IllegalStateException("not a context of the none policy's own choices");
        noneConvergence = convergence;
        return this;
    }

    /** Every firm's decision under {@code policy}, and who pays: one pass ({@code independent}) or to the policy's equilibrium. */
    public SecurityFunding fund(CostSharingPolicy policy) {
        return Equilibrium.solve(policy, this);
    }

    /** How the {@code none} policy's decisions were reached (the rounds to its equilibrium, or one independent pass). */
    Equilibrium.Convergence noneConvergence() { return noneConvergence; }

    /** The posture the firms' risk is priced at: the other firms' (base, or the previous round's in an equilibrium). */
    public Posture referencePosture() { return reference; }

    public Scenario scenario() { return scenario; }
    public SupplyNetwork network() { return net; }
    public RiskModel risk() { return risk; }

    /** The firm's risk as a function of its own vulnerability. */
    public FirmRisk risk(int firm) { return risk.firm(firm); }

    /** The firm's breach function. */
    public BreachFunction breach(int firm) { return BreachFunction.of(net, firm); }

    /** The most the firm can put into security from its own cash or credit in a year: {@code budget_share × revenue}. */
    public double budgetYen(int firm) { return net.attribute(FirmAttribute.BUDGET_SHARE, firm) * net.revenueYen(firm); }

    /** What the firm invests with no policy, against this context's risk (what it does where no policy reaches it). */
    public double baselineInvestmentYen(int firm) { return ownInvestment[firm]; }

    /** Its expected annual loss with no policy, against this context's risk. */
    public double baselineLossYen(int firm) { return ownLoss[firm]; }

    /** Whether its budget holds it down with no policy, against this context's risk. */
    public boolean baselineBudgetBound(int firm) { return ownBound.get(firm); }

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

    /** A uniform in [0, 1) for (policy draw {@code key}, firm): the same for every policy of the run, so variants of one policy nest. */
    public double uniform(long key, int firm) {
        return draws.uniform(RandomStreams.Stream.POLICY, key, firm);
    }

    /** {@code meti}: whether the name is METI's per-pair rule rather than a standard. */
    static boolean isMeti(String name) { return ScenarioLoader.METI.equals(name); }
}
