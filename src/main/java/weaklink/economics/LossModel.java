package weaklink.economics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import weaklink.economics.ReplicateLosses.Component;
import weaklink.economics.ReplicateLosses.FirmLosses;
import weaklink.model.RandomStreams;
import weaklink.model.RandomStreams.Stream;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
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
 * <p>Insurance ({@link Insurance}): each (firm, campaign) pair is one claim; the insured loss is
 * what insurers pay on all claims. A firm's CBI is split over the campaigns that caused it in
 * proportion to the CBI each campaign would have caused alone (or, if none would have alone, to
 * the campaigns' own lost production); this is also how CBI enters the largest single event.
 */
public final class LossModel {
    private static final int COMPONENTS = Component.values().length;
    private final Scenario scenario;
    private final SupplyNetwork net;
    private final int tierGroups;
    private final ProductionCascade cascade;
    private final Insurance insurance;

    public LossModel(Scenario scenario, SupplyNetwork network) {
        this.scenario = scenario;
        this.net = network;
        this.tierGroups = network.maxTier() + 1;
        this.cascade = new ProductionCascade(network);
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
        // (firm, campaign) -> loss by component
        HashMap<Long, double[]> ledger = new HashMap<>();
        Outages outages = directLosses(record, streams, ledger);
        if (scenario.economics().cascade() && outages.size() > 0) contingentLosses(outages, ledger);
        return settle(ledger);
    }

    /** Incident, ransom, breach and BI per (firm, campaign); returns the outages for the cascade. */
    private Outages directLosses(ReplicateRecord record, RandomStreams streams, HashMap<Long, double[]> ledger) {
        int n = record.size();
        double costPerRecord = scenario.economics().costPerRecordYen();
        // a firm's overlapping outages are charged once: process its records in start order and charge each the increment
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> record.firm(a) != record.firm(b) ? Integer.compare(record.firm(a), record.firm(b))
                : Double.compare(record.outageStart(a), record.outageStart(b)));
        Outages outages = new Outages();
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
            double[] entry = ledger.computeIfAbsent(key(f, c), x -> new double[COMPONENTS]);
            double revenue = net.revenueYen(f);
            double sigma = scenario.defaults(net.sizeClass(f)).incidentSigma();
            double noise = lognormalNoise(streams.uniform(Stream.INCIDENT_COST, c, f), sigma);
            entry[Component.INCIDENT.ordinal()] += (net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, f)
                    + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, f) * revenue) * noise;
            if (record.effect(k) == ReplicateRecord.RANSOMWARE) {
                if (streams.uniform(Stream.RANSOM, c, f) < net.attribute(FirmAttribute.RANSOM_PROPENSITY, f)) {
                    entry[Component.RANSOM.ordinal()] += net.attribute(FirmAttribute.RANSOM_REVENUE_SHARE, f) * revenue;
                }
            } else {
                entry[Component.BREACH.ordinal()] += net.attribute(FirmAttribute.RECORDS, f) * costPerRecord * noise;
            }
            if (record.causesOutage(k)) {
                ShortfallProfile own = ProductionCascade.outageShortfall(net, f, record.outageStart(k), record.outageEnd(k));
                ShortfallProfile merged = ShortfallProfile.max(firmShortfall, own);
                entry[Component.BI.ordinal()] += Math.max(0, merged.integral() - firmShortfall.integral()) * net.dailyValueAddedYen(f);
                firmShortfall = merged;
                outages.add(f, c, own);
            }
        }
        return outages;
    }

    /** CBI of every buyer the outages reach, split over the campaigns that caused it, into the ledger. */
    private void contingentLosses(Outages outages, HashMap<Long, double[]> ledger) {
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
        for (int k = 0; k < all.size(); k++) {
            double days = all.cbiLostDays(k);
            if (days <= 0) continue;
            int f = all.firm(k);
            double yen = days * net.dailyValueAddedYen(f);
            if (campaigns.length == 1) {
                ledger.computeIfAbsent(key(f, campaigns[0]), x -> new double[COMPONENTS])[Component.CBI.ordinal()] += yen;
                continue;
            }
            double sum = 0;
            for (int j = 0; j < campaigns.length; j++) sum += weight[j] = alone[j].cbiLostDaysOf(f);
            if (sum <= 0) {
                System.arraycopy(ownDays, 0, weight, 0, ownDays.length);
                for (double w : weight) sum += w;
            }
            for (int j = 0; j < campaigns.length; j++) {
                if (weight[j] <= 0) continue;
                ledger.computeIfAbsent(key(f, campaigns[j]), x -> new double[COMPONENTS])[Component.CBI.ordinal()] += yen * weight[j] / sum;
            }
        }
    }

    /** Sums the ledger by component, group, firm and campaign, in (firm, campaign) order; pays insurance claims. */
    private ReplicateLosses settle(HashMap<Long, double[]> ledger) {
        long[] keys = new long[ledger.size()];
        int n = 0;
        for (long k : ledger.keySet()) keys[n++] = k;
        Arrays.sort(keys);
        double[] total = new double[COMPONENTS];
        double[][] byGroup = new double[COMPONENTS][groupCount()];
        double[] groupLoss = new double[groupCount()];
        Map<Integer, Double> campaignLoss = new TreeMap<>();
        List<Integer> firms = new ArrayList<>();
        List<double[]> firmComponents = new ArrayList<>();
        List<Double> firmInsured = new ArrayList<>();
        double insured = 0;
        int first = 0;
        for (int i = 0; i < keys.length; i++) {
            int f = firmOf(keys[i]);
            if (i + 1 < keys.length && firmOf(keys[i + 1]) == f) continue;
            // the last claim of firm f: settle the firm
            Insurance.Terms terms = insurance.terms(f);
            double[] covered = new double[i + 1 - first];
            double[] sum = new double[COMPONENTS];
            for (int j = 0; j < covered.length; j++) {
                double[] x = ledger.get(keys[first + j]);
                covered[j] = terms.coveredYen(x[Component.INCIDENT.ordinal()], x[Component.BREACH.ordinal()],
                        x[Component.BI.ordinal()], x[Component.CBI.ordinal()]);
                double loss = 0;
                for (int c = 0; c < COMPONENTS; c++) {
                    sum[c] += x[c];
                    loss += x[c];
                }
                campaignLoss.merge(campaignOf(keys[first + j]), loss, Double::sum);
            }
            double paid = 0;
            for (double p : terms.pay(covered)) paid += p;
            int g = group(f);
            double firmTotal = 0;
            for (int c = 0; c < COMPONENTS; c++) {
                total[c] += sum[c];
                byGroup[c][g] += sum[c];
                firmTotal += sum[c];
            }
            groupLoss[g] += firmTotal;
            insured += paid;
            firms.add(f);
            firmComponents.add(sum);
            firmInsured.add(paid);
            first = i + 1;
        }
        double largest = 0;
        for (double x : campaignLoss.values()) largest = Math.max(largest, x);
        int m = firms.size();
        int[] firmIndex = new int[m];
        double[][] components = new double[COMPONENTS][m];
        double[] insuredByFirm = new double[m];
        for (int k = 0; k < m; k++) {
            firmIndex[k] = firms.get(k);
            for (int c = 0; c < COMPONENTS; c++) components[c][k] = firmComponents.get(k)[c];
            insuredByFirm[k] = firmInsured.get(k);
        }
        return new ReplicateLosses(total[Component.INCIDENT.ordinal()], total[Component.RANSOM.ordinal()],
                total[Component.BREACH.ordinal()], total[Component.BI.ordinal()], total[Component.CBI.ordinal()], insured,
                largest, groupLoss, byGroup, new FirmLosses(firmIndex, components, insuredByFirm));
    }

    private static long key(int firm, int campaign) { return (long) firm << 32 | (campaign & 0xFFFFFFFFL); }

    private static int firmOf(long key) { return (int) (key >>> 32); }

    private static int campaignOf(long key) { return (int) key; }

    /** Mean-one lognormal noise {@code exp(σZ − σ²/2)} from a uniform. */
    static double lognormalNoise(double u, double sigma) {
        if (sigma == 0) return 1;
        double p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
        double z = Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * p - 1);
        return Math.exp(sigma * z - sigma * sigma / 2);
    }

    /** The outages of a replicate, each with its firm, campaign and own shortfall. */
    private static final class Outages {
        private final List<Integer> firm = new ArrayList<>();
        private final List<Integer> campaign = new ArrayList<>();
        private final List<ShortfallProfile> profile = new ArrayList<>();

        void add(int f, int c, ShortfallProfile p) {
            firm.add(f);
            campaign.add(c);
            profile.add(p);
        }

        int size() { return firm.size(); }

        int[] firms() { return firm.stream().mapToInt(Integer::intValue).toArray(); }

        ShortfallProfile[] profiles() { return profile.toArray(new ShortfallProfile[0]); }

        /** The distinct campaigns, increasing. */
        int[] campaigns() { return campaign.stream().mapToInt(Integer::intValue).distinct().sorted().toArray(); }

        Outages of(int c) {
            Outages o = new Outages();
            for (int k = 0; k < firm.size(); k++) if (campaign.get(k) == c) o.add(firm.get(k), c, profile.get(k));
            return o;
        }
    }
}
