package weaklink.economics;

import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.production.CbiExposure;
import weaklink.production.ProductionCascade;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Scenario;

/**
 * What a firm's breach costs the whole network, for allocating a budget where it lowers
 * network-wide expected loss most (the {@code targeted} policy). Unlike {@link FirmExposure}, it
 * counts the losses a firm's breach causes its partners — the externality a myopic investor
 * ignores (Kunreuther &amp; Heal 2003). An ex-ante approximation of what the model simulates:
 *
 * <pre>
 * EL_i(z) = X_i · (1 − exp(−A_i · S_i(z)))                  expected network loss from breaches of i
 * A_i     = a_i + Σ_{k→i trust} P_k · p_type · D             attempts: direct, plus lateral from partners
 * P_k     = 1 − exp(−a_k · S_k)                              probability partner k is breached directly (1 for an initial compromise)
 * X_i     = λ_i + C_i + Σ_{i→j trust} T_ij · (λ_j + C_j)     loss if i is breached
 * T_ij    = 1 − (1 − p_type · S_j)^D                         probability the attacker moves on to j (Newman 2002)
 * C_i     = Σ_paths VA_b · lost days_b                        downstream CBI (Inoue &amp; Todo 2019)
 * </pre>
 * with {@code a} the direct attempts per year ({@link FirmExposure#attemptsPerYear}),
 * {@code λ} a firm's own loss if breached, {@code S} vulnerabilities at the firms' self-funded
 * investment, {@code D} the mean dwell days of the scenario's actors (weighted by campaigns), and
 * for CBI: along each downstream supply path of up to {@value #CBI_DEPTH} links, a buyer loses what
 * the production cascade's rule gives for the breached firm's mean outage alone
 * ({@link CbiExposure#downstreamLossYen}: input types, stocks, spare capacity, substitution).
 * Lateral movement is counted one link deep.
 */
public final class NetworkExposure {
    /** Supply links followed downstream for contingent business interruption. */
    static final int CBI_DEPTH = 4;

    private final FirmExposure exposure;
    private final double[] attempts;
    private final double[] lossIfBreachedYen;

    private NetworkExposure(FirmExposure exposure, double[] attempts, double[] lossIfBreachedYen) {
        this.exposure = exposure;
        this.attempts = attempts;
        this.lossIfBreachedYen = lossIfBreachedYen;
    }

    /** The network exposure of every firm, with vulnerabilities at {@code investmentYen}. */
    public static NetworkExposure of(Scenario scenario, FirmExposure exposure, double[] investmentYen) {
        SupplyNetwork net = exposure.network();
        int n = net.firmCount();
        double dwell = meanDwellDays(scenario);
        double[] trustP = new double[weaklink.scenario.TrustType.values().length];
        for (var e : scenario.trustDailyProbability().entrySet()) trustP[e.getKey().ordinal()] = e.getValue();
        double[] s = new double[n], own = new double[n];
        CbiExposure cbi = new CbiExposure(new ProductionCascade(net, scenario.economics().production()));
        for (int i = 0; i < n; i++) {
            s[i] = exposure.breach(i).vulnerability(investmentYen[i]);
            own[i] = exposure.lossIfBreachedYen(i) + cbiExposureYen(scenario, cbi, i);
        }
        // firms the scenario compromises at the outset (stress tests) are breached for certain
        boolean[] seeded = new boolean[n];
        for (InitialCompromise ic : scenario.initialCompromises()) {
            int f = net.indexOf(ic.firmId());
            if (f >= 0) seeded[f] = true;
        }
        double[] a = new double[n], x = new double[n];
        for (int i = 0; i < n; i++) {
            double breached = seeded[i] ? 1 : 1 - Math.exp(-exposure.attemptsPerYear(i) * s[i]);
            a[i] += exposure.attemptsPerYear(i);
            x[i] = own[i];
            for (int e = net.trustOutStart(i); e < net.trustOutEnd(i); e++) {
                int j = net.trustTarget(e);
                double p = trustP[net.trustTypeOrdinal(e)];
                x[i] += (1 - Math.pow(1 - Math.min(1, p * s[j]), dwell)) * own[j];
                a[j] += breached * p * dwell;
            }
        }
        return new NetworkExposure(exposure, a, x);
    }

    /** {@code A_i}: expected attempts on the firm per year, direct and lateral. */
    public double attemptsPerYear(int firm) { return attempts[firm]; }

    /** {@code X_i}: network-wide loss if the firm is breached. */
    public double lossIfBreachedYen(int firm) { return lossIfBreachedYen[firm]; }

    /** {@code EL_i(z) = X_i (1 − exp(−A_i S_i(z)))}: expected annual network loss from breaches of the firm at investment {@code z}. */
    public double expectedLossYen(int firm, double z) {
        return lossIfBreachedYen[firm] * -Math.expm1(-attempts[firm] * exposure.breach(firm).vulnerability(z));
    }

    /** Mean dwell days over the scenario's actors, weighted by campaigns per year; initial compromises' if no actor; else 10 (assumption). */
    static double meanDwellDays(Scenario scenario) {
        double w = 0, sum = 0;
        for (ActorSpec a : scenario.actors()) {
            w += a.campaignsPerYear();
            sum += a.campaignsPerYear() * a.dwellDays().mean();
        }
        if (w > 0) return sum / w;
        for (InitialCompromise ic : scenario.initialCompromises()) {
            if (ic.dwellDays() != null) {
                w++;
                sum += ic.dwellDays().mean();
            }
        }
        return w > 0 ? sum / w : 10;
    }

    /** {@code C_i}: downstream contingent business interruption if the firm is down for its mean recovery time. */
    static double cbiExposureYen(Scenario scenario, CbiExposure cbi, int firm) {
        SupplyNetwork net = cbi.network();
        double outageDays = scenario.defaults(net.sizeClass(firm)).recoveryDays().mean() * net.attribute(FirmAttribute.RECOVERY_SCALE, firm);
        return cbi.downstreamLossYen(firm, outageDays, CBI_DEPTH);
    }
}
