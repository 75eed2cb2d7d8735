package weaklink.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weaklink.network.SupplyNetwork;
import weaklink.network.TieredGenerator;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/** Input types in generated networks: sole-sourcing at the scenario's rate, and what it does to a buyer. */
class GeneratedInputTypesTest {
    static final double EPS = 1e-9;

    /**
     * A two-tier network whose tier-1 suppliers are sole-sourced with probability {@code sole} (null:
     * the default), buyers taking at most {@code types} input types.
     */
    static Scenario scenario(String sole, int types) throws BadInputException {
        return ScenarioLoader.parse("types.yaml", """
                name: types
                network:
                  generator:
                    tiers:
                      - firms: 200
                        size_mix: {large: 1.0}
                      - firms: 2000
                        size_mix: {medium: 1.0}
                        suppliers_per_buyer: 20
                %s
                    input_types_per_buyer: %s
                size_classes:
                  large: {inventory_days: 0, workaround_share: 0, manual_operation_share: 0}
                  medium: {inventory_days: 0, workaround_share: 0, manual_operation_share: 0}
                actors:
                  - mode: opportunistic
                """.formatted(sole == null ? "" : "        sole_sourcing: " + sole, types), Path.of("."));
    }

    /** Share of the tier-0 buyers' input types that have one supplier. */
    static double soleSourcedShare(SupplyNetwork net) {
        InputTypes types = InputTypes.of(net);
        int[] seen = new int[types.count()];
        int all = 0, sole = 0;
        for (int e = 0; e < net.supplyLinkCount(); e++) {
            if (net.tier(net.supplyBuyer(e)) != 0 || seen[types.typeOf(e)]++ > 0) continue;
            all++;
            if (types.suppliers(types.typeOf(e)) == 1) sole++;
        }
        return (double) sole / all;
    }

    @Test
    void nearlyEveryTypeIsSoleSourcedWhenTheTierSoleSourcesAll() throws Exception {
        // a supplier nobody picked sells to a random buyer, which may already buy its sector
        assertTrue(soleSourcedShare(TieredGenerator.generate(scenario("1.0", 1000), 3)) > 0.9);
    }

    @Test
    void theSoleSourcedShareFollowsTheTiersSetting() throws Exception {
        double none = soleSourcedShare(TieredGenerator.generate(scenario("0.0", 1000), 3));
        double some = soleSourcedShare(TieredGenerator.generate(scenario("0.3", 1000), 3));
        double most = soleSourcedShare(TieredGenerator.generate(scenario("0.6", 1000), 3));
        // about 200 × 20 / 2.4 = 1,700 types; a buyer's last type is sole-sourced when its suppliers run out,
        // and a supplier nobody picked may start a type at a random buyer, which adds a few percent above the setting
        assertTrue(none < 0.1, "sole-sourced share at 0: " + none);
        assertTrue(some > 0.3 - 0.05 && some < 0.3 + 0.1, "sole-sourced share at 0.3: " + some);
        assertTrue(most > 0.6 - 0.05 && most < 0.6 + 0.1, "sole-sourced share at 0.6: " + most);
    }

    @Test
    void aBuyerTakesAtMostTheInputTypesItBuys() throws Exception {
        SupplyNetwork net = TieredGenerator.generate(scenario(null, 4), 3);
        InputTypes types = InputTypes.of(net);
        for (int b = 0; b < net.firmCount(); b++) {
            if (net.tier(b) != 0) continue;
            java.util.Set<Integer> of = new java.util.HashSet<>();
            for (int k = net.supplyInStart(b); k < net.supplyInEnd(b); k++) of.add(types.typeOf(net.supplyInEdge(k)));
            // four types picked, plus at most a few suppliers nobody else picked that start one at this buyer
            assertTrue(of.size() <= 4 + 3, "buyer " + b + " has " + of.size() + " input types");
        }
    }

    @Test
    void aSoleSourcedTier1SuppliersOneDayOutageHaltsItsBuyerForADay() throws Exception {
        // Kojima Industries / Toyota, 2022, in a generated network: no share is set by hand
        Scenario s = scenario(null, 10);
        SupplyNetwork net = TieredGenerator.generate(s, 7);
        ProductionCascade cascade = new ProductionCascade(net, s.economics().production());
        int link = -1;
        for (int e = 0; e < net.supplyLinkCount() && link < 0; e++) {
            if (net.tier(net.supplyBuyer(e)) == 0 && cascade.inputTypes().soleSourced(e)) link = e;
        }
        assertTrue(link >= 0, "the default sole-sourcing share gives tier-0 buyers sole-sourced suppliers");
        assertTrue(net.supplyShare(link) < 0.2, "an ordinary share, not a hand-set 1: " + net.supplyShare(link));
        int supplier = net.supplySupplier(link), buyer = net.supplyBuyer(link);
        ProductionCascade.Result r = cascade.run(new int[] {supplier},
                new ShortfallProfile[] {ProductionCascade.outageShortfall(net, supplier, 59, 60)});
        assertEquals(1.0, r.cbiLostDaysOf(buyer), 1e-6);
        assertEquals(1.0, r.shortfall(buyer).valueAt(59.5), 1e-6);
    }
}
