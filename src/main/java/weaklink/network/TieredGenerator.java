package weaklink.network;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import weaklink.random.Samplers;
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
 * tier 0 and supplier tiers below, each buyer taking a Poisson number of distinct suppliers from
 * the next tier (its mean scaled by the buyer's revenue to the power {@code fan_in_revenue_elasticity}),
 * mostly from its own group (a window of that tier at the buyer's relative position, so
 * neighbouring buyers share suppliers) and partly from the whole tier by preferential attachment,
 * so that some suppliers serve many buyers (hubs). Every supplier sells
 * to at least one buyer. Logistics providers serve firms of the top two tiers (a small supply
 * share and an EDI link each); IT service providers (MSPs) hold managed-service access into
 * clients drawn from all other firms. Size class is drawn per tier from its size mix and revenue
 * from the tier's or the size class's distribution; trust links are drawn per supply relationship
 * with a probability per type. With {@code size_by_degree}, each supplier tier's drawn sizes go to
 * its firms in order of their customer counts, so the hubs are the tier's largest firms.
 *
 * <p>Input types: each tier's firms are spread over {@code sectors} product sectors in turn
 * (position mod sectors, so a buyer's group window holds many sectors). Each supplier a buyer picks
 * as above starts an input type in a sector the buyer does not yet buy; with probability
 * {@code sole_sourcing} of the supplier tier the type stays sole-sourced, otherwise it takes
 * 1 + Poisson(1) more suppliers of the same sector near the first (assumption: a multi-sourced
 * input has three suppliers on average). A buyer buys at most {@code input_types_per_buyer} types:
 * past that, its further suppliers join its multi-sourced types (a buyer with many suppliers
 * multi-sources more, rather than buying more kinds of input). Logistics providers are their own sector.
 *
 * <p>Preferential attachment uses the urn method: with probability {@code a/(1+a)} a shared
 * supplier is drawn from the list of earlier shared picks (so in proportion to its customers
 * from outside its group), otherwise
 * uniformly, which gives a power-law tail of customer counts (Barabási &amp; Albert 1999; the
 * Japanese production network is scale-free, Fujiwara &amp; Aoyama 2010). Runs in O(firms + links)
 * with one Mersenne Twister seeded from the network seed, so the same seed gives the same network.
 *
 * <p>Why one class of about 430 lines: its phases ({@code Generation}) and the draws they share
 * (sizes, attributes, trust links, fan-in weights) take numbers from that one generator in an order
 * that fixes every generated network, and with it every result byte of a generated scenario. In one
 * file the order reads top to bottom; split across classes, a reordered call would move all results
 * without any one class showing why.
 */
public final class TieredGenerator {
    private TieredGenerator() {}

    /** Supply weight of a logistics provider for each client, before normalisation (assumption: a small input). */
    static final double LOGISTICS_WEIGHT = 0.1;

    private static final TrustType[] TRUST_TYPES = TrustType.values();

    public static SupplyNetwork generate(Scenario scenario, long seed) {
        Generation g = new Generation(scenario, seed);
        g.addTierFirms();
        for (int t = 1; t < g.tiers; t++) g.linkTier(t);
        g.addLogisticsProviders();
        g.addItServiceProviders();
        return g.builder.build();
    }

    /**
     * One network being generated, in phases that draw from one Mersenne Twister in a fixed order
     * (so the same seed gives the same network): the tiers' firms; then, tier by tier, each buyer's
     * suppliers in the next tier; then the logistics providers and the IT service providers with
     * their clients. A phase added later must come after these, or every network changes.
     */
    private static final class Generation {
        final Scenario scenario;
        final TieredSpec spec;
        final MersenneTwisterFast rng;
        final NetworkBuilder builder;
        final double[] techShare;
        final double substitutionDays, substitutionShare;
        /** Per trust type, the probability of a supplier-to-buyer (forward) and a buyer-to-supplier (reverse) trust link per relationship. */
        final double[] forward, reverse;
        final int tiers;
        /** The firms of tier t are {@code tierStart[t] .. tierStart[t+1]-1}. */
        final int[] tierStart;
        long nextId;
        /** Preferential-attachment urn of the tier being linked, and a buyer's picks (reused across buyers). */
        int[] urn = new int[16];
        int[] chosen = new int[16];
        boolean[] shared = new boolean[16];
        /** {@code mark[s] == buyer} once buyer has picked s, so a buyer picks each supplier once. */
        int[] mark;
        /**
         * Input types of the tier being linked: its number of sectors, {@code sectorMark[sector] == buyer}
         * once the buyer buys the sector, the last buyer that multi-sources each sector, and a buyer's
         * multi-sourced types (their first suppliers).
         */
        int tierSectors;
        int[] sectorMark, multiBuyer;
        int[] multiFirst = new int[16];

        Generation(Scenario scenario, long seed) {
            this.scenario = scenario;
            this.spec = scenario.network().generator();
            this.rng = new MersenneTwisterFast(seed);
            List<String> tech = List.copyOf(scenario.network().technologies().keySet());
            this.techShare = scenario.network().technologies().values().stream().mapToDouble(Double::doubleValue).toArray();
            long[] expected = expectedLinks(spec);
            this.builder = new NetworkBuilder(scenario.sizeClasses(), tech, spec.totalFirms(),
                    (int) Math.min(Integer.MAX_VALUE - 16, expected[0] + expected[0] / 50 + 16),
                    (int) Math.min(Integer.MAX_VALUE - 16, expected[1] + expected[1] / 20 + 16));
            this.substitutionDays = scenario.economics().substitutionDays();
            this.substitutionShare = scenario.economics().substitutionShare();
            this.forward = probabilities(spec.trustProbability());
            this.reverse = probabilities(spec.reverseTrustProbability());
            this.tiers = spec.tiers().size();
            this.tierStart = new int[tiers + 1];
        }

        /** Phase 1: every tier's firms, with size class drawn from the tier's mix, revenue, insurance and technologies. */
        void addTierFirms() {
            for (int t = 0; t < tiers; t++) {
                TierSpec ts = spec.tiers().get(t);
                tierStart[t] = builder.firmCount();
                SizeClass[] sizes = ts.sizeMix().keySet().toArray(new SizeClass[0]);
                double[] cumulative = cumulative(ts.sizeMix());
                for (int k = 0; k < ts.firms(); k++) {
                    SizeClass size = draw(sizes, cumulative, rng);
                    int f = builder.addFirm(nextId++, t, size, ts.role());
                    builder.setSector(f, sectorLabel(k % Math.min(spec.sectors(), ts.firms())));
                    FirmDefaults d = scenario.defaults(size);
                    drawAttributes(builder, f, ts.revenueYen() != null ? ts.revenueYen() : d.revenueYen(), d.insuredShare(), techShare, rng);
                }
            }
            tierStart[tiers] = builder.firmCount();
            mark = new int[builder.firmCount()];
            Arrays.fill(mark, -1);
        }

        /**
         * Phase 2, for tier {@code t}: each buyer of tier {@code t-1} picks its suppliers in tier
         * {@code t}; a supplier nobody picked sells to a random buyer; with {@code size_by_degree}
         * the tier's drawn sizes go to its firms by customer count.
         */
        void linkTier(int t) {
            int buyers0 = tierStart[t - 1], buyers1 = tierStart[t];
            int sup0 = tierStart[t], sup1 = tierStart[t + 1];
            int supN = sup1 - sup0, buyerN = buyers1 - buyers0;
            if (supN == 0 || buyerN == 0) return;
            int urnSize = 0;
            double fanIn = spec.tiers().get(t).suppliersPerBuyer();
            double[] fanInWeight = fanInWeights(builder, buyers0, buyers1, spec.fanInRevenueElasticity());
            int[] customers = new int[supN];
            int window = (int) Math.min(supN, (long) Math.ceil(supN * 2.0 / buyerN));
            tierSectors = Math.min(spec.sectors(), supN);
            sectorMark = new int[tierSectors];
            multiBuyer = new int[tierSectors];
            Arrays.fill(sectorMark, -1);
            Arrays.fill(multiBuyer, -1);
            for (int buyer = buyers0; buyer < buyers1; buyer++) {
                double mean = fanInWeight == null ? fanIn : fanIn * fanInWeight[buyer - buyers0];
                int k = Math.max(1, Math.min(supN, Samplers.poisson(mean, rng)));
                int c = pickSuppliers(buyer, k, (buyer - buyers0 + 0.5) / buyerN, sup0, supN, window, urnSize, spec.tiers().get(t).soleSourcing());
                for (int j = 0; j < c; j++) {
                    int s = chosen[j];
                    link(s, buyer);
                    customers[s - sup0]++;
                    // only tier-wide picks feed attachment, so hubs do not form where the first buyers' groups happen to lie
                    if (shared[j]) {
                        if (urnSize == urn.length) urn = Arrays.copyOf(urn, urn.length * 2);
                        urn[urnSize++] = s;
                    }
                }
            }
            // every supplier sells to someone: a buyer that already multi-sources its sector (so that the
            // sole-sourced share stays as set), else any buyer
            for (int s = sup0; s < sup1; s++) {
                if (customers[s - sup0] == 0) {
                    int to = multiBuyer[(s - sup0) % tierSectors];
                    link(s, to >= 0 ? to : buyers0 + rng.nextInt(buyerN));
                    customers[s - sup0]++;
                }
            }
            if (spec.sizeByDegree()) sizeByDegree(builder, sup0, customers, rng);
        }

        /**
         * Up to {@code k} distinct suppliers for {@code buyer} into {@code chosen} (with
         * {@code shared[j]} telling a tier-wide pick from a pick in the buyer's group); returns how
         * many. The buyer's group is a window of the supplier tier at the buyer's relative position
         * {@code rel}; a tier-wide pick is preferential (from the urn of the tier's earlier tier-wide
         * picks) with probability {@code a/(1+a)}, else uniform. Each such pick starts an input type
         * (a sector the buyer does not buy yet), sole-sourced with probability {@code soleSourcing},
         * else joined by suppliers of its sector; past {@code input_types_per_buyer} types, picks
         * join the buyer's multi-sourced types.
         */
        private int pickSuppliers(int buyer, int k, double rel, int sup0, int supN, int window, int urnSize, double soleSourcing) {
            int groupSize = Math.min(supN, window + k);
            int groupStart = Math.max(0, Math.min(supN - groupSize, (int) (rel * supN) - groupSize / 2));
            if (chosen.length < k) {
                chosen = new int[Math.max(k, chosen.length * 2)];
                shared = new boolean[chosen.length];
            }
            double pPref = spec.attachment() / (1 + spec.attachment());
            int c = 0;
            int guard = 0;
            int types = 0, multiTypes = 0;
            int maxTypes = spec.inputTypesPerBuyer();
            while (c < k && guard++ < 20 * k) {
                if (types >= maxTypes && multiTypes > 0) {
                    // the buyer buys all the input types it takes: one more supplier for a multi-sourced type
                    int same = sameSector(multiFirst[rng.nextInt(multiTypes)], sup0, supN, 3);
                    if (same < 0 || mark[same] == buyer) continue;
                    mark[same] = buyer;
                    shared[c] = false;
                    chosen[c++] = same;
                    continue;
                }
                int s;
                boolean fromTier = rng.nextDouble() < spec.sharedSupplierShare();
                if (fromTier) {
                    if (urnSize > 0 && rng.nextDouble() < pPref) s = urn[rng.nextInt(urnSize)];
                    else s = sup0 + rng.nextInt(supN);
                } else {
                    s = sup0 + groupStart + rng.nextInt(groupSize);
                }
                // each pick starts an input type: a sector the buyer does not buy yet
                int sector = (s - sup0) % tierSectors;
                if (mark[s] == buyer || sectorMark[sector] == buyer) continue;
                mark[s] = buyer;
                sectorMark[sector] = buyer;
                shared[c] = fromTier;
                chosen[c++] = s;
                types++;
                if (c == k || rng.nextDouble() < soleSourcing) continue;
                // a multi-sourced type: 1 + Poisson(1) more suppliers of the same sector, near the first
                if (multiTypes == multiFirst.length) multiFirst = Arrays.copyOf(multiFirst, 2 * multiTypes);
                multiFirst[multiTypes++] = s;
                multiBuyer[sector] = buyer;
                int more = Math.min(k - c, 1 + Samplers.poisson(1.0, rng));
                for (int m = 0, tries = 0; m < more && tries < 20 * more; tries++) {
                    int same = sameSector(s, sup0, supN, more + 2);
                    if (same < 0 || mark[same] == buyer) continue;
                    mark[same] = buyer;
                    shared[c] = false;
                    chosen[c++] = same;
                    m++;
                }
            }
            return c;
        }

        /**
         * A supplier of the same sector as {@code first} (tier positions {@code tierSectors} apart), at
         * most {@code reach} steps of the sector away on either side; -1 when the step falls outside the tier.
         */
        private int sameSector(int first, int sup0, int supN, int reach) {
            int step = 1 + rng.nextInt(reach);
            long pos = (first - sup0) + (rng.nextBoolean() ? step : -step) * (long) tierSectors;
            return pos < 0 || pos >= supN ? -1 : sup0 + (int) pos;
        }

        /** A supply link with an exponential input weight, and trust links drawn per direction. */
        private void link(int supplier, int buyer) {
            // input weight: exponential, so a buyer has a few large and many small inputs (assumption)
            double weight = -Math.log1p(-rng.nextDouble()) + 1e-3;
            builder.addSupply(supplier, buyer, weight, substitutionDays, substitutionShare);
            int f = drawTrust(forward, rng);
            if (f >= 0) builder.addTrust(supplier, buyer, TRUST_TYPES[f]);
            int r = drawTrust(reverse, rng);
            if (r >= 0) builder.addTrust(buyer, supplier, TRUST_TYPES[r]);
        }

        /** Phase 3: logistics providers (medium, tier 1), each serving a Poisson number of firms of the top two tiers. */
        void addLogisticsProviders() {
            int upperTiers = tiers > 1 ? tierStart[Math.min(2, tiers)] : tierStart[1];
            mark = new int[builder.firmCount() + spec.logisticsFirms() + spec.mspFirms()];
            Arrays.fill(mark, -1);
            for (int k = 0; k < spec.logisticsFirms(); k++) {
                int f = builder.addFirm(nextId++, 1, SizeClass.MEDIUM, Role.LOGISTICS);
                FirmDefaults d = scenario.defaults(SizeClass.MEDIUM);
                drawAttributes(builder, f, d.revenueYen(), d.insuredShare(), techShare, rng);
                if (upperTiers == 0) continue;
                int clients = Math.max(1, Math.min(upperTiers, Samplers.poisson(spec.logisticsClientsMean(), rng)));
                for (int c = 0, guard = 0; c < clients && guard < 20 * clients; guard++) {
                    int client = rng.nextInt(upperTiers);
                    if (mark[client] == f) continue;
                    mark[client] = f;
                    c++;
                    // logistics is a small but hard-to-replace input, linked by EDI
                    builder.addSupply(f, client, LOGISTICS_WEIGHT, substitutionDays, substitutionShare);
                    builder.addTrust(f, client, TrustType.EDI);
                }
            }
        }

        /** Phase 4: IT service providers (MSPs), each with managed-service access into a Poisson number of the tier firms. */
        void addItServiceProviders() {
            int nonService = tierStart[tiers];
            for (int k = 0; k < spec.mspFirms(); k++) {
                // assumption: MSPs serving SMEs are themselves small or medium firms, half each
                SizeClass size = rng.nextDouble() < 0.5 ? SizeClass.SMALL : SizeClass.MEDIUM;
                int f = builder.addFirm(nextId++, Math.max(1, tiers - 1), size, Role.IT_SERVICE);
                FirmDefaults d = scenario.defaults(size);
                drawAttributes(builder, f, d.revenueYen(), d.insuredShare(), techShare, rng);
                if (nonService == 0) continue;
                int clients = Math.max(1, Math.min(nonService, Samplers.poisson(spec.mspClientsMean(), rng)));
                for (int c = 0, guard = 0; c < clients && guard < 20 * clients; guard++) {
                    int client = rng.nextInt(nonService);
                    if (mark[client] == f) continue;
                    mark[client] = f;
                    c++;
                    builder.addTrust(f, client, TrustType.MANAGED_SERVICE);
                }
            }
        }
    }

    /**
     * Expected numbers of supply and trust links, for sizing arrays and checking the heap before
     * generating: per tier, the buyers' Poisson fan-in plus a link for each supplier left without
     * a buyer; trust at its per-relationship probabilities; logistics and MSP clients at their means.
     */
    public static long[] expectedLinks(TieredSpec spec) {
        double supply = 0, tierSupply = 0;
        List<TierSpec> tiers = spec.tiers();
        for (int t = 1; t < tiers.size(); t++) {
            long buyers = tiers.get(t - 1).firms(), suppliers = tiers.get(t).firms();
            if (buyers == 0 || suppliers == 0) continue;
            double picks = buyers * Math.min(Math.max(1, tiers.get(t).suppliersPerBuyer()), suppliers);
            // plus one link for each supplier nobody picked: a share exp(-picks/suppliers) under uniform choice
            tierSupply += picks + suppliers * Math.exp(-picks / suppliers);
        }
        long upper = 0;
        for (int t = 0; t < Math.min(2, tiers.size()); t++) upper += tiers.get(t).firms();
        double logistics = spec.logisticsFirms() * Math.min(Math.max(1, spec.logisticsClientsMean()), upper);
        supply = tierSupply + logistics;
        double pTrust = 0;
        for (TrustType t : TRUST_TYPES) {
            pTrust += spec.trustProbability().getOrDefault(t, 0.0) + spec.reverseTrustProbability().getOrDefault(t, 0.0);
        }
        double trust = tierSupply * Math.min(2, pTrust) + logistics
                + spec.mspFirms() * Math.min(Math.max(1, spec.mspClientsMean()), (double) spec.totalFirms());
        return new long[] {(long) Math.ceil(supply), (long) Math.ceil(trust)};
    }

    /**
     * Each buyer's fan-in multiplier {@code r^eta / mean(r^eta)} over firms {@code from..to-1}
     * (mean 1, so the tier's mean fan-in is kept), or null when {@code eta = 0}: larger buyers
     * take more suppliers, as degree grows with firm size in the Japanese network
     * (Fujiwara &amp; Aoyama 2010).
     */
    private static double[] fanInWeights(NetworkBuilder b, int from, int to, double eta) {
        if (eta == 0 || to == from) return null;
        double[] w = new double[to - from];
        double sum = 0;
        for (int f = from; f < to; f++) sum += w[f - from] = Math.pow(b.attribute(f, FirmAttribute.REVENUE_YEN), eta);
        double mean = sum / w.length;
        for (int i = 0; i < w.length; i++) w[i] = mean > 0 ? w[i] / mean : 1;
        return w;
    }

    /**
     * Gives the sizes drawn for the firms {@code first..first+customers.length-1} (size class,
     * revenue, insurance) to the firms in order of their number of customers, ties in random
     * order: the largest drawn firm becomes the biggest hub. Degree grows with firm size in the
     * Japanese network (Fujiwara &amp; Aoyama 2010); this makes the correlation perfect in rank, an
     * assumption that puts the hubs among the better-resourced firms of a tier.
     */
    private static void sizeByDegree(NetworkBuilder b, int first, int[] customers, MersenneTwisterFast rng) {
        int n = customers.length;
        long[] key = new long[n];
        for (int i = 0; i < n; i++) key[i] = -(((long) customers[i] << 24) | rng.nextInt(1 << 24));
        int[] byDegree = FirmIndex.orderBy(key, n);
        for (int i = 0; i < n; i++) key[i] = -Double.doubleToLongBits(b.attribute(first + i, FirmAttribute.REVENUE_YEN));
        int[] byRevenue = FirmIndex.orderBy(key, n);
        SizeClass[] size = new SizeClass[n];
        double[] revenue = new double[n], insured = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = b.sizeClass(first + i);
            revenue[i] = b.attribute(first + i, FirmAttribute.REVENUE_YEN);
            insured[i] = b.attribute(first + i, FirmAttribute.INSURED);
        }
        for (int r = 0; r < n; r++) {
            int f = first + byDegree[r], from = byRevenue[r];
            b.setSizeClass(f, size[from]);
            b.setAttribute(f, FirmAttribute.REVENUE_YEN, revenue[from]);
            b.setAttribute(f, FirmAttribute.INSURED, insured[from]);
        }
    }

    /** The label of generated sector {@code i}: sectors stand for input-output table sectors, unnamed. */
    static String sectorLabel(int i) {
        return i < 1000 ? "sector-" + (i < 10 ? "00" : i < 100 ? "0" : "") + i : "sector-" + i;
    }

    /**
     * One independent draw per type; the most privileged type that fires (or -1): at most one
     * trust edge per direction and relationship.
     */
    private static int drawTrust(double[] p, MersenneTwisterFast rng) {
        int result = -1;
        for (int t = 0; t < p.length; t++) if (rng.nextDouble() < p[t]) result = t;
        return result;
    }

    private static double[] probabilities(Map<TrustType, Double> p) {
        double[] out = new double[TRUST_TYPES.length];
        for (TrustType t : TRUST_TYPES) out[t.ordinal()] = p.getOrDefault(t, 0.0);
        return out;
    }

    /** Revenue rounds to whole currency units, so that exported files stay short and exact. */
    private static void drawAttributes(NetworkBuilder b, int f, DistributionSpec revenue, double insuredShare, double[] techShare, MersenneTwisterFast rng) {
        b.setAttribute(f, FirmAttribute.REVENUE_YEN, Math.max(1.0, Math.rint(revenue.sample(rng))));
        b.setAttribute(f, FirmAttribute.INSURED, rng.nextDouble() < insuredShare ? 1 : 0);
        long mask = 0;
        for (int t = 0; t < techShare.length; t++) if (rng.nextDouble() < techShare[t]) mask |= 1L << t;
        b.setTechnologyMask(f, mask);
    }

    private static double[] cumulative(Map<SizeClass, Double> mix) {
        double[] c = new double[mix.size()];
        double sum = 0;
        int i = 0;
        for (double p : mix.values()) c[i++] = sum += p;
        return c;
    }

    private static SizeClass draw(SizeClass[] sizes, double[] cumulative, MersenneTwisterFast rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]) return sizes[i];
        return sizes[sizes.length - 1];
    }
}
