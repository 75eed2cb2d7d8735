package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import weaklink.economics.LossModel;
import weaklink.economics.ReplicateLosses;
import weaklink.economics.decision.PostureRule;
import weaklink.model.Posture;
import weaklink.model.ReplicateModel;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;
import weaklink.stats.Sample;

/**
 * Kunreuther &amp; Heal's interdependent-security game (2003) through the whole engine: two firms,
 * each with remote access into the other, one opportunistic actor that tries both in every campaign
 * and steals data (a fixed loss {@code X} per compromise), and a dwell long enough for the actor to
 * reach the partner. Per campaign a firm is compromised directly with probability {@code s_i} or,
 * failing that, through its partner:
 *
 * <pre>
 * P_i = s_i + (1 − s_i) · s_j · M(s_i),   M(s) = 1 − (1 − s)^⌊D · d_j⌋   (daily lateral probability 1 × s, dwell D scaled by the partner's posture d_j)
 * cost_i(z) = z + C · X · P_i(S(z)),       S(z) = v / (αz + 1)             (Gordon–Loeb class I, β = 1)
 * </pre>
 * With {@code M ≈ 1} the marginal value of a firm's own protection is {@code C·X·(1 − s_j)}: it
 * rises when the partner protects itself — Kunreuther and Heal's complementarity, where a weak
 * partner makes one's own investment worth less. With {@code u = α·C·X} and {@code v = 0.9}, at
 * {@code M = 1}: nobody investing is an equilibrium iff {@code u·v·(1 − v) ≤ 1} ({@code u ≤ 11.1}),
 * and both investing (to {@code s*} with {@code s*²(1 − s*) = v/u}) iff {@code u ≥ 27v/4 = 6.08}: u = 20
 * gives (a) both invest, u = 4 (b) neither, u = 8.5 (c) both equilibria. The
 * truth below is that cost minimised by a plain grid-and-golden-section search over {@code z} (not
 * the engine's {@code BestResponse}), its fixed points found by iterating it.
 */
class KunreutherHealEquilibriumTest {
    static final double V = 0.9, X = 1e6, C = 2, DWELL = 60;

