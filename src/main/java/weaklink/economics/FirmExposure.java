package weaklink.economics;

import weaklink.economics.GordonLoeb.BreachClass;
import weaklink.economics.GordonLoeb.BreachFunction;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.production.ProductionCascade;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.Scenario;

/**
 * Each firm's own view of its risk, as the Gordon–Loeb investor sees it (myopic: its partners'
 * losses are not its concern; Kunreuther &amp; Heal 2003): the expected number of attack attempts
 * on it per year, its own loss if one succeeds, the expected loss {@code L} it weighs, its
 * Gordon–Loeb optimum and its budget cap. Computed once per run (before any replicate); arrays
 * are indexed by firm, money in the scenario's currency per year.
 */
public final class FirmExposure {
    private final SupplyNetwork net;
    private final double[] attemptsPerYear;
    private final double[] lossIfBreachedYen;
    private final double[] expectedLossYen;
    private final double[] optimumYen;
    private final double[] capYen;

    private FirmExposure(SupplyNetwork net, double[] attempts, double[] lossIfBreached, double[] expectedLoss, double[] optimum, double[] cap) {
        this.net = net;
        this.attemptsPerYear = attempts;
        this.lossIfBreachedYen = lossIfBreached;
        this.expectedLossYen = expectedLoss;
        this.optimumYen = optimum;
        this.capYen = cap;
    }

    /**
     * Every firm's exposure: {@code L = (1 − e^(−attempts)) × loss if breached × horizon years}
     * (the probability of at least one attempt in a year, Poisson arrivals), its unconstrained
     * Gordon–Loeb optimum against {@code L}, and its cap {@code budget share × revenue}.
     */
    public static FirmExposure of(Scenario scenario, SupplyNetwork net) {
        int n = net.firmCount();
        double tier0Revenue = 0;
        for (int i = 0; i < n; i++) if (net.tier(i) == 0) tier0Revenue += net.revenueYen(i);
        double[] attempts = new double[n], lossIfBreached = new double[n], expected = new double[n], optimum = new double[n], cap = new double[n];
        double horizon = scenario.economics().investmentHorizonYears();
        for (int i = 0; i < n; i++) {
            attempts[i] = attemptsPerYear(scenario, net, i, tier0Revenue);
            lossIfBreached[i] = lossIfBreached(scenario, net, i);
            expected[i] = (1 - Math.exp(-attempts[i])) * lossIfBreached[i] * horizon;
            optimum[i] = breach(net, i).optimalInvestment(expected[i]);
            cap[i] = net.attribute(FirmAttribute.BUDGET_SHARE, i) * net.revenueYen(i);
        }
        return new FirmExposure(net, attempts, lossIfBreached, expected, optimum, cap);
    }

    public SupplyNetwork network() { return net; }
    public int firmCount() { return attemptsPerYear.length; }
    /** Expected direct attack attempts per year. */
    public double attemptsPerYear(int firm) { return attemptsPerYear[firm]; }
    /** The firm's own loss if one attack succeeds. */
    public double lossIfBreachedYen(int firm) { return lossIfBreachedYen[firm]; }
    /** The Gordon–Loeb {@code L}: probability of being attacked × own loss if breached × horizon. */
    public double expectedLossYen(int firm) { return expectedLossYen[firm]; }
    /** The unconstrained Gordon–Loeb optimum against {@link #expectedLossYen}. */
    public double optimumYen(int firm) { return optimumYen[firm]; }
    /** The most the firm spends on security from its own budget: budget share × revenue. */
    public double capYen(int firm) { return capYen[firm]; }
    /** What the firm invests left to itself: {@code min(z*, cap)}. */
    public double selfFundedYen(int firm) { return Math.min(optimumYen[firm], capYen[firm]); }
    /** The firm's breach function. */
    public BreachFunction breach(int firm) { return breach(net, firm); }

    /** A firm's breach function, from its attributes (class, {@code v}, α, β). */
    public static BreachFunction breach(SupplyNetwork net, int firm) {
        return new BreachFunction(BreachClass.of(net.attribute(FirmAttribute.GL_CLASS, firm)), net.vulnerability(firm),
                net.attribute(FirmAttribute.GL_ALPHA, firm), net.attribute(FirmAttribute.GL_BETA, firm));
    }

    /**
     * Expected attempts per year on {@code firm} from opportunistic and mass-exploit actors
     * (campaigns per year × attempt probability; targeted actors attempt large firms in proportion
     * to revenue, approximated here as one attempt per campaign on a tier-0 firm share).
     */
    public static double attemptsPerYear(Scenario scenario, SupplyNetwork net, int firm, double tier0RevenueTotal) {
        double rate = 0;
        for (ActorSpec a : scenario.actors()) {
            switch (a.mode()) {
                case OPPORTUNISTIC -> rate += a.campaignsPerYear() * a.attemptProbability() * a.capability();
                case MASS_EXPLOIT -> {
                    int tech = net.technologies().indexOf(a.technology());
                    if (tech >= 0 && net.runs(firm, tech)) rate += a.campaignsPerYear() * a.attemptProbability() * a.capability();
                }
                case TARGETED -> {
                    if (net.tier(firm) == 0 && tier0RevenueTotal > 0) {
                        rate += a.campaignsPerYear() * a.capability() * net.revenueYen(firm) / tier0RevenueTotal;
                    }
                }
            }
        }
        return rate;
    }

    /**
     * The firm's own expected loss if breached by ransomware: incident cost, the expected ransom
     * and business interruption over its size class's mean recovery time.
     */
    public static double lossIfBreached(Scenario scenario, SupplyNetwork net, int firm) {
        double revenue = net.revenueYen(firm);
        double incident = net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, firm) + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, firm) * revenue;
        double ransom = net.attribute(FirmAttribute.RANSOM_PROPENSITY, firm) * net.attribute(FirmAttribute.RANSOM_REVENUE_SHARE, firm) * revenue;
        double recoveryDays = scenario.defaults(net.sizeClass(firm)).recoveryDays().mean() * net.attribute(FirmAttribute.RECOVERY_SCALE, firm);
        double bi = ProductionCascade.outageShortfall(net, firm, 0, recoveryDays).integral() * net.dailyValueAddedYen(firm);
        return incident + ransom + bi;
    }
}
