package weaklink.network;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.FirmDefaults;
import weaklink.scenario.NetworkSpec.TierSpec;
import weaklink.scenario.NetworkSpec.TieredSpec;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * Generates a tiered "keiretsu" supply network, deterministically from a seed: large buyers at
 * tier 0 and supplier tiers below, each buyer taking a Poisson number of suppliers from the next
 * tier, mostly from its own group (a contiguous block of that tier) and partly from the whole
 * tier by preferential attachment, so that some suppliers serve many buyers (hubs); logistics
 * providers and IT service providers (MSPs) serve many clients. Trust links are drawn per supply
 * relationship with a probability per type.
 *
 * <p>Preferential attachment uses the urn method: with probability {@code a/(1+a)} a supplier is
 * drawn from the list of earlier picks (so in proportion to its customers), otherwise uniformly,
 * which gives a power-law tail of customer counts (Barabási &amp; Albert 1999). Runs in
 * O(firms + links).
 */
public final class TieredGenerator {
    private TieredGenerator() {}

    public static SupplyNetwork generate(Scenario scenario, long seed) {
        TieredSpec spec = scenario.network().generator();
        MersenneTwisterFast rng = new MersenneTwisterFast(seed);
        List<String> tech = List.copyOf(scenario.network().technologies().keySet());
        double[] techShare = scenario.network().technologies().values().stream().mapToDouble(Double::doubleValue).toArray();
        NetworkBuilder b = new NetworkBuilder(scenario.sizeClasses(), tech, spec.totalFirms());
        double subDays = scenario.economics().substitutionDays();
        double subShare = scenario.economics().substitutionShare();

        int tiers = spec.tiers().size();
        int[] tierStart = new int[tiers + 1];
        long nextId = 0;
        for (int t = 0; t < tiers; t++) {
            TierSpec ts = spec.tiers().get(t);
            tierStart[t] = b.firmCount();
            for (int k = 0; k < ts.firms(); k++) {
                SizeClass size = drawSize(ts.sizeMix(), rng);
                int f = b.addFirm(nextId++, t, size, ts.role());
                drawAttributes(b, f, scenario.defaults(size), techShare, rng);
            }
        }
        tierStart[tiers] = b.firmCount();

        int[] urn = new int[16];
        double pPref = spec.attachment() / (1 + spec.attachment());
        for (int t = 1; t < tiers; t++) {
            int buyers0 = tierStart[t - 1], buyers1 = tierStart[t];
            int sup0 = tierStart[t], sup1 = tierStart[t + 1];
            int supN = sup1 - sup0, buyerN = buyers1 - buyers0;
            boolean[] hasCustomer = new boolean[supN];
            int urnSize = 0;
            double fanIn = spec.tiers().get(t).suppliersPerBuyer();
            for (int buyer = buyers0; buyer < buyers1; buyer++) {
                int k = Math.max(1, Math.min(supN, poisson(fanIn, rng)));
                // the buyer's group: the block of the supplier tier at the same relative position
                double rel = (buyer - buyers0 + 0.5) / buyerN;
                int groupSize = Math.max(k, Math.min(supN, (int) Math.ceil(supN * 2.0 / Math.max(1, buyerN)) + k));
                int groupStart = Math.max(0, Math.min(supN - groupSize, (int) (rel * supN) - groupSize / 2));
                int[] chosen = new int[k];
                int c = 0;
                int guard = 0;
                while (c < k && guard++ < 20 * k) {
                    int s;
                    if (rng.nextDouble() < spec.sharedSupplierShare()) {
                        s = urnSize > 0 && rng.nextDouble() < pPref ? urn[rng.nextInt(urnSize)] : sup0 + rng.nextInt(supN);
                    } else {
                        s = sup0 + groupStart + rng.nextInt(groupSize);
                    }
                    boolean dup = false;
                    for (int j = 0; j < c; j++) if (chosen[j] == s) { dup = true; break; }
                    if (dup) continue;
                    chosen[c++] = s;
                }
                for (int j = 0; j < c; j++) {
                    int s = chosen[j];
                    link(b, s, buyer, spec, subDays, subShare, rng);
                    hasCustomer[s - sup0] = true;
                    if (urnSize == urn.length) urn = java.util.Arrays.copyOf(urn, urn.length * 2);
                    urn[urnSize++] = s;
                }
            }
            // every supplier sells to someone
            for (int s = sup0; s < sup1; s++) {
                if (!hasCustomer[s - sup0]) link(b, s, buyers0 + rng.nextInt(buyerN), spec, subDays, subShare, rng);
            }
        }

        int nonService = b.firmCount();
        int upperTiers = tiers > 1 ? tierStart[Math.min(2, tiers)] : tierStart[1];
        for (int k = 0; k < spec.logisticsFirms(); k++) {
            int f = b.addFirm(nextId++, 1, SizeClass.MEDIUM, Role.LOGISTICS);
            drawAttributes(b, f, scenario.defaults(SizeClass.MEDIUM), techShare, rng);
            int clients = Math.max(1, Math.min(upperTiers, poisson(spec.logisticsClientsMean(), rng)));
            for (int c = 0; c < clients; c++) {
                int client = rng.nextInt(upperTiers);
                // logistics is a small but hard-to-replace input, linked by EDI
                b.addSupply(f, client, 0.1, subDays, subShare);
                b.addTrust(f, client, TrustType.EDI);
            }
        }
        for (int k = 0; k < spec.mspFirms(); k++) {
            SizeClass size = rng.nextDouble() < 0.5 ? SizeClass.SMALL : SizeClass.MEDIUM;
            int f = b.addFirm(nextId++, Math.max(1, tiers - 1), size, Role.IT_SERVICE);
            drawAttributes(b, f, scenario.defaults(size), techShare, rng);
            int clients = Math.max(1, Math.min(nonService, poisson(spec.mspClientsMean(), rng)));
            for (int c = 0; c < clients; c++) b.addTrust(f, rng.nextInt(nonService), TrustType.MANAGED_SERVICE);
        }
        return b.build();
    }

