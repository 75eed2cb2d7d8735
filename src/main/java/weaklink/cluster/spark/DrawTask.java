package weaklink.cluster.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import weaklink.experiment.Accumulators;
import weaklink.experiment.ReplicateEngine;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioOverrides;

/**
 * The Spark task of an uncertainty run: computes draw {@code d} whole (its scenario with the draw's
 * input values, on the draw's master seed) on an executor and returns its rows and sums, as
 * {@link ReplicateBlock} does for a block of replicates. The driver writes them into
 * {@code draws/dNNNN/} as a local run would.
 *
 * @param scenarioName the scenario file's name, for messages
 * @param scenarioText the scenario file's content
 * @param baseDir      the scenario file's folder
 * @param seeds        each draw's master seed, by draw index
 * @param values       each draw's input values (key path -> value), by draw index
 * @param policyNames  policies, in the run's order
 * @param replicates   replicates per draw
 */
record DrawTask(String scenarioName, String scenarioText, String baseDir, Map<Integer, Long> seeds, Map<Integer, Map<String, String>> values,
                List<String> policyNames, int replicates) implements Function<Integer, ReplicateBlock.Result> {
    private static final long serialVersionUID = 1L;

    DrawTask {
        seeds = new LinkedHashMap<>(seeds);
        values = new LinkedHashMap<>(values);
        policyNames = List.copyOf(policyNames);
    }

    @Override
    public ReplicateBlock.Result call(Integer draw) throws BadInputException, com.fasterxml.jackson.core.JsonProcessingException {
        Scenario scenario = ScenarioOverrides.parse(scenarioName, scenarioText, Path.of(baseDir), values.get(draw));
        List<PolicySpec> policies = new ArrayList<>();
        for (String name : policyNames) policies.add(scenario.policy(name));
        ReplicateEngine engine = new ReplicateEngine(scenario, seeds.get(draw), policies);
        Accumulators sums = engine.newAccumulators();
        StringBuilder csv = new StringBuilder();
        Map<String, StringBuilder> events = new LinkedHashMap<>();
        for (String f : weaklink.experiment.EventRows.files(scenario)) events.put(f, new StringBuilder());
        for (int r = 0; r < replicates; r++) {
            ReplicateEngine.ReplicateResult result = engine.run(r);
            csv.append(result.csv());
            for (Map.Entry<String, String> e : result.eventRows().entrySet()) events.get(e.getKey()).append(e.getValue());
            result.addTo(sums);
        }
        return new ReplicateBlock.Result(draw, csv.toString(), ReplicateBlock.Result.rows(events),
                weaklink.io.Json.MAPPER.writeValueAsString(sums.toJson()));
    }
}
