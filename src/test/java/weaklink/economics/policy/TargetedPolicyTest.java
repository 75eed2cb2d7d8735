package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weaklink.economics.LossModel;
import weaklink.random.RandomStreams;
import weaklink.model.ReplicateModel;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.stats.Sample;

/**
 * One hub: eight large buyers, one small supplier that all of them buy from and that holds
 * remote access into each, and thirty micro firms that supply the hub and hold remote access into
 * it. Measured on the real model (replicate model and loss model, common random numbers).
 */
class TargetedPolicyTest {
    static final double BUDGET = 2.0e7;
    static final String HUB = """
            name: hub
            seed: 11
            network:
              generator:
                tiers:
                  - firms: 8
                    size_mix: {large: 1.0}
                  - firms: 1
                    size_mix: {small: 1.0}
                    suppliers_per_buyer: 1
                  - firms: 30
                    size_mix: {micro: 1.0}
                    suppliers_per_buyer: 30
                trust_probability: {remote-access: 1.0}
                sectors: 1                  # the micro firms make one input: they stand in for each other
            trust_types:
              remote-access: {daily_probability: 0.1}
            actors:
              - mode: opportunistic
                campaigns_per_year: 6
                attempt_probability: 0.2
                dwell_days: 20
            """;

    final Scenario scenario = PolicyFixtures.scenario(HUB);
    final SupplyNetwork net = build();
    final PolicyContext ctx = PolicyContext.of(scenario, net, 1);

    SupplyNetwork build() {
        return build(scenario);
    }

