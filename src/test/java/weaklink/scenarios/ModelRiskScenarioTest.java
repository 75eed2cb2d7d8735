package weaklink.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.ScenarioOverrides;
import weaklink.scenario.UncertaintySpec;

/**
 * The model-risk run (docs/CALIBRATION.md, "Model risk: what moves the headline"): japan-manufacturing
 * as calibrated, with its unfitted assumptions drawn over the ranges the scenario documents.
 */
class ModelRiskScenarioTest {
    static final Path MODEL_RISK = Path.of("scenarios/japan-manufacturing-model-risk.yaml");
    static final Path CALIBRATED = Path.of("scenarios/japan-manufacturing.yaml");

    /**
     * Each drawn input and the value japan-manufacturing runs with (its file's, or the built-in default
     * docs/SCENARIOS.md gives where the file sets none): the range drawn must bracket it.
     */
    static final Map<String, Double> SHIPPED = new LinkedHashMap<>();
    static {
        SHIPPED.put("economics.marginal_cost_of_public_funds", 1.3);
        SHIPPED.put("standards.star3.certification_yen", 1.0e5);
        SHIPPED.put("standards.star4.certification_yen", 5.0e5);
        SHIPPED.put("size_classes.large.gl_alpha", 1.0e-8);
        SHIPPED.put("size_classes.medium.gl_alpha", 1.0e-7);
        SHIPPED.put("size_classes.small.gl_alpha", 1.0e-6);
        SHIPPED.put("size_classes.micro.gl_alpha", 1.0e-5);
        SHIPPED.put("economics.spare_capacity", 0.1);
        SHIPPED.put("size_classes.large.inventory_days", 3.0);
        SHIPPED.put("size_classes.medium.inventory_days", 5.0);
        SHIPPED.put("economics.substitution_days", 30.0);
        SHIPPED.put("policies[6].administration_share", 0.05);
        SHIPPED.put("policies[8].administration_share", 0.05);
        SHIPPED.put("policies[7].administration_share", 0.1);
        SHIPPED.put("policies[3].enforcement", 0.5);
    }

    /** The scenario with what only the model-risk run sets (name, description, replicates, the block) taken from {@code like}. */
    static Scenario outsideTheBlock(Scenario s, Scenario like) {
        return new Scenario(like.name(), like.description(), s.currency(), s.days(), s.seed(), like.replicates(), s.network(), s.sizeClasses(),
                s.trustDailyProbability(), s.actors(), s.initialCompromises(), s.standards(), s.economics(), s.policies(), s.baselinePolicy(),
                like.uncertainty(), s.insurance());
    }

    @Test
    void outsideItsUncertaintyBlockItIsTheCalibratedScenario() throws Exception {
        Scenario calibrated = ScenarioLoader.load(CALIBRATED), risk = ScenarioLoader.load(MODEL_RISK);
        assertEquals(calibrated, outsideTheBlock(risk, calibrated), "fitted values, network, actors, standards and policies as japan-manufacturing ships them");
        assertEquals(calibrated.seed(), risk.seed());
        assertFalse(risk.uncertainty().networkDraws(), "the calibrated network in every draw: draws differ by their inputs alone");
    }

    @Test
    void itDrawsNoFittedValueAndNotTheReportingRate() throws Exception {
        UncertaintySpec u = ScenarioLoader.load(MODEL_RISK).uncertainty();
        assertEquals(List.copyOf(SHIPPED.keySet()), u.parameters().stream().map(UncertaintySpec.Parameter::path).toList());
        for (UncertaintySpec.Parameter p : u.parameters()) {
            // fitted by scripts/calibrate.sh: the attempt probabilities, incident costs and recovery times
            for (String fitted : List.of("attempt_probability", "incident_", "recovery_days", "reporting")) {
                assertFalse(p.path().contains(fitted), p.path() + " is fitted (docs/CALIBRATION.md), not an assumption to draw");
            }
        }
    }

