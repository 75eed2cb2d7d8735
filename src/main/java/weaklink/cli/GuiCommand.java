package weaklink.cli;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sim.display.Console;
import weaklink.gui.ScenarioGui;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.Suggest;

@Command(name = "gui", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens the MASON console on a scenario: the network by tier, coloured by state",
                "(healthy, compromised, down, recovered), a live chart of compromised and down firms,",
                "and inspectors on firms (double-click one). Choose the policy and replicate in the",
                "console's Model tab, then press play. Needs a display (on a server: xvfb-run, or ssh -X)."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Mixin Options.Seed seed;

    @Option(names = "--replicate", paramLabel = "N", description = "Replicate shown first (the same draws as replicate N of 'run'). Default: ${DEFAULT-VALUE}.")
    int replicate = 0;

    @Option(names = "--policy", paramLabel = "NAME", description = "Policy shown first. Default: the scenario's first.")
    String policy;

    @Option(names = "--max-firms-drawn", paramLabel = "N",
            description = "Networks with more firms show only the affected neighbourhood, plus counts per tier. Default: ${DEFAULT-VALUE}.")
    int maxFirmsDrawn = ScenarioGui.DEFAULT_DISPLAY_LIMIT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        seed.checked();
        if (replicate < 0) throw BadInputException.option("--replicate", "must be at least 0, found " + replicate);
        if (maxFirmsDrawn < 1) throw BadInputException.option("--max-firms-drawn", "must be at least 1, found " + maxFirmsDrawn);
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        int policyIndex = 0;
        if (policy != null) {
            List<String> known = scenario.policies().stream().map(PolicySpec::name).toList();
            policyIndex = known.indexOf(policy.trim());
            if (policyIndex < 0) {
                String s = Suggest.closest(policy.trim(), known);
                throw BadInputException.option("--policy", "no policy named '" + policy.trim() + "' in the scenario"
                        + (s != null ? " (did you mean '" + s + "'?)" : "") + "; it has: " + String.join(", ", known));
            }
        }
        ScenarioGui gui = ScenarioGui.open(scenario, seed.orScenario(scenario), policyIndex, replicate, maxFirmsDrawn);
        if (GraphicsEnvironment.isHeadless()) {
            spec.commandLine().getErr().println("error: no display to open the GUI on: set DISPLAY (e.g. ssh -X), or run under xvfb-run");
            return Main.FAILED;
        }
        SwingUtilities.invokeAndWait(() -> {
            Console console = new Console(gui);
            console.setNewMenuAllowed(false); // its list is MASON's demo models, which the build leaves out
            // MASON's default 380 x 380 console is too small to read a firm's inspector; the network window takes the rest
            java.awt.Dimension screen = java.awt.Toolkit.getDefaultToolkit().getScreenSize();
            console.setSize(Math.min(560, screen.width / 3), Math.min(720, screen.height - 80));
            console.setVisible(true);
        });
        gui.awaitClose();
        return Main.OK;
    }
}
