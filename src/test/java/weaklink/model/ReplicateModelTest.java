package weaklink.model;

import weaklink.random.RandomStreams;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.BadInputException;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/** The replicate model's behaviour: actors, routes, statuses, paired draws and reproducibility. */
class ReplicateModelTest {
    /** A small tiered network with trust links, attacked by all three kinds of actor. */
    private static final String TIERED = """
            name: engine-test
            network:
              generator:
                tiers:
                  - firms: 4
                    size_mix: {large: 1.0}
                  - firms: 40
                    suppliers_per_buyer: 8
                  - firms: 160
                    suppliers_per_buyer: 4
                trust_probability: {edi: 0.5, remote-access: 0.2}
                reverse_trust_probability: {edi: 0.2}
                msp_firms: 1
                msp_clients_mean: 15
              technologies: {vpn: 0.3}
            trust_types:
              edi: {daily_probability: 0.05}
              remote-access: {daily_probability: 0.1}
            actors:
              - mode: opportunistic
                campaigns_per_year: 6
                attempt_probability: 0.05
              - mode: targeted
                campaigns_per_year: 4
                effect: data-theft
                dwell_days: {type: gamma, shape: 2, scale: 8}
              - mode: mass-exploit
                technology: vpn
                campaigns_per_year: 1
                attempt_probability: 0.5
            initial_compromises:
              - firm: 10
                day: 30
                dwell_days: 12
            """;

