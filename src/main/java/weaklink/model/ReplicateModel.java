package weaklink.model;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;
import weaklink.model.RandomStreams.Stream;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;

/**
 * One replicate (one simulated year, daily time) as a MASON {@link SimState}: campaigns are
 * {@link Campaign} agents scheduled on their start day; compromises wait in a primitive
 * {@link EventQueue} and a {@link Propagation} step, scheduled on each day that has pending
 * compromises, carries them out. Lateral movement is event-driven: when firm {@code i} is
 * compromised with dwell {@code D}, each trust link {@code i -> j} gets the day of its first
 * success from a geometric draw with daily probability {@code p_type · S_j}, and is scheduled only
 * if that day falls within the dwell. Cost grows with events, not with firms × days.
 *
 * <p>The model knows nothing of files, policies or money: it takes the network, the scenario's
 * actors, each firm's {@link Posture} and the replicate's {@link RandomStreams}, and gives a
 * {@link ReplicateRecord}.
 */
public final class ReplicateModel extends SimState {
    private static final long serialVersionUID = 1L;
    /** Schedule orderings within a day: campaigns enter before pending compromises are processed. */
    static final int ORDER_CAMPAIGN = 0;
    static final int ORDER_PROPAGATION = 1;

    final transient Scenario scenario;
    final transient SupplyNetwork network;
    final transient Posture posture;
    final transient RandomStreams streams;
    private final transient double[] trustDailyProbability;
    private final transient EventQueue pending = new EventQueue();
    private final transient List<CampaignState> campaigns = new ArrayList<>();
    private transient ReplicateRecord record;
    private int scheduledDay = Integer.MAX_VALUE;

    public ReplicateModel(Scenario scenario, SupplyNetwork network, Posture posture, RandomStreams streams) {
        super(streams.seed(Stream.ARRIVALS));
        this.scenario = scenario;
        this.network = network;
        this.posture = posture;
        this.streams = streams;
        this.trustDailyProbability = new double[weaklink.scenario.TrustType.values().length];
        for (var e : scenario.trustDailyProbability().entrySet()) trustDailyProbability[e.getKey().ordinal()] = e.getValue();
    }

    /** Runs the whole replicate and returns what happened. */
    public ReplicateRecord run() {
        start();
        while (schedule.step(this)) {
            // each step processes one day's campaigns or compromises
        }
        finish();
        return record;
    }

    /** The record so far (complete after {@link #run()}). */
    public ReplicateRecord record() { return record; }

    public SupplyNetwork network() { return network; }

    @Override
    public void start() {
        super.start();
        record = new ReplicateRecord(scenario.days());
        campaigns.clear();
        scheduledDay = Integer.MAX_VALUE;
        int days = scenario.days();
        List<ActorSpec> actors = scenario.actors();
        // campaign arrivals: Poisson per actor, from the actor's own arrival stream
        for (int a = 0; a < actors.size(); a++) {
            ActorSpec actor = actors.get(a);
            MersenneTwisterFast rng = new MersenneTwisterFast(RandomStreams.mix(streams.seed(Stream.ARRIVALS) + a));
            int n = poisson(actor.campaignsPerYear() * days / 365.0, rng);
            for (int k = 0; k < n; k++) {
                int day = rng.nextInt(days);
                CampaignState c = new CampaignState(campaigns.size(), a, actor.effect(), actor.capability(), actor.dwellDays());
                campaigns.add(c);
                schedule.scheduleOnce(day, ORDER_CAMPAIGN, new Campaign(this, c, actor));
            }
        }
        for (InitialCompromise ic : scenario.initialCompromises()) {
            int firm = network.indexOf(ic.firmId());
            if (firm < 0) continue; // validated before the run
            CampaignState c = new CampaignState(campaigns.size(), -1, ic.effect(), 1.0, ic.dwellDays());
            campaigns.add(c);
            final int entry = firm;
            schedule.scheduleOnce(ic.day(), ORDER_CAMPAIGN, (Steppable) state -> {
                record.campaignStarted();
                enqueue(ic.day(), entry, c.id, -1, -1);
            });
        }
    }

    /** Schedules a compromise of {@code firm} on {@code day} by campaign {@code campaignId}. */
    void enqueue(int day, int firm, int campaignId, int source, int link) {
        pending.push(day, firm, campaignId, source, link);
        if (day < scheduledDay) {
            scheduledDay = day;
            schedule.scheduleOnce(day, ORDER_PROPAGATION, new Propagation(this));
        }
    }

