package weaklink.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.Calibration;
import weaklink.experiment.Calibration.Estimate;
import weaklink.experiment.Calibration.Moments;
import weaklink.experiment.Calibration.Targets;
import weaklink.io.Json;
import weaklink.scenario.BadInputException;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.ScenarioSource;

@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits the scenario's ransomware attack rates, incident costs and recovery times to the National Police Agency's",
                "statistics by simulated moments (docs/CALIBRATION.md), starting from the scenario's own values, and prints the",
                "fitted values to write into it; --check only compares the scenario as it stands with the targets."})
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--reported-cases", paramLabel = "N", required = true,
            description = "Ransomware cases reported to the police a year among the network's firms (docs/CALIBRATION.md derives it for each shipped scenario).")
    double reportedCases;

    @Option(names = "--reporting-rate", paramLabel = "RHO", description = "Share of cases reported (assumption; FBI, Hive 2022: about 20 %%). Default: ${DEFAULT-VALUE}.")
    double reportingRate = 0.2;

    @Option(names = "--mass-exploit-share", paramLabel = "S", description = "Share of cases through the mass-exploited technology (NPA 2024: VPN devices 55 of 100). Default: ${DEFAULT-VALUE}.")
    double massExploitShare = 0.55;

    @Option(names = "--cost-share", paramLabel = "S", description = "Share of cases costing 10 million yen or more to investigate and recover (NPA 2024: 50 %%). Default: ${DEFAULT-VALUE}.")
    double costShare = 0.50;

    @Option(names = "--month-share", paramLabel = "S", description = "Share of cases taking a month or more to recover (NPA 2024: 49.2 %%). Default: ${DEFAULT-VALUE}.")
    double monthShare = 0.492;

    @Option(names = "--replicates", paramLabel = "N", description = "Simulated years per evaluation. Default: the scenario's.")
    Integer replicates;

    @Option(names = "--max-iterations", paramLabel = "N", description = "Most evaluations of the fit. Default: ${DEFAULT-VALUE}.")
    int maxIterations = 15;

    @Option(names = "--check", description = "Do not fit: simulate the scenario as it stands and compare it with the targets (exit 1 when outside tolerance).")
    boolean check;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the fit (targets, fitted values, moments, every step) to this JSON file.")
    Path out;

    @Mixin Options.Seed seed;

    @Mixin Options.Threads threads;

    @Mixin Options.Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Targets targets = Targets.of(reportedCases, massExploitShare, costShare, monthShare, reportingRate);
        if (maxIterations < 1 || maxIterations > 100) throw BadInputException.option("--max-iterations", "must be between 1 and 100, found " + maxIterations);
        int threadCount = threads.checked();
        seed.checked();
        if (out != null && Files.isDirectory(out)) throw BadInputException.option("--out", out + " is a folder; give a file name such as calibration.json");
        ScenarioSource source = ScenarioSource.read(scenarioFile);
        var scenario = ScenarioLoader.load(source);
        int years = replicates != null ? replicates : scenario.replicates();
        Bounds.replicates(years, 2);
        long runSeed = seed.orScenario(scenario);
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (check) {
            Moments m = Calibration.check(source, runSeed, years, threadCount, reportingRate);
            boolean ok = Calibration.withinTolerance(m, targets);
            if (!quiet.value) print(o, targets, m);
            if (out != null) weaklink.io.AtomicFile.writeBytes(out, Json.bytes(json(targets, m, null, ok)));
            if (!ok) err.println("error: the scenario's moments are outside the tolerance of the targets (see the table)");
            return ok ? Main.OK : Main.FAILED;
        }
        Calibration.Fit fit = Calibration.fit(source, Map.of(), runSeed, years, threadCount, targets, maxIterations, step -> {
            if (quiet.value) return;
            double[] x = step.multipliers();
            Moments m = step.moments();
            err.printf("step: multipliers %.4g %.4g %.4g %.4g -> reported %.1f, mass-exploit %.3f, >=10M %.3f, >=month %.3f%n",
                    x[0], x[1], x[2], x[3], m.reportedCases().value(), m.massExploitShare().value(), m.costShare().value(), m.monthShare().value());
            err.flush();
        });
        if (!quiet.value) {
            print(o, targets, fit.moments());
            o.println(fit.converged() ? "fitted values (write these into the scenario):" : "NOT CONVERGED after " + maxIterations + " evaluations; last values:");
            for (Map.Entry<String, String> e : fit.settings().entrySet()) o.println("  " + e.getKey() + ": " + e.getValue());
        }
        if (out != null) weaklink.io.AtomicFile.writeBytes(out, Json.bytes(json(targets, fit.moments(), fit, fit.converged())));
        if (!fit.converged()) err.println("error: the fit did not converge within " + maxIterations + " evaluations");
        return fit.converged() ? Main.OK : Main.FAILED;
    }

    private static void print(PrintWriter o, Targets t, Moments m) {
        o.printf("%-48s %14s %30s%n", "statistic", "target", "simulated [95 % interval]");
        row(o, "reported cases a year (rho x cases)", t.reportedCases(), m.reportedCases());
        row(o, "share through the mass exploit", t.massExploitShare(), m.massExploitShare());
        row(o, "share costing >= 10 million yen", t.costShare(), m.costShare());
        row(o, "share recovering in a month or more", t.monthShare(), m.monthShare());
        row(o, "share at SMEs (not fitted)", Double.NaN, m.smeShare());
        row(o, "reported cases a year at large firms (not fitted)", Double.NaN, m.largeCases());
        row(o, "mean investigation and recovery cost, yen", Double.NaN, m.meanCost());
        o.printf("%-48s %14s %30s%n", "median investigation and recovery cost, yen", "", String.format("%.4g", m.medianCost()));
        row(o, "mean damage (cost + ransom + BI), yen", Double.NaN, m.meanDamage());
        o.printf("%-48s %14s %30s%n", "median damage, yen", "", String.format("%.4g", m.medianDamage()));
        o.printf("%-48s %14s %30s%n", "sd of a year's reported count", "", String.format("%.1f", m.yearlySd()));
        String[] bands = {"under 1 million", "1-5 million", "5-10 million", "10-50 million", "50 million or more"};
        for (int b = 0; b < bands.length; b++) row(o, "share costing " + bands[b] + " yen (not fitted)", Double.NaN, m.costBands().get(b));
        o.printf("(%d cases in %d simulated years)%n", m.cases(), m.replicates());
    }

    private static void row(PrintWriter o, String label, double target, Estimate e) {
        o.printf("%-48s %14s %30s%n", label, Double.isNaN(target) ? "" : String.format("%.4g", target),
                String.format("%.4g [%.4g, %.4g]", e.value(), e.low(), e.high()));
    }

    private static ObjectNode json(Targets t, Moments m, Calibration.Fit fit, boolean ok) {
        ObjectNode root = Json.object();
        root.put("within_tolerance", ok);
        ObjectNode tn = root.putObject("targets");
        tn.put("reported_cases", t.reportedCases());
        tn.put("mass_exploit_share", t.massExploitShare());
        tn.put("cost_share", t.costShare());
        tn.put("month_share", t.monthShare());
        tn.put("reporting_rate", t.reportingRate());
        root.set("moments", moments(m));
        if (fit != null) {
            ObjectNode s = root.putObject("fitted_values");
            fit.settings().forEach(s::put);
            ArrayNode steps = root.putArray("steps");
            for (Calibration.Step step : fit.history()) {
                ObjectNode sn = steps.addObject();
                ArrayNode x = sn.putArray("multipliers");
                for (double v : step.multipliers()) x.add(v);
                sn.set("moments", moments(step.moments()));
            }
        }
        return root;
    }

    private static ObjectNode moments(Moments m) {
        ObjectNode n = Json.object();
        n.put("replicates", m.replicates());
        n.put("cases", m.cases());
        estimate(n, "reported_cases", m.reportedCases());
        n.put("yearly_sd", m.yearlySd());
        estimate(n, "large_reported_cases", m.largeCases());
        estimate(n, "mass_exploit_share", m.massExploitShare());
        estimate(n, "cost_share", m.costShare());
        estimate(n, "month_share", m.monthShare());
        estimate(n, "sme_share", m.smeShare());
        estimate(n, "mean_cost", m.meanCost());
        n.put("median_cost", m.medianCost());
        estimate(n, "mean_damage", m.meanDamage());
        n.put("median_damage", m.medianDamage());
        ArrayNode bands = n.putArray("cost_band_shares");
        for (Estimate e : m.costBands()) {
            ArrayNode a = bands.addArray();
            a.add(e.value());
            a.add(e.low());
            a.add(e.high());
        }
        return n;
    }

    private static void estimate(ObjectNode n, String key, Estimate e) {
        ArrayNode a = n.putArray(key);
        a.add(e.value());
        a.add(e.low());
        a.add(e.high());
    }
}
