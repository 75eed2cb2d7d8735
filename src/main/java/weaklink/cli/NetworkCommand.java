package weaklink.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.RunContext;
import weaklink.io.AtomicFile;
import weaklink.io.Json;
import weaklink.network.NetworkCsvWriter;
import weaklink.network.NetworkStats;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

@Command(name = "network", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds a scenario's supply network (generated, or read from its network.files) and writes",
                "firms.csv, links.csv and network_stats.json into --out. The CSV files are the format that",
                "network.files reads, so the network can be edited and re-imported."})
final class NetworkCommand implements Callable<Integer> {
    static final List<String> FILES = List.of("firms.csv", "links.csv", "network_stats.json");

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for firms.csv, links.csv and network_stats.json.")
    Path out;

    @Mixin Options.Seed seed;

    @Option(names = "--all-attributes", description = "Write every firm attribute and substitution value, not only those that differ from the scenario's defaults.")
    boolean allAttributes;

    @Option(names = "--overwrite", description = "Replace network files already in --out.")
    boolean overwrite;

    @Mixin Options.Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        seed.checked();
        Scenario s = ScenarioLoader.load(scenarioFile);
        if (!overwrite) {
            for (String f : FILES) {
                if (Files.exists(out.resolve(f))) throw BadInputException.option("--out", out.resolve(f) + " already exists; pass --overwrite to replace it");
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
        SupplyNetwork net = RunContext.of(s, seed.orScenario(s)).network();
        long t1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
        Files.createDirectories(out);
        AtomicFile.write(out.resolve("firms.csv"), w -> NetworkCsvWriter.writeFirms(net, s.sizeClasses(), allAttributes, w));
        AtomicFile.write(out.resolve("links.csv"), w -> NetworkCsvWriter.writeLinks(net, s.economics().substitutionDays(), s.economics().substitutionShare(), allAttributes, w));
        Json.write(out.resolve("network_stats.json"), NetworkStats.of(net));
        long t2 = System.nanoTime(), c2 = cpu.getCurrentThreadCpuTime();
        if (!quiet.value) {
            // CPU seconds of this thread as well as wall-clock seconds: on a shared machine the first is the stable figure
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%s: %,d firms, %,d supply links, %,d trust links (%s in %.1f s, %.1f s CPU; about %,d MB); "
                            + "files written to %s in %.1f s, %.1f s CPU.%n",
                    s.name(), net.firmCount(), net.supplyLinkCount(), net.trustLinkCount(), s.network().fromFiles() ? "read" : "generated",
                    (t1 - t0) / 1e9, (c1 - c0) / 1e9, net.estimatedBytes() >> 20, out, (t2 - t1) / 1e9, (c2 - c1) / 1e9);
        }
        return Main.OK;
    }
}
