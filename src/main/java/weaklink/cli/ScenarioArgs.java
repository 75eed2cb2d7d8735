package weaklink.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.Suggest;

/** Loads the scenario a command names, and picks the policies it asks for. */
public final class ScenarioArgs {
    private ScenarioArgs() {}

    static Scenario load(Path file) throws BadInputException {
        return ScenarioLoader.load(file);
    }

    /** The policies named on the command line ({@code --policies}), in that order; all of the scenario's when none. */
    public static List<PolicySpec> selectPolicies(Scenario scenario, List<String> names) throws BadInputException {
        if (names == null || names.isEmpty()) return scenario.policies();
        List<PolicySpec> out = new ArrayList<>();
        List<String> known = scenario.policies().stream().map(PolicySpec::name).toList();
        for (String n : names) {
            String name = n.trim();
            if (!known.contains(name)) {
                String s = Suggest.closest(name, known);
                throw BadInputException.option("--policies", "no policy named '" + name + "' in the scenario"
                        + (s != null ? " (did you mean '" + s + "'?)" : "") + "; it has: " + String.join(", ", known));
            }
            PolicySpec p = scenario.policy(name);
            if (out.contains(p)) throw BadInputException.option("--policies", "policy '" + name + "' is listed twice");
            out.add(p);
        }
        return out;
    }
}
