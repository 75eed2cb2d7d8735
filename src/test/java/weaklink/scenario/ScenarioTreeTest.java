package weaklink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weaklink.io.Json;

/** The tree a manifest keeps loads back through the scenario loader to the same scenario. */
class ScenarioTreeTest {
    static Stream<Path> shippedScenarios() throws Exception {
        return Files.list(Path.of("scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    static Scenario reload(Scenario s, Path baseDir) throws Exception {
        String json = Json.MAPPER.writeValueAsString(ScenarioTree.of(s, baseDir));
        return ScenarioLoader.parse("manifest.json", json, baseDir);
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioLoadsBackFromItsTree(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        assertEquals(withoutLocations(s), withoutLocations(reload(s, file.toAbsolutePath().getParent())));
    }

    /** The scenario with the file positions its uncertain parameters keep for messages left out (they name the file read). */
    static Scenario withoutLocations(Scenario s) {
        if (s.uncertainty() == null) return s;
        UncertaintySpec u = s.uncertainty();
        UncertaintySpec bare = new UncertaintySpec(u.draws(), u.networkDraws(),
                u.parameters().stream().map(p -> new UncertaintySpec.Parameter(p.path(), p.distribution(), "")).toList());
        return new Scenario(s.name(), s.description(), s.currency(), s.days(), s.seed(), s.replicates(), s.network(), s.sizeClasses(),
                s.trustDailyProbability(), s.actors(), s.initialCompromises(), s.standards(), s.economics(), s.policies(), s.baselinePolicy(), bare);
    }

    @Test
    void networkFilesAreWrittenRelativeToTheScenarioFolder() throws Exception {
        Path file = Path.of("scenarios/kojima-toyota.yaml");
        Scenario s = ScenarioLoader.load(file);
        Map<String, Object> tree = ScenarioTree.of(s, file.toAbsolutePath().getParent());
        String json = Json.MAPPER.writeValueAsString(tree);
        assertFalse(json.contains(Path.of("").toAbsolutePath().toString()), "no absolute path: " + json);
        assertEquals("{firms=data/kojima-toyota/firms.csv, links=data/kojima-toyota/links.csv}",
                ((Map<?, ?>) ((Map<?, ?>) tree.get("network")).get("files")).toString());
    }

    @Test
    void everyPolicyKindAndDistributionLoadsBack() throws Exception {
        Scenario s = ScenarioLoader.parse("all.yaml", """
                name: all-kinds
                description: "every policy kind, every distribution"
                currency: EUR
                days: 200
                seed: 9
                replicates: 7
                network:
                  generator:
                    tiers:
                      - firms: 3
                      - firms: 20
                        size_mix: {medium: 0.3, small: 0.35, micro: 0.35}
                        role: logistics
                        revenue_yen: {type: uniform, min: 1.0e6, max: 3.5e7}
                    fan_in_revenue_elasticity: 0.5
                    size_by_degree: true
                    msp_firms: 1
                  technologies: {vpn: 0.25, mft: 0.1}
                size_classes:
                  small: {revenue_yen: {type: gamma, shape: 2.5, scale: 1.0e8}, recovery_days: {type: exponential, mean: 12}, gl_class: 2}
                  micro: {recovery_days: {type: empirical, values: [3, 5.5, 21]}, revenue_yen: 4.0e7}
                trust_types: {edi: {daily_probability: 0.003}}
                actors:
                  - {mode: opportunistic, dwell_days: {type: fixed, value: 4}}
                  - {name: mass, mode: mass-exploit, technology: vpn, effect: data-theft, capability: 1.5}
                initial_compromises:
                  - {firm: 2, day: 10, dwell_days: 3}
                standards: {own: 0.2}
                economics: {cascade: false, substitution_share: 0.25}
                baseline_policy: none
                policies:
                  - {id: none}
                  - {id: buyer-share, name: bs, phi: 0.75, tiers: 2, standard: own}
                  - {id: mandate, min_tier: 2, standard: star4}
                  - {id: subsidy, sigma: 0.4, budget_yen: 3.0e9}
                  - {id: mutual-pool, premium_rate: 0.002, retention_yen: 5.0e6, prevention_share: 0.2, capital_yen: 1.0e8}
                  - {id: targeted, budget_yen: 2.0e8, payer: buyers}
                """, Path.of("."));
        assertEquals(s, reload(s, Path.of(".")));
    }
}
