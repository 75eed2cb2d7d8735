package weaklink.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.RunContext;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a scenario file strictly and builds its network, without running anything.",
                "Exit code 0 when it is valid; 2, with file:line:column, key and the problem, when it is not."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioLoader.load(scenarioFile);
        SupplyNetwork net = RunContext.of(s, s.seed()).network();
        for (var p : s.policies()) weaklink.economics.policy.CostSharingPolicy.of(p);
        if (s.uncertainty() != null) {
            // every draw's scenario, with its drawn values, through the strict reader (nothing is written)
            new weaklink.experiment.UncertaintyRun(s, scenarioFile, s.seed(), s.replicates(), null, weaklink.experiment.Shard.WHOLE, 1,
                    java.nio.file.Path.of("not-written"));
        }
        spec.commandLine().getOut().printf("%s: valid. Scenario '%s': %,d firms, %,d supply links, %,d trust links, %d actor(s), %d polic%s.%n",
                scenarioFile, s.name(), net.firmCount(), net.supplyLinkCount(), net.trustLinkCount(), s.actors().size(),
                s.policies().size(), s.policies().size() == 1 ? "y" : "ies");
        if (s.uncertainty() != null) {
            spec.commandLine().getOut().printf("Uncertainty: %,d draws of %s; every draw's scenario is valid.%n", s.uncertainty().draws(),
                    (s.uncertainty().networkDraws() ? "the network" + (s.uncertainty().parameters().isEmpty() ? "" : " and ") : "")
                            + (s.uncertainty().parameters().isEmpty() ? "" : String.join(", ", s.uncertainty().parameters().stream()
                            .map(weaklink.scenario.UncertaintySpec.Parameter::path).toList())));
        }
        return Main.OK;
    }
}
