package weaklink.economics;

import java.util.Arrays;
import java.util.List;
import weaklink.economics.ReplicateLosses.Component;
import weaklink.economics.ReplicateLosses.FirmLosses;
import weaklink.random.RandomStreams;
import weaklink.random.RandomStreams.Stream;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
import weaklink.io.Lender;
import weaklink.network.Portfolio;
import weaklink.network.SupplyNetwork;
import weaklink.production.IntMap;
import weaklink.production.ProductionCascade;
import weaklink.production.ShortfallProfile;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;

/**
 * Turns a replicate's compromises and outages into money (DESIGN §1 "Losses"), per firm and per
 * campaign, and attributes every yen to the firm (and its group) that lost it, by component.
 *
 * <ul>
 *   <li>incident response and recovery: {@code (fixed + share × revenue) × ε}, with lognormal
 *       noise {@code ε = exp(σZ − σ²/2)} of mean 1;</li>
 *   <li>ransom (ransomware): paid with the firm's propensity, {@code ransom share × revenue};</li>
 *   <li>data breach (data theft): {@code records × cost per record × ε};</li>
 *   <li>business interruption (BI): the firm's own lost production, {@code ∫ own shortfall(t) dt ×
 *       daily value added}, where the shortfall is {@code 1 − workaround share} during an outage and
 *       {@code 1 − max(workaround, manual-operation share)} once manual operation starts
 *       ({@link ProductionCascade#outageShortfall}); overlapping outages of a firm count once;</li>
 *   <li>contingent business interruption (CBI): a buyer's production lost for want of inputs beyond
 *       its own outage, {@code lost days-equivalent × daily value added}
 *       ({@link ProductionCascade}, after Inoue &amp; Todo 2019), borne by the buyer.</li>
 * </ul>
 * Daily value added is {@code revenue × value-added share / 365}.
 *
 * <p>Annual figures: a replicate runs {@code days} days; every loss (total, by component, group and
 * firm, and the insured part) is reported per year, multiplied by {@code 365 / days}, so a run of
 * 730 days gives the same annual loss as one of 365 in expectation. The costliest single event
 * (the OEP basis) and the event loss table are events' losses and are not scaled. Insurance is
 * settled on the run's own claims (deductibles per claim, the limit per firm over the run), then scaled.
 *
 * <p>Losses are kept per (firm, event); an event is a campaign, or the campaigns of one actor within
 * the scenario's event window ({@link EventLosses#eventOfCampaign}). Insurance ({@link Insurance}):
 * each (firm, event) pair is one claim; the insured loss is what insurers pay on all claims. A
 * firm's CBI is split over the events that caused it in proportion to the CBI each event would
 * have caused alone (or, if none would have alone, to the events' own lost production); this is
 * also how CBI enters the largest single event and the event loss table ({@link EventLosses}).
 *
 * <p>A policy's waiting period ({@link Insurance.Terms#waitingPeriodHours}) is measured on the
 * outage's own time line, which is continuous (outages start and end at fractional days; a day is
 * 24 hours): the BI not covered is {@code ∫ own shortfall(t) dt} over the first {@code W/24} days of
 * each outage; for CBI of a firm without an outage of its own, the first {@code W/24} days of its
 * shortfall; a firm that is down itself has served its waiting period on that interruption.
 *
 * <p>Why one class of about 460 lines: it is one pass over a replicate's record, firm by firm in
 * start order, and its private tables ({@code EventTable}, {@code Outages}) are that pass's working
 * state. The parts that stand alone are already apart: {@link Insurance}, {@link EventLosses},
 * {@link LossLedger}, {@link ProductionCascade}.
 */
public final class LossModel {
    static final int COMPONENTS = Component.values().length;
    /** The size classes, once ({@code SizeClass.values()} copies its array at every call: once per firm in {@link #group}). */
    private static final SizeClass[] SIZE_CLASSES = SizeClass.values();
    private final Scenario scenario;
    private final SupplyNetwork net;
    private final int tierGroups;
    private final ProductionCascade cascade;
    private final Insurance insurance;
    private final SummarySets summarySets;
    /** The incident-cost noise's σ by size class (its ordinal). */
    private final double[] incidentSigma;
    /**
     * Ledgers and direct-loss arrays ({@link Workspace}) given back by finished {@link #losses} calls, lent
     * to the next ones: as many as ran at once, reused by the run's replicates on any thread, and gone with
     * this model ({@link Lender}).
     */
    private final Lender<Workspace> workspaces = new Lender<>(Workspace::new);

