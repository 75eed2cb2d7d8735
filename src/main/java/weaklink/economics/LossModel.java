package weaklink.economics;

import java.util.Arrays;
import weaklink.model.RandomStreams;
import weaklink.model.RandomStreams.Stream;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;

/**
 * Turns a replicate's compromises and outages into money (DESIGN §1 "Losses"), per firm and
 * per campaign, and attributes every yen to the firm (and its group) that lost it.
 *
 * <ul>
 *   <li>incident response and recovery: {@code (fixed + share × revenue) × ε}, with lognormal
 *       noise {@code ε = exp(σZ − σ²/2)} of mean 1;</li>
 *   <li>ransom (ransomware): paid with the firm's propensity, {@code ransom share × revenue};</li>
 *   <li>data breach (data theft): {@code records × cost per record × ε};</li>
 *   <li>business interruption: outage days (the union of the firm's outages) × daily value added
 *       × (1 − workaround share).</li>
 * </ul>
 * Insured loss per claim is {@code min(max(loss − deductible, 0), limit)} for insured firms.
 */
public final class LossModel {
    private final Scenario scenario;
    private final SupplyNetwork net;
    private final int tierGroups;

    public LossModel(Scenario scenario, SupplyNetwork network) {
        this.scenario = scenario;
        this.net = network;
        this.tierGroups = network.maxTier() + 1;
    }

    /** Number of loss groups: tiers × size classes. */
    public int groupCount() { return tierGroups * SizeClass.values().length; }

    /** The group of a firm: {@code tier × 4 + size class}. */
    public int group(int firm) { return net.tier(firm) * SizeClass.values().length + net.sizeClass(firm).ordinal(); }

    /** Label of a group index, e.g. {@code tier1-small}. */
    public static String groupTier(int group) { return Integer.toString(group / SizeClass.values().length); }

    public static SizeClass groupSize(int group) { return SizeClass.values()[group % SizeClass.values().length]; }

    public ReplicateLosses losses(ReplicateRecord record, RandomStreams streams) {
        int n = record.size();
        double incident = 0, ransom = 0, breach = 0, bi = 0, insured = 0;
        double[] groupLoss = new double[groupCount()];
        double[] campaignLoss = new double[Math.max(1, record.campaigns())];
        double costPerRecord = scenario.economics().costPerRecordYen();
        // outages are charged on the union of a firm's outage intervals: process a firm's records in start order
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> record.firm(a) != record.firm(b) ? Integer.compare(record.firm(a), record.firm(b))
                : Double.compare(record.outageStart(a), record.outageStart(b)));
        int lastFirm = -1;
        double coveredUntil = Double.NEGATIVE_INFINITY;
        for (int idx = 0; idx < n; idx++) {
            int k = order[idx];
            int f = record.firm(k);
            if (f != lastFirm) {
                lastFirm = f;
                coveredUntil = Double.NEGATIVE_INFINITY;
            }
            int c = record.campaign(k);
            double revenue = net.revenueYen(f);
            double sigma = scenario.defaults(net.sizeClass(f)).incidentSigma();
            double noise = lognormalNoise(streams.uniform(Stream.INCIDENT_COST, c, f), sigma);
            double inc = (net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, f) + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, f) * revenue) * noise;
            double ran = 0, bre = 0, interruption = 0;
            if (record.effect(k) == ReplicateRecord.RANSOMWARE) {
                if (streams.uniform(Stream.RANSOM, c, f) < net.attribute(FirmAttribute.RANSOM_PROPENSITY, f)) {
                    ran = net.attribute(FirmAttribute.RANSOM_REVENUE_SHARE, f) * revenue;
                }
                double start = Math.max(record.outageStart(k), coveredUntil);
                double days = Math.max(0, record.outageEnd(k) - start);
                coveredUntil = Math.max(coveredUntil, record.outageEnd(k));
                interruption = days * net.dailyValueAddedYen(f) * (1 - net.attribute(FirmAttribute.WORKAROUND_SHARE, f));
            } else {
                bre = net.attribute(FirmAttribute.RECORDS, f) * costPerRecord * noise;
            }
            double loss = inc + ran + bre + interruption;
            incident += inc;
            ransom += ran;
            breach += bre;
            bi += interruption;
            groupLoss[group(f)] += loss;
            campaignLoss[c] += loss;
            if (net.attribute(FirmAttribute.INSURED, f) > 0) {
                insured += Math.min(Math.max(loss - net.attribute(FirmAttribute.DEDUCTIBLE_YEN, f), 0), net.attribute(FirmAttribute.LIMIT_YEN, f));
            }
        }
        double largest = 0;
        for (double x : campaignLoss) largest = Math.max(largest, x);
        return new ReplicateLosses(incident, ransom, breach, bi, 0.0, insured, largest, groupLoss);
    }

    /** Mean-one lognormal noise {@code exp(σZ − σ²/2)} from a uniform. */
    static double lognormalNoise(double u, double sigma) {
        if (sigma == 0) return 1;
        double p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
        double z = Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * p - 1);
        return Math.exp(sigma * z - sigma * sigma / 2);
    }
}
