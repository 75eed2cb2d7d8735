package weaklink.network;

import java.io.IOException;
import weaklink.scenario.BadInputException;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.NetworkSpec;
import weaklink.scenario.Scenario;

/** Builds the scenario's network: generated from its parameters, or read from its CSV files. */
public final class Networks {
    private Networks() {}

    /**
     * The scenario's network. Generated networks are a pure function of the scenario and
     * {@code seed}; the same network serves every replicate and policy of a run. Files are read
     * from {@code network.files} (paths relative to the scenario file). A network that would not
     * fit in this JVM's heap is refused before it is allocated.
     */
    public static SupplyNetwork build(Scenario scenario, long seed) throws BadInputException {
        NetworkSpec spec = scenario.network();
        SupplyNetwork net;
        if (spec.fromFiles()) {
            try {
                net = NetworkCsv.read(spec.firmsFile(), spec.linksFile(), scenario, seed);
                if (net.firmCount() == 0) {
                    throw new BadInputException(spec.firmsFile().toString(), 2, 0, null, "the firms file has no firms: a network needs at least one");
                }
            } catch (java.nio.file.NoSuchFileException e) {
                throw BadInputException.option("network.files", e.getFile() + ": file not found");
            } catch (IOException e) {
                throw BadInputException.option("network.files", "cannot read the network files: " + e.getMessage());
            }
        } else {
            long[] links = TieredGenerator.expectedLinks(spec.generator());
            requireHeap("network.generator", spec.generator().totalFirms(), links[0], links[1], false);
            net = TieredGenerator.generate(scenario, seed);
        }
        checkReferences(scenario, net);
        return net;
    }

    /** Refuses references to firms the network does not have. */
    public static void checkReferences(Scenario scenario, SupplyNetwork net) throws BadInputException {
        for (int k = 0; k < scenario.initialCompromises().size(); k++) {
            InitialCompromise ic = scenario.initialCompromises().get(k);
            if (net.indexOf(ic.firmId()) < 0) {
                throw BadInputException.option("initial_compromises[" + k + "].firm", "no firm with id " + ic.firmId() + " in the network (" + net.firmCount() + " firms)");
            }
        }
    }

    /**
     * Heap needed to build a network: the network itself ({@link SupplyNetwork#estimateBytes})
     * plus the builder's edge lists and per-firm scratch arrays, which live until it is built.
     */
    public static long bytesToBuild(long firms, long supplyLinks, long trustLinks, boolean names) {
        return SupplyNetwork.estimateBytes(firms, supplyLinks, trustLinks, names) + 24 * supplyLinks + 13 * trustLinks + 32 * firms;
    }

    /**
     * Refuses, naming {@code key} and a sufficient {@code -Xmx}, a network whose construction
     * needs more heap than this JVM can still give ({@link Runtime#maxMemory()} minus what is in use).
     */
    static void requireHeap(String key, long firms, long supplyLinks, long trustLinks, boolean names) throws BadInputException {
        long needed = bytesToBuild(firms, supplyLinks, trustLinks, names);
        if (needed <= Runtime.getRuntime().maxMemory() - HeapCheck.used()) return;
        HeapCheck.fromNow(needed).require(key, needed, String.format(java.util.Locale.ROOT,
                "a network of about %,d firms and %,d links", firms, supplyLinks + trustLinks));
    }
}