    /** The loss model of the market's insurance alone (no insurer's book). */
    public LossModel(Scenario scenario, SupplyNetwork network) {
        this(scenario, network, null);
    }

    /** The loss model with {@code book} (if not null) as the insurer's own book. */
    public LossModel(Scenario scenario, SupplyNetwork network, Portfolio book) {
        this.scenario = scenario;
        this.net = network;
        this.tierGroups = network.maxTier() + 1;
        this.cascade = new ProductionCascade(network, scenario.economics().production());
        this.insurance = new Insurance(network, book);
        this.summarySets = new SummarySets(network);
        this.incidentSigma = new double[SizeClass.values().length];
        for (SizeClass c : SizeClass.values()) incidentSigma[c.ordinal()] = scenario.defaults(c).incidentSigma();
    }

    /** The summary sets of the event loss tables. */
    public SummarySets summarySets() { return summarySets; }

    /** The market's insurance and the insurer's book. */
    public Insurance insurance() { return insurance; }

    /** Number of loss groups: tiers × size classes. */
    public int groupCount() { return tierGroups * SIZE_CLASSES.length; }

    /** The group of a firm: {@code tier × 4 + size class}. */
    public int group(int firm) { return net.tier(firm) * SIZE_CLASSES.length + net.sizeClass(firm).ordinal(); }

    /** Label of a group index, e.g. {@code tier1-small}. */
    public static String groupTier(int group) { return Integer.toString(group / SIZE_CLASSES.length); }

    public static SizeClass groupSize(int group) { return SIZE_CLASSES[group % SIZE_CLASSES.length]; }

    /** The losses of one replicate: by component, by group and by firm, with the insured part. */
    public ReplicateLosses losses(ReplicateRecord record, RandomStreams streams) {
        return losses(record, streams, true);
    }

    /**
     * {@link #losses(ReplicateRecord, RandomStreams)}, with the losses by firm ({@link ReplicateLosses#firms()}) only when
     * {@code byFirm}: without them everything else is the same, and a large outbreak's replicate does not allocate
     * six arrays over the firms that lost anything (about 30 MB for 582,000 firms) that its caller would not read.
     */
    public ReplicateLosses losses(ReplicateRecord record, RandomStreams streams, boolean byFirm) {
        int[] eventOf = EventLosses.eventOfCampaign(record, scenario.insurance().events());
        Workspace work = workspaces.borrow();
        try {
            LossLedger ledger = work.ledger(record.size(), net.firmCount());
            Outages outages = directLosses(record, streams, ledger, eventOf, work);
            if (scenario.economics().cascade() && outages.size() > 0) contingentLosses(outages, ledger, work.cascade(cascade));
            return settle(ledger, record, byFirm); // the losses are new arrays: nothing of the workspace is in them
        } finally {
            workspaces.giveBack(work);
        }
    }

    /** The workspaces given back and held for the next calls, for tests. */
    List<Object> heldWorkspaces() { return List.copyOf(workspaces.held()); }

