package weaklink.experiment;

import weaklink.economics.LossModel;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.FirmChunks;
import weaklink.economics.policy.PolicyContext;
import weaklink.economics.policy.SecurityFunding;
import weaklink.model.AttackSurface;
import weaklink.model.ModelWorkspaces;
import weaklink.model.Posture;
import weaklink.model.ReplicateModel;
import weaklink.network.Networks;
import weaklink.network.Portfolio;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.random.Seeds;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * A scenario and a master seed made into what every replicate of a run shares: the network (built
 * from {@link Seeds#network()}), what targeted and mass-exploit attacks look at, each policy's
 * security funding and the loss model; and, per replicate, its streams ({@link Seeds#replicate})
 * and its model. Every command that builds a network or a replicate (run, sweep, spof, network,
 * validate, gui) comes through here, so {@code weaklink network --seed S} writes the network that
 * {@code weaklink run --seed S} simulates, and the GUI shows replicate N of that run.
 */
public final class RunContext {
    private final Scenario scenario;
    private final Seeds seeds;
    private final SupplyNetwork network;
    private final Portfolio book;
    private AttackSurface surface;
    private LossModel lossModel;
    private PolicyContext policyContext;
    /** What this run's models borrow and give back (records' pages, mark arrays): it goes with the run. */
    private final ModelWorkspaces workspaces = new ModelWorkspaces();

    private RunContext(Scenario scenario, Seeds seeds, SupplyNetwork network, Portfolio book) {
        this.scenario = scenario;
        this.seeds = seeds;
        this.network = network;
        this.book = book;
    }

    /**
     * Builds (generates or reads) the scenario's network for this master seed, and reads the
     * insurer's book if the scenario has one; bad network or portfolio input is refused here.
     */
    public static RunContext of(Scenario scenario, long masterSeed) throws BadInputException {
        Seeds seeds = new Seeds(masterSeed);
        SupplyNetwork network = Networks.build(scenario, seeds.network());
        return new RunContext(scenario, seeds, network, readBook(scenario, network));
    }

    private static Portfolio readBook(Scenario scenario, SupplyNetwork network) throws BadInputException {
        if (!scenario.insurance().hasPortfolio()) return null;
        java.nio.file.Path file = scenario.insurance().portfolio();
        try {
            return Portfolio.read(file, network);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(file.toString(), 0, 0, "insurance.portfolio", "file not found (the scenario's insurance.portfolio,"
                    + " read relative to the scenario's folder)");
        } catch (java.io.IOException e) {
            throw new BadInputException(file.toString(), 0, 0, "insurance.portfolio", "cannot be read: " + e.getMessage());
        }
    }

    /** The insurer's own book, or null when the scenario has none. */
    public Portfolio book() { return book; }

    public Scenario scenario() { return scenario; }

    public Seeds seeds() { return seeds; }

    public SupplyNetwork network() { return network; }

    /** What targeted and mass-exploit campaigns look at, computed once for the network. */
    public synchronized AttackSurface attackSurface() {
        if (surface == null) surface = AttackSurface.of(network);
        return surface;
    }

    /** The loss model of the network, made once. */
    public synchronized LossModel lossModel() {
        if (lossModel == null) lossModel = new LossModel(scenario, network, book);
        return lossModel;
    }

    /**
     * What every policy's firms decide against: their risk with the others at base posture and their
     * decisions with no policy, computed once (a pass over every firm; {@link Seeds#policyDraws()} for
     * the policies' own draws).
     */
    public synchronized PolicyContext policyContext() {
        return policyContext(FirmChunks.SERIAL);
    }

    /** {@link #policyContext()}, its firms' own choices made in {@code chunks} if it is not made yet (the same context either way). */
    public synchronized PolicyContext policyContext(FirmChunks chunks) {
        if (policyContext == null) policyContext = PolicyContext.of(scenario, network, seeds.policyDraws(), chunks);
        return policyContext;
    }

    /** A policy's security funding on this network: its firms' decisions and who pays (the same in every replicate). */
    public SecurityFunding funding(PolicySpec policy) {
        return policyContext().fund(CostSharingPolicy.of(policy));
    }

    /** Replicate {@code r}'s random streams, the same under every policy. */
    public RandomStreams streams(int replicate) { return seeds.replicate(replicate); }

    /** The model of one replicate under a posture, on the replicate's streams. */
    public ReplicateModel model(Posture posture, RandomStreams streams) {
        return model(scenario, posture, streams);
    }

    /** The model of one replicate of another set of attacks on this network (a stress test: {@link Scenario#withAttacks}). */
    public ReplicateModel model(Scenario attacks, Posture posture, RandomStreams streams) {
        return new ReplicateModel(attacks, network, posture, streams, attackSurface(), workspaces);
    }
}