    static SupplyNetwork build(Scenario s) {
        try {
            return Networks.build(s, 3);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int hub() {
        for (int i = 0; i < net.firmCount(); i++) if (net.tier(i) == 1) return i;
        throw new IllegalStateException("no hub");
    }

    SecurityFunding targeted() {
        return new TargetedPolicy(new PolicySpec.Targeted("t", BUDGET, "government", 0.05)).fund(ctx);
    }

    SecurityFunding equalSplit() {
        SecurityFunding.Builder b = new SecurityFunding.Builder(ctx);
        for (int i = 0; i < net.firmCount(); i++) b.fundAdditional(i, SecurityFunding.GOVERNMENT, BUDGET / net.firmCount());
        return b.build();
    }

    @Test
    void theNetworkIsOneHub() {
        int hub = hub();
        assertEquals(8, net.customerCount(hub));
        assertEquals(30, net.supplierCount(hub));
        assertEquals(8, net.trustOutDegree(hub));
    }

    @Test
    void theHubGetsTheLargestGrantAndTheWholeBudgetIsSpent() {
        SecurityFunding f = targeted();
        int hub = hub();
        for (int i = 0; i < net.firmCount(); i++) if (i != hub) assertTrue(f.paidByGovernment()[hub] > f.paidByGovernment()[i], "firm " + i);
        assertEquals(BUDGET, f.totalPaidByGovernment(), 1e-3);
        assertEquals(ctx.baselineInvestmentYen(hub) + f.paidByGovernment()[hub], f.investmentYen()[hub], 1e-6);
        assertEquals(0.05 * BUDGET, f.administrationYen(), 1e-6);
        assertEquals(1.05 * BUDGET, f.publicFundsYen(), 1e-3);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void whenBuyersPayOnlyLargeFirmsPayAndTheyPayTheWholeBudget() {
        SecurityFunding f = new TargetedPolicy(new PolicySpec.Targeted("t", BUDGET, "buyers", 0.05)).fund(ctx);
        assertEquals(BUDGET, f.totalPaidByBuyers(), 1e-3);
        double large = 0;
        for (int i = 0; i < net.firmCount(); i++) {
            if (net.tier(i) == 0) large += f.paidForSuppliers()[i];
            else assertEquals(0, f.paidForSuppliers()[i], "firm " + i);
        }
        assertEquals(BUDGET, large, 1e-3);
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void inAStressTestTheBudgetGoesToTheSeedsTrustNeighboursNotTheSeed() {
        Scenario stress = PolicyFixtures.scenario(HUB.replace("""
                actors:
                  - mode: opportunistic
                    campaigns_per_year: 6
                    attempt_probability: 0.2
                    dwell_days: 20
                """, """
                initial_compromises:
                  - {firm: 8, dwell_days: 20}
                """));
        SupplyNetwork n = build(stress);
        SecurityFunding f = new TargetedPolicy(new PolicySpec.Targeted("t", BUDGET, "government", 0.05)).fund(PolicyContext.of(stress, n, 1));
        int seed = n.indexOf(8);
        assertEquals(1, n.tier(seed)); // the hub
        assertEquals(0, f.paidByGovernment()[seed]);
        double toBuyers = 0;
        for (int e = n.trustOutStart(seed); e < n.trustOutEnd(seed); e++) toBuyers += f.paidByGovernment()[n.trustTarget(e)];
        assertEquals(BUDGET, toBuyers, 1e-3);
    }

    @Test
    void targetedBeatsAnEqualSplitOfTheSameBudgetInTheSimulatedModel() {
        SecurityFunding targeted = targeted(), equal = equalSplit();
        assertEquals(equal.totalSpend(), targeted.totalSpend(), 1e-3);
        LossModel losses = new LossModel(scenario, net);
        int replicates = 400;
        double[] diff = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            RandomStreams streams = new RandomStreams(scenario.seed(), r);
            double t = losses.losses(new ReplicateModel(scenario, net, targeted.posture(), streams).run(), streams).totalYen();
            double e = losses.losses(new ReplicateModel(scenario, net, equal.posture(), streams).run(), streams).totalYen();
            diff[r] = t - e;
        }
        Sample d = new Sample(diff);
        // paired difference (targeted − equal split) below zero by more than three standard errors
        assertTrue(d.mean() + 3 * d.standardError() < 0, "mean difference " + d.mean() + " ± " + d.standardError());
    }
    /**
     * On the quick start, a round told the round before takes the gains of the firms whose exposure and baseline have not
     * moved from it and computes the others: every gain, and the whole funding, bit for bit those of the round computed
     * afresh. With the round before's gains replaced by a marker, the marker is carried for some firms and not for others.
     */
    @Test
    void aRoundReusesTheRoundBeforesFirstGainsOfUnmovedFirmsAndFundsAsAFreshRound() throws Exception {
        Scenario s = weaklink.scenario.ScenarioLoader.load(java.nio.file.Path.of("scenarios/quickstart.yaml"));
        SupplyNetwork qs = Networks.build(s, 11);
        TargetedPolicy targeted = (TargetedPolicy) CostSharingPolicy.of(s.policies().stream().filter(p -> p.kind() == PolicySpec.Kind.TARGETED)
                .findFirst().orElseThrow());
        PolicyContext first = PolicyContext.of(s, qs, 11);
        SecurityFunding before = targeted.fund(first);
        Equilibrium.PreviousRound previous = new Equilibrium.PreviousRound(first.risk(), first.referencePosture(), before);
        PolicyContext second = first.repriced(weaklink.economics.decision.PostureRule.postureFor(qs, before.posture().successProbability().clone()));
        int n = qs.firmCount();
        double[] base = new double[n];
        for (int i = 0; i < n; i++) base[i] = second.baselineInvestmentYen(i);
        NetworkExposure exposure = new NetworkExposure(second);
        double[] fresh = targeted.firstGains(exposure, base, null).gain(), reused = targeted.firstGains(exposure, base, previous).gain();
        for (int i = 0; i < n; i++) assertEquals(Double.doubleToRawLongBits(fresh[i]), Double.doubleToRawLongBits(reused[i]), "firm " + i);
        // the round before's gains replaced by a marker: the firms that carry it were taken, not computed
        double[] marked = new double[n];
        java.util.Arrays.fill(marked, -7);
        TargetedPolicy.FirstGains b = before.firstGains();
        SecurityFunding.Builder markedFunding = new SecurityFunding.Builder(first);
        markedFunding.firstGains(new TargetedPolicy.FirstGains(b.reference(), b.baseYen(), marked));
        double[] carried = targeted.firstGains(exposure, base, new Equilibrium.PreviousRound(first.risk(), first.referencePosture(),
                markedFunding.build())).gain();
        int taken = 0;
        for (double g : carried) if (g == -7) taken++;
        assertTrue(taken > n / 10 && taken < n, taken + " of " + n + " firms' first gains taken from the round before");
        SecurityFunding afresh = targeted.fund(second), told = targeted.fund(second, previous);
        org.junit.jupiter.api.Assertions.assertArrayEquals(afresh.investmentYen(), told.investmentYen());
        org.junit.jupiter.api.Assertions.assertArrayEquals(afresh.paidByGovernment(), told.paidByGovernment());
        org.junit.jupiter.api.Assertions.assertArrayEquals(afresh.expectedLossYen(), told.expectedLossYen());
        org.junit.jupiter.api.Assertions.assertArrayEquals(afresh.posture().successProbability(), told.posture().successProbability());
        assertEquals(Double.doubleToRawLongBits(afresh.administrationYen()), Double.doubleToRawLongBits(told.administrationYen()));
    }
}
