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
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.random.Seeds;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.StandardSpec;

/**
 * What every policy of a run decides against, computed once: the network, every firm's risk
 * ({@link RiskModel#independent}: each firm against the others' base posture), each firm's budget
 * (its cash or credit limit on security, {@code budget_share × revenue}) and its baseline choice —
 * what it does with no policy, which is the {@code none} policy and the reference every other
 * policy's cost is measured from. Firms a policy does not reach keep their baseline choice.
 */
public final class PolicyContext {
    private final Scenario scenario;
    private final SupplyNetwork net;
    private final RandomStreams draws;
    private final RiskModel risk;
    private final double[] baselineInvestment, baselineLoss;
    private final BitSet baselineBound = new BitSet();
    private SupplyExposure supply;
    private final Map<String, Standard> standards = new HashMap<>();

    private PolicyContext(Scenario scenario, SupplyNetwork net, RandomStreams draws) {
        this.scenario = scenario;
        this.net = net;
        this.draws = draws;
        this.risk = RiskModel.independent(scenario, net);
        int n = net.firmCount();
        baselineInvestment = new double[n];
        baselineLoss = new double[n];
        for (int i = 0; i < n; i++) {
            Choice c = BestResponse.decide(breach(i), risk.firm(i), new FirmTerms(budgetYen(i)));
            baselineInvestment[i] = c.investmentYen();
            baselineLoss[i] = c.expectedLossYen();
            if (c.budgetBound()) baselineBound.set(i);
        }
        for (Map.Entry<String, StandardSpec> e : scenario.standards().entrySet()) {
            standards.put(e.getKey(), new Standard(e.getKey(), e.getValue().maxVulnerability(), e.getValue().certificationYen()));
        }
    }

    /** The context of a run: {@code draws} are the run's policy draws ({@code Seeds.policyDraws()}: who complies with a mandate, ...). */
    public static PolicyContext of(Scenario scenario, SupplyNetwork net, RandomStreams draws) {
        return new PolicyContext(scenario, net, draws);
    }

    /** The context of a run with master seed {@code masterSeed}. */
    public static PolicyContext of(Scenario scenario, SupplyNetwork net, long masterSeed) {
        return of(scenario, net, new Seeds(masterSeed).policyDraws());
    }

    public Scenario scenario() { return scenario; }
    public SupplyNetwork network() { return net; }
    public RiskModel risk() { return risk; }

    /** The firm's risk as a function of its own vulnerability. */
    public FirmRisk risk(int firm) { return risk.firm(firm); }

    /** The firm's breach function. */
    public BreachFunction breach(int firm) { return BreachFunction.of(net, firm); }

    /** The most the firm can put into security from its own cash or credit in a year: {@code budget_share × revenue}. */
    public double budgetYen(int firm) { return net.attribute(FirmAttribute.BUDGET_SHARE, firm) * net.revenueYen(firm); }

    /** What the firm invests with no policy. */
    public double baselineInvestmentYen(int firm) { return baselineInvestment[firm]; }

    /** Its expected annual loss with no policy. */
    public double baselineLossYen(int firm) { return baselineLoss[firm]; }

    /** Whether its budget holds it down with no policy. */
    public boolean baselineBudgetBound(int firm) { return baselineBound.get(firm); }

    /** The scenario's standard of that name ({@code meti} is a rule, see {@link MetiRule}). */
    public Standard standard(String name) {
        Standard s = standards.get(name);
        if (s == null) throw new IllegalArgumentException("no standard named " + name);
        return s;
    }

    /** The supply-loss side of every firm's exposure (computed on first use: one production cascade per firm asked). */
    public synchronized SupplyExposure supply() {
        if (supply == null) supply = new SupplyExposure(scenario, net);
        return supply;
    }

    /** A uniform in [0, 1) for (policy draw {@code key}, firm): the same for every policy of the run, so variants of one policy nest. */
    public double uniform(long key, int firm) {
        return draws.uniform(RandomStreams.Stream.POLICY, key, firm);
    }

    /** {@code meti}: whether the name is METI's per-pair rule rather than a standard. */
    static boolean isMeti(String name) { return ScenarioLoader.METI.equals(name); }
}
