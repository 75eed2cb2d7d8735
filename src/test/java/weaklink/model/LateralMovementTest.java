package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.random.RandomStreams.Stream;
import weaklink.random.Samplers;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/** The batched lateral movement against the rule it computes, applied one event at a time. */
class LateralMovementTest {
    private static final int FIRMS = 6_000, DWELL_DAYS = 20;
    private static final double[] DAILY = {0.04, 0.06, 0.09};
    private static final TrustType[] TYPES = {TrustType.EDI, TrustType.REMOTE_ACCESS, TrustType.MANAGED_SERVICE};

    /**
     * Two seed campaigns on a random network of three trust types and scattered vulnerabilities, outbreaks large enough
     * that most candidate links lead to firms already compromised: every compromise the model records (firm, campaign,
     * day, source, link) is the one an event-by-event run of the rule gives — events in (day, push) order, a firm kept
     * once per campaign, each trust link of a compromise scheduled at its first success day
     * {@code Samplers.firstSuccessDay(u, p_type · S_target)} of its keyed uniform when that is within the dwell.
     */
    @Test
    void batchedSpreadRecordsWhatEventByEventSpreadGives() {
        Scenario s = TestNetworks.scenario(DAILY, "");
        MersenneTwisterFast rng = new MersenneTwisterFast(26);
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), FIRMS, 0, 8 * FIRMS);
        for (int i = 0; i < FIRMS; i++) {
            b.addFirm(i, 0, SizeClass.SMALL, Role.MANUFACTURER);
            b.setAttribute(i, FirmAttribute.VULNERABILITY, 0.3 + 0.7 * rng.nextDouble());
        }
        for (int k = 0; k < 5 * FIRMS; k++) {
            int u = rng.nextInt(FIRMS), v = rng.nextInt(FIRMS);
            if (u != v) b.addTrust(u, v, TYPES[rng.nextInt(TYPES.length)]);
        }
        SupplyNetwork net = b.build();
        int[] seeds = {17, 4242};
        int[] seedDays = {0, 3};
        Scenario seeded = s.withAttacks(List.of(), List.of(
                new InitialCompromise(net.firmId(seeds[0]), seedDays[0], ActorSpec.Effect.DATA_THEFT, DistributionSpec.fixed(DWELL_DAYS)),
                new InitialCompromise(net.firmId(seeds[1]), seedDays[1], ActorSpec.Effect.DATA_THEFT, DistributionSpec.fixed(DWELL_DAYS))));
        Posture posture = TestNetworks.basePosture(net);
        for (int replicate = 0; replicate < 3; replicate++) {
            RandomStreams streams = new RandomStreams(5, replicate);
            ReplicateRecord record = new ReplicateModel(seeded, net, posture, streams).run();
            Map<Long, int[]> expected = new HashMap<>();
            for (int k = 0; k < record.size(); k++) {
                if (record.source(k) >= 0) continue;
                int seed = record.firm(k) == seeds[0] ? 0 : 1;
                assertEquals(seeds[seed], record.firm(k));
                expected.putAll(eventByEvent(net, posture, streams, record.campaign(k), seeds[seed], seedDays[seed], seeded.days()));
            }
            assertEquals(expected.size(), record.size(), "compromises of replicate " + replicate);
            int lateral = 0;
            for (int k = 0; k < record.size(); k++) {
                int[] want = expected.get((long) record.campaign(k) << 32 | record.firm(k));
                assertTrue(want != null, "firm " + record.firm(k) + " by campaign " + record.campaign(k));
                assertEquals(want[0], record.day(k));
                assertEquals(want[1], record.source(k));
                assertEquals(want[2], record.trustLink(k));
                if (record.source(k) >= 0) lateral++;
            }
            assertTrue(lateral > FIRMS / 4, "a large outbreak: " + lateral + " lateral compromises");
        }
    }

    /** One campaign's compromises from its seed, (campaign, firm) to {day, source, link}, one event at a time. */
    private static Map<Long, int[]> eventByEvent(SupplyNetwork net, Posture posture, RandomStreams streams, int campaign, int seed,
                                                 int seedDay, int days) {
        PriorityQueue<int[]> events = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[4], y[4]));
        int pushed = 0;
        events.add(new int[] {seedDay, seed, -1, -1, pushed++});
        Map<Long, int[]> out = new HashMap<>();
        while (!events.isEmpty()) {
            int[] ev = events.poll();
            int day = ev[0], firm = ev[1];
            if (day >= days) break;
            long key = (long) campaign << 32 | firm;
            if (out.containsKey(key)) continue;
            out.put(key, new int[] {day, ev[2], ev[3]});
            for (int e = net.trustOutStart(firm); e < net.trustOutEnd(firm); e++) {
                int target = net.trustTarget(e);
                double q = DAILY[net.trustTypeOrdinal(e)] * Math.min(1.0, posture.successProbability()[target]);
                int offset = Samplers.firstSuccessDay(streams.uniform(Stream.LATERAL, campaign, e), q);
                if (offset <= DWELL_DAYS) events.add(new int[] {day + offset, target, firm, e, pushed++});
            }
        }
        return out;
    }
}