    private static Scenario parse(String yaml) {
        try {
            return ScenarioLoader.parse("engine-test.yaml", yaml, Path.of("."));
        } catch (BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SupplyNetwork network(Scenario s) {
        try {
            return Networks.build(s, 99);
        } catch (BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReplicateRecord run(Scenario s, SupplyNetwork net, Posture posture, long seed, int replicate) {
        return new ReplicateModel(s, net, posture, new RandomStreams(seed, replicate)).run();
    }

    private static String describe(ReplicateRecord r) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < r.size(); k++) {
            b.append(r.firm(k)).append(',').append(r.campaign(k)).append(',').append(r.actor(k)).append(',').append(r.day(k)).append(',')
                    .append(r.source(k)).append(',').append(r.trustLink(k)).append(',').append(r.effect(k)).append(',')
                    .append(r.detectDay(k)).append(',').append(r.outageEnd(k)).append('\n');
        }
        return b.append(r.campaigns()).append(Arrays.toString(r.dailyCompromised())).append(Arrays.toString(r.dailyDown())).toString();
    }

    @Test
    void identicalSeedsGiveIdenticalRecords() {
        Scenario s = parse(TIERED);
        SupplyNetwork net = network(s);
        Posture p = TestNetworks.basePosture(net);
        String first = describe(run(s, net, p, 5, 3));
        assertEquals(first, describe(run(s, net, p, 5, 3)));
        assertEquals(first, describe(new ReplicateModel(s, net, p, new RandomStreams(5, 3), AttackSurface.of(net)).run()));
        assertNotEquals(first, describe(run(s, net, p, 5, 4)), "another replicate draws differently");
        assertTrue(run(s, net, p, 5, 3).size() > 10, "the scenario compromises firms");
    }

    /** The posture with every firm's success probability times {@code factor} (at most 1). */
    private static Posture scaled(Posture p, double factor) {
        double[] s = p.successProbability().clone();
        for (int i = 0; i < s.length; i++) s[i] = Math.min(1, s[i] * factor);
        return new Posture(s, p.dwellScale(), p.recoveryScale());
    }

    @Test
    void policiesRunInTurnOnOneReplicatesStreamsGiveTheRecordsEachGetsOnFreshStreams() {
        // the streams remember which firms a mass exploit's draws can attempt (RandomStreams.candidatesBelow), for every
        // policy of the replicate after the first: in any order of postures, adaptive or not, that never changes a record
        for (boolean adaptive : new boolean[] {false, true}) {
            Scenario s = parse(TIERED.replace("attempt_probability: 0.5", "attempt_probability: 0.08\n    adaptive: " + adaptive)
                    .replace("campaigns_per_year: 1", "campaigns_per_year: 5"));
            SupplyNetwork net = network(s);
            Posture base = TestNetworks.basePosture(net);
            List<Posture> turns = List.of(base, scaled(base, 0.2), scaled(base, 4), base, scaled(base, 0.5));
            int massExploitEntries = 0;
            for (int r = 0; r < 20; r++) {
                RandomStreams shared = new RandomStreams(11, r);
                for (Posture p : turns) {
                    ReplicateRecord record = new ReplicateModel(s, net, p, shared).run();
                    assertEquals(describe(run(s, net, p, 11, r)), describe(record), "adaptive " + adaptive + ", replicate " + r);
                    for (int k = 0; k < record.size(); k++) if (record.actor(k) == 2 && record.source(k) < 0) massExploitEntries++;
                }
            }
            assertTrue(massExploitEntries > 20, "the mass exploit gets in (" + massExploitEntries + " entries)");
        }
    }

    @Test
    void aFirmIsNeverCompromisedTwiceByOneCampaign() {
        Scenario s = parse(TIERED.replace("daily_probability: 0.05", "daily_probability: 0.9"));
        SupplyNetwork net = network(s);
        Posture p = TestNetworks.basePosture(net);
        int lateral = 0;
        for (int r = 0; r < 5; r++) {
            ReplicateRecord rec = run(s, net, p, 1, r);
            Set<Long> seen = new HashSet<>();
            for (int k = 0; k < rec.size(); k++) {
                assertTrue(seen.add((long) rec.campaign(k) << 32 | rec.firm(k)), "campaign " + rec.campaign(k) + " compromised firm " + rec.firm(k) + " twice");
                if (rec.source(k) >= 0) lateral++;
            }
        }
        assertTrue(lateral > 100, "dense trust links let campaigns reach firms more than once, " + lateral + " lateral compromises");
    }

    @Test
    void lateralMovesFollowTrustLinksWithinTheSourcesDwell() {
        Scenario s = parse(TIERED);
        SupplyNetwork net = network(s);
        ReplicateRecord rec = run(s, net, TestNetworks.basePosture(net), 2, 0);
        int lateral = 0;
        for (int k = 0; k < rec.size(); k++) {
            if (rec.source(k) < 0) continue;
            lateral++;
            int link = rec.trustLink(k);
            assertEquals(rec.source(k), net.trustSource(link));
            assertEquals(rec.firm(k), net.trustTarget(link));
            int from = -1;
            for (int j = 0; j < rec.size(); j++) if (rec.campaign(j) == rec.campaign(k) && rec.firm(j) == rec.source(k)) from = j;
            assertTrue(from >= 0, "the source was compromised by the same campaign");
            assertTrue(rec.day(from) < rec.day(k) && rec.day(k) <= rec.day(from) + Math.floor(rec.detectDay(from) - rec.day(from)),
                    "moved on day " + rec.day(k) + " from a compromise of days [" + rec.day(from) + ", " + rec.detectDay(from) + ")");
        }
        assertTrue(lateral > 0);
    }

    /** The status of a firm on day t from the record's intervals: the rule DailyStatus applies, computed the slow way. */
    private static FirmStatus statusFromRecord(ReplicateRecord r, int firm, int t) {
        boolean compromised = false, down = false, before = false;
        for (int k = 0; k < r.size(); k++) {
            if (r.firm(k) != firm || r.day(k) > t) continue;
            before = true;
            compromised |= overlaps(r.day(k), r.detectDay(k), t);
            down |= r.causesOutage(k) && overlaps(r.outageStart(k), r.outageEnd(k), t);
        }
        return down ? FirmStatus.DOWN : compromised ? FirmStatus.COMPROMISED : before ? FirmStatus.RECOVERED : FirmStatus.HEALTHY;
    }

    private static boolean overlaps(double start, double end, int t) {
        double first = Math.floor(start), last = end > start ? Math.ceil(end) - 1 : first;
        return first <= t && t <= last;
    }

    @Test
    void scheduledDetectionAndRecoveryGiveEachFirmsStatusAndTheDailyCounts() {
        Scenario s = parse(TIERED.replace("campaigns_per_year: 6", "campaigns_per_year: 20"));
        SupplyNetwork net = network(s);
        ReplicateModel model = new ReplicateModel(s, net, TestNetworks.basePosture(net), new RandomStreams(8, 1));
        model.start();
        assertEquals(-1, model.statusDay());
        Set<FirmStatus> seen = new HashSet<>();
        for (int t = 0; t < s.days(); t++) {
            assertTrue(model.stepDay());
            assertEquals(t, model.statusDay());
            ReplicateRecord r = model.record();
            int compromised = 0, down = 0;
            for (int f = 0; f < net.firmCount(); f++) {
                FirmStatus expected = statusFromRecord(r, f, t);
                assertEquals(expected, model.firmStatus(f), "firm " + f + " on day " + t);
                seen.add(expected);
                boolean c = false, d = false;
                for (int k = 0; k < r.size(); k++) {
                    if (r.firm(k) != f) continue;
                    c |= overlaps(r.day(k), r.detectDay(k), t);
                    d |= r.causesOutage(k) && overlaps(r.outageStart(k), r.outageEnd(k), t);
                }
                if (c) compromised++;
                if (d) down++;
            }
            assertEquals(compromised, r.dailyCompromised()[t], "compromised on day " + t);
            assertEquals(down, r.dailyDown()[t], "down on day " + t);
        }
        assertFalse(model.stepDay(), "the year is over");
        assertEquals(Set.of(FirmStatus.values()), seen, "every status occurs");
    }

    @Test
    void runCountsFromTheRecordWhatSteppingCountsDayByDay() {
        Scenario s = parse(TIERED.replace("campaigns_per_year: 6", "campaigns_per_year: 40"));
        SupplyNetwork net = network(s);
        int repeatedFirms = 0;
        for (int replicate = 0; replicate < 6; replicate++) {
            ReplicateRecord ran = run(s, net, TestNetworks.basePosture(net), 8, replicate);
            ReplicateModel stepped = new ReplicateModel(s, net, TestNetworks.basePosture(net), new RandomStreams(8, replicate));
            stepped.start();
            while (stepped.stepDay()) {
                // day by day, as a display steps it
            }
            assertEquals(describe(stepped.record()), describe(ran), "replicate " + replicate);
            repeatedFirms += ran.size() - ran.distinctFirmsCompromised();
        }
        assertTrue(repeatedFirms > 0, "some firms are compromised by several campaigns, so their intervals are merged");
    }

    /**
     * Models run one after another on one run's workspaces give the records of models with their own pieces, and each
     * gives its day batch back when its run ends: the workspaces then hold one batch, the same one every run used (a
     * model borrows it at its first propagation and keeps it for the run). A stepped model gives it back after each
     * propagation, as a display may stop stepping at any day.
     */
    @Test
    void modelsOnOneRunsWorkspacesGiveTheOwnRecordsAndGiveTheirBatchBack() {
        Scenario s = parse(TIERED.replace("campaigns_per_year: 6", "campaigns_per_year: 40"));
        SupplyNetwork net = network(s);
        Posture p = TestNetworks.basePosture(net);
        ModelWorkspaces run = new ModelWorkspaces();
        Object firstBatch = null;
        for (int replicate = 0; replicate < 5; replicate++) {
            ReplicateRecord shared = new ReplicateModel(s, net, p, new RandomStreams(8, replicate), AttackSurface.of(net), run).run();
            assertEquals(describe(run(s, net, p, 8, replicate)), describe(shared), "replicate " + replicate);
            List<Object> batches = run.held().stream().filter(o -> o instanceof LateralMovement.Batch).toList();
            assertEquals(1, batches.size(), "the run's batch is given back when the model's run ends");
            if (firstBatch == null) firstBatch = batches.get(0);
            assertTrue(firstBatch == batches.get(0), "every run used the one batch");
        }
        ModelWorkspaces display = new ModelWorkspaces();
        ReplicateModel stepped = new ReplicateModel(s, net, p, new RandomStreams(8, 2), AttackSurface.of(net), display);
        stepped.start();
        int days = 0, since = -1;
        while (stepped.stepDay()) {
            days++;
            long held = display.held().stream().filter(o -> o instanceof LateralMovement.Batch).count();
            // none before the first propagation; from it on, the one batch is held again at the end of every day
            if (held == 1 && since < 0) since = days;
            assertEquals(since < 0 ? 0 : 1, held, "day " + days);
        }
        assertTrue(since > 0, "the stepped model propagated");
        assertEquals(describe(run(s, net, p, 8, 2)), describe(stepped.record()));
    }

    /** A day's number from the schedule's time: {@code (int) Math.floor(time)} for every time, negative, huge and NaN too. */
    @Test
    void theDayOfATimeIsItsFloor() {
        double[] times = {0.0, -0.0, 0.25, 1.0, Math.nextDown(1.0), Math.nextUp(364.0), 364.999999, 1e9, 3e9, 1e300, -0.5, -1.0,
            Math.nextDown(-1.0), -3e9, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE};
        for (double t : times) assertEquals((int) Math.floor(t), ReplicateModel.day(t), "time " + t);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int k = 0; k < 100_000; k++) {
            double t = (r.nextDouble() - 0.1) * Math.pow(10, r.nextInt(12));
            assertEquals((int) Math.floor(t), ReplicateModel.day(t), "time " + t);
        }
    }

    @Test
    void lowerVulnerabilityOfOneFirmNeverChangesWhichOtherFirmsAreAttempted() {
        Scenario s = parse(TIERED);
        SupplyNetwork net = network(s);
        Posture base = TestNetworks.basePosture(net);
        Scenario noTrust = parse(TIERED.replace("daily_probability: 0.05", "daily_probability: 0").replace("daily_probability: 0.1", "daily_probability: 0"));
        for (Scenario scenario : List.of(noTrust, s)) {
            ReplicateRecord a = run(scenario, net, base, 4, 0);
            Set<Long> hitA = hits(a);
            int firm = a.firm(0);
            double[] lower = base.successProbability().clone();
            lower[firm] = 0;
            ReplicateRecord b = run(scenario, net, new Posture(lower, base.dwellScale(), base.recoveryScale()), 4, 0);
            Set<Long> hitB = hits(b);
            assertTrue(hitA.containsAll(hitB), "no compromise appears when a firm gets safer");
            for (long h : hitB) assertNotEquals(firm, (int) h);
            if (scenario == noTrust) {
                hitA.removeIf(h -> h.intValue() == firm);
                assertEquals(hitA, hitB, "without trust links exactly the safer firm's compromises go");
            } else {
                assertTrue(hitB.size() < hitA.size());
            }
        }
    }

    private static Set<Long> hits(ReplicateRecord r) {
        Set<Long> out = new HashSet<>();
        for (int k = 0; k < r.size(); k++) out.add((long) r.campaign(k) << 32 | r.firm(k));
        return out;
    }

    @Test
    void postureShortensDwellAndRecoveryInProportion() {
        Scenario s = parse(TIERED.replace("daily_probability: 0.05", "daily_probability: 0").replace("daily_probability: 0.1", "daily_probability: 0"));
        SupplyNetwork net = network(s);
        Posture base = TestNetworks.basePosture(net);
        double[] half = new double[net.firmCount()];
        Arrays.fill(half, 0.5);
        ReplicateRecord a = run(s, net, base, 6, 0);
        ReplicateRecord b = run(s, net, new Posture(base.successProbability(), half, half), 6, 0);
        assertEquals(a.size(), b.size());
        int outages = 0;
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.firm(k), b.firm(k));
            assertEquals(0.5 * (a.detectDay(k) - a.day(k)), b.detectDay(k) - b.day(k), 1e-9);
            if (a.causesOutage(k)) {
                outages++;
                assertEquals(0.5 * (a.outageEnd(k) - a.outageStart(k)), b.outageEnd(k) - b.outageStart(k), 1e-9);
            }
        }
        assertTrue(outages > 0);
    }

    /** Every firm compromised on day 0 by one campaign with the given dwell, on a network without links. */
    private static double[] dwellSample(DistributionSpec dwell, int firms) {
        Scenario s = TestNetworks.scenario(0, "");
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), firms);
        for (int i = 0; i < firms; i++) b.addFirm(i, 0, SizeClass.SMALL, Role.MANUFACTURER);
        SupplyNetwork net = b.build();
        List<InitialCompromise> seeds = new java.util.ArrayList<>();
        for (int i = 0; i < firms; i++) seeds.add(new InitialCompromise(i, 0, ActorSpec.Effect.RANSOMWARE, dwell));
        ReplicateRecord r = run(s.withAttacks(List.of(), seeds), net, TestNetworks.basePosture(net), 12, 0);
        double[] out = new double[2 * firms];
        for (int k = 0; k < firms; k++) {
            out[k] = r.detectDay(k) - r.day(k);
            out[firms + k] = r.outageEnd(k) - r.outageStart(k);
        }
        return out;
    }

    @Test
    void dwellAndRecoveryDrawsFollowTheScenarioDistributions() {
        int n = 2000;
        double[] both = dwellSample(DistributionSpec.gamma(2, 8), n);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double[] dwell = Arrays.copyOf(both, n), recovery = Arrays.copyOfRange(both, n, 2 * n);
        assertTrue(ks.kolmogorovSmirnovTest(new GammaDistribution(2, 8), dwell) > 1e-3, "gamma dwell");
        DistributionSpec small = FirmDefaultsHolder.smallRecovery();
        assertTrue(ks.kolmogorovSmirnovTest(new LogNormalDistribution(Math.log(small.a()), small.b()), recovery) > 1e-3, "lognormal recovery");
        assertTrue(ks.kolmogorovSmirnovTest(new GammaDistribution(3, 8), dwell) < 1e-6, "a different distribution is told apart");
    }

    /** The built-in small-firm recovery distribution. */
    private static final class FirmDefaultsHolder {
        static DistributionSpec smallRecovery() { return weaklink.scenario.FirmDefaults.builtIn(SizeClass.SMALL).recoveryDays(); }
    }

    @Test
    void stressTestCompromisesTheListedFirmsOnTheirDaysWithNoActors() {
        Scenario s = parse(TIERED.replace("daily_probability: 0.05", "daily_probability: 0").replace("daily_probability: 0.1", "daily_probability: 0"));
        SupplyNetwork net = network(s);
        Scenario stress = s.withAttacks(List.of(), List.of(
                new InitialCompromise(7, 5, ActorSpec.Effect.RANSOMWARE, DistributionSpec.fixed(2)),
                new InitialCompromise(3, 0, ActorSpec.Effect.DATA_THEFT, DistributionSpec.fixed(4))));
        ReplicateRecord r = run(stress, net, TestNetworks.basePosture(net), 1, 0);
        assertEquals(2, r.size());
        assertEquals(2, r.campaigns());
        assertEquals(3, r.firm(0));
        assertEquals(0, r.day(0));
        assertEquals(4.0, r.detectDay(0));
        assertFalse(r.causesOutage(0), "data theft causes no outage");
        assertEquals(7, r.firm(1));
        assertEquals(5, r.day(1));
        assertEquals(-1, r.source(1));
        assertEquals(7.0, r.outageStart(1));
        assertTrue(r.outageEnd(1) > 7.0, "ransomware goes down at detonation until recovery");
        assertEquals(1, r.distinctFirmsDown());
    }

    @Test
    void massExploitAttemptsOnlyTheFirmsRunningTheTechnology() {
        Scenario s = parse(TIERED.replace("attempt_probability: 0.5", "attempt_probability: 1").replace("campaigns_per_year: 1", "campaigns_per_year: 3"));
        SupplyNetwork net = network(s);
        Scenario massOnly = s.withAttacks(List.of(s.actors().get(2)), List.of());
        double[] ones = new double[net.firmCount()];
        Arrays.fill(ones, 1.0);
        ReplicateRecord r = run(massOnly, net, Posture.base(ones), 3, 0);
        int vpn = net.technologies().indexOf("vpn");
        Set<Integer> direct = new HashSet<>();
        for (int k = 0; k < r.size(); k++) if (r.source(k) < 0) direct.add(r.firm(k));
        int running = 0;
        for (int f = 0; f < net.firmCount(); f++) {
            if (net.runs(f, vpn)) running++;
            assertEquals(net.runs(f, vpn) && r.campaigns() > 0, direct.contains(f), "firm " + f);
        }
        assertTrue(running > 0 && running < net.firmCount());
    }

    @Test
    void objectivesAreDrawnInProportionToRevenue() {
        Scenario s = TestNetworks.scenario(0, "");
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 4);
        double[] revenue = {1, 3, 0, 6};
        for (int i = 0; i < 4; i++) {
            b.addFirm(i, i == 2 ? 1 : 0, SizeClass.LARGE, Role.MANUFACTURER);
            b.setAttribute(i, FirmAttribute.REVENUE_YEN, revenue[i] + (i == 2 ? 100 : 0));
        }
        AttackSurface surface = AttackSurface.of(b.build());
        assertEquals(3, surface.objectiveCount(), "tier-0 firms with revenue");
        assertEquals(0, surface.objective(0.0));
        assertEquals(0, surface.objective(0.0999));
        assertEquals(1, surface.objective(0.1));
        assertEquals(1, surface.objective(0.3999));
        assertEquals(3, surface.objective(0.4));
        assertEquals(3, surface.objective(0.9999999));
    }

    /**
     * A star: objective 0 (large, S = 0.3) with six suppliers holding trust into it, one of them
     * (firm 4, S = 0.9) the weakest; firm 7 (S = 1) holds trust into firm 1, two hops out.
     */
    private static SupplyNetwork star(Scenario s) {
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 8);
        double[] v = {0.3, 0.2, 0.5, 0.4, 0.9, 0.1, 0.6, 1.0};
        for (int i = 0; i < v.length; i++) {
            b.addFirm(i, i == 0 ? 0 : i == 7 ? 2 : 1, i == 0 ? SizeClass.LARGE : SizeClass.SMALL, Role.MANUFACTURER);
            b.setAttribute(i, FirmAttribute.VULNERABILITY, v[i]);
        }
        for (int i = 1; i <= 6; i++) b.addTrust(i, 0, TrustType.REMOTE_ACCESS);
        b.addTrust(7, 1, TrustType.EDI);
        return b.build();
    }

    /** Per campaign, where the entry landed: [campaigns, entries via firm 4, entries at the objective, entries via firm 7]. */
    private static int[] entries(double recon, int hops) {
        Scenario s = parse(("""
                name: island
                network:
                  generator:
                    tiers:
                      - firms: 1
                trust_types:
                  edi: {daily_probability: 0}
                  remote-access: {daily_probability: 0}
                actors:
                  - mode: targeted
                    campaigns_per_year: 400
                    recon_hops: %d
                    recon_probability: %s
                """).formatted(hops, recon));
        SupplyNetwork net = star(s);
        int[] out = new int[4];
        for (int r = 0; r < 5; r++) {
            ReplicateRecord rec = run(s, net, TestNetworks.basePosture(net), 21, r);
            out[0] += rec.campaigns();
            for (int k = 0; k < rec.size(); k++) {
                if (rec.firm(k) == 4) out[1]++;
                if (rec.firm(k) == 0) out[2]++;
                if (rec.firm(k) == 7) out[3]++;
            }
        }
        return out;
    }

    @Test
    void islandHoppingEntersThroughTheWeakestNeighbourMoreOftenAsReconRises() {
        double previous = -1;
        for (double recon : new double[] {0, 0.5, 1}) {
            int[] e = entries(recon, 1);
            int campaigns = e[0];
            double viaWeakest = (double) e[1] / campaigns, direct = (double) e[2] / campaigns;
            double pWeakest = recon * 0.9, pDirect = (1 - recon) * 0.3;
            assertEquals(pWeakest, viaWeakest, 4 * Math.sqrt(Math.max(pWeakest * (1 - pWeakest), 0.25 / campaigns) / campaigns), "recon " + recon);
            assertEquals(pDirect, direct, 4 * Math.sqrt(Math.max(pDirect * (1 - pDirect), 0.25 / campaigns) / campaigns), "recon " + recon);
            assertEquals(0, e[3], "firm 7 is two hops out, beyond a one-hop reconnaissance");
            assertTrue(viaWeakest > previous);
            previous = viaWeakest;
        }
        int[] deeper = entries(1, 2);
        assertEquals(0, deeper[1], "a two-hop reconnaissance finds the weaker firm 7");
        assertEquals(deeper[0], deeper[3], "and always enters there (S = 1)");
    }

    @Test
    void durationQuantilesAreTheScenarioDistributions() {
        for (DistributionSpec d : List.of(DistributionSpec.gamma(2, 8), DistributionSpec.lognormal(10, 0.8), DistributionSpec.exponential(5),
                DistributionSpec.fixed(3), DistributionSpec.empirical(1, 4, 9))) {
            for (double u = 0.005; u < 1; u += 0.01) assertEquals(d.quantile(u), ReplicateModel.quantileFunction(d).applyAsDouble(u), 1e-12, d + " at " + u);
        }
    }

    @Test
    void geometricFirstSuccessDayHasTheGeometricDistribution() {
        assertEquals(1, weaklink.random.Samplers.firstSuccessDay(0.0, 0.3));
        assertEquals(1, weaklink.random.Samplers.firstSuccessDay(0.2999, 0.3));
        assertEquals(2, weaklink.random.Samplers.firstSuccessDay(0.3001, 0.3));
        assertEquals(2, weaklink.random.Samplers.firstSuccessDay(0.5099, 0.3));
        assertEquals(3, weaklink.random.Samplers.firstSuccessDay(0.5101, 0.3));
        assertEquals(1, weaklink.random.Samplers.firstSuccessDay(0.99, 1.0));
    }

    @Test
    void tableOfDailyChancesGivesTheSameFirstSuccessDayAsTheLogarithm() {
        MersenneTwisterFast rng = new MersenneTwisterFast(9);
        double[] table = new double[65];
        int undecided = 0, checked = 0;
        for (double q : new double[] {1e-6, 0.0035, 0.035, 0.3, 0.9, 0.999999}) {
            for (int maxOffset : new int[] {1, 2, 10, 64}) {
                LateralMovement.fillDayChance(table, Math.log1p(-q), maxOffset);
                for (int i = 0; i < 20_000; i++) {
                    // uniforms below the chance of any success within maxOffset days, 1 % right at a boundary
                    double u = i % 100 == 0 ? table[1 + rng.nextInt(maxOffset)] : (rng.nextLong() >>> 11) * 0x1.0p-53 * table[maxOffset];
                    int fromTable = LateralMovement.tableOffset(u, table, maxOffset);
                    int exact = weaklink.random.Samplers.firstSuccessDay(u, q);
                    if (fromTable == 0) {
                        undecided++;
                        continue;
                    }
                    checked++;
                    assertEquals(exact, fromTable, "q = " + q + ", u = " + u);
                }
            }
        }
        assertTrue(checked > 100_000, "checked " + checked);
        // draws at a boundary (1 % here) are left to the logarithm
        assertTrue(undecided >= 0.01 * 480_000 && undecided < 0.02 * 480_000, "undecided " + undecided);
    }
    @Test
    void bucketsOfDailyChancesGiveTheTablesFirstSuccessDayWheneverTheyDecide() {
        MersenneTwisterFast rng = new MersenneTwisterFast(13);
        double[] table = new double[65];
        byte[] buckets = new byte[LateralMovement.BUCKETS + 1];
        long decided = 0, draws = 0;
        for (double q : new double[] {1e-9, 1e-6, 0.0035, 0.035, 0.3, 0.9, 0.999999}) {
            for (int maxOffset : new int[] {1, 2, 10, 64}) {
                LateralMovement.fillDayChance(table, Math.log1p(-q), maxOffset);
                double threshold = -Math.expm1(maxOffset * Math.log1p(-q));
                double scale = LateralMovement.fillDayBuckets(buckets, table, maxOffset, threshold);
                assertTrue(scale > 0, "q = " + q);
                java.util.List<Double> us = new java.util.ArrayList<>();
                for (int i = 0; i < 20_000; i++) us.add((rng.nextLong() >>> 11) * 0x1.0p-53 * threshold);
                // every boundary of a day, of its margins and of a bucket, and the doubles next to them
                java.util.List<Double> edges = new java.util.ArrayList<>();
                for (int k = 1; k <= maxOffset; k++) {
                    for (double m : new double[] {0, 1e-9, -1e-9}) edges.add(table[k] + m);
                }
                for (int i = 0; i <= LateralMovement.BUCKETS; i++) edges.add(i / scale);
                for (double e : edges) {
                    for (double u : new double[] {Math.nextDown(Math.nextDown(e)), Math.nextDown(e), e, Math.nextUp(e), Math.nextUp(Math.nextUp(e))}) {
                        if (u >= 0 && u < threshold) us.add(u);
                    }
                }
                int edgeDraws = us.size() - 20_000;
                for (int i = 0; i < us.size(); i++) {
                    double u = us.get(i);
                    int fromBucket = LateralMovement.bucketOffset(u, buckets, scale);
                    boolean w1 = q == 0.035 && maxOffset == 10;
                    if (i < 20_000 && w1) draws++;
                    if (fromBucket == 0) continue;
                    if (i < 20_000 && w1) decided++;
                    assertEquals(LateralMovement.tableOffset(u, table, maxOffset), fromBucket, "q = " + q + ", maxOffset = " + maxOffset + ", u = " + u);
                }
                assertTrue(edgeDraws > 5 * LateralMovement.BUCKETS, "edges " + edgeDraws);
            }
        }
        // a bucket holding a boundary leaves its draws to the table: about (maxOffset + 1) of 1,025 buckets,
        // so W1's links (T = 0.3 over 10 days) are nearly all decided by their bucket
        assertTrue(decided > 0.98 * draws, "decided " + decided + " of " + draws);
    }
}
