package weaklink.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Option;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/** The options several commands share, each declared once (picocli mixins), and the default output folder. */
final class Options {
    private Options() {}

    /** {@code --seed S}: the master seed; the scenario's when not given. */
    static final class Seed {
        @Option(names = "--seed", paramLabel = "S", description = "Master seed (every seed of the run derives from it). Default: the scenario's.")
        Long value;

        long orScenario(Scenario scenario) { return value != null ? value : scenario.seed(); }

        /** The seed given, within the scenario file's bounds ({@link Bounds#seed}); null when not given. */
        Long checked() throws BadInputException { return Bounds.seed(value); }
    }

    /** {@code --quiet}: print nothing but errors. */
    static final class Quiet {
        @Option(names = "--quiet", description = "Print nothing but errors.")
        boolean value;
    }

    /**
     * {@code --threads T}: the threads of every pool the command starts (funding, replicates, the summaries'
     * writers, the charts, the hashing of the finished folder), all cores by default; results do not depend on it.
     */
    static final class Threads {
        @Option(names = "--threads", paramLabel = "T", description = "Threads of every pool the command starts (replicates, funding, summaries, charts); 1: one thread works at a time. Default: all cores the JVM sees (${DEFAULT-VALUE}). Results do not depend on it.")
        int value = Runtime.getRuntime().availableProcessors();

        int checked() throws BadInputException { return Bounds.threads("--threads", value); }
    }

    /** {@code --policies a,b,...}: the policies to compare, by name; all of the scenario's by default. */
    static final class Policies {
        @Option(names = "--policies", paramLabel = "a,b,...", split = ",", description = "Policies to compare, by name. Default: all of the scenario's.")
        List<String> names;

        List<PolicySpec> of(Scenario scenario) throws BadInputException { return scenario.policiesNamed(names); }
    }

    /**
     * The folder a command writes to when {@code --out} is not given:
     * {@code results/<scenario>[-<kind>]-<yyyyMMdd-HHmmss>[<suffix>]}, relative to the working directory.
     *
     * @param kind   what the folder holds besides a run's results (spof, sweep, slurm), or null
     * @param suffix appended after the time stamp (a shard's), or ""
     */
    static Path defaultFolder(Scenario scenario, String kind, String suffix) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("results", scenario.name() + (kind == null ? "" : "-" + kind) + "-" + stamp + suffix);
    }

    /** The jar this JVM runs, or {@code target/weaklink.jar} (the build's) when it runs from classes. */
    static Path runningJar() {
        try {
            Path p = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (p.toString().endsWith(".jar")) return p;
        } catch (Exception e) {
            // fall through to the jar the build makes
        }
        return Path.of("target", "weaklink.jar");
    }
}
