package weaklink.economics;

import java.util.Arrays;
import weaklink.economics.ReplicateLosses.Component;
import weaklink.economics.ReplicateLosses.FirmLosses;
import weaklink.random.RandomStreams;
import weaklink.random.RandomStreams.Stream;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
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
 * 730 days gives the same annual loss as one of 365 in expectation. The costliest single campaign
 * (the OEP basis) is an event's loss and is not scaled. Insurance is settled on the run's own
 * claims (deductibles per claim, the limit per firm over the run), then scaled.
 *
 * <p>Insurance ({@link Insurance}): each (firm, campaign) pair is one claim; the insured loss is
 * what insurers pay on all claims. A firm's CBI is split over the campaigns that caused it in
 * proportion to the CBI each campaign would have caused alone (or, if none would have alone, to
 * the campaigns' own lost production); this is also how CBI enters the largest single event.
 */
public final class LossModel {
    static final int COMPONENTS = Component.values().length;
    private final Scenario scenario;
    private final SupplyNetwork net;
    private final int tierGroups;
    private final ProductionCascade cascade;
    private final Insurance insurance;

    public LossModel(Scenario scenario, SupplyNetwork network) {
        this.scenario = scenario;
        this.net = network;
        this.tierGroups = network.maxTier() + 1;
        this.cascade = new ProductionCascade(network, scenario.economics().production());
        this.insurance = new Insurance(network);
    }

    /** Number of loss groups: tiers × size classes. */
    public int groupCount() { return tierGroups * SizeClass.values().length; }

    /** The group of a firm: {@code tier × 4 + size class}. */
    public int group(int firm) { return net.tier(firm) * SizeClass.values().length + net.sizeClass(firm).ordinal(); }

    /** Label of a group index, e.g. {@code tier1-small}. */
    public static String groupTier(int group) { return Integer.toString(group / SizeClass.values().length); }

    public static SizeClass groupSize(int group) { return SizeClass.values()[group % SizeClass.values().length]; }

    /** The losses of one replicate: by component, by group and by firm, with the insured part. */
    public ReplicateLosses losses(ReplicateRecord record, RandomStreams streams) {
        LossLedger ledger = new LossLedger(record.size(), net.firmCount());
        Outages outages = directLosses(record, streams, ledger);
        if (scenario.economics().cascade() && outages.size() > 0) contingentLosses(outages, ledger);
        return settle(ledger);
    }

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

    /** Incident, ransom, breach and BI per (firm, campaign); returns the outages for the cascade. */
    private Outages directLosses(ReplicateRecord record, RandomStreams streams, LossLedger ledger) {
        int n = record.size();
        // a firm's overlapping outages are charged once: process its records in start order and charge each the increment
        int[] order = byFirmThenStart(record);
        Outages outages = new Outages(n);
        int lastFirm = -1;
        ShortfallProfile firmShortfall = ShortfallProfile.NONE;
        for (int idx = 0; idx < n; idx++) {
            int k = order[idx];
            int f = record.firm(k);
            if (f != lastFirm) {
                lastFirm = f;
                firmShortfall = ShortfallProfile.NONE;
            }
            int c = record.campaign(k);
            int entry = ledger.entry(f, c);
            double sigma = scenario.defaults(net.sizeClass(f)).incidentSigma();
            double noise = lognormalNoise(streams.uniform(Stream.INCIDENT_COST, c, f), sigma);
            ledger.add(entry, Component.INCIDENT, incidentYen(f) * noise);
            if (record.effect(k) == ReplicateRecord.RANSOMWARE) {
                if (streams.uniform(Stream.RANSOM, c, f) < net.attribute(FirmAttribute.RANSOM_PROPENSITY, f)) {
                    ledger.add(entry, Component.RANSOM, ransomYen(f));
                }
            } else {
                ledger.add(entry, Component.BREACH, breachYen(f) * noise);
            }
            if (record.causesOutage(k)) {
                ShortfallProfile own = ProductionCascade.outageShortfall(net, f, record.outageStart(k), record.outageEnd(k));
                ShortfallProfile merged = ShortfallProfile.max(firmShortfall, own);
                ledger.add(entry, Component.BI, Math.max(0, merged.integral() - firmShortfall.integral()) * net.dailyValueAddedYen(f));
                firmShortfall = merged;
                outages.add(f, c, own);
            }
        }
        return outages;
    }

    /**
     * The record's positions sorted by firm, then by outage start, ties in record order (a stable
     * sort): the record's positions by firm, then an insertion sort by start within each firm's few
     * records.
     */
    private static int[] byFirmThenStart(ReplicateRecord record) {
        int n = record.size();
        int[] order = record.positionsByFirm();
        for (int from = 0, to; from < n; from = to) {
            int f = record.firm(order[from]);
            for (to = from + 1; to < n && record.firm(order[to]) == f; to++) {
                int k = order[to];
                double start = record.outageStart(k);
                int i = to;
                for (; i > from && Double.compare(record.outageStart(order[i - 1]), start) > 0; i--) order[i] = order[i - 1];
                order[i] = k;
            }
        }
        return order;
    }

    /** CBI of every buyer the outages reach, split over the campaigns that caused it, into the ledger. */
    private void contingentLosses(Outages outages, LossLedger ledger) {
        ProductionCascade.Result all = cascade.run(outages.firms(), outages.profiles());
        int[] campaigns = outages.campaigns();
        ProductionCascade.Result[] alone = new ProductionCascade.Result[campaigns.length];
        double[] ownDays = new double[campaigns.length];
        if (campaigns.length > 1) {
            for (int j = 0; j < campaigns.length; j++) {
                Outages o = outages.of(campaigns[j]);
                alone[j] = cascade.run(o.firms(), o.profiles());
                for (ShortfallProfile p : o.profiles()) ownDays[j] += p.integral();
            }
        }
        double[] weight = new double[campaigns.length];
        // all and alone[j] list firms in increasing order: walk them together instead of searching
        int[] cursor = new int[campaigns.length];
        for (int k = 0; k < all.size(); k++) {
            double days = all.cbiLostDays(k);
            if (days <= 0) continue;
            int f = all.firm(k);
            double yen = days * net.dailyValueAddedYen(f);
            if (campaigns.length == 1) {
                ledger.add(ledger.entry(f, campaigns[0]), Component.CBI, yen);
                continue;
            }
            double sum = 0;
            for (int j = 0; j < campaigns.length; j++) {
                ProductionCascade.Result r = alone[j];
                while (cursor[j] < r.size() && r.firm(cursor[j]) < f) cursor[j]++;
                sum += weight[j] = cursor[j] < r.size() && r.firm(cursor[j]) == f ? r.cbiLostDays(cursor[j]) : 0;
            }
            if (sum <= 0) {
                System.arraycopy(ownDays, 0, weight, 0, ownDays.length);
                for (double w : weight) sum += w;
            }
            for (int j = 0; j < campaigns.length; j++) {
                if (weight[j] <= 0) continue;
                ledger.add(ledger.entry(f, campaigns[j]), Component.CBI, yen * weight[j] / sum);
            }
        }
    }

    /** Sums the ledger by component, group, firm and campaign, in (firm, campaign) order; pays insurance claims; annualises. */
    private ReplicateLosses settle(LossLedger ledger) {
        double annual = 365.0 / scenario.days();
        int m = ledger.firms();
        int[] slots = ledger.slotsByFirm();
        double[] total = new double[COMPONENTS];
        double[][] byGroup = new double[COMPONENTS][groupCount()];
        double[] groupLoss = new double[groupCount()];
        double[] campaignLoss = new double[ledger.campaignBound()];
        int[] firmIndex = new int[m];
        double[][] components = new double[COMPONENTS][m];
        double[] insuredByFirm = new double[m];
        double[] covered = new double[4];
        double[] sum = new double[COMPONENTS];
        double insured = 0;
        for (int k = 0; k < m; k++) {
            int slot = slots[k];
            int f = ledger.firm(slot);
            int[] entries = ledger.entriesByCampaign(slot);
            int claims = ledger.entryCount(slot);
            if (covered.length < claims) covered = new double[Math.max(claims, 2 * covered.length)];
            Arrays.fill(sum, 0);
            Insurance.Terms terms = insurance.terms(f);
            for (int j = 0; j < claims; j++) {
                int x = entries[j];
                covered[j] = terms.coveredYen(ledger.yen(x, Component.INCIDENT), ledger.yen(x, Component.BREACH),
                        ledger.yen(x, Component.BI), ledger.yen(x, Component.CBI));
                double loss = 0;
                for (int c = 0; c < COMPONENTS; c++) {
                    double y = ledger.yen(x, c);
                    sum[c] += y;
                    loss += y;
                }
                campaignLoss[ledger.campaign(x)] += loss;
            }
            double paid = terms.totalPaidYen(covered, claims) * annual;
            int g = group(f);
            double firmTotal = 0;
            for (int c = 0; c < COMPONENTS; c++) {
                double y = sum[c] * annual;
                total[c] += y;
                byGroup[c][g] += y;
                firmTotal += y;
                components[c][k] = y;
            }
            groupLoss[g] += firmTotal;
            insured += paid;
            firmIndex[k] = f;
            insuredByFirm[k] = paid;
        }
        double largest = 0;
        for (double x : campaignLoss) largest = Math.max(largest, x);
        return new ReplicateLosses(total[Component.INCIDENT.ordinal()], total[Component.RANSOM.ordinal()],
                total[Component.BREACH.ordinal()], total[Component.BI.ordinal()], total[Component.CBI.ordinal()], insured,
                largest, groupLoss, byGroup, new FirmLosses(firmIndex, components, insuredByFirm));
    }

    /** Mean-one lognormal noise {@code exp(σZ − σ²/2)} from a uniform. */
    static double lognormalNoise(double u, double sigma) {
        if (sigma == 0) return 1;
        double p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
        double z = Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * p - 1);
        return Math.exp(sigma * z - sigma * sigma / 2);
    }


    /** The outages of a replicate, each with its firm, campaign and own shortfall, in arrays. */
    private static final class Outages {
        private int size;
        private int[] firm;
        private int[] campaign;
        private ShortfallProfile[] profile;

        Outages(int expected) {
            int cap = Math.max(4, expected);
            firm = new int[cap];
            campaign = new int[cap];
            profile = new ShortfallProfile[cap];
        }

        void add(int f, int c, ShortfallProfile p) {
            if (size == firm.length) {
                firm = Arrays.copyOf(firm, 2 * size);
                campaign = Arrays.copyOf(campaign, 2 * size);
                profile = Arrays.copyOf(profile, 2 * size);
            }
            firm[size] = f;
            campaign[size] = c;
            profile[size] = p;
            size++;
        }

        int size() { return size; }

        int[] firms() { return Arrays.copyOf(firm, size); }

        ShortfallProfile[] profiles() { return Arrays.copyOf(profile, size); }

        /** The distinct campaigns, increasing. */
        int[] campaigns() {
            int[] c = Arrays.copyOf(campaign, size);
            Arrays.sort(c);
            int n = 0;
            for (int k = 0; k < c.length; k++) if (n == 0 || c[k] != c[n - 1]) c[n++] = c[k];
            return Arrays.copyOf(c, n);
        }

        Outages of(int c) {
            int n = 0;
            for (int k = 0; k < size; k++) if (campaign[k] == c) n++;
            Outages o = new Outages(n);
            for (int k = 0; k < size; k++) if (campaign[k] == c) o.add(firm[k], c, profile[k]);
            return o;
        }
    }
}