    /** Carries out all compromises pending for the current day, then schedules the next pending day. */
    void propagate(int today) {
        if (today != scheduledDay) return; // superseded by an earlier-scheduled step
        while (!pending.isEmpty() && pending.peekDay() == today) {
            int id = pending.pop();
            compromise(today, pending.firm(id), campaigns.get(pending.campaign(id)), pending.source(id), pending.link(id));
        }
        scheduledDay = Integer.MAX_VALUE;
        if (!pending.isEmpty()) {
            scheduledDay = pending.peekDay();
            schedule.scheduleOnce(scheduledDay, ORDER_PROPAGATION, new Propagation(this));
        }
    }

    /** The probability that one attempt by this campaign on {@code firm} succeeds. */
    double successProbability(CampaignState c, int firm) {
        return Math.min(1.0, c.capability * posture.successProbability()[firm]);
    }

    private void compromise(int day, int firm, CampaignState c, int source, int link) {
        if (c.hit.get(firm)) return;
        c.hit.set(firm);
        double dwell = c.dwell.quantile(streams.uniform(Stream.DWELL, c.id, firm)) * posture.dwellScale()[firm];
        double detect = day + dwell;
        double outageEnd = Double.NaN;
        if (c.effect == ActorSpec.Effect.RANSOMWARE) {
            SizeClass size = network.sizeClass(firm);
            DistributionSpec recovery = scenario.defaults(size).recoveryDays();
            double days = recovery.quantile(streams.uniform(Stream.RECOVERY, c.id, firm))
                    * posture.recoveryScale()[firm] * network.attribute(FirmAttribute.RECOVERY_SCALE, firm);
            outageEnd = detect + days;
        }
        record.add(firm, c.id, c.actor, day, source, link,
                c.effect == ActorSpec.Effect.RANSOMWARE ? ReplicateRecord.RANSOMWARE : ReplicateRecord.DATA_THEFT, detect, outageEnd);
        // lateral movement on each day of the dwell: attempts on days day+1 .. day+floor(dwell)
        int maxOffset = (int) Math.min(Math.floor(dwell), Integer.MAX_VALUE / 2);
        if (maxOffset < 1) return;
        double[] success = posture.successProbability();
        for (int e = network.trustOutStart(firm), end = network.trustOutEnd(firm); e < end; e++) {
            int target = network.trustTarget(e);
            if (c.hit.get(target)) continue;
            double q = trustDailyProbability[network.trustTypeOrdinal(e)] * Math.min(1.0, c.capability * success[target]);
            if (q <= 0) continue;
            int offset = firstSuccessDay(streams.uniform(Stream.LATERAL, c.id, e), q);
            if (offset <= maxOffset) enqueue(day + offset, target, c.id, firm, e);
        }
    }

    /**
     * The first day (1, 2, …) on which a daily Bernoulli trial with probability {@code q}
     * succeeds: the geometric inverse CDF {@code 1 + floor(ln(1-u) / ln(1-q))}.
     */
    static int firstSuccessDay(double u, double q) {
        if (q >= 1) return 1;
        double g = Math.floor(Math.log1p(-u) / Math.log1p(-q));
        return g >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : 1 + (int) g;
    }

    static int poisson(double mean, MersenneTwisterFast rng) {
        if (mean <= 0) return 0;
        if (mean > 500) return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** A campaign's bookkeeping: which firms it has compromised (a firm is compromised once per campaign). */
    static final class CampaignState {
        final int id;
        final int actor;
        final ActorSpec.Effect effect;
        final double capability;
        final DistributionSpec dwell;
        final BitSet hit = new BitSet();

        CampaignState(int id, int actor, ActorSpec.Effect effect, double capability, DistributionSpec dwell) {
            this.id = id;
            this.actor = actor;
            this.effect = effect;
            this.capability = capability;
            this.dwell = dwell;
        }
    }

    /** The MASON step that processes one day's pending compromises. */
    static final class Propagation implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient ReplicateModel model;
        Propagation(ReplicateModel model) { this.model = model; }
        @Override public void step(SimState state) { model.propagate((int) state.schedule.getTime()); }
    }
}
