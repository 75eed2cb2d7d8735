package weaklink.cluster.spark;

import weaklink.io.Json;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import weaklink.experiment.Accumulators;
import weaklink.experiment.ReplicateEngine;
import weaklink.experiment.Shard;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The Spark task: computes block {@code b} (a {@link Shard} of the run's replicates) on an
 * executor and returns its {@code replicates.csv} rows and sums. It carries the scenario as text
 * (plus the folder its relative paths start from), so an executor needs no file but those the
 * scenario itself names, and builds the network once per block.
 *
 * @param scenarioName  the scenario file's name, for messages
 * @param scenarioText  the scenario file's content
 * @param baseDir       the scenario file's folder (network files are read relative to it)
 * @param seed          master seed
 * @param policyNames   policies, in the run's order
 * @param replicates    replicates of the whole run
 * @param blocks        how many blocks the replicates are cut into
 */
record ReplicateBlock(String scenarioName, String scenarioText, String baseDir, long seed, List<String> policyNames,
                      int replicates, int blocks) implements Function<Integer, ReplicateBlock.Result> {
    private static final long serialVersionUID = 1L;

    /**
     * One block's output: its rows, in replicate order, its event rows by event file (those the
     * scenario's {@code insurance.event_losses} keeps, in their order) and its sums as JSON.
     */
    record Result(int block, String csv, LinkedHashMap<String, String> eventRows, String sumsJson) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The event rows gathered per file, as text. */
        static LinkedHashMap<String, String> rows(Map<String, StringBuilder> byFile) {
            LinkedHashMap<String, String> out = new LinkedHashMap<>();
            byFile.forEach((f, b) -> out.put(f, b.toString()));
            return out;
        }
    }

    ReplicateBlock {
        policyNames = List.copyOf(policyNames);
    }

    @Override
    public Result call(Integer block) throws BadInputException, com.fasterxml.jackson.core.JsonProcessingException {
        Scenario scenario = ScenarioLoader.parse(scenarioName, scenarioText, Path.of(baseDir));
        List<PolicySpec> policies = new ArrayList<>();
        for (String name : policyNames) policies.add(scenario.policy(name));
        ReplicateEngine engine = new ReplicateEngine(scenario, seed, policies);
        Accumulators sums = engine.newAccumulators();
        Shard shard = new Shard(block + 1, blocks);
        StringBuilder csv = new StringBuilder();
        Map<String, StringBuilder> events = new LinkedHashMap<>();
        for (String f : weaklink.experiment.EventRows.files(scenario)) events.put(f, new StringBuilder());
        for (int r = shard.start(replicates); r < shard.end(replicates); r++) {
            ReplicateEngine.ReplicateResult result = engine.run(r);
            csv.append(result.csv());
            for (Map.Entry<String, String> e : result.eventRows().entrySet()) events.get(e.getKey()).append(e.getValue());
            result.addTo(sums);
        }
        return new Result(block, csv.toString(), ReplicateBlock.Result.rows(events),
                weaklink.io.Json.MAPPER.writeValueAsString(sums.toJson()));
    }
}
