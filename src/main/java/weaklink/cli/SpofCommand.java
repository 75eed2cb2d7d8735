package weaklink.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.SinglePointsOfFailure;
import weaklink.network.SupplyNetwork;
import weaklink.report.SpofReport;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

@Command(name = "spof", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Single points of failure: for each of the K most exposed firms, the expected network-wide loss",
                "when that firm alone is hit by ransomware at day 0. Writes spof.csv (the ranking) and spof.json."})
final class SpofCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--top", paramLabel = "K", description = "Evaluate the K firms with the highest exposure score. Default: ${DEFAULT-VALUE}.")
    int top = 100;

    @Option(names = "--replicates", paramLabel = "N", description = "Draws of outage length and costs per firm. Default: ${DEFAULT-VALUE}.")
    int replicates = 50;

    @Option(names = "--policy", paramLabel = "NAME", description = "Policy whose security posture applies. Default: the baseline.")
    String policy;

    @Option(names = "--threshold", paramLabel = "SHARE", description = "Report the share of firms whose failure costs more than this share of the network's annual production. Default: ${DEFAULT-VALUE}.")
    double threshold = 0.1;

    @Option(names = "--sample", paramLabel = "N", description = "Firms drawn uniformly for the sustained-stop measure (each stops completely for --stop-days; spof.json). Default: ${DEFAULT-VALUE}.")
    int sample = 1000;

    @Option(names = "--stop-days", paramLabel = "D", description = "Length of the complete stop of the sustained-stop measure, days. Default: ${DEFAULT-VALUE}.")
    int stopDays = 30;

    @Mixin Options.Seed seed;

    @Mixin Options.Threads threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: results/<scenario>-spof-<timestamp>.")
    Path out;

    @Mixin Options.Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 1) throw BadInputException.option("--top", "must be at least 1, found " + top);
        Bounds.replicates(replicates, 2);
        if (!(threshold >= 0 && threshold <= 1)) throw BadInputException.option("--threshold", "must be between 0 and 1, found " + threshold);
        int threadCount = threads.checked();
        if (sample < 0) throw BadInputException.option("--sample", "must be at least 0, found " + sample);
        if (stopDays < 1 || stopDays > 365) throw BadInputException.option("--stop-days", "must be between 1 and 365 days, found " + stopDays);
        seed.checked();
        Scenario s = ScenarioLoader.load(scenarioFile);
        long runSeed = seed.orScenario(s);
        PolicySpec p = s.policiesNamed(List.of(policy != null ? policy : s.baselinePolicy())).get(0);
        Path dir = out != null ? out : Options.defaultFolder(s, "spof", "");
        if (Files.exists(dir.resolve(SpofReport.TABLE))) throw BadInputException.option("--out", dir + " already holds a " + SpofReport.TABLE + "; choose another --out");
        PrintWriter err = spec.commandLine().getErr();
        SinglePointsOfFailure.Analysis analysis = SinglePointsOfFailure.analyse(s, runSeed, p, top, replicates, threadCount,
                quiet.value ? weaklink.experiment.ProgressListener.SILENT : Progress.forTerminal(err, System.console() != null, "firms"));
        SupplyNetwork net = analysis.network();
        var results = analysis.results();
        var stops = SinglePointsOfFailure.sustainedStops(s, net, sample, stopDays, runSeed);
        Files.createDirectories(dir);
        SpofReport.write(dir, net, results, threshold, replicates, p.name(), stops);
        weaklink.report.AnalysisCharts.spof(dir, s.currency());
        if (!quiet.value) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%-5s %-10s %-24s %-5s %-7s %20s %12s%n", "rank", "firm", "name", "tier", "size", "mean network loss", "production");
            for (int i = 0; i < Math.min(10, results.size()); i++) {
                var r = results.get(i);
                o.printf("%-5d %-10d %-24s %-5d %-7s %,20.0f %11.3f%%%n", i + 1, net.firmId(r.firm()), net.name(r.firm()), net.tier(r.firm()),
                        net.sizeClass(r.firm()).label(), r.meanLoss(), 100 * r.productionShare());
            }
            o.printf("sustained stops (%d days, %d firms sampled): %d above %.1f%% of daily production, worst %.2f%%%n", stopDays,
                    stops.firms().length, stops.above(threshold), 100 * threshold, 100 * stops.max());
            o.println("ranking: " + dir.resolve(SpofReport.TABLE));
        }
        return Main.OK;
    }
}
