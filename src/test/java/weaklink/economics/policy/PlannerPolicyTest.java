package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.economics.LossModel;
import weaklink.economics.decision.PostureRule;
import weaklink.model.ReplicateModel;
import weaklink.network.NetworkBuilder;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;
import weaklink.stats.PairedComparison;

/**
 * The planner (docs/POLICIES.md, {@code planner}) on an IT service provider with admin access into
 * four large clients: the provider's own loss is small, its clients' through it large — the
 * externality its own decision ignores. The planner counts it; the simulated network then costs
 * society less under the planner than under the firms' own choices.
 */
class PlannerPolicyTest {
    static Scenario scenario() {
        try {
            return ScenarioLoader.parse("msp.yaml", """
                    name: msp
                    network: {generator: {tiers: [{firms: 5}]}}
                    economics: {cascade: false}
                    trust_types: {managed-service: {daily_probability: 0.1}}
                    actors:
                      - {mode: opportunistic, campaigns_per_year: 4, attempt_probability: 0.5, dwell_days: {type: fixed, value: 10}}
                    policies: [{id: none}, {id: planner}]
                    """, Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SupplyNetwork hub(Scenario s) {
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 5);
        b.addFirm(0, 1, SizeClass.SMALL, Role.IT_SERVICE);
        for (int j = 1; j <= 4; j++) {
            b.addFirm(j, 0, SizeClass.LARGE, Role.MANUFACTURER);
            b.addTrust(0, j, TrustType.MANAGED_SERVICE);
        }
        return b.build();
    }

    static final CostSharingPolicy NONE = CostSharingPolicy.of(new PolicySpec.None("none"));
    static final CostSharingPolicy PLANNER = CostSharingPolicy.of(new PolicySpec.Planner("planner"));

    @Test
    void thePlannerInvestsMoreInTheProviderWhoseBreachCostsItsClients() {
        Scenario s = scenario();
        PolicyContext ctx = PolicyContext.of(s, hub(s), 1);
        SecurityFunding none = ctx.fund(NONE), planner = ctx.fund(PLANNER);
        assertTrue(planner.investmentYen()[0] > 2 * none.investmentYen()[0],
                "provider: none " + none.investmentYen()[0] + ", planner " + planner.investmentYen()[0]);
        // with the provider hardened, less reaches its clients: the planner asks less of them than they choose for themselves
        for (int j = 1; j <= 4; j++) {
            assertTrue(planner.investmentYen()[j] < none.investmentYen()[j], "client " + j + ": none " + none.investmentYen()[j] + ", planner "
                    + planner.investmentYen()[j]);
        }
        assertEquals(0, planner.totalCertification(), "the planner needs no certificate");
        assertTrue(planner.convergence().iterations() >= 1);
    }

    @Test
    void theSimulatedSocietalCostUnderThePlannerIsBelowTheFirmsOwnChoices() {
        Scenario s = scenario();
        SupplyNetwork net = hub(s);
        PolicyContext ctx = PolicyContext.of(s, net, 1);
        SecurityFunding none = ctx.fund(NONE), planner = ctx.fund(PLANNER);
        LossModel losses = new LossModel(s, net);
        int years = 3000;
        double[] a = new double[years], b = new double[years];
        for (int r = 0; r < years; r++) {
            RandomStreams streams = new RandomStreams(5, r);
            a[r] = losses.losses(new ReplicateModel(s, net, planner.posture(), streams).run(), streams).totalYen() + planner.totalSpend();
            streams = new RandomStreams(5, r);
            b[r] = losses.losses(new ReplicateModel(s, net, none.posture(), streams).run(), streams).totalYen() + none.totalSpend();
        }
        PairedComparison.Interval ci = new PairedComparison(a, b).tInterval(0.95);
        assertTrue(ci.high() < 0, "planner − none societal cost, paired over " + years + " years: [" + ci.low() + ", " + ci.high() + "]");
    }

    /**
     * Two best-response rounds of the planner on the quick start's network (970 firms, equilibrium
     * decisions): the first at the run's context, the second re-priced at the first's choices, as
     * {@link Equilibrium} iterates them.
     */
    record TwoRounds(PolicyContext second, Equilibrium.PreviousRound first) {
        static TwoRounds onTheQuickStart() {
            try {
                Scenario s = ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
                SupplyNetwork net = Networks.build(s, 11);
                PolicyContext ctx = PolicyContext.of(s, net, 11);
                SecurityFunding first = PLANNER.fund(ctx);
                PolicyContext second = ctx.repriced(PostureRule.postureFor(net, first.posture().successProbability().clone()));
                return new TwoRounds(second, new Equilibrium.PreviousRound(ctx.risk(), ctx.referencePosture(), first));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRoundThatReusesThePreviousRoundsChoicesGivesTheFreshRoundsFundingBitForBit() {
        TwoRounds r = TwoRounds.onTheQuickStart();
        SecurityFunding fresh = PLANNER.fund(r.second()), reusing = PLANNER.fund(r.second(), r.first());
        assertArrayEquals(fresh.investmentYen(), reusing.investmentYen());
        assertArrayEquals(fresh.expectedLossYen(), reusing.expectedLossYen());
        assertArrayEquals(fresh.posture().successProbability(), reusing.posture().successProbability());
        assertArrayEquals(fresh.paidBySelf(), reusing.paidBySelf());
    }

    /**
     * The planner's loops over the firms cut into chunks of 7 run last chunk first (on one thread): every array of its funding,
     * every best-response round included, is the funding of loops run in one piece, bit for bit.
     */
    @Test
    void aPlannerWhoseLoopsAreCutIntoOddChunksRunInAnyOrderFundsAsInOnePiece() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
        SupplyNetwork net = Networks.build(s, 11);
        SecurityFunding whole = PolicyContext.of(s, net, 11).fund(PLANNER);
        int[] chunksRun = new int[1];
        FirmChunks backwards = (firms, body) -> {
            for (int from = (firms - 1) / 7 * 7; from >= 0; from -= 7) {
                body.run(from, Math.min(firms, from + 7));
                chunksRun[0]++;
            }
        };
        SecurityFunding cut = PolicyContext.of(s, net, 11).fund(PLANNER, backwards);
        assertTrue(chunksRun[0] > 3 * (net.firmCount() / 7), "every round's loops ran in chunks: " + chunksRun[0]);
        assertArrayEquals(whole.investmentYen(), cut.investmentYen());
        assertArrayEquals(whole.expectedLossYen(), cut.expectedLossYen());
        assertArrayEquals(whole.paidBySelf(), cut.paidBySelf());
        assertArrayEquals(whole.posture().successProbability(), cut.posture().successProbability());
        assertArrayEquals(whole.posture().dwellScale(), cut.posture().dwellScale());
        assertArrayEquals(whole.posture().recoveryScale(), cut.posture().recoveryScale());
        assertEquals(whole.convergence(), cut.convergence());
    }

    @Test
    void aRoundReusesThePreviousChoiceOfSomeFirmsAndSearchesTheOthers() {
        TwoRounds r = TwoRounds.onTheQuickStart();
        // a previous round whose every choice is a marker: the firms that carry it were reused, not searched
        SecurityFunding.Builder marked = SecurityFunding.Builder.planned(r.second());
        int n = r.second().network().firmCount();
        for (int i = 0; i < n; i++) marked.plan(i, -7, -7);
        Equilibrium.PreviousRound previous = new Equilibrium.PreviousRound(r.first().risk(), r.first().reference(), marked.build());
        double[] z = PLANNER.fund(r.second(), previous).investmentYen();
        int reused = 0;
        for (double x : z) if (x == -7) reused++;
        assertTrue(reused > n / 10 && reused < n, reused + " of " + n + " firms' choices reused");
    }
}
