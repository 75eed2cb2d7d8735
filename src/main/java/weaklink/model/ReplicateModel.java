package weaklink.model;

import weaklink.random.RandomStreams;
import weaklink.random.Samplers;
import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.GammaDistribution;
import sim.engine.SimState;
import sim.engine.Steppable;
import weaklink.random.RandomStreams.Stream;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * One replicate (one simulated year, daily time) as a MASON {@link SimState}. Its
 * {@link sim.engine.Schedule} drives every event when a display steps it; {@link #run()} steps the same events in
 * the same order on a {@link RunSchedule} (MASON's heap and shuffles, without its locks and key objects):
 * <ul>
 *   <li>campaign arrivals: each {@link Campaign} (a threat actor's agent) and each initial
 *       compromise is scheduled on its start day;</li>
 *   <li>compromises and lateral-movement successes: they wait in a primitive {@link EventQueue}; a
 *       {@link Propagation} step, scheduled on each day that has pending compromises, carries them
 *       out;</li>
 *   <li>detection (ransomware: detonation), outage and recovery: each compromise schedules its
 *       transitions into per-day buckets, which an end-of-day step ({@link DayEnd}, at
 *       {@code t + 0.5}) applies to each firm's {@link FirmStatus} and the daily counts. This is
 *       how a display steps the model ({@link #stepDay()}). {@link #run()}, which only needs the
 *       record, keeps no per-firm status: each compromise's detection and outage times are in the
 *       record, and the same daily counts come from it in one pass at the end
 *       ({@link DailyCounts}), saving two random memory accesses per compromise on a large
 *       outbreak.</li>
 * </ul>
 * Lateral movement is event-driven: when firm {@code i} is compromised on day {@code d} with dwell
 * {@code D}, each trust link {@code i -> j} tries once on each of the days {@code d … d+⌊D⌋−1}
 * with probability {@code q = p_type · min(1, capability · S_j)}; the first success (a geometric
 * draw) lands on the next day, so {@code j} is compromised on day {@code d + k},
 * {@code 1 ≤ k ≤ ⌊D⌋}, with probability {@code (1−q)^(k−1) q}, and the link is scheduled only
 * then. Cost grows with events, not with firms × days. With a fixed dwell {@code D} and a
 * constant {@code q = p} this is bond percolation with transmissibility {@code T = 1 − (1 − p)^D}
 * (Newman 2002, Phys. Rev. E 66, 016128). How a day's lateral movement is computed fast (in
 * batches, with caches) is {@link LateralMovement}'s business; the rules are here.
 *
 * <p>Every draw is keyed or comes from a per-process stream ({@link RandomStreams}), so a policy
 * that changes postures never shifts the draws of anything else. Consequences of a campaign that
 * reach past the last day (compromises, outages) are still recorded — they belong to the year of
 * the campaign — but the daily counts cover the year only.
 *
 * <p>The model knows nothing of files, policies or money: it takes the network, the scenario's
 * actors, each firm's {@link Posture} and the replicate's {@link RandomStreams}, and gives a
 * {@link ReplicateRecord}. A display can step it day by day with {@link #stepDay()} and read each
 * firm's {@link #firmStatus(int)}.
 */
public final class ReplicateModel extends SimState {
    private static final long serialVersionUID = 1L;
    /** Schedule orderings within a day: campaigns enter before pending compromises are processed. */
    static final int ORDER_CAMPAIGN = 0;
    static final int ORDER_PROPAGATION = 1;
    /** The end-of-day step runs at {@code t + DAY_END}, after every compromise of day {@code t}. */
    static final double DAY_END = 0.5;

    final transient Scenario scenario;
    final transient SupplyNetwork network;
    final transient Posture posture;
    final transient RandomStreams streams;
    private transient AttackSurface surface;
    private final transient double[] trustDailyProbability;
    private final transient DoubleUnaryOperator[] recoveryBySize;
    private transient EventQueue pending;
    /** The pending compromises' day arrays lent by the run's workspaces for one {@link #run()}; null when none is lent. */
    private transient IntArrayPool dayArrays;
    private final transient List<CampaignState> campaigns = new ArrayList<>();
    private transient ReplicateRecord record;
    /** Per-firm status day by day, kept only when the model is stepped ({@link #stepDay()}, a display), not by {@link #run()}. */
    private transient DailyStatus status;
    private boolean stepped = true;
    private int scheduledDay = Integer.MAX_VALUE;
    /** Whether every firm's dwell scale is 1 (no policy changed it): the multiplication is then skipped. */
    private final boolean unitDwell;
    /** The day's compromises and their lateral movement (the batch sampler and its caches). */
    private final transient LateralMovement lateral;
    /** What this model's run lends it (its record's pages, the mark array), or null: its own. */
    private final transient ModelWorkspaces workspaces;
    /** The mark array of targeted reconnaissance, borrowed at its first use ({@link #reconMarks()}); null before. */
    private transient ReconMarks marks;
    /**
     * The batch of {@link #propagate}: borrowed from the workspaces at a run's first propagation and given back when
     * {@link #run()} ends (a stepped model borrows one per propagation); the model's own without workspaces.
     */
    private transient LateralMovement.Batch runBatch;
    /** The schedule of {@link #run()} (MASON's order without its locks and key objects); null when stepped, which uses MASON's. */
    private transient RunSchedule runSchedule;
    /** Starts whose priming of {@link #random} ({@link SimState#start()}'s) is still owed: a run pays it at its first shuffle, if any. */
    private int primesOwed;
    /** Each model's steps hold nothing but the model, so one of each serves every day. */
    private final transient DayEnd dayEnd = new DayEnd(this);
    private final transient Propagation propagation = new Propagation(this);

    /** A model that computes the network's {@link AttackSurface} when a targeted or mass-exploit actor first needs it. */
    public ReplicateModel(Scenario scenario, SupplyNetwork network, Posture posture, RandomStreams streams) {
        this(scenario, network, posture, streams, null);
    }

    /**
     * A model sharing {@code surface} (computed once per network with {@link AttackSurface#of}),
     * so that many replicates of a large network do not each recompute it.
     */
    public ReplicateModel(Scenario scenario, SupplyNetwork network, Posture posture, RandomStreams streams, AttackSurface surface) {
        this(scenario, network, posture, streams, surface, null);
    }

    /**
     * As above, borrowing its record's pages and its mark array from {@code workspaces} (its run's, shared
     * by the run's models on any thread) and giving them back when {@link #run()} ends and the record is
     * recycled; null: a model of its own, whose arrays go with it.
     */
    public ReplicateModel(Scenario scenario, SupplyNetwork network, Posture posture, RandomStreams streams, AttackSurface surface,
                          ModelWorkspaces workspaces) {
        super(streams.seed(Stream.ARRIVALS));
        this.workspaces = workspaces;
        this.scenario = scenario;
        this.network = network;
        this.posture = posture;
        this.streams = streams;
        this.surface = surface;
        this.trustDailyProbability = new double[TrustType.values().length];
        for (var e : scenario.trustDailyProbability().entrySet()) trustDailyProbability[e.getKey().ordinal()] = e.getValue();
        this.recoveryBySize = new DoubleUnaryOperator[SizeClass.values().length];
        for (SizeClass s : SizeClass.values()) recoveryBySize[s.ordinal()] = quantileFunction(scenario.defaults(s).recoveryDays());
        this.unitDwell = allOnes(posture.dwellScale());
        this.lateral = new LateralMovement(network, posture, trustDailyProbability, streams.keyed(Stream.LATERAL));
    }

    private static boolean allOnes(double[] values) {
        for (double v : values) if (v != 1.0) return false;
        return true;
    }

    /** Runs the whole replicate and returns what happened. */
    public ReplicateRecord run() {
        stepped = false;
        try {
            start();
            while (runSchedule.step(this)) {
                // each step processes one day's campaigns or compromises
            }
            finish();
        } finally {
            giveBackMarks();
            giveBackBatch();
            if (dayArrays != null) workspaces.giveBack(dayArrays);
            dayArrays = null;
        }
        int[] compromised = new int[scenario.days()], down = new int[scenario.days()];
        DailyCounts.count(record, network.firmCount(), compromised, down);
        record.dailyCounts(compromised, down);
        return record;
    }

    /**
     * Advances the schedule to the end of the next day (after {@link #start()}), so that
     * {@link #firmStatus(int)} reads that day. After the last day it runs what is still pending
     * (compromises past the year end) and returns false.
     */
    public boolean stepDay() {
        int target = status.day() + 1;
        if (target >= scenario.days()) {
            while (schedule.step(this)) {
                // consequences past the year end
            }
            return false;
        }
        while (status.day() < target && schedule.step(this)) {
            // campaigns and compromises of the day, then its end
        }
        return true;
    }

    /** The last day whose end has been processed, or -1 before the first. */
    public int statusDay() { return status.day(); }

    /** The firm's status during day {@link #statusDay()}. */
    public FirmStatus firmStatus(int firm) { return status.status(firm); }

    /** The record so far (complete after {@link #run()}). */
    public ReplicateRecord record() { return record; }

    public SupplyNetwork network() { return network; }

    @Override
    public void start() {
        if (stepped) {
            primedRandom();
            super.start(); // primes the generator and resets MASON's schedule, which steps the model
            runSchedule = null;
        } else {
            primesOwed++;
            runSchedule = new RunSchedule(this::primedRandom);
        }
        int days = scenario.days();
        record = new ReplicateRecord(days, workspaces);
        // stepped day by day (a display): per-firm status kept as days end; run to the end: counts from the record once
        status = stepped ? new DailyStatus(network.firmCount(), days) : null;
        if (stepped) record.dailyCounts(status.dailyCompromised, status.dailyDown);
        // run to the end on a run's workspaces: the day arrays are lent until run() ends (a display's stepping keeps its own)
        if (!stepped && workspaces != null && dayArrays == null) dayArrays = workspaces.borrowDayArrays();
        pending = stepped || workspaces == null ? new EventQueue() : new EventQueue(dayArrays, days + 1);
        campaigns.clear();
        scheduledDay = Integer.MAX_VALUE;
        List<ActorSpec> actors = scenario.actors();
        // campaign arrivals: Poisson per actor, from the actor's own arrival stream
        for (int a = 0; a < actors.size(); a++) {
            ActorSpec actor = actors.get(a);
            MersenneTwisterFast rng = streams.generator(Stream.ARRIVALS, a);
            int n = Samplers.poisson(actor.campaignsPerYear() * days / 365.0, rng);
            for (int k = 0; k < n; k++) {
                int day = rng.nextInt(days);
                CampaignState c = new CampaignState(campaigns.size(), a, actor.effect(), actor.capability(), actor.dwellDays(), network.firmCount());
                campaigns.add(c);
                at(day, ORDER_CAMPAIGN, new Campaign(this, c, actor));
            }
        }
        for (InitialCompromise ic : scenario.initialCompromises()) {
            int firm = network.indexOf(ic.firmId());
            if (firm < 0) continue; // refused by Networks.checkReferences before any run
            CampaignState c = new CampaignState(campaigns.size(), -1, ic.effect(), 1.0, ic.dwellDays(), network.firmCount());
            campaigns.add(c);
            at(ic.day(), ORDER_CAMPAIGN, new InitialEntry(this, c, firm));
        }
        // end-of-day steps also when nothing reads them (run()): they are part of the schedule's
        // structure, on which MASON's shuffling of same-day campaigns draws, so both ways give the same record
        at(DAY_END, ORDER_CAMPAIGN, dayEnd);
    }

    /** Schedules {@code step} once at {@code time} with {@code ordering}: on the run's schedule, or on MASON's when stepped. */
    private void at(double time, int ordering, Steppable step) {
        if (runSchedule != null) runSchedule.scheduleOnce(time, ordering, step);
        else schedule.scheduleOnce(time, ordering, step);
    }

    /** The time of the step being stepped. */
    double time() { return runSchedule != null ? runSchedule.time() : schedule.getTime(); }

    /** The generator MASON shuffles same-time steps with, primed as {@link SimState#start()} primes it, once per start. */
    private ec.util.MersenneTwisterFast primedRandom() {
        for (; primesOwed > 0; primesOwed--) primeGenerator(random);
        return random;
    }

    /** The network's attack surface, computed on first use when none was given. */
    AttackSurface surface() {
        if (surface == null) surface = AttackSurface.of(network);
        return surface;
    }

    /** Schedules a compromise of {@code firm} on {@code day} by campaign {@code campaignId}. */
    void enqueue(int day, int firm, int campaignId, int source, int link) {
        pending.push(day, firm, campaignId, source, link);
        if (day < scheduledDay) {
            scheduledDay = day;
            at(day, ORDER_PROPAGATION, propagation);
        }
    }

    /**
     * Carries out all compromises pending for the current day, then schedules the next pending day.
     * The day is processed in stages over the whole batch, each a simple loop over independent
     * firms, so that the processor overlaps their memory accesses (on a network of a million firms
     * almost every access to a firm's row or posture misses the cache): first the day's events,
     * keeping the first per (campaign, firm) in the order they were pushed; then each compromise's
     * dwell, record and status; then the lateral movement of all of them ({@link LateralMovement#spread}). The
     * outcome is the one of processing the events one by one: the draws are keyed, and the only
     * events the staging drops are those to firms compromised later the same day by the same
     * campaign, which processing would have discarded.
     */
    void propagate(int today) {
        if (today != scheduledDay) return; // superseded by an earlier-scheduled step
        int n = 0;
        LateralMovement.Batch batch = borrowBatch();
        while (!pending.isEmpty() && pending.peekDay() == today) {
            pending.pop();
            int firm = pending.firm();
            CampaignState c = campaigns.get(pending.campaign());
            // written always, kept when new to the campaign: no branch on whether an earlier event got there first
            batch.put(n, firm, c.id, pending.source(), pending.link());
            n += c.unhit(firm);
            c.markHit(firm);
        }
        for (int k = 0; k < n; k++) batch.maxOffset[k] = compromise(today, batch.firm[k], campaigns.get(batch.campaign[k]), batch.source[k], batch.link[k]);
        lateral.spread(this, today, n, batch);
        if (stepped) giveBackBatch();
        scheduledDay = Integer.MAX_VALUE;
        if (!pending.isEmpty()) {
            scheduledDay = pending.peekDay();
            at(scheduledDay, ORDER_PROPAGATION, propagation);
        }
    }

    /** Ends day {@code t}: applies its detections, outages and recoveries, and schedules the next day's end. */
    void endDay(int t) {
        if (status != null) status.endDay(t);
        if (t + 1 < scenario.days()) at(t + 1 + DAY_END, ORDER_CAMPAIGN, dayEnd);
    }

    /** The campaign with this id. */
    CampaignState campaign(int id) { return campaigns.get(id); }

    /** The probability that one attempt by this campaign on {@code firm} succeeds. */
    double successProbability(CampaignState c, int firm) {
        return Math.min(1.0, c.capability * posture.successProbability()[firm]);
    }

    /** A campaign's entry attempt on {@code firm} on {@code day}: succeeds with the keyed uniform below {@code S}. */
    void attempt(CampaignState c, int day, int firm) {
        if (streams.uniform(Stream.SUCCESS, c.id, firm) < successProbability(c, firm)) enqueue(day, firm, c.id, -1, -1);
    }

    /**
     * Compromises {@code firm} (already marked as hit by {@code c}): draws its dwell and, for
     * ransomware, its recovery, schedules its status changes (when the model is stepped) and
     * records it. Returns the number of days {@code ⌊dwell⌋} on which its trust links may carry the
     * actor further.
     */
    private int compromise(int day, int firm, CampaignState c, int source, int link) {
        double drawn = c.dwell.kind() == DistributionSpec.Kind.FIXED ? c.dwell.a() : c.dwellQuantile.applyAsDouble(streams.uniform(Stream.DWELL, c.id, firm));
        double dwell = unitDwell ? drawn : drawn * posture.dwellScale()[firm];
        double detect = day + dwell;
        double outageEnd = Double.NaN;
        if (status != null) status.compromise(firm, day, detect);
        if (c.effect == ActorSpec.Effect.RANSOMWARE) {
            double days = recoveryBySize[network.sizeClass(firm).ordinal()].applyAsDouble(streams.uniform(Stream.RECOVERY, c.id, firm))
                    * posture.recoveryScale()[firm] * network.attribute(FirmAttribute.RECOVERY_SCALE, firm);
            outageEnd = detect + days;
            if (status != null) status.outage(firm, detect, outageEnd);
        }
        record.add(firm, c.id, c.actor, day, source, link,
                c.effect == ActorSpec.Effect.RANSOMWARE ? ReplicateRecord.RANSOMWARE : ReplicateRecord.DATA_THEFT, detect, outageEnd);
        return (int) Math.min(Math.floor(dwell), Integer.MAX_VALUE / 2);
    }

    private double meanSuccess = Double.NaN, maxSuccess;

    /** The mean success probability over all firms at this model's posture (what an adaptive opportunistic actor compares with). */
    double meanSuccessProbability() {
        if (Double.isNaN(meanSuccess)) {
            double[] s = posture.successProbability();
            double max = 0;
            for (double x : s) max = Math.max(max, x);
            maxSuccess = max;
            meanSuccess = AdaptiveAttempts.mean(s, null);
        }
        return meanSuccess;
    }

    /** The largest success probability at this model's posture. */
    double maxSuccessProbability() {
        meanSuccessProbability();
        return maxSuccess;
    }

    /**
     * The day's batch ({@link LateralMovement.Batch}), borrowed from the run's {@link ModelWorkspaces} at the run's
     * first {@link #propagate} and given back when {@link #run()} ends (by a stepped model, at the end of each
     * propagation), so a large outbreak's grown arrays serve the run's next days and replicates instead of being
     * allocated, zeroed and grown again; without workspaces, the model's own. Borrowed once per run rather than once
     * per propagation, as before 0.12.0's twentieth pass: each borrowing and giving back takes the lender's lock, which
     * both workers share, and a replicate propagates on dozens of days for each policy.
     */
    private LateralMovement.Batch borrowBatch() {
        if (runBatch == null) runBatch = workspaces != null ? workspaces.borrowBatch() : new LateralMovement.Batch();
        return runBatch;
    }

    private void giveBackBatch() {
        if (runBatch != null && workspaces != null) {
            workspaces.giveBack(runBatch);
            runBatch = null;
        }
    }

    /**
     * The mark array for breadth-first searches of targeted reconnaissance: borrowed from the run's
     * {@link ModelWorkspaces} at the first search and given back when {@link #run()} ends, so the
     * models of a run reuse a few arrays (an array per model cost 4 bytes per firm each time a targeted
     * actor reconnoitred). A firm is marked when its entry equals the search's stamp, and every search
     * takes a stamp never used before in the array, so no clearing is needed between searches, whichever
     * model used the array before.
     */
    ReconMarks reconMarks() {
        if (marks == null) marks = workspaces != null ? workspaces.borrowMarks() : new ReconMarks();
        return marks;
    }

    private void giveBackMarks() {
        if (marks != null && workspaces != null) workspaces.giveBack(marks);
        marks = null;
    }

    /** A mark array and the last stamp it handed out. */
    static final class ReconMarks {
        private int[] mark = new int[0];
        private int stamp;

        ReconMarks() {}

        /** Marks whose last stamp handed out was {@code stamp} (to test what happens when the stamps run out). */
        ReconMarks(int firms, int stamp) {
            this.mark = new int[firms];
            this.stamp = stamp;
        }

        /** The array for a network of {@code firms} firms (a new one, zeroed, for another size). */
        int[] array(int firms) {
            if (mark.length != firms) {
                mark = new int[firms];
                stamp = 0;
            }
            return mark;
        }

        /** A stamp not yet in the array (after the last one, the array is cleared and they start again). */
        int nextStamp() {
            if (stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(mark, 0);
                stamp = 0;
            }
            return ++stamp;
        }
    }

    /**
     * The inverse CDF of a duration distribution ({@link DistributionSpec#quantile}), with the gamma
     * case's Commons Math {@code GammaDistribution} built once rather than on every draw; the same
     * values either way.
     */
    static DoubleUnaryOperator quantileFunction(DistributionSpec d) {
        if (d.kind() == DistributionSpec.Kind.GAMMA) {
            GammaDistribution gamma = new GammaDistribution(null, d.a(), d.b());
            return gamma::inverseCumulativeProbability;
        }
        return d::quantile;
    }

    /** A campaign's bookkeeping: which firms it has compromised (a firm is compromised once per campaign). */
    static final class CampaignState {
        final int id;
        final int actor;
        final ActorSpec.Effect effect;
        final double capability;
        final DistributionSpec dwell;
        final DoubleUnaryOperator dwellQuantile;
        private final int firms;
        /** One bit per firm: compromised by this campaign (null until its first compromise: most campaigns get nowhere). */
        private long[] hit;

        CampaignState(int id, int actor, ActorSpec.Effect effect, double capability, DistributionSpec dwell, int firms) {
            this.id = id;
            this.actor = actor;
            this.effect = effect;
            this.capability = capability;
            this.dwell = dwell;
            this.dwellQuantile = quantileFunction(dwell);
            this.firms = firms;
        }

        boolean hit(int firm) { return hit != null && (hit[firm >>> 6] & 1L << firm) != 0; }

        /** 1 if this campaign has not compromised {@code firm}, else 0: {@code !hit(firm)} as a number, for loops without a branch on it. */
        int unhit(int firm) { return hit == null ? 1 : (int) (~hit[firm >>> 6] >>> firm) & 1; }

        void markHit(int firm) {
            if (hit == null) hit = new long[(firms + 63) >>> 6];
            hit[firm >>> 6] |= 1L << firm;
        }
    }

    /** The MASON step that processes one day's pending compromises. */
    static final class Propagation implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient ReplicateModel model;
        Propagation(ReplicateModel model) { this.model = model; }
        @Override public void step(SimState state) { model.propagate((int) model.time()); }
    }

    /** The MASON step that ends a day: detections, outages and recoveries. */
    static final class DayEnd implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient ReplicateModel model;
        DayEnd(ReplicateModel model) { this.model = model; }
        @Override public void step(SimState state) { model.endDay(day(model.time())); }
    }

    /**
     * {@code (int) Math.floor(time)}, with a cast where that is the same (time at or above 0: the cast rounds toward
     * 0): under the README's C1-only JIT {@code Math.floor} is {@code StrictMath}'s Java code, 1 % of the replicate
     * workers' CPU on japan-manufacturing when every day's end took it.
     */
    static int day(double time) {
        return time >= 0 ? (int) time : (int) Math.floor(time);
    }

    /** The MASON step of a stress-test seed: the firm is compromised on its day, with no attempt needed. */
    static final class InitialEntry implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient ReplicateModel model;
        private final transient CampaignState campaign;
        private final int firm;
        InitialEntry(ReplicateModel model, CampaignState campaign, int firm) {
            this.model = model;
            this.campaign = campaign;
            this.firm = firm;
        }
        @Override public void step(SimState state) {
            int day = (int) model.time();
            model.record().campaignStarted(campaign.id, day, campaign.actor);
            model.enqueue(day, firm, campaign.id, -1, -1);
        }
    }
}
