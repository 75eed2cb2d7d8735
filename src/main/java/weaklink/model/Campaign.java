package weaklink.model;

import ec.util.MersenneTwisterFast;
import java.util.ArrayDeque;
import sim.engine.SimState;
import sim.engine.Steppable;
import weaklink.model.RandomStreams.Stream;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;

/**
 * A threat actor's campaign, a MASON agent stepped once on its start day, choosing where it
 * tries to get in (DESIGN §1 "Threat actors"):
 * <ul>
 *   <li>opportunistic: each firm is attempted with the actor's attempt probability (geometric
 *       skipping, so the cost is proportional to the attempts, not the firms);</li>
 *   <li>targeted (island hopping): an objective among large firms weighted by revenue; the trust
 *       neighbourhood that can reach it within {@code reconHops} hops is reconnoitred, and with
 *       probability {@code recon} the actor enters through its most vulnerable firm, else it tries
 *       the objective directly;</li>
 *   <li>mass-exploit: every firm that runs the flawed technology is attempted at once.</li>
 * </ul>
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
        int day = (int) simState.schedule.getTime();
        model.record().campaignStarted();
        SupplyNetwork net = model.network;
        switch (actor.mode()) {
            case OPPORTUNISTIC -> {
                double a = actor.attemptProbability();
                if (a <= 0) return;
                MersenneTwisterFast rng = new MersenneTwisterFast(RandomStreams.mix(model.streams.seed(Stream.ATTEMPTS) + state.id));
                int n = net.firmCount();
                int firm = -1;
                while (true) {
                    firm += a >= 1 ? 1 : ReplicateModel.firstSuccessDay(rng.nextDouble(), a);
                    if (firm >= n) break;
                    attempt(day, firm);
                }
            }
            case MASS_EXPLOIT -> {
                int tech = net.technologies().indexOf(actor.technology());
                if (tech < 0) return;
                for (int firm = 0; firm < net.firmCount(); firm++) {
                    if (net.runs(firm, tech) && model.streams.uniform(Stream.ATTEMPTS, state.id, firm) < actor.attemptProbability()) attempt(day, firm);
                }
            }
            case TARGETED -> {
                int objective = chooseObjective(net);
                if (objective < 0) return;
                int entry = objective;
                if (model.streams.uniform(Stream.TARGETING, state.id, -2) < actor.reconProbability()) {
                    entry = weakestWithin(net, objective, actor.reconHops());
                }
                attempt(day, entry);
            }
        }
    }

    private void attempt(int day, int firm) {
        if (model.streams.uniform(Stream.SUCCESS, state.id, firm) < model.successProbability(state, firm)) {
            model.enqueue(day, firm, state.id, -1, -1);
        }
    }

    /** A tier-0 (else large) firm drawn with probability proportional to revenue. */
    private int chooseObjective(SupplyNetwork net) {
        double total = 0;
        boolean anyTier0 = false;
        for (int f = 0; f < net.firmCount(); f++) if (net.tier(f) == 0) { anyTier0 = true; break; }
        for (int f = 0; f < net.firmCount(); f++) if (isObjective(net, f, anyTier0)) total += net.revenueYen(f);
        if (total <= 0) return -1;
        double u = model.streams.uniform(Stream.TARGETING, state.id, -1) * total;
        int last = -1;
        for (int f = 0; f < net.firmCount(); f++) {
            if (!isObjective(net, f, anyTier0)) continue;
            last = f;
            u -= net.revenueYen(f);
            if (u < 0) return f;
        }
        return last;
    }

    private static boolean isObjective(SupplyNetwork net, int f, boolean tier0) {
        return tier0 ? net.tier(f) == 0 : net.sizeClass(f) == weaklink.scenario.SizeClass.LARGE;
    }

    /**
     * The most vulnerable firm from which the objective can be reached over trust links within
     * {@code hops} hops (breadth-first search over incoming trust links); ties go to the nearer
     * firm, then the lower index. Returns the objective when no neighbour is more vulnerable.
     */
    private int weakestWithin(SupplyNetwork net, int objective, int hops) {
        double[] s = model.posture.successProbability();
        int best = objective;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        java.util.HashMap<Integer, Integer> seen = new java.util.HashMap<>();
        seen.put(objective, 0);
        queue.add(objective);
        while (!queue.isEmpty()) {
            int f = queue.poll();
            int d = seen.get(f);
            if (s[f] > s[best]) best = f;
            if (d == hops) continue;
            for (int k = net.trustInStart(f); k < net.trustInEnd(f); k++) {
                int src = net.trustSource(net.trustInEdge(k));
                if (seen.putIfAbsent(src, d + 1) == null) queue.add(src);
            }
        }
        return best;
    }
}
