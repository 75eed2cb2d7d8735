package weaklink.economics.decision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.economics.LossModel;
import weaklink.production.ProductionCascade;
import weaklink.economics.ReplicateLosses;
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
 * The risk a firm prices, against hand counts of how the model attacks (every actor mode, targeted
 * entries through the weakest firm, lateral movement over trust links), against the production
 * cascade's own outage rule, and against the simulation itself: a firm's mean simulated loss equals
 * the expected loss it prices, within sampling error.
 */
class RiskModelTest {
    static final String ACTORS = """
            actors:
              - {name: opp, mode: opportunistic, campaigns_per_year: 4, attempt_probability: 0.1, dwell_days: 10}
              - {name: vpn, mode: mass-exploit, technology: vpn, campaigns_per_year: 2, attempt_probability: 0.5, dwell_days: 10}
              - {name: apt, mode: targeted, campaigns_per_year: 3, recon_hops: 2, recon_probability: 0.6, dwell_days: 10}
            """;

    static Scenario scenario(String yaml) {
        try {
            return ScenarioLoader.parse("risk.yaml", "name: risk\nnetwork: {generator: {tiers: [{firms: 4}]}, technologies: {vpn: 0.0}}\n" + yaml, Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * <pre>
     *   0 large, tier 0 (the targeted actor's only objective)
     *   ^ remote-access      ^ edi
     *   1 small, runs vpn    2 micro
     *   ^ remote-access
     *   3 small
     * </pre>
     */
    static SupplyNetwork diamond(Scenario s) {
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of("vpn"), 4);
        b.addFirm(0, 0, SizeClass.LARGE, Role.MANUFACTURER);
        b.addFirm(1, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.addFirm(2, 1, SizeClass.MICRO, Role.MANUFACTURER);
        b.addFirm(3, 2, SizeClass.SMALL, Role.MANUFACTURER);
        b.setTechnologyMask(1, 1L);
        b.addTrust(1, 0, TrustType.REMOTE_ACCESS);
        b.addTrust(2, 0, TrustType.EDI);
        b.addTrust(3, 1, TrustType.REMOTE_ACCESS);
        return b.build();
    }

    @Test
    void everyActorModeEntersAsTheModelMakesIt() {
        Scenario s = scenario(ACTORS);
        RiskModel risk = RiskModel.independent(s, diamond(s));
        // opportunistic: 4 campaigns × 0.1 per firm
        for (int i = 0; i < 4; i++) assertEquals(0.4, risk.entryRate(0, i), 1e-12);
        // mass exploit: 2 × 0.5, only the firm that runs the VPN
        assertEquals(List.of(0.0, 1.0, 0.0, 0.0), List.of(risk.entryRate(1, 0), risk.entryRate(1, 1), risk.entryRate(1, 2), risk.entryRate(1, 3)));
        // targeted: objective 0; with 0.6 through the weakest within two trust hops — firm 2 (v 0.7 beats 0.6 and 0.3)
        assertEquals(3 * 0.4, risk.entryRate(2, 0), 1e-12);
        assertEquals(0, risk.entryRate(2, 1));
        assertEquals(3 * 0.6, risk.entryRate(2, 2), 1e-12);
        assertEquals(0, risk.entryRate(2, 3));
    }

    @Test
    void lateralMovementIntoAFirmIsPricedWithTheModelsDailyRule() {
        Scenario s = scenario(ACTORS);
        RiskModel risk = RiskModel.independent(s, diamond(s));
        // firm 0: direct (opportunistic 0.4 + targeted 1.2) · s, plus its partners' compromises times 1 − (1 − p·s)^10; an
        // opportunistic campaign that came in through a partner had also tried firm 0 directly with probability 0.1, and
        // got in with 0.1·s: those compromises are already counted (the VPN's and the targeted actor's campaigns never try firm 0)
        double opp1 = 0.4 * 0.6, vpn1 = 1.0 * 0.6, opp2 = 0.4 * 0.7, apt2 = 1.8 * 0.7;
        double pRemote = s.trustDailyProbability().get(TrustType.REMOTE_ACCESS), pEdi = s.trustDailyProbability().get(TrustType.EDI);
        FirmRisk firm0 = risk.firm(0);
        for (double v : new double[] {0.05, 0.2, 0.3}) {
            double mRemote = 1 - Math.pow(1 - pRemote * v, 10), mEdi = 1 - Math.pow(1 - pEdi * v, 10);
            double expected = 1.6 * v + (opp1 * (1 - 0.1 * v) + vpn1) * mRemote + (opp2 * (1 - 0.1 * v) + apt2) * mEdi;
            assertEquals(expected, firm0.expectedCompromises(v), 1e-5 * expected, "s = " + v);
        }
    }

    @Test
    void businessInterruptionFollowsTheCascadesOwnOutageRuleAndShrinksWithPosture() {
        Scenario s = scenario(ACTORS + "size_classes: {large: {recovery_days: 12, manual_operation_days: 3, manual_operation_share: 0.4}}\n");
        SupplyNetwork net = diamond(s);
        FirmRisk firm0 = RiskModel.independent(s, net).firm(0);
        double va = net.dailyValueAddedYen(0);
        assertEquals(ProductionCascade.outageShortfall(net, 0, 0, 12).integral() * va, firm0.businessInterruptionYen(0.3), 1e-6 * va);
        // at a quarter of its base vulnerability (or less) the firm restores in half the time
        assertEquals(ProductionCascade.outageShortfall(net, 0, 0, 6).integral() * va, firm0.businessInterruptionYen(0.3 / 4), 1e-6 * va);
        assertEquals(ProductionCascade.outageShortfall(net, 0, 0, 6).integral() * va, firm0.businessInterruptionYen(0.01), 1e-6 * va);
    }

    @Test
    void aFirmsMeanSimulatedLossFromDirectAttacksIsTheLossItPrices() {
        Scenario s = scenario("""
                economics: {cascade: false}
                size_classes: {small: {recovery_days: 10}}
                actors:
                  - {mode: opportunistic, campaigns_per_year: 2, attempt_probability: 0.3, dwell_days: 5}
                """);
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 1);
        b.addFirm(0, 0, SizeClass.SMALL, Role.MANUFACTURER);
        assertSimulatedLossIsPriced(s, b.build(), 0, 10_000);
    }

    @Test
    void aFirmsMeanSimulatedLossFromLateralMovementIsTheLossItPrices() {
        // only firm 0 runs the exploited VPN; firm 1 is reached only over 0's remote access into it
        Scenario s = scenario("""
                economics: {cascade: false}
                size_classes: {small: {recovery_days: 10}}
                trust_types: {remote-access: {daily_probability: 0.08}}
                actors:
                  - {mode: mass-exploit, technology: vpn, campaigns_per_year: 3, attempt_probability: 0.5, dwell_days: {type: uniform, min: 2, max: 20}}
                """);
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of("vpn"), 2);
        b.addFirm(0, 0, SizeClass.SMALL, Role.MANUFACTURER);
        b.addFirm(1, 0, SizeClass.SMALL, Role.MANUFACTURER);
        b.setTechnologyMask(0, 1L);
        b.addTrust(0, 1, TrustType.REMOTE_ACCESS);
        SupplyNetwork net = b.build();
        assertEquals(0, RiskModel.independent(s, net).entryRate(0, 1));
        assertSimulatedLossIsPriced(s, net, 1, 10_000);
    }

    /** The firm's mean loss over {@code replicates} simulated years at base posture is its priced expected loss, within four standard errors. */
    private static void assertSimulatedLossIsPriced(Scenario s, SupplyNetwork net, int firm, int replicates) {
        double priced = RiskModel.independent(s, net).firm(firm).expectedLossYen(net.vulnerability(firm));
        assertTrue(priced > 0);
        double[] v = new double[net.firmCount()];
        for (int i = 0; i < v.length; i++) v[i] = net.vulnerability(i);
        Posture base = Posture.base(v);
        LossModel losses = new LossModel(s, net);
        double[] loss = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            RandomStreams streams = new RandomStreams(7, r);
            ReplicateLosses year = losses.losses(new ReplicateModel(s, net, base, streams).run(), streams);
            ReplicateLosses.FirmLosses f = year.firms();
            for (int k = 0; k < f.size(); k++) if (f.firm()[k] == firm) loss[r] = f.totalYen(k);
        }
        Sample sample = new Sample(loss);
        assertEquals(priced, sample.mean(), 4 * sample.standardError(),
                "priced " + priced + ", simulated " + sample.mean() + " ± " + sample.standardError());
        assertTrue(sample.standardError() < 0.03 * priced, "the test must be able to fail: standard error " + sample.standardError());
    }

    @Test
    void anInvestmentThatHalvesVulnerabilityHalvesDirectCompromises() {
        Scenario s = scenario(ACTORS);
        FirmRisk firm3 = RiskModel.independent(s, diamond(s)).firm(3);
        // firm 3 has no trust link into it: opportunistic only, 0.4 a year × s
        assertEquals(0.4 * 0.6, firm3.expectedCompromises(0.6), 1e-12);
        assertEquals(0.4 * 0.3, firm3.expectedCompromises(0.3), 1e-12);
    }

    @Test
    void anAdaptiveOpportunisticActorsAttemptsFollowPostureAndAreWhatTheFirmPrices() {
        // two firms of base vulnerability 0.6 and 0.1 (mean 0.35): an adaptive actor with attempt probability 0.3 tries the first
        // with 0.3 · 0.6 / 0.35 and the second with 0.3 · 0.1 / 0.35, and each firm prices attempts that follow its own posture
        Scenario s = scenario("""
                economics: {cascade: false}
                size_classes: {small: {recovery_days: 10, vulnerability: 0.6}, micro: {recovery_days: 10, vulnerability: 0.1}}
                actors:
                  - {mode: opportunistic, campaigns_per_year: 3, attempt_probability: 0.3, dwell_days: 5, adaptive: true}
                """);
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 2);
        b.addFirm(0, 0, SizeClass.SMALL, Role.MANUFACTURER);
        b.addFirm(1, 0, SizeClass.MICRO, Role.MANUFACTURER);
        SupplyNetwork net = b.build();
        RiskModel risk = RiskModel.independent(s, net);
        assertEquals(3 * 0.3 * 0.6 / 0.35, risk.entryRate(0, 0), 1e-12);
        assertEquals(3 * 0.3 * 0.1 / 0.35, risk.entryRate(0, 1), 1e-12);
        // the firm's own posture moves its attempts: at half its vulnerability, half the attempts, a quarter of the compromises
        assertEquals(3 * 0.3 * 0.3 / 0.35 * 0.3, risk.firm(0).expectedCompromises(0.3), 1e-12);
        assertSimulatedLossIsPriced(s, net, 0, 10_000);
    }
    /** Re-pricing at a posture where only firm 1 moved: the risk of firm 0, which firm 1 reaches, moves; the others' is the same function. */
    @Test
    void aRepricedModelKeepsTheRiskOfEveryFirmNoMovedPartnerReaches() {
        Scenario s = scenario(ACTORS);
        SupplyNetwork net = diamond(s);
        RiskModel base = RiskModel.independent(s, net);
        double[] moved = new double[net.firmCount()];
        for (int i = 0; i < moved.length; i++) moved[i] = net.vulnerability(i);
        moved[1] = 0.2;
        RiskModel repriced = base.at(PostureRule.postureFor(net, moved));
        assertFalse(repriced.sameFirmRisk(0, base));
        for (int i = 1; i < 4; i++) {
            assertTrue(repriced.sameFirmRisk(i, base), "firm " + i);
            for (double v : new double[] {0.01, 0.2, 0.5}) {
                assertEquals(Double.doubleToRawLongBits(base.firm(i).expectedLossYen(v)), Double.doubleToRawLongBits(repriced.firm(i).expectedLossYen(v)));
            }
        }
        assertTrue(repriced.firm(0).expectedLossYen(0.2) < base.firm(0).expectedLossYen(0.2), "a safer partner lowers firm 0's risk");
        // a model of another lineage is never taken for the same
        assertFalse(RiskModel.independent(s, net).sameFirmRisk(2, base));
    }

