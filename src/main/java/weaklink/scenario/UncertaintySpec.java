package weaklink.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's {@code uncertainty:} block: the inputs that are not known, drawn from
 * distributions in an outer loop around the replicates (nested Monte Carlo: {@code draws} outer
 * draws × the run's replicates, every policy on the same replicates within a draw).
 *
 * <pre>
 * uncertainty:
 *   draws: 20                 # outer draws
 *   network_draws: true       # regenerate the network (and the attacks) in each draw
 *   parameters:               # key path (as the sweep addresses it) -> distribution
 *     economics.substitution_share: {type: uniform, min: 0.2, max: 0.6}
 *     actors[0].campaigns_per_year: {type: lognormal, median: 4, sigma: 0.5}
 * </pre>
 *
 * A path is checked here for its form only; each draw's value is written into the scenario's YAML
 * tree by {@link ScenarioOverrides} and read by the strict loader, so every check of the key applies
 * (range, type, "did you mean"), and a bad path or value is refused before anything runs.
 *
 * @param draws        outer draws, at least 1
 * @param networkDraws whether each draw has its own network (and its own replicate streams)
 * @param parameters   the uncertain inputs, in file order
 */
public record UncertaintySpec(int draws, boolean networkDraws, List<Parameter> parameters) {
    /** The largest number of draws accepted. */
    public static final int MAX_DRAWS = 100_000;

    /**
     * One uncertain input.
     *
     * @param path         key path, e.g. {@code actors[0].campaigns_per_year}
     * @param distribution where its value is drawn from (by the inverse CDF of one uniform per draw)
     * @param location     {@code file:line:column} of the path in the scenario file, for messages
     */
    public record Parameter(String path, DistributionSpec distribution, String location) {}

    static UncertaintySpec read(YamlValue value) throws BadInputException {
        if (value == null || value.isNull()) return null;
        YamlMap m = value.asMap();
        int draws = (int) m.integer("draws", 20, 1, MAX_DRAWS);
        boolean network = m.bool("network_draws", false);
        List<Parameter> params = new ArrayList<>();
        YamlMap pm = m.mapOrEmpty("parameters");
        for (String path : pm.keys()) {
            YamlValue key = pm.keyValue(path);
            try {
                List<String> parts = ScenarioOverrides.parsePath(path);
                String top = parts.get(0);
                if (top.equals("uncertainty") || top.equals("name") || top.equals("seed") || top.equals("replicates")) {
                    throw key.error("'" + top + "' cannot be uncertain: it names or sizes the run itself");
                }
            } catch (BadInputException e) {
                if (e.line() > 0) throw e;
                throw key.error("not a key path such as actors[0].campaigns_per_year: " + e.problem());
            }
            params.add(new Parameter(path, DistributionSpec.read(pm, path, null), key.file() + ":" + key.line() + ":" + key.column()));
        }
        pm.done();
        if (params.isEmpty() && !network) {
            throw m.error("the block draws nothing: give 'parameters' (key path -> distribution) or 'network_draws: true'");
        }
        m.done();
        return new UncertaintySpec(draws, network, List.copyOf(params));
    }
}