    /**
     * Every drawn input is a key the loader reads (its range's two ends load, and give different
     * scenarios), and the range brackets the value the calibrated scenario runs with: the shipped value
     * written at that path gives japan-manufacturing-model-risk's scenario unchanged.
     */
    @Test
    void everyDrawnInputExistsAndItsRangeBracketsTheShippedValue() throws Exception {
        Scenario risk = ScenarioLoader.load(MODEL_RISK);
        for (UncertaintySpec.Parameter p : risk.uncertainty().parameters()) {
            double shipped = SHIPPED.get(p.path()), low = p.distribution().quantile(0.025), high = p.distribution().quantile(0.975);
            assertTrue(low < shipped && shipped < high, p.path() + ": " + shipped + " outside [" + low + ", " + high + "]");
            if (p.distribution().kind() == DistributionSpec.Kind.LOGNORMAL) assertEquals(shipped, p.distribution().a(), shipped * 1e-12, "centred on the shipped value");
            assertEquals(risk, ScenarioOverrides.load(MODEL_RISK, Map.of(p.path(), Double.toString(shipped))), p.path() + " = " + shipped + " is what ships");
            Scenario atLow = ScenarioOverrides.load(MODEL_RISK, Map.of(p.path(), Double.toString(low)));
            Scenario atHigh = ScenarioOverrides.load(MODEL_RISK, Map.of(p.path(), Double.toString(high)));
            assertNotEquals(atLow, atHigh, p.path() + " is read: its range's ends give different scenarios");
        }
    }

    /**
     * Two draws of two years of three policies (seconds): every draw has exactly one best policy, the
     * ranking table counts both draws, and every drawn value lies in its distribution's range.
     */
    @Test
    void aSmallRunWritesEachDrawsBestPolicyAndTheRankingTable(@TempDir Path tmp) throws Exception {
        Path scenario = tmp.resolve("model-risk.yaml"), out = tmp.resolve("out");
        String text = Files.readString(MODEL_RISK);
        assertTrue(text.contains("\n  draws: 20\n"));
        Files.writeString(scenario, text.replace("\n  draws: 20\n", "\n  draws: 2\n"));
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute("run", scenario.toString(),
                "--replicates", "2", "--policies", "none,subsidy,buyer-share-50-required", "--out", out.toString(), "--quiet");
        assertEquals(0, code, err.toString());

        List<Map<String, String>> rows = ShippedScenariosTest.rows(out.resolve("uncertainty.csv"));
        assertEquals(6, rows.size(), "two draws x three policies");
        for (String draw : List.of("1", "2")) {
            double best = rows.stream().filter(r -> r.get("draw").equals(draw)).mapToDouble(r -> ShippedScenariosTest.num(r, "best")).sum();
            assertEquals(1, best, 1e-9, "draw " + draw + " has one best policy (ties share it)");
        }
        assertEquals(2, ShippedScenariosTest.rows(out.resolve("uncertainty_rankings.csv")).stream().mapToInt(r -> Integer.parseInt(r.get("draws"))).sum());

        Map<String, DistributionSpec> drawn = new LinkedHashMap<>();
        for (UncertaintySpec.Parameter p : ScenarioLoader.load(MODEL_RISK).uncertainty().parameters()) drawn.put(p.path(), p.distribution());
        List<Map<String, String>> values = ShippedScenariosTest.rows(out.resolve("uncertainty_parameters.csv"));
        assertEquals(2 * drawn.size(), values.size());
        for (Map<String, String> v : values) {
            DistributionSpec d = drawn.get(v.get("parameter"));
            double x = ShippedScenariosTest.num(v, "value");
            if (d.kind() == DistributionSpec.Kind.UNIFORM) assertTrue(x >= d.a() && x <= d.b(), v.toString());
            else assertTrue(x > 0, v.toString());
        }
    }
}