    /**
     * A targeted actor's entry rates read the base vulnerabilities, never the reference posture: a re-priced model shares its
     * first model's, and every rate and every firm's risk are bit for bit those of a model computed afresh at that posture.
     */
    @Test
    void aRepricedModelsSharedTargetedEntryRatesAreThoseComputedAfresh() {
        Scenario s = scenario(ACTORS);
        SupplyNetwork net = diamond(s);
        RiskModel base = RiskModel.independent(s, net);
        double[] moved = new double[net.firmCount()];
        for (int i = 0; i < moved.length; i++) moved[i] = net.vulnerability(i) / (1 + i);
        Posture posture = PostureRule.postureFor(net, moved);
        RiskModel repriced = base.at(posture), fresh = RiskModel.at(s, net, posture);
        boolean targetedEnters = false;
        for (int a = 0; a < base.actorCount(); a++) {
            for (int i = 0; i < net.firmCount(); i++) {
                assertEquals(Double.doubleToRawLongBits(fresh.entryRate(a, i)), Double.doubleToRawLongBits(repriced.entryRate(a, i)), "actor " + a + ", firm " + i);
                assertEquals(Double.doubleToRawLongBits(fresh.sourceRate(a, i)), Double.doubleToRawLongBits(repriced.sourceRate(a, i)), "actor " + a + ", firm " + i);
                targetedEnters |= s.actors().get(a).mode() == weaklink.scenario.ActorSpec.Mode.TARGETED && repriced.entryRate(a, i) > 0;
            }
        }
        assertTrue(targetedEnters, "the targeted actor enters some firm");
        for (int i = 0; i < net.firmCount(); i++) {
            for (double v : new double[] {0, 0.01, 0.2, 0.5, 1}) {
                assertEquals(Double.doubleToRawLongBits(fresh.firm(i).expectedLossYen(v)), Double.doubleToRawLongBits(repriced.firm(i).expectedLossYen(v)),
                        "firm " + i + ", s = " + v);
            }
        }
    }

