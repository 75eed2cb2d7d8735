package weaklink.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/** Small scenarios for the GUI tests: an outbreak seeded deterministically by initial compromises. */
final class GuiScenarios {
    private GuiScenarios() {}

    /**
     * About 200 firms in three tiers with dense, fast trust links (so attacks spread); firm 7 (tier 1) is hit on day 0 and firm 40
     * (tier 1) on day 3, each dwelling 25 days, so there are compromised firms from day 0 on.
     */
    static final String OUTBREAK = """
            name: gui-outbreak
            days: 120
            seed: 42
            replicates: 5
            network:
              generator:
                tiers:
                  - firms: 5
                    size_mix: {large: 1.0}
                  - firms: 45
                    size_mix: {medium: 0.5, small: 0.5}
                    suppliers_per_buyer: 10
                  - firms: 150
                    size_mix: {small: 0.5, micro: 0.5}
                    suppliers_per_buyer: 4
                trust_probability:
                  edi: 0.6
                  remote-access: 0.3
                reverse_trust_probability:
                  edi: 0.3
                msp_firms: 1
                msp_clients_mean: 20
            trust_types:
              edi: {daily_probability: 0.08}
              remote-access: {daily_probability: 0.3}
              managed-service: {daily_probability: 0.3}
            initial_compromises:
              - firm: 7
                day: 0
                dwell_days: 25
              - firm: 40
                day: 3
                dwell_days: {type: lognormal, median: 20, sigma: 0.5}
            actors:
              - name: opportunistic
                mode: opportunistic
                campaigns_per_year: 6
                attempt_probability: 0.05
                dwell_days: {type: lognormal, median: 9, sigma: 0.8}
            standards:
              strict: 0.01
            policies:
              - id: none
              - id: mandate
                standard: strict
                min_tier: 1
            """;

    /** The GUI of {@link #OUTBREAK}, showing its first policy and replicate 0, every firm drawn. */
    static ScenarioGui outbreakGui(Scenario s) throws Exception {
        return ScenarioGui.open(s, s.seed(), 0, 0, ScenarioGui.DEFAULT_DISPLAY_LIMIT);
    }

    static Scenario outbreak(Path dir) throws Exception {
        Path file = dir.resolve("outbreak.yaml");
        Files.writeString(file, OUTBREAK);
        return ScenarioLoader.load(file);
    }
}
