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
                s.trustDailyProbability(), s.actors(), s.initialCompromises(), s.standards(), s.economics(), s.policies(), s.baselinePolicy(), bare,
                s.insurance());
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
                        sole_sourcing: 0.45
                        suppliers_per_buyer: 4.5
                    attachment: 0.5
                    shared_supplier_share: 0.3
                    fan_in_revenue_elasticity: 0.5
                    size_by_degree: true
                    trust_probability: {edi: 0.2, remote-access: 0.05}
                    reverse_trust_probability: {managed-service: 0.01}
                    msp_firms: 1
                    msp_clients_mean: 7
                    logistics_firms: 2
                    logistics_clients_mean: 4
                    sectors: 12
                    input_types_per_buyer: 3
                  technologies: {vpn: 0.25, mft: 0.1}
                size_classes:
                  large: {value_added_share: 0.3, budget_share: 0.02, vulnerability: 0.25, gl_alpha: 2.0e-8, gl_beta: 1.5, inventory_days: 4,
                          workaround_share: 0.2, manual_operation_days: 5, manual_operation_share: 0.4, ransom_propensity: 0.1,
                          ransom_revenue_share: 0.003, incident_fixed_yen: 6.0e7, incident_revenue_share: 0.0006, incident_sigma: 0.6,
                          records: 2.0e6, insured_share: 0.6, deductible_yen: 2.0e8, limit_yen: 6.0e9, cbi_covered: false}
                  small: {revenue_yen: {type: gamma, shape: 2.5, scale: 1.0e8}, recovery_days: {type: exponential, mean: 12}, gl_class: 2}
                  micro: {recovery_days: {type: empirical, values: [3, 5.5, 21]}, revenue_yen: 4.0e7}
                trust_types: {edi: {daily_probability: 0.003}, managed-service: {daily_probability: 0.07}}
                actors:
                  - {mode: opportunistic, dwell_days: {type: fixed, value: 4}, campaigns_per_year: 2.5, attempt_probability: 0.03}
                  - {name: mass, mode: mass-exploit, technology: vpn, effect: data-theft, capability: 1.5}
                  - {name: hopper, mode: targeted, recon_hops: 3, recon_probability: 0.8, adaptive: true}
                initial_compromises:
                  - {firm: 2, day: 10, dwell_days: 3}
                standards: {own: 0.2, star4: {max_vulnerability: 0.12, certification_yen: 7.0e5}, audited: {max_vulnerability: 0.1, certification_yen: 3.0e5}}
                economics: {cascade: false, substitution_share: 0.25, substitution_days: 20, cost_per_record_yen: 30000,
                            marginal_cost_of_public_funds: 1.2, spare_capacity: 0.2, demand_side: true, catch_up: true, catch_up_share: 0.15,
                            catch_up_days: 20, decisions: independent, equilibrium_tolerance: 1.0e-5, equilibrium_max_iterations: 40}
                uncertainty:
                  draws: 4
                  network_draws: true
                  parameters:
                    economics.substitution_share: {type: uniform, min: 0.1, max: 0.4}
                insurance:
                  portfolio: book.csv
                  events: {definition: actor-window, hours: 72}
                  reinsurance:
                    - {type: per-event, attachment_yen: 1.0e8, limit_yen: 4.0e8, share: 0.9}
                    - {type: aggregate, attachment_yen: 5.0e8, limit_yen: 1.0e9}
                  event_losses: none
                baseline_policy: none
                policies:
                  - {id: none}
                  - {id: buyer-share, name: bs, phi: 0.75, tiers: 2, standard: own}
                  - {id: buyer-share, name: bs-meti, phi: 0.25, standard: meti, requirement: true, enforcement: 0.3, payment: price}
                  - {id: mandate, min_tier: 2, standard: star4, compliance_rate: 0.7, penalty_yen: 2.0e6}
                  - {id: subsidy, sigma: 0.4, budget_yen: 3.0e9, requirement: true, administration_share: 0.08}
                  - {id: mutual-pool, premium_rate: 0.002, retention_yen: 5.0e6, prevention_share: 0.2, capital_yen: 1.0e8, administration_share: 0.12}
                  - {id: targeted, budget_yen: 2.0e8, payer: buyers, administration_share: 0.02}
                  - {id: planner, name: best}
                """, Path.of("."));
        assertEquals(withoutLocations(s), withoutLocations(reload(s, Path.of("."))));
    }

    /** The ORD settings (written only for a run whose replicates are years, days: 365) and what a folder keeps of the events. */
    @Test
    void theOrdSettingsAndTheEventLossesKeptLoadBack() throws Exception {
        Scenario s = ScenarioLoader.parse("ord.yaml", """
                name: ord
                days: 365
                network:
                  generator:
                    tiers:
                      - {firms: 3, size_mix: {large: 1.0}}
                      - {firms: 10, size_mix: {small: 1.0}, suppliers_per_buyer: 3}
                actors:
                  - {name: a, mode: opportunistic, effect: ransomware, campaigns_per_year: 2, attempt_probability: 0.1}
                insurance:
                  ord: {return_periods: [10, 250, 2.5], quantile: ktools, version: 2}
                  event_losses: years
                policies:
                  - {id: none}
                """, Path.of("."));
        assertEquals(InsuranceSpec.EventLosses.YEARS, s.insurance().eventLosses());
        assertEquals(withoutLocations(s), withoutLocations(reload(s, Path.of("."))));
    }

    /**
     * A tripwire: the components of the scenario's records as this test knows them. When a record
     * grows, a scenario key was added: write it in {@link ScenarioTree}, set it above to a value
     * other than its default, then update the count here.
     */
    @Test
    void theScenarioRecordsHaveTheComponentsScenarioTreeWrites() {
        Map<Class<?>, Integer> known = Map.ofEntries(Map.entry(Scenario.class, 17), Map.entry(NetworkSpec.class, 4),
                Map.entry(NetworkSpec.TieredSpec.class, 13), Map.entry(NetworkSpec.TierSpec.class, 6), Map.entry(FirmDefaults.class, 22),
                Map.entry(ActorSpec.class, 11), Map.entry(InitialCompromise.class, 4), Map.entry(EconomicsSpec.class, 9), Map.entry(StandardSpec.class, 2),
                Map.entry(ProductionSpec.class, 5), Map.entry(UncertaintySpec.class, 3), Map.entry(DistributionSpec.class, 4),
                Map.entry(PolicySpec.BuyerShare.class, 7), Map.entry(PolicySpec.Mandate.class, 5), Map.entry(PolicySpec.Subsidy.class, 6),
                Map.entry(PolicySpec.MutualPool.class, 6), Map.entry(PolicySpec.Targeted.class, 4), Map.entry(PolicySpec.None.class, 1), Map.entry(PolicySpec.Planner.class, 1),
                Map.entry(InsuranceSpec.class, 5), Map.entry(InsuranceSpec.EventDefinition.class, 1), Map.entry(InsuranceSpec.Layer.class, 4),
                Map.entry(InsuranceSpec.OrdSpec.class, 3));
        for (Map.Entry<Class<?>, Integer> e : known.entrySet()) {
            assertEquals(e.getValue(), e.getKey().getRecordComponents().length, e.getKey().getSimpleName()
                    + " has another number of components: a scenario key was added or removed; write it in ScenarioTree");
        }
        assertEquals(7, PolicySpec.Kind.values().length, "a policy kind was added: write its parameters in ScenarioTree.policy");
    }
}