    /** The lateral-movement curve built from shared per-day terms is, bit for bit, the one computed term by term. */
    @Test
    void aLateralCurveFromSharedTermsIsTheCurveComputedTermByTerm() {
        double[] dwell = RiskModel.nodes(weaklink.scenario.DistributionSpec.lognormal(14, 0.8));
        for (double[] pc : new double[][] {{0.05, 1}, {0.5, 3}, {1, 1}}) {
            RiskModel.MissColumns shared = new RiskModel.MissColumns(pc[0], pc[1]);
            for (double scale : new double[] {0.5, 0.731201171875, 1, 1.25}) {
                RiskModel.LateralCurve direct = new RiskModel.LateralCurve(pc[0], pc[1], dwell, scale);
                RiskModel.LateralCurve fromShared = new RiskModel.LateralCurve(pc[0], pc[1], dwell, scale, shared);
                for (int x = 0; x <= 4 * (RiskModel.CURVE_POINTS - 1); x++) {
                    double v = x / (4.0 * (RiskModel.CURVE_POINTS - 1));
                    assertEquals(Double.doubleToRawLongBits(direct.at(v)), Double.doubleToRawLongBits(fromShared.at(v)), "p, c = " + pc[0] + ", " + pc[1]
                            + "; scale " + scale + "; s = " + v);
                }
            }
        }
    }
    /**
     * Dwell scales whose whole days of dwell are the same at every node share one lazy curve, which is, bit for bit, the
     * curve computed term by term at each of them; a scale one day apart at some node gets a curve of its own.
     */
    @Test
    void dwellScalesWithTheSameWholeDaysShareOneCurveThatIsEachScalesOwn() {
        double[] dwell = RiskModel.nodes(weaklink.scenario.DistributionSpec.lognormal(14, 0.8));
        RiskModel.MissColumns pair = new RiskModel.MissColumns(0.05, 1);
        // 1/4096 apart: the floors of D × scale move at no node (checked), so one curve serves both
        double a = 1, b = 1 + 1.0 / 4096;
        assertArrayEquals(RiskModel.LateralCurve.dayCounts(dwell, a), RiskModel.LateralCurve.dayCounts(dwell, b));
        RiskModel.LateralCurve shared = pair.curveOf(0.05, 1, RiskModel.LateralCurve.dayCounts(dwell, a));
        assertSame(shared, pair.curveOf(0.05, 1, RiskModel.LateralCurve.dayCounts(dwell, b)));
        for (double scale : new double[] {a, b}) {
            RiskModel.LateralCurve direct = new RiskModel.LateralCurve(0.05, 1, dwell, scale);
            for (int x = 0; x <= 4 * (RiskModel.CURVE_POINTS - 1); x++) {
                double v = x / (4.0 * (RiskModel.CURVE_POINTS - 1));
                assertEquals(Double.doubleToRawLongBits(direct.at(v)), Double.doubleToRawLongBits(shared.at(v)), "scale " + scale + "; s = " + v);
            }
        }
        // half again: the days move, and so does the curve
        double[] longer = RiskModel.LateralCurve.dayCounts(dwell, 1.5);
        RiskModel.LateralCurve other = pair.curveOf(0.05, 1, longer);
        assertNotSame(shared, other);
        assertTrue(other.at(0.3) > shared.at(0.3), "a longer dwell reaches more partners");
    }