    private static void link(NetworkBuilder b, int supplier, int buyer, TieredSpec spec, double subDays, double subShare, MersenneTwisterFast rng) {
        // input weight: exponential, so a buyer has a few large and many small inputs
        double weight = -Math.log1p(-rng.nextDouble()) + 1e-3;
        b.addSupply(supplier, buyer, weight, subDays, subShare);
        TrustType forward = drawTrust(spec.trustProbability(), rng);
        if (forward != null) b.addTrust(supplier, buyer, forward);
        TrustType reverse = drawTrust(spec.reverseTrustProbability(), rng);
        if (reverse != null) b.addTrust(buyer, supplier, reverse);
    }

    /** The most privileged type whose draw fires, or null; at most one trust edge per direction and relationship. */
    private static TrustType drawTrust(Map<TrustType, Double> p, MersenneTwisterFast rng) {
        TrustType result = null;
        for (TrustType t : TrustType.values()) {
            if (rng.nextDouble() < p.getOrDefault(t, 0.0)) result = t;
        }
        return result;
    }

    private static void drawAttributes(NetworkBuilder b, int f, FirmDefaults d, double[] techShare, MersenneTwisterFast rng) {
        DistributionSpec revenue = d.revenueYen();
        b.setAttribute(f, FirmAttribute.REVENUE_YEN, Math.max(1.0, revenue.sample(rng)));
        b.setAttribute(f, FirmAttribute.INSURED, rng.nextDouble() < d.insuredShare() ? 1 : 0);
        long mask = 0;
        for (int t = 0; t < techShare.length; t++) if (rng.nextDouble() < techShare[t]) mask |= 1L << t;
        b.setTechnologyMask(f, mask);
    }

    private static SizeClass drawSize(Map<SizeClass, Double> mix, MersenneTwisterFast rng) {
        double u = rng.nextDouble();
        SizeClass last = SizeClass.LARGE;
        for (Map.Entry<SizeClass, Double> e : mix.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) return last;
        }
        return last;
    }

    /** Poisson draw by inversion for small means, normal approximation above 50. */
    static int poisson(double mean, MersenneTwisterFast rng) {
        if (mean <= 0) return 0;
        if (mean > 50) return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
