package weaklink.cli;

import java.nio.file.Path;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/** Loads the scenario a command names. */
final class ScenarioArgs {
    private ScenarioArgs() {}

    static Scenario load(Path file) throws BadInputException {
        return ScenarioLoader.load(file);
    }
}