    static Scenario scenario(double u) {
        double alpha = u / (C * X);
        String yaml = String.format(Locale.ROOT, """
                name: kh
                network: {generator: {tiers: [{firms: 2}]}}
                economics: {cascade: false}
                size_classes:
                  small: {revenue_yen: 1.0e9, budget_share: 1.0, vulnerability: %s, gl_alpha: %s, gl_beta: 1, incident_fixed_yen: %s,
                          incident_revenue_share: 0, incident_sigma: 0, records: 0}
                trust_types: {remote-access: {daily_probability: 1.0}}
                actors:
                  - {mode: opportunistic, effect: data-theft, campaigns_per_year: %s, attempt_probability: 1, dwell_days: {type: fixed, value: %s}}
                """, V, alpha, X, C, DWELL);
        try {
            return ScenarioLoader.parse("kh.yaml", yaml, Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SupplyNetwork pair(Scenario s) {
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 2);
        b.addFirm(0, 0, SizeClass.SMALL, Role.MANUFACTURER);
        b.addFirm(1, 0, SizeClass.SMALL, Role.MANUFACTURER);
        b.addTrust(0, 1, TrustType.REMOTE_ACCESS);
        b.addTrust(1, 0, TrustType.REMOTE_ACCESS);
        return b.build();
    }

    /** The closed form of the game: probability that a firm at {@code si} is compromised in a campaign, its partner at {@code sj}. */
    static double compromise(double si, double sj) {
        double days = Math.floor(DWELL * Math.max(0.5, Math.sqrt(sj / V))); // the partner's dwell, shortened by its posture (docs/ODD.md)
        double m = 1 - Math.pow(1 - si, days);
        return si + (1 - si) * sj * m;
    }

    /** The firm's own expected annual cost at vulnerability {@code s}: the investment that reaches it plus the expected loss. */
    static double cost(double u, double s, double sj) {
        double alpha = u / (C * X);
        double z = (V / s - 1) / alpha;
        return z + C * X * compromise(s, sj);
    }

    /** The truth's best response: the vulnerability minimising the firm's cost, by a log grid refined by golden section. */
    static double bestResponse(double u, double sj) {
        int points = 4000;
        double lo = Math.log(1e-4), hi = Math.log(V), best = hi, fBest = cost(u, V, sj);
        for (int k = 0; k < points; k++) {
            double x = lo + (hi - lo) * k / (points - 1), f = cost(u, Math.exp(x), sj);
            if (f < fBest) {
                best = x;
                fBest = f;
            }
        }
        double step = (hi - lo) / (points - 1), a = Math.max(lo, best - step), b = Math.min(hi, best + step);
        for (int k = 0; k < 200; k++) {
            double c = b - (b - a) / 1.618033988749895, d = a + (b - a) / 1.618033988749895;
            if (cost(u, Math.exp(c), sj) < cost(u, Math.exp(d), sj)) b = d; else a = c;
        }
        double s = Math.exp((a + b) / 2);
        return cost(u, s, sj) < cost(u, V, sj) ? s : V;
    }

    /** The truth's symmetric equilibrium reached by best responses from {@code start}. */
    static double equilibriumFrom(double u, double start) {
        double s = start;
        for (int k = 0; k < 500; k++) s = bestResponse(u, s);
        return s;
    }

    record Solved(SecurityFunding funding, double[] s) {}

    static Solved solve(PolicyContext ctx, double start) {
        CostSharingPolicy none = CostSharingPolicy.of(new weaklink.scenario.PolicySpec.None("none"));
        SecurityFunding f = start >= V ? ctx.fund(none)
                : Equilibrium.solveFrom(none, ctx, PostureRule.postureFor(ctx.network(), new double[] {start, start}));
        return new Solved(f, f.posture().successProbability());
    }

    @Test
    void withCheapProtectionBothFirmsInvestFromEitherStart() {
        double u = 20;
        double truth = equilibriumFrom(u, V);
        assertTrue(truth < V / 2, "the truth: both invest (s* " + truth + ")");
        assertEquals(truth, equilibriumFrom(u, 0.01), 1e-6, "and it is the only equilibrium");
        Scenario s = scenario(u);
        PolicyContext ctx = PolicyContext.of(s, pair(s), 1);
        for (double start : new double[] {V, 0.01}) {
            Solved e = solve(ctx, start);
            for (int i = 0; i < 2; i++) {
                assertEquals(truth, e.s[i], 1e-4 * truth, "firm " + i + " from " + start);
                assertTrue(e.funding.investmentYen()[i] > 0);
            }
        }
    }

    @Test
    void withDearProtectionNeitherFirmInvestsEvenWhenItsPartnerDoes() {
        double u = 4;
        assertEquals(V, bestResponse(u, V), 0, "the truth: no investment against a partner that does not invest");
        assertEquals(V, equilibriumFrom(u, 0.01), 0, "and best responses from protection end there too: the only equilibrium");
        Scenario s = scenario(u);
        PolicyContext ctx = PolicyContext.of(s, pair(s), 1);
        for (double start : new double[] {V, 0.01}) {
            Solved e = solve(ctx, start);
            for (int i = 0; i < 2; i++) assertEquals(0, e.funding.investmentYen()[i], "firm " + i + " from " + start);
        }
    }

    @Test
    void inBetweenBothEquilibriaExistAndEachIsReachedFromItsSide() {
        double u = 8.5;
        assertEquals(V, bestResponse(u, V), 0, "the truth: nobody investing is an equilibrium");
        double invest = equilibriumFrom(u, 0.01);
        assertTrue(invest < V / 2, "and so is both investing, at s* " + invest);
        assertEquals(invest, bestResponse(u, invest), 1e-6 * invest, "a fixed point of the best responses");
        Scenario s = scenario(u);
        PolicyContext ctx = PolicyContext.of(s, pair(s), 1);
        Solved neither = solve(ctx, V);
        Solved both = solve(ctx, 0.01);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, neither.funding.investmentYen()[i], "from no investment (the run's start): nobody invests");
            assertEquals(invest, both.s[i], 1e-4 * invest, "from protection: both stay protected");
        }
    }

    @Test
    void theSimulatedLossesAtEachEquilibriumAreTheClosedForms() {
        for (double[] c : new double[][] {{20, V}, {4, V}, {8.5, V}, {8.5, 0.01}}) {
            Scenario s = scenario(c[0]);
            SupplyNetwork net = pair(s);
            Solved e = solve(PolicyContext.of(s, net, 1), c[1]);
            double expected = C * X * compromise(e.s[0], e.s[1]);
            double[] loss = simulatedLoss(s, net, e.funding.posture(), 0, 4000);
            Sample sample = new Sample(loss);
            assertEquals(expected, sample.mean(), 4 * sample.standardError(),
                    "u " + c[0] + ": closed form " + expected + ", simulated " + sample.mean() + " ± " + sample.standardError());
            assertTrue(sample.standardError() < 0.03 * expected, "the test must be able to fail: standard error " + sample.standardError());
            // the firm prices exactly that
            assertEquals(expected, e.funding.expectedLossYen()[0], 1e-3 * expected);
        }
    }

    static double[] simulatedLoss(Scenario s, SupplyNetwork net, Posture posture, int firm, int replicates) {
        LossModel losses = new LossModel(s, net);
        double[] out = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            RandomStreams streams = new RandomStreams(11, r);
            ReplicateLosses year = losses.losses(new ReplicateModel(s, net, posture, streams).run(), streams);
            ReplicateLosses.FirmLosses f = year.firms();
            for (int k = 0; k < f.size(); k++) if (f.firm()[k] == firm) out[r] = f.totalYen(k);
        }
        return out;
    }
}
