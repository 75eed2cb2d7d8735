package weaklink.experiment;

import java.nio.file.Path;
import java.util.List;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * Everything that determines a run's results: scenario × policies × replicates × master seed,
 * plus how the work is cut (shard) and where it goes. Threads change speed, never results.
 *
 * @param scenario       the resolved scenario
 * @param scenarioFile   the file it was read from (for the manifest)
 * @param scenarioSha256 hash of that file's bytes; shards of one run must agree on it
 * @param seed           master seed
 * @param replicates     replicates of the whole run (all shards)
 * @param policies       policies compared, baseline first
 * @param shard          which share of the replicates this process computes
 * @param threads        worker threads
 * @param outDir         results folder
 * @param targetCi       stop early once every policy's 95 % half-width of mean loss is at most this
 *                       share of the mean (e.g. 0.02 for {@code --target-ci 2%}); 0 runs every replicate
 */
public record RunPlan(Scenario scenario, Path scenarioFile, String scenarioSha256, long seed, int replicates,
                      List<PolicySpec> policies, Shard shard, int threads, Path outDir, double targetCi) {

    /** A plan that runs every replicate (no early stop). */
    public RunPlan(Scenario scenario, Path scenarioFile, String scenarioSha256, long seed, int replicates,
                   List<PolicySpec> policies, Shard shard, int threads, Path outDir) {
        this(scenario, scenarioFile, scenarioSha256, seed, replicates, policies, shard, threads, outDir, 0);
    }

    public boolean stopsEarly() { return targetCi > 0; }

    public List<String> policyNames() { return policies.stream().map(PolicySpec::name).toList(); }

    /** The baseline policy: the scenario's, if selected, else the first selected. */
    public String baseline() {
        String b = scenario.baselinePolicy();
        return policyNames().contains(b) ? b : policies.get(0).name();
    }
}