    /**
     * Incident response and recovery of one compromise of {@code firm} before its noise:
     * {@code fixed + share × revenue}; also its expected value, since the noise has mean 1.
     */
    public double incidentYen(int firm) {
        return net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, firm) + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, firm) * net.revenueYen(firm);
    }

    /** The ransom {@code firm} pays when it pays (with its propensity): {@code ransom share × revenue}. */
    public double ransomYen(int firm) {
        return net.attribute(FirmAttribute.RANSOM_REVENUE_SHARE, firm) * net.revenueYen(firm);
    }

    /** The expected ransom of one ransomware compromise of {@code firm}: {@code propensity × ransom share × revenue}. */
    public double expectedRansomYen(int firm) {
        return net.attribute(FirmAttribute.RANSOM_PROPENSITY, firm) * ransomYen(firm);
    }

    /** A data breach of {@code firm} before its noise: {@code records × cost per record}; also its expected value. */
    public double breachYen(int firm) {
        return net.attribute(FirmAttribute.RECORDS, firm) * scenario.economics().costPerRecordYen();
    }

    /**
     * The business interruption of {@code firm}'s outages {@code [starts[k], ends[k])}: its own
     * shortfall over time (each outage's {@link ProductionCascade#outageShortfall}, with manual
     * operation; overlapping outages count once, the larger shortfall binding) integrated, times
     * its daily value added.
     */
    public double businessInterruptionYen(int firm, double[] starts, double[] ends) {
        ShortfallProfile merged = ShortfallProfile.NONE;
        for (int k = 0; k < starts.length; k++) merged = ShortfallProfile.max(merged, ProductionCascade.outageShortfall(net, firm, starts[k], ends[k]));
        return merged.integral() * net.dailyValueAddedYen(firm);
    }

    /**
     * Incident, ransom, breach and BI per (firm, event); returns the outages for the cascade.
     *
     * <p>In stages over the record in (firm, start) order, so that a large outbreak's scattered
     * reads of the record and its noise draws are simple loops over independent items the
     * processor overlaps: the order and its firms; each position's campaign, effect and outage end
     * gathered from the record; each compromise's incident noise; then the ledger, in that order
     * (the same amounts added in the same order as one pass would).
     */
    private Outages directLosses(ReplicateRecord record, RandomStreams streams, LossLedger ledger, int[] eventOf, Workspace work) {
        int n = record.size();
        work.ensure(n);
        // a firm's overlapping outages are charged once: process its records in start order and charge each the increment
        int[] firms = work.firms = record.firmsByFirm(work.firms);
        int[] order = work.order = byFirmThenStart(record, firms, record.positionsByFirm(work.order));
        int[] campaign = work.campaign;
        byte[] effect = work.effect;
        // a record without outages (data theft) has only NaN outage ends: none gathered, none read
        boolean anyOutage = record.outages() > 0;
        double[] outageEnd = anyOutage ? work.outageEnd() : null;
        for (int idx = 0; idx < n; idx++) {
            int k = order[idx];
            campaign[idx] = record.campaign(k);
            effect[idx] = record.effect(k);
            if (anyOutage) outageEnd[idx] = record.outageEnd(k);
        }
        double[] noise = work.noise, sigma = work.sigma;
        for (int idx = 0; idx < n; idx++) {
            int f = firms[idx];
            noise[idx] = streams.uniform(Stream.INCIDENT_COST, campaign[idx], f);
            sigma[idx] = incidentSigma[net.sizeClass(f).ordinal()];
        }
        IncidentNoise.fill(noise, sigma, n, noise);
        Outages outages = new Outages(record.outages());
        int lastFirm = -1;
        ShortfallProfile firmShortfall = ShortfallProfile.NONE;
        for (int idx = 0; idx < n; idx++) {
            int f = firms[idx];
            if (f != lastFirm) {
                lastFirm = f;
                firmShortfall = ShortfallProfile.NONE;
            }
            int c = campaign[idx];
            int entry = ledger.entry(f, eventOf[c]);
            ledger.add(entry, Component.INCIDENT, incidentYen(f) * noise[idx]);
            if (effect[idx] == ReplicateRecord.RANSOMWARE) {
                if (streams.uniform(Stream.RANSOM, c, f) < net.attribute(FirmAttribute.RANSOM_PROPENSITY, f)) {
                    ledger.add(entry, Component.RANSOM, ransomYen(f));
                }
            } else {
                ledger.add(entry, Component.BREACH, breachYen(f) * noise[idx]);
            }
            if (anyOutage && !Double.isNaN(outageEnd[idx])) {
                double start = record.outageStart(order[idx]);
                ShortfallProfile own = ProductionCascade.outageShortfall(net, f, start, outageEnd[idx]);
                ShortfallProfile merged = ShortfallProfile.max(firmShortfall, own);
                double bi = Math.max(0, merged.integral() - firmShortfall.integral()) * net.dailyValueAddedYen(f);
                ledger.add(entry, Component.BI, bi);
                double waitingDays = waitingDays(f);
                if (waitingDays > 0) {
                    ledger.addWaiting(entry, false, Math.min(bi, own.integralBetween(start, start + waitingDays) * net.dailyValueAddedYen(f)));
                }
                firmShortfall = merged;
                outages.add(f, eventOf[c], own);
            }
        }
        return outages;
    }

    /**
     * The record's positions sorted by firm, then by outage start, ties in record order (a stable
     * sort): the record's positions by firm ({@code order}, sorted in place and returned), then an
     * insertion sort by start within each firm's few records ({@code firms}: the firm at each
     * position of that order, which this sort keeps).
     */
    private static int[] byFirmThenStart(ReplicateRecord record, int[] firms, int[] order) {
        int n = record.size();
        for (int from = 0, to; from < n; from = to) {
            int f = firms[from];
            for (to = from + 1; to < n && firms[to] == f; to++) {
                int k = order[to];
                double start = record.outageStart(k);
                int i = to;
                for (; i > from && Double.compare(record.outageStart(order[i - 1]), start) > 0; i--) order[i] = order[i - 1];
                order[i] = k;
            }
        }
        return order;
    }

    /** The waiting period of {@code firm}'s policy in days (0 when it has none). */
    private double waitingDays(int firm) {
        if (insurance.book() == null || insurance.book().positionOf(firm) < 0) return 0;
        return insurance.terms(firm).waitingPeriodHours() / 24.0;
    }

    /** CBI of every buyer the outages reach, split over the events that caused it, into the ledger. */
    private void contingentLosses(Outages outages, LossLedger ledger, ProductionCascade.Workspace index) {
        ProductionCascade.Result all = outages.cascade(cascade, index);
        int[] events = outages.events();
        ProductionCascade.Result[] alone = new ProductionCascade.Result[events.length];
        double[] ownDays = new double[events.length];
        if (events.length > 1) {
            for (int j = 0; j < events.length; j++) {
                Outages o = outages.of(events[j]);
                alone[j] = o.cascade(cascade, index);
                ownDays[j] = o.integral();
            }
        }
        double[] weight = new double[events.length];
        // all and alone[j] list firms in increasing order: walk them together instead of searching
        int[] cursor = new int[events.length];
        for (int k = 0; k < all.size(); k++) {
            double days = all.cbiLostDays(k);
            if (days <= 0) continue;
            int f = all.firm(k);
            double yen = days * net.dailyValueAddedYen(f);
            double waiting = 0;
            double waitingDays = waitingDays(f);
            if (waitingDays > 0 && all.ownLostDays(k) <= 0) {
                ShortfallProfile shortfall = all.shortfall(f);
                waiting = Math.min(yen, shortfall.integralBetween(shortfall.start(), shortfall.start() + waitingDays) * net.dailyValueAddedYen(f));
            }
            if (events.length == 1) {
                int entry = ledger.entry(f, events[0]);
                ledger.add(entry, Component.CBI, yen);
                if (waiting > 0) ledger.addWaiting(entry, true, waiting);
                continue;
            }
            double sum = 0;
            for (int j = 0; j < events.length; j++) {
                ProductionCascade.Result r = alone[j];
                while (cursor[j] < r.size() && r.firm(cursor[j]) < f) cursor[j]++;
                sum += weight[j] = cursor[j] < r.size() && r.firm(cursor[j]) == f ? r.cbiLostDays(cursor[j]) : 0;
            }
            if (sum <= 0) {
                System.arraycopy(ownDays, 0, weight, 0, ownDays.length);
                for (double w : weight) sum += w;
            }
            for (int j = 0; j < events.length; j++) {
                if (weight[j] <= 0) continue;
                int entry = ledger.entry(f, events[j]);
                ledger.add(entry, Component.CBI, yen * weight[j] / sum);
                if (waiting > 0) ledger.addWaiting(entry, true, waiting * weight[j] / sum);
            }
        }
    }

    /**
     * Sums the ledger by component, group, firm and event, in (firm, event) order; pays insurance
     * claims; annualises; and keeps each event's ground-up and insured loss by summary cell
     * ({@link EventLosses}, not scaled: an event's loss is what it cost). The losses by firm only when {@code byFirm}.
     */
    private ReplicateLosses settle(LossLedger ledger, ReplicateRecord record, boolean byFirm) {
        double annual = 365.0 / scenario.days();
        int m = ledger.firms();
        int[] slots = ledger.slotsByFirm();
        double[] total = new double[COMPONENTS];
        double[][] byGroup = new double[COMPONENTS][groupCount()];
        double[] groupLoss = new double[groupCount()];
        double[] eventLoss = new double[ledger.eventBound()];
        int[] firmIndex = byFirm ? new int[m] : null;
        double[][] components = byFirm ? new double[COMPONENTS][m] : null;
        double[] insuredByFirm = byFirm ? new double[m] : null;
        double[] covered = new double[4], paidPerClaim = new double[4], claimLoss = new double[4];
        double[][] claimParts = new double[5][4];
        double[] sum = new double[COMPONENTS];
        double insured = 0;
        Portfolio book = insurance.book();
        EventTable table = new EventTable(ledger.eventBound(), summarySets.cells());
        EventLosses.Claims claimRows = book == null ? null : new EventLosses.Claims();
        int[] cells = new int[summarySets.sets()];
        for (int k = 0; k < m; k++) {
            int slot = slots[k];
            int f = ledger.firm(slot);
            int[] entries = ledger.entriesByEvent(slot);
            int claims = ledger.entryCount(slot);
            if (covered.length < claims) {
                int n = Math.max(claims, 2 * covered.length);
                covered = new double[n];
                paidPerClaim = new double[n];
                claimLoss = new double[n];
                claimParts = new double[5][n];
            }
            Arrays.fill(sum, 0);
            Insurance.Terms terms = insurance.terms(f);
            int inBook = book == null ? -1 : book.positionOf(f);
            for (int j = 0; j < claims; j++) {
                int x = entries[j];
                if (inBook < 0) {
                    covered[j] = terms.coveredYen(ledger.yen(x, Component.INCIDENT), ledger.yen(x, Component.BREACH),
                            ledger.yen(x, Component.BI), ledger.yen(x, Component.CBI));
                } else {
                    claimParts[0][j] = ledger.yen(x, Component.INCIDENT);
                    claimParts[1][j] = ledger.yen(x, Component.BREACH);
                    claimParts[2][j] = Math.max(0, ledger.yen(x, Component.BI) - ledger.waiting(x, false));
                    claimParts[3][j] = Math.max(0, ledger.yen(x, Component.CBI) - ledger.waiting(x, true));
                    claimParts[4][j] = ledger.yen(x, Component.RANSOM);
                }
                double loss = 0;
                for (int c = 0; c < COMPONENTS; c++) {
                    double y = ledger.yen(x, c);
                    sum[c] += y;
                    loss += y;
                }
                claimLoss[j] = loss;
                eventLoss[ledger.event(x)] += loss;
            }
            if (inBook >= 0) terms.covered(claimParts[0], claimParts[1], claimParts[2], claimParts[3], claimParts[4], claims, covered);
            // per claim as the run's claims were settled (events are not scaled); the year's total annualised
            double paid = terms.pay(covered, claims, paidPerClaim) * annual;
            summarySets.cellsOf(net, f, cells);
            if (book == null || inBook >= 0) {
                double share = inBook >= 0 ? book.share(inBook) : 1;
                double exposure = share * terms.limitYen();
                for (int j = 0; j < claims; j++) {
                    int x = entries[j];
                    double loss = claimLoss[j];
                    table.add(ledger.event(x), cells, loss, loss > 0 ? net.revenueYen(f) : 0, share * paidPerClaim[j],
                            paidPerClaim[j] > 0 ? exposure : 0);
                    if (inBook >= 0 && (loss > 0 || paidPerClaim[j] > 0)) {
                        claimRows.add(ledger.event(x), f, loss, ledger.yen(x, Component.BI), ledger.yen(x, Component.CBI),
                                ledger.yen(x, Component.RANSOM), ledger.waiting(x, false) + ledger.waiting(x, true), paidPerClaim[j],
                                share * paidPerClaim[j]);
                    }
                }
            }
            int g = group(f);
            double firmTotal = 0;
            for (int c = 0; c < COMPONENTS; c++) {
                double y = sum[c] * annual;
                total[c] += y;
                byGroup[c][g] += y;
                firmTotal += y;
                if (byFirm) components[c][k] = y;
            }
            groupLoss[g] += firmTotal;
            insured += paid;
            if (byFirm) {
                firmIndex[k] = f;
                insuredByFirm[k] = paid;
            }
        }
        double largest = 0;
        for (double x : eventLoss) largest = Math.max(largest, x);
        return new ReplicateLosses(total[Component.INCIDENT.ordinal()], total[Component.RANSOM.ordinal()],
                total[Component.BREACH.ordinal()], total[Component.BI.ordinal()], total[Component.CBI.ordinal()], insured,
                largest, groupLoss, byGroup, byFirm ? new FirmLosses(firmIndex, components, insuredByFirm) : null, table.build(record, claimRows));
    }

    /**
     * Each event's ground-up and insured loss and exposure by summary cell, while the ledger is settled: for the few
     * cells an event touches (a firm's four), not for every cell (about 200 on japan-manufacturing, whose zeroed arrays
     * were a quarter of what the replicate workers allocated).
     */
    private static final class EventTable {
        private final int cells;
        /** Per event id: the slot of each cell (1 + index in {@link #slab}; 0: untouched); null if the event is untouched. */
        private final int[][] slotOf;
        private final long[][] touched;
        /** Four measures per slot: gul, gul exposure, il, il exposure. */
        private double[] slab = new double[4 * 64];
        private int slots;

        EventTable(int events, int cells) {
            this.cells = cells;
            this.slotOf = new int[events][];
            this.touched = new long[events][];
        }

        void add(int event, int[] cellsOfFirm, double gul, double gulExposure, double il, double ilExposure) {
            if (gul <= 0 && il <= 0) return;
            int[] slot = slotOf[event];
            if (slot == null) {
                slot = slotOf[event] = new int[cells];
                touched[event] = new long[(cells + 63) >>> 6];
            }
            for (int cell : cellsOfFirm) {
                if (slot[cell] == 0) {
                    if (4 * slots == slab.length) slab = Arrays.copyOf(slab, 2 * slab.length);
                    slot[cell] = ++slots;
                    touched[event][cell >>> 6] |= 1L << cell;
                }
                int v = 4 * (slot[cell] - 1);
                slab[v] += gul;
                slab[v + 1] += gulExposure;
                slab[v + 2] += il;
                slab[v + 3] += ilExposure;
            }
        }

        /** The events with a loss, in the order they occurred (start day, then id). */
        EventLosses build(ReplicateRecord record, EventLosses.Claims claims) {
            int n = 0;
            long[] keys = new long[slotOf.length];
            for (int id = 0; id < slotOf.length; id++) if (slotOf[id] != null) keys[n++] = (long) record.campaignDay(id) << 32 | id;
            Arrays.sort(keys, 0, n);
            int[] ids = new int[n], days = new int[n], actors = new int[n], position = new int[slotOf.length];
            int[][] slots = new int[n][];
            long[][] bits = new long[n][];
            for (int e = 0; e < n; e++) {
                int id = (int) keys[e];
                ids[e] = id;
                days[e] = record.campaignDay(id);
                actors[e] = record.campaignActor(id);
                position[id] = e;
                slots[e] = slotOf[id];
                bits[e] = touched[id];
            }
            if (claims != null) claims.toPositions(position);
            return new EventLosses(n, ids, days, actors, cells, slots, bits, slab, claims);
        }
    }

    /** Mean-one lognormal noise {@code exp(σZ − σ²/2)} from a uniform (of many at once: {@link IncidentNoise#fill}). */
    static double lognormalNoise(double u, double sigma) {
        if (sigma == 0) return 1;
        double p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
        double z = Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * p - 1);
        return Math.exp(sigma * z - sigma * sigma / 2);
    }


    /**
     * One thread's working arrays for {@link #losses}: the ledger and the direct-loss pass's
     * by-firm order, firms, campaigns, effects, outage ends, uniforms and σ, each grown to the
     * largest record it has met and reused by the run's next replicates (a major outbreak on a
     * million firms otherwise allocates and zeroes about 55 MB of them each time). Every element a
     * replicate reads is written by that replicate first: the arrays' first {@code n} elements for
     * a record of {@code n} compromises, the ledger as {@link LossLedger#reset} says.
     */
    static final class Workspace {
        private final LossLedger ledger = new LossLedger(0, 0);
        int[] firms = new int[0], order = new int[0], campaign = new int[0];
        byte[] effect = new byte[0];
        double[] noise = new double[0], sigma = new double[0];
        private double[] outageEnd = new double[0];
        /** The production cascade's index for this workspace's calls (the loss model has one cascade), made at the first that needs it. */
        private ProductionCascade.Workspace cascade;

        ProductionCascade.Workspace cascade(ProductionCascade of) {
            if (cascade == null) cascade = of.newWorkspace();
            return cascade;
        }

        /** The thread's ledger, emptied for a record of {@code expected} compromises on {@code firms} firms. */
        LossLedger ledger(int expected, int firms) {
            ledger.reset(expected, firms);
            return ledger;
        }

        /** Room for a record of {@code n} compromises (the by-firm order and firms grow as the record copies them). */
        void ensure(int n) {
            if (campaign.length >= n) return;
            campaign = new int[n];
            effect = new byte[n];
            noise = new double[n];
            sigma = new double[n];
        }

        /** The outage ends' array for a record of at most {@link #campaign}'s length (only records with outages need it). */
        double[] outageEnd() {
            if (outageEnd.length < campaign.length) outageEnd = new double[campaign.length];
            return outageEnd;
        }
    }

    /** The outages of a replicate, each with its firm, event and own shortfall, in arrays. */
    private static final class Outages {
        private int size;
        private int[] firm;
        private int[] event;
        private ShortfallProfile[] profile;

        Outages(int expected) {
            int cap = Math.max(4, expected);
            firm = new int[cap];
            event = new int[cap];
            profile = new ShortfallProfile[cap];
        }

        void add(int f, int c, ShortfallProfile p) {
            if (size == firm.length) {
                firm = Arrays.copyOf(firm, 2 * size);
                event = Arrays.copyOf(event, 2 * size);
                profile = Arrays.copyOf(profile, 2 * size);
            }
            firm[size] = f;
            event[size] = c;
            profile[size] = p;
            size++;
        }

        int size() { return size; }

        /**
         * The production cascade of these outages on the workspace's {@code index}, run on their arrays as they are
         * (copies of them, made for each cascade, were 1 % of the replicate workers' CPU on japan-manufacturing: an
         * object array's copy is a reflective call under C1).
         */
        ProductionCascade.Result cascade(ProductionCascade cascade, ProductionCascade.Workspace index) { return cascade.run(index, firm, profile, size); }

        /** The sum of the profiles' integrals, in order. */
        double integral() {
            double sum = 0;
            for (int k = 0; k < size; k++) sum += profile[k].integral();
            return sum;
        }

        /** The distinct events, increasing. */
        int[] events() {
            int[] c = Arrays.copyOf(event, size);
            Arrays.sort(c);
            int n = 0;
            for (int k = 0; k < c.length; k++) if (n == 0 || c[k] != c[n - 1]) c[n++] = c[k];
            return Arrays.copyOf(c, n);
        }

        Outages of(int c) {
            int n = 0;
            for (int k = 0; k < size; k++) if (event[k] == c) n++;
            Outages o = new Outages(n);
            for (int k = 0; k < size; k++) if (event[k] == c) o.add(firm[k], c, profile[k]);
            return o;
        }
    }
}
