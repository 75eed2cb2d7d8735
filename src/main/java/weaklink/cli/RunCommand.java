package weaklink.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.Manifest;
import weaklink.experiment.PhaseTimer;
import weaklink.experiment.ProgressListener;
import weaklink.experiment.RunPlan;
import weaklink.experiment.Runner;
import weaklink.experiment.Shard;
import weaklink.experiment.UncertaintyRun;
import weaklink.report.ReportWriter;
import weaklink.report.ResultsFinalizer;
import weaklink.report.UncertaintyReport;
import weaklink.scenario.BadInputException;
import weaklink.scenario.InsuranceSpec;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.ScenarioSource;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario: replicates x policies with common random numbers, and writes manifest.json, replicates.csv,"
                + " events.csv (with an insurer's book also portfolio_losses.csv), summary.csv, exceedance.csv, timeseries.csv, by_group.csv"
                + " and the Oasis ORD tables (ord/POLICY/) into the results folder"
                + " (columns: docs/OUTPUTS.md).",
                "An interrupted run continues with --resume DIR; nothing completed is recomputed."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--replicates", paramLabel = "N", description = "Replicates (simulated years) per policy. Default: the scenario's.")
    Integer replicates;

    @Mixin Options.Seed seed;

    @Mixin Options.Threads threads;

    @Mixin Options.Policies policies;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder. Default: results/<scenario>-<timestamp>.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Compute only shard I of N (1-based) of the replicates; combine shards with 'merge'.")
    String shard;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the interrupted run in DIR; options default to that run's.")
    Path resume;

    @Option(names = "--overwrite", description = "Replace the results already in --out.")
    boolean overwrite;

    @Option(names = "--target-ci", paramLabel = "X%", description = "Stop early once the 95%% confidence half-width of every policy's mean loss"
            + " is at most X%% of it, checked every " + Runner.CI_CHECK_EVERY + " replicates (in replicate order, so the result does not"
            + " depend on threads); --replicates is then the maximum. Not with --shard.")
    String targetCi;

    @Option(names = "--return-periods", paramLabel = "T,T,...", description = "Return periods in years of the ORD exceedance tables (ord/*_ept.csv,"
            + " _psept.csv), e.g. 10,50,100,200,250; each up to the replicates run is written. Default: the scenario's insurance.ord.return_periods,"
            + " else the market grid 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 ... as far as ten years lie beyond. With --resume: the"
            + " exceedance tables are written at these instead (a complete folder's are rewritten; nothing is simulated again).")
    String returnPeriods;

    @Option(names = "--event-losses", paramLabel = "events|years|none", description = "What the results folder keeps of each event's losses"
            + " (the scenario's insurance.event_losses): events (default) events.csv and every ORD table; years year_losses.csv, each year's"
            + " total and largest event per summary group, and the ORD exceedance and average-loss tables, not the event and period loss"
            + " tables; none no event file and no ord/. A resumed run keeps what it started with.")
    String eventLosses;

    @Mixin Options.Quiet quiet;

    @Option(names = "--timings", description = "Print on stderr how long each phase took (network, each policy's funding, the replicates,"
            + " summaries and charts): wall seconds, CPU seconds of the phase's threads (each line says which: its thread, its worker"
            + " threads, or its thread and the pool threads it started) and of the whole process. Also with --quiet.")
    boolean timings;

    /** How often the checkpoint is written; for tests that interrupt a run. */
    @Option(names = "--checkpoint-millis", hidden = true)
    long checkpointMillis = 2000;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int threadCount = threads.checked();
        Bounds.replicates(replicates, 1);
        seed.checked();
        if (resume != null && out != null && !resume.equals(out)) throw BadInputException.option("--out", "give either --resume DIR or --out DIR, not both");
        ScenarioSource source = ScenarioSource.read(scenarioFile); // read once: the manifest's hash is of the bytes parsed
        Scenario scenario = ScenarioLoader.load(source);
        String scenarioSha256 = source.digest().sha256();
        if (returnPeriods != null) {
            if (scenario.uncertainty() != null) {
                // each draw is rebuilt from the scenario file's text and its values (on a Spark node, or when a draw is resumed),
                // so an option would have to travel with every draw; the file's key does
                throw BadInputException.option("--return-periods", "is not taken with the scenario's 'uncertainty:' block (each draw is built from"
                        + " the scenario file alone); set insurance.ord.return_periods in the scenario");
            }
            scenario = scenario.withInsurance(scenario.insurance().withReturnPeriods(InsuranceSpec.returnPeriodsOption("--return-periods", returnPeriods)));
        }
        InsuranceSpec.EventLosses keep = eventLosses == null ? null : eventLossesOption(eventLosses);
        if (keep != null && scenario.uncertainty() != null) {
            throw BadInputException.option("--event-losses", "is not taken with the scenario's 'uncertainty:' block; set " + InsuranceSpec.EVENT_LOSSES_KEY
                    + " in the scenario");
        }
        if (scenario.uncertainty() != null) return runUncertainty(scenario, threadCount);
        Manifest previous = resume != null ? Manifest.read(resume) : null;
        if (previous != null) {
            keep = resumedEventLosses(previous, keep, scenario, scenarioSha256);
            previous.checkScenario(scenarioFile, scenarioSha256, resume);
            // the return periods change only the exceedance tables' rows: a resumed run takes new ones, and keeps its own without the option
            if (returnPeriods == null) scenario = scenario.withInsurance(scenario.insurance().withReturnPeriods(previous.returnPeriods()));
        }
        if (keep != null) {
            if (keep.ord() && scenario.days() != InsuranceSpec.ORD_PERIOD_DAYS) {
                throw BadInputException.option("--event-losses", "'" + keep.label() + "' writes ORD tables, whose period is one year, but the scenario's"
                        + " replicates run days: " + scenario.days() + " (not a year's losses); use --event-losses none, or days: 365");
            }
            if (!keep.ord() && returnPeriods != null) {
                throw BadInputException.option("--return-periods", "no ORD table is written when the run keeps no event losses ("
                        + InsuranceSpec.EVENT_LOSSES_KEY + ": none); keep years or events, or leave out --return-periods");
            }
            scenario = scenario.withInsurance(scenario.insurance().withEventLosses(keep));
        } else if (!scenario.insurance().eventLosses().ord() && returnPeriods != null) {
            throw BadInputException.option("--return-periods", "no ORD table is written with the scenario's " + InsuranceSpec.EVENT_LOSSES_KEY
                    + ": none; use --event-losses years (or events), or leave out --return-periods");
        }
        long runSeed = seed.value != null ? seed.value : previous != null ? previous.seed() : scenario.seed();
        int runReplicates = replicates != null ? replicates : previous != null ? previous.replicates() : scenario.replicates();
        Shard runShard = shard != null ? Shard.parse(shard) : previous != null ? previous.shardOf() : Shard.WHOLE;
        List<PolicySpec> selected = policies.names != null || previous == null ? scenario.policiesNamed(policies.names)
                : previousPolicies(scenario, previous, resume);
        double runTargetCi = targetCi != null ? parseTargetCi(targetCi)
                : previous != null && previous.targetCiPercent() != null ? previous.targetCiPercent() / 100 : 0;
        if (runTargetCi > 0 && runShard.count() > 1) {
            throw BadInputException.option("--target-ci", "cannot be combined with --shard: where a run stops depends on all replicates before it;"
                    + " run the shards with a fixed --replicates instead");
        }
        Path dir = resume != null ? resume : out != null ? out : defaultFolder(scenario, runShard);
        RunPlan plan = new RunPlan(scenario, scenarioFile, scenarioSha256, runSeed, runReplicates, selected, runShard, threadCount, dir, runTargetCi);

        PrintWriter err = spec.commandLine().getErr();
        ProgressListener shown = quiet.value ? ProgressListener.SILENT : Progress.forTerminal(err, System.console() != null);
        Runner runner = new Runner(plan, timings ? withTimings(shown, err) : shown, checkpointMillis);
        try (ResumeHint hint = ResumeHint.forRun(err, scenarioFile, dir)) {
            if (resume != null) runner.resume(ResultsFinalizer.summariser(threadCount));
            else runner.start(overwrite, ResultsFinalizer.summariser(threadCount));
        }
        if (!quiet.value) Summary.print(spec.commandLine().getOut(), dir);
        if (!quiet.value) spec.commandLine().getOut().println("report: " + dir.resolve(ReportWriter.REPORT));
        return Main.OK;
    }

    private static Path defaultFolder(Scenario scenario, Shard shard) {
        return Options.defaultFolder(scenario, null, shard.count() > 1 ? "-shard" + shard.index() + "of" + shard.count() : "");
    }

    /**
     * The policies of the run being resumed, from its manifest. A scenario without one of them is not
     * the scenario of that run: said so, rather than blamed on a {@code --policies} nobody gave.
     */
    private static List<PolicySpec> previousPolicies(Scenario scenario, Manifest previous, Path dir) throws BadInputException {
        List<String> known = scenario.policies().stream().map(PolicySpec::name).toList();
        for (String p : previous.policies()) {
            if (!known.contains(p)) {
                throw new BadInputException(dir.resolve(Manifest.FILE).toString(), 0, 0, "policies", "the run in " + dir + " compared policy '" + p
                        + "', which scenario '" + scenario.name() + "' does not have: resume with the scenario the run was started with ("
                        + previous.scenarioFile() + ")");
            }
        }
        return scenario.policiesNamed(previous.policies());
    }

    /**
     * A scenario with an {@code uncertainty:} block: its draws (this shard's), each a run of the
     * replicates; see UncertaintyRun. A resumed run's defaults come from its top folder's manifest.
     */
    private int runUncertainty(Scenario scenario, int threadCount) throws Exception {
        if (targetCi != null) throw BadInputException.option("--target-ci", "cannot be used with the scenario's 'uncertainty:' block; give a fixed --replicates per draw");
        UncertaintyRun.Previous previous = resume != null ? UncertaintyRun.Previous.read(resume) : null;
        long runSeed = seed.value != null ? seed.value : previous != null ? previous.seed() : scenario.seed();
        int runReplicates = replicates != null ? replicates : previous != null ? previous.replicates() : scenario.replicates();
        Shard runShard = shard != null ? Shard.parse(shard) : previous != null ? previous.shard() : Shard.WHOLE;
        List<String> names = policies.names != null || previous == null ? policies.names : previous.policies();
        Path dir = resume != null ? resume : out != null ? out : defaultFolder(scenario, runShard);
        UncertaintyRun run = new UncertaintyRun(scenario, scenarioFile, runSeed, runReplicates, names, runShard, threadCount, dir);
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener shown = quiet.value ? ProgressListener.SILENT : Progress.forTerminal(err, System.console() != null, "draws");
        try (ResumeHint hint = ResumeHint.forRun(err, scenarioFile, dir)) {
            run.run(resume != null, overwrite, ResultsFinalizer.tables(threadCount), UncertaintyReport.summariser(threadCount), shown);
        }
        if (!quiet.value && runShard.count() == 1) {
            UncertaintyReport.consoleLines(dir).forEach(l -> spec.commandLine().getOut().println(Summary.wrap(l, 110)));
            spec.commandLine().getOut().println("results: " + dir);
            spec.commandLine().getOut().println("report: " + dir.resolve(ReportWriter.REPORT));
        } else if (!quiet.value) {
            spec.commandLine().getOut().println("shard " + runShard + " of the uncertainty run: " + run.draws().size() + " draws in " + dir
                    + "; combine the shards with 'merge'");
        }
        return Main.OK;
    }

    /** {@code shown}, also printing each phase's timing on {@code err}. */
    private static ProgressListener withTimings(ProgressListener shown, PrintWriter err) {
        return new ProgressListener() {
            @Override public void progress(long done, long total) { shown.progress(done, total); }

            @Override public void finished(long total) { shown.finished(total); }

            @Override public void phase(PhaseTimer.Phase phase) {
                err.println(phase);
                err.flush();
            }
        };
    }

    /** {@code --event-losses}' value. */
    static InsuranceSpec.EventLosses eventLossesOption(String text) throws BadInputException {
        for (InsuranceSpec.EventLosses k : InsuranceSpec.EventLosses.values()) if (k.label().equals(text.trim())) return k;
        throw BadInputException.option("--event-losses", "expected events, years or none, found '" + text + "'");
    }

    /**
     * What a resumed run keeps of the events' losses: what it started with. An option or a changed
     * scenario asking for something else is refused, naming the key: one folder never mixes the two.
     */
    private InsuranceSpec.EventLosses resumedEventLosses(Manifest previous, InsuranceSpec.EventLosses asked, Scenario scenario, String sha256)
            throws BadInputException {
        InsuranceSpec.EventLosses kept = previous.eventLosses();
        String where = resume.resolve(Manifest.FILE).toString();
        if (asked != null && asked != kept) {
            throw new BadInputException(where, 0, 0, InsuranceSpec.EVENT_LOSSES_KEY, "the run in " + resume + " keeps event losses '" + kept.label()
                    + "', --event-losses asks for '" + asked.label() + "': a resumed run keeps what it started with (its files would mix"
                    + " both); resume without --event-losses, or start a new run");
        }
        InsuranceSpec.EventLosses inFile = scenario.insurance().eventLosses();
        if (asked == null && !previous.scenarioSha256().equals(sha256) && inFile != kept) {
            throw new BadInputException(scenarioFile.toString(), 0, 0, InsuranceSpec.EVENT_LOSSES_KEY, "is '" + inFile.label() + "', but the run in "
                    + resume + " keeps event losses '" + kept.label() + "': a resumed run keeps what it started with; resume with the scenario"
                    + " it was started with, or start a new run");
        }
        return kept;
    }

    /** {@code 2%}, {@code 2} or {@code 0.5%}: a share strictly between 0 and 100 percent, returned as a fraction. */
    static double parseTargetCi(String text) throws BadInputException {
        String t = text.trim();
        if (t.endsWith("%")) t = t.substring(0, t.length() - 1).trim();
        double percent;
        try {
            percent = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            percent = Double.NaN;
        }
        if (!(percent > 0 && percent < 100)) {
            throw BadInputException.option("--target-ci", "expected a percentage between 0 and 100 (e.g. 2%), found '" + text + "'");
        }
        return percent / 100;
    }
}
