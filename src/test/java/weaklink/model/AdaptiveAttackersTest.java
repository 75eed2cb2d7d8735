package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * Attackers who adapt (docs/ODD.md 7.8): a targeted actor that always reconnoitres (one hop) and
 * always gets in, against a large buyer (v 0.3) and its two suppliers with remote access into it
 * (v 0.6 and 0.5). With the suppliers as they are it enters through the weakest supplier; once
 * every supplier is hardened, an adaptive actor enters through the next weakest firm — the buyer
 * itself — and one that does not adapt still comes through the supplier it picked by what it is.
 */
class AdaptiveAttackersTest {
    static Scenario scenario(boolean adaptive) {
        try {
            return ScenarioLoader.parse("adaptive.yaml", """
                    name: adaptive
                    network: {generator: {tiers: [{firms: 3}]}}
                    economics: {cascade: false}
                    size_classes: {large: {vulnerability: 0.3}, small: {vulnerability: 0.6}, micro: {vulnerability: 0.5}}
                    actors:
                      - {mode: targeted, campaigns_per_year: 20, recon_hops: 1, recon_probability: 1, capability: 1000,
                         dwell_days: {type: fixed, value: 1}, adaptive: %s}
                    """.formatted(adaptive), Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SupplyNetwork network(Scenario s) {
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 3);
        b.addFirm(0, 0, SizeClass.LARGE, Role.MANUFACTURER);
        b.addFirm(1, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.addFirm(2, 1, SizeClass.MICRO, Role.MANUFACTURER);
        b.addTrust(1, 0, TrustType.REMOTE_ACCESS);
        b.addTrust(2, 0, TrustType.REMOTE_ACCESS);
        return b.build();
    }

    /** Firms compromised directly (the actor's entries) over 50 years at {@code s}, by firm. */
    static Map<Integer, Integer> entries(boolean adaptive, double... s) {
        Scenario scenario = scenario(adaptive);
        SupplyNetwork net = network(scenario);
        double[] one = new double[s.length];
        Arrays.fill(one, 1);
        Posture posture = new Posture(s, one, one);
        Map<Integer, Integer> out = new TreeMap<>();
        for (int r = 0; r < 50; r++) {
            ReplicateRecord record = new ReplicateModel(scenario, net, posture, new RandomStreams(3, r)).run();
            for (int k = 0; k < record.size(); k++) if (record.source(k) < 0) out.merge(record.firm(k), 1, Integer::sum);
        }
        return out;
    }

    @Test
    void withSuppliersAsTheyAreEveryActorEntersThroughTheWeakestSupplier() {
        for (boolean adaptive : new boolean[] {true, false}) {
            Map<Integer, Integer> e = entries(adaptive, 0.3, 0.6, 0.5);
            assertEquals(List.of(1), List.copyOf(e.keySet()), "adaptive " + adaptive + ": " + e);
            assertTrue(e.get(1) > 500, "about 20 campaigns a year over 50 years: " + e);
        }
    }

    @Test
    void hardeningEverySupplierMovesAnAdaptiveActorsEntryToTheNextWeakestFirm() {
        Map<Integer, Integer> e = entries(true, 0.3, 0.05, 0.04);
        assertEquals(List.of(0), List.copyOf(e.keySet()), "the buyer itself, weaker now than its suppliers: " + e);
    }

    @Test
    void anActorThatDoesNotAdaptKeepsItsEntryWhenEverySupplierIsHardened() {
        Map<Integer, Integer> e = entries(false, 0.3, 0.05, 0.04);
        assertEquals(List.of(1), List.copyOf(e.keySet()), "it still comes through supplier 1: " + e);
    }
}
