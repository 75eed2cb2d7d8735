package weaklink.network;

import weaklink.scenario.BadInputException;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Scenario;

/** Builds the scenario's network: generated from its parameters, or read from its CSV files. */
public final class Networks {
    private Networks() {}

    /**
     * The scenario's network. Generated networks are a pure function of the scenario and
     * {@code seed}; the same network serves every replicate and policy of a run.
     */
    public static SupplyNetwork build(Scenario scenario, long seed) throws BadInputException {
        if (scenario.network().fromFiles()) {
            throw BadInputException.option("network.files", "reading networks from files is not available in this version");
        }
        SupplyNetwork net = TieredGenerator.generate(scenario, seed);
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
}
