package weaklink.cluster.spark;

import weaklink.io.Json;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * One block's output: its rows, in replicate order, its event rows ({@code events.csv}, and
     * {@code portfolio_losses.csv} or null without an insurer's book) and its sums as JSON.
     */
    record Result(int block, String csv, String eventsCsv, String claimsCsv, String sumsJson) implements Serializable {
        private static final long serialVersionUID = 1L;
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
        StringBuilder csv = new StringBuilder(), events = new StringBuilder(), claims = new StringBuilder();
        boolean book = scenario.insurance().hasPortfolio();
        for (int r = shard.start(replicates); r < shard.end(replicates); r++) {
            ReplicateEngine.ReplicateResult result = engine.run(r);
            csv.append(result.csv());
            events.append(result.eventsCsv());
            if (book) claims.append(result.claimsCsv());
            result.addTo(sums);
        }
        return new Result(block, csv.toString(), events.toString(), book ? claims.toString() : null,
                weaklink.io.Json.MAPPER.writeValueAsString(sums.toJson()));
    }
}
