package weaklink.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.Sweep;
import weaklink.experiment.SweepDesign;
import weaklink.report.ResultsFinalizer;
import weaklink.report.SensitivityReport;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the scenario once per point of a design over some of its parameters, with common random numbers",
                "across points, and writes sweep.csv (every point's headline figures per policy) and the points' results.",
                "With --design saltelli it also writes sensitivity.csv: Sobol' first-order and total indices.",
                "Example: sweep s.yaml --param actors[0].campaigns_per_year=1:8 --param policies[1].phi=0.25,0.5,1 --design grid"})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--param", paramLabel = "KEY.PATH=v1,v2|low:high", required = true,
            description = "A parameter to vary, by key path: a list of values, or a range low:high (repeatable).")
    List<String> params;

    @Option(names = "--design", paramLabel = "grid|lhs|sobol|saltelli", description = "How points are chosen. Default: ${DEFAULT-VALUE}.")
    String design = "grid";

    @Option(names = "--samples", paramLabel = "N", description = "grid: steps per range; lhs, sobol: points; saltelli: base sample N (N*(k+2) points). Default: ${DEFAULT-VALUE}.")
    int samples = 5;

    @Option(names = "--replicates", paramLabel = "N", description = "Replicates per point. Default: the scenario's.")
    Integer replicates;

    @Mixin Options.Seed seed;

    @Mixin Options.Policies policies;

    @Mixin Options.Threads threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder. Default: results/<scenario>-sweep-<timestamp>.")
    Path out;

    @Option(names = "--resume", description = "Continue the sweep in --out; finished points are kept.")
    boolean resume;

    @Mixin Options.Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Bounds.samples(samples);
        int threadCount = threads.checked();
        Bounds.replicates(replicates, 2);
        seed.checked();
        if (resume && out == null) throw BadInputException.option("--resume", "name the sweep folder with --out DIR");
        SweepDesign.Kind kind;
        try {
            kind = SweepDesign.Kind.valueOf(design.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BadInputException.option("--design", "expected grid, lhs, sobol or saltelli, found '" + design + "'");
        }
        List<SweepDesign.Parameter> parameters = new ArrayList<>();
        if (params.size() > SweepDesign.MAX_PARAMETERS) {
            throw BadInputException.option("--param", "at most " + SweepDesign.MAX_PARAMETERS + " parameters may be swept, found " + params.size());
        }
        for (String p : params) parameters.add(SweepDesign.Parameter.parse(p));
        long pointCount = SweepDesign.pointCount(parameters, kind, samples);
        if (pointCount > SweepDesign.MAX_POINTS) {
            throw BadInputException.option("--samples", String.format(Locale.ROOT, "the %s design would have %s points (each a whole run); at most %,d are supported",
                    design, pointCount == Long.MAX_VALUE ? "more than 9e18" : String.format(Locale.ROOT, "%,d", pointCount), SweepDesign.MAX_POINTS));
        }
        Scenario base = ScenarioLoader.load(scenarioFile);
        long runSeed = seed.orScenario(base);
        List<List<String>> points = SweepDesign.points(parameters, kind, samples, runSeed);
        Path dir = out != null ? out : Options.defaultFolder(base, "sweep", "");
        Sweep.Plan plan = new Sweep.Plan(scenarioFile, parameters, kind.name().toLowerCase(Locale.ROOT), samples, points, runSeed,
                replicates != null ? replicates : base.replicates(), policies.names, threadCount, dir);
        var err = spec.commandLine().getErr();
        if (!quiet.value) err.printf("sweep: %d points x %d replicates%n", points.size(), plan.replicates());
        try (ResumeHint hint = ResumeHint.forSweep(err, spec.commandLine().getParseResult().originalArgs(), dir)) {
            Sweep.run(plan, resume, ResultsFinalizer.summariser(threadCount),
                    quiet.value ? weaklink.experiment.ProgressListener.SILENT : Progress.forTerminal(err, System.console() != null, "points"));
        }
        boolean sensitivity = SensitivityReport.write(dir);
        weaklink.report.AnalysisCharts.sweep(dir);
        weaklink.report.AnalysisCharts.sensitivity(dir);
        if (!quiet.value) {
            spec.commandLine().getOut().println("sweep: " + dir.resolve(Sweep.TABLE) + (sensitivity ? ", " + dir.resolve(SensitivityReport.FILE) : ""));
        }
        return Main.OK;
    }
}
