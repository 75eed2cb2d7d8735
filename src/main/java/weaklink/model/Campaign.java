package weaklink.model;

import sim.engine.SimState;
import sim.engine.Steppable;
import weaklink.random.RandomStreams.Stream;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;

/**
 * A threat actor's campaign, a MASON agent stepped once on its start day, choosing where it
 * tries to get in (DESIGN §1 "Threat actors"):
 * <ul>
 *   <li>opportunistic: each firm is attempted with the actor's attempt probability (geometric
 *       skipping over the firms, so the cost is proportional to the attempts, not the firms);</li>
 *   <li>targeted (island hopping): an objective drawn among the {@link AttackSurface}'s objectives
 *       with probability proportional to revenue; the firms that can reach it over trust links
 *       within {@code reconHops} hops are reconnoitred, and with probability {@code recon} the
 *       actor enters through the most vulnerable of them — by their base vulnerability, or, for an
 *       {@code adaptive} actor, by the posture they chose this year — else it tries the objective directly;</li>
 *   <li>mass-exploit: every firm that runs the flawed technology is attempted at once.</li>
 * </ul>
 * An {@code adaptive} opportunistic or mass-exploit actor spreads the same expected attempts toward
 * the firms that are weak this year ({@link AdaptiveAttempts}).
 * Each attempt succeeds with the firm's {@code S(z)} times the actor's capability; the uniform for
 * (campaign, firm) is keyed, so a policy that lowers {@code S} never changes who else is attempted.
 */
final class Campaign implements Steppable {
    private static final long serialVersionUID = 1L;
    private final transient ReplicateModel model;
    private final transient ReplicateModel.CampaignState state;
    private final transient ActorSpec actor;

    Campaign(ReplicateModel model, ReplicateModel.CampaignState state, ActorSpec actor) {
        this.model = model;
        this.state = state;
        this.actor = actor;
    }

    @Override
    public void step(SimState simState) {
        int day = (int) model.time();
        model.record().campaignStarted(state.id, day, state.actor);
        SupplyNetwork net = model.network;
        switch (actor.mode()) {
            case OPPORTUNISTIC -> {
                double a = actor.attemptProbability();
                if (a <= 0) return;
                double[] s = model.posture.successProbability();
                // adaptive: firm i is attempted with min(1, scale · s_i); candidates drawn at the largest such probability, each kept with its share of it
                double scale = actor.adaptive() ? AdaptiveAttempts.scale(a, model.meanSuccessProbability()) : 0;
                double top = actor.adaptive() ? AdaptiveAttempts.probability(scale, model.maxSuccessProbability()) : a;
                if (top <= 0) return;
                // the walk's firms are the same under every policy of the replicate with the same top probability (all, for an
                // actor that does not adapt): drawn once, by the replicate's streams
                for (int firm : model.streams.geometricWalk(Stream.ATTEMPTS, state.id, net.firmCount(), top)) {
                    if (actor.adaptive() && model.streams.uniform(Stream.ATTEMPTS, state.id, firm) * top >= AdaptiveAttempts.probability(scale, s[firm])) continue;
                    model.attempt(state, day, firm);
                }
            }
            case MASS_EXPLOIT -> {
                int tech = net.technologies().indexOf(actor.technology());
                if (tech < 0) return;
                int[] running = model.surface().firmsRunning(tech);
                double[] s = model.posture.successProbability();
                double scale = actor.adaptive() ? AdaptiveAttempts.scale(actor.attemptProbability(), AdaptiveAttempts.mean(s, running)) : 0;
                // no firm's probability exceeds the bound (rounding is monotone), so only firms whose draw is below it can be
                // attempted: their positions come from the replicate's streams, hashed once for all its policies
                double bound = actor.adaptive() ? AdaptiveAttempts.probability(scale, model.maxSuccessProbability()) : actor.attemptProbability();
                for (int i : model.streams.candidatesBelow(Stream.ATTEMPTS, state.id, running, bound)) {
                    int firm = running[i];
                    double p = actor.adaptive() ? AdaptiveAttempts.probability(scale, s[firm]) : actor.attemptProbability();
                    if (model.streams.uniform(Stream.ATTEMPTS, state.id, firm) < p) model.attempt(state, day, firm);
                }
            }
            case TARGETED -> {
                int objective = model.surface().objective(model.streams.uniform(Stream.TARGETING, state.id, -1));
                if (objective < 0) return;
                int entry = objective;
                if (model.streams.uniform(Stream.TARGETING, state.id, -2) < actor.reconProbability()) {
                    // an adaptive actor sees the posture firms chose this year; one that does not adapt, their base vulnerability
                    double[] seen = actor.adaptive() ? model.posture.successProbability() : model.surface().baseVulnerability();
                    ReplicateModel.ReconMarks marks = model.reconMarks();
                    int[] mark = marks.array(net.firmCount());
                    entry = Reconnaissance.weakestWithin(net, seen, objective, actor.reconHops(), mark, marks.nextStamp());
                }
                model.attempt(state, day, entry);
            }
        }
    }
}