    /** What a firm's compromises cost the network, in one pass, is bit for bit the three sums it is made of. */
    @Test
    void theNetworksLossFromAFirmInOnePassIsItsThreeSums() {
        Scenario s = scenario("""
                actors:
                  - {name: opp, mode: opportunistic, effect: ransomware, campaigns_per_year: 4, attempt_probability: 0.1, dwell_days: 10}
                  - {name: vpn, mode: mass-exploit, technology: vpn, effect: data-theft, campaigns_per_year: 2, attempt_probability: 0.5, dwell_days: 10}
                  - {name: apt, mode: targeted, effect: ransomware, campaigns_per_year: 3, recon_hops: 2, recon_probability: 0.6, dwell_days: 10}
                """);
        RiskModel risk = RiskModel.independent(s, diamond(s));
        for (int i = 0; i < 4; i++) {
            FirmRisk r = risk.firm(i);
            for (double v : new double[] {0, 1e-4, 0.05, 0.3, 0.7, 1}) {
                double separate = r.expectedLossYen(v) + r.expectedRansomwareCompromises(v) * 3.7e8 + r.expectedCompromises(v) * 1.3e7;
                assertEquals(Double.doubleToRawLongBits(separate), Double.doubleToRawLongBits(r.expectedLossYen(v, 3.7e8, 1.3e7)), "firm " + i + ", s = " + v);
            }
        }
    }

    /** A firm's risk whose lateral terms are not in actor order is refused (the network's loss adds each actor's terms in one pass). */
    @Test
    void lateralTermsOutOfActorOrderAreRefused() {
        RiskModel.LateralCurve curve = new RiskModel.LateralCurve(0.05, 1, new double[] {5, 10}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FirmRisk(0.7, new double[] {0.2, 0.05}, new double[] {1, 1}, new boolean[] {true, false}, new int[] {1, 0},
                        new double[] {0.8, 0.4}, new double[] {0.1, 0.1}, new RiskModel.LateralCurve[] {curve, curve}, 2e6, 5e5, 1e6,
                        new double[FirmRisk.BI_SCALES]));
        assertTrue(e.getMessage().contains("actor order"), e.getMessage());
    }
}
