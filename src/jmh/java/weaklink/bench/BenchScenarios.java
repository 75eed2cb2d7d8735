package weaklink.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weaklink.random.Seeds;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.BadInputException;
import weaklink.scenario.NetworkSpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.ScenarioOverrides;

/** The shipped scenarios the benchmarks run on, read from {@code scenarios/} under the working directory (the project root). */
final class BenchScenarios {
    static final String MANUFACTURING = "japan-manufacturing.yaml";

    private BenchScenarios() {}

    static Path file(String name) {
        return Path.of(System.getProperty("weaklink.scenarios", "scenarios"), name);
    }

    /**
     * A shipped scenario with every firm count of its generated network (each tier, the managed
     * service providers, the logistics providers) multiplied by {@code scale}, through the same
     * override mechanism as {@code sweep}; {@code scale} 1 is the file as shipped.
     */
    static Scenario scaled(String name, int scale) throws BadInputException {
        Path file = file(name);
        Scenario shipped = ScenarioLoader.load(file);
        if (scale == 1) return shipped;
        NetworkSpec.TieredSpec g = shipped.network().generator();
        Map<String, String> overrides = new LinkedHashMap<>();
        List<NetworkSpec.TierSpec> tiers = g.tiers();
        for (int t = 0; t < tiers.size(); t++) overrides.put("network.generator.tiers[" + t + "].firms", Integer.toString(tiers.get(t).firms() * scale));
        overrides.put("network.generator.msp_firms", Integer.toString(g.mspFirms() * scale));
        overrides.put("network.generator.logistics_firms", Integer.toString(g.logisticsFirms() * scale));
        return ScenarioOverrides.load(file, overrides);
    }

    /** The network seed of a run with the scenario's master seed. */
    static long networkSeed(Scenario s) {
        return new Seeds(s.seed()).network();
    }

    /** The scenario's network as a run builds it. */
    static SupplyNetwork network(Scenario s) throws BadInputException {
        return Networks.build(s, networkSeed(s));
    }
}
