package weaklink.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the supply network comes from: generated from parameters, or read from
 * {@code firms.csv}/{@code links.csv} in the format that the {@code network} command writes.
 *
 * @param firmsFile  firms file (resolved against the scenario's folder), or null to generate
 * @param linksFile  links file, or null to generate
 * @param generator  the tiered generator's parameters (used when no files are given)
 * @param technologies technology tags (e.g. a VPN appliance) and the share of generated firms that run each; at most 64
 */
public record NetworkSpec(Path firmsFile, Path linksFile, TieredSpec generator, Map<String, Double> technologies) {

    public boolean fromFiles() { return firmsFile != null; }

    /**
     * A tier of the generated network.
     *
     * @param firms             number of firms in the tier
     * @param sizeMix           probability of each size class (normalised)
     * @param role              role of the tier's firms
     * @param suppliersPerBuyer mean number of suppliers each firm of the tier above takes from this tier (tier 0: unused)
     * @param revenueYen        the tier's revenue distribution, or null to draw from the firm's size class
     * @param soleSourcing      share of the input types a buyer of the tier above takes from this tier that have one supplier (tier 0: unused)
     */
    public record TierSpec(int firms, Map<SizeClass, Double> sizeMix, Role role, double suppliersPerBuyer, DistributionSpec revenueYen,
                           double soleSourcing) {
        public TierSpec(int firms, Map<SizeClass, Double> sizeMix, Role role, double suppliersPerBuyer) {
            this(firms, sizeMix, role, suppliersPerBuyer, null, DEFAULT_SOLE_SOURCING);
        }
    }

    /**
     * Default share of sole-sourced input types: an assumption (no public survey gives the share of
     * Japanese firms' inputs bought from one supplier); docs/CALIBRATION.md compares the single points
     * of failure it gives with Inoue &amp; Todo (PLOS ONE 2019).
     */
    public static final double DEFAULT_SOLE_SOURCING = 0.3;

    /**
     * Default number of product sectors: the 188 sectors of the integrated minor classification of
     * Japan's 2020 Input-Output Tables (Statistics Bureau of Japan, Japan Statistical Yearbook 2026, ch. 3).
     */
    public static final int DEFAULT_SECTORS = 188;

    /**
     * Default most input types a buyer takes from one supplier tier: an assumption, calibrated so
     * that japan-national's ratio of indirect to direct losses is of the order of Inoue &amp; Todo's
     * (Nature Sustainability 2019: about 20); docs/CALIBRATION.md shows its weight (20 types: about
     * 50; no limit: above 100).
     */
    public static final int DEFAULT_INPUT_TYPES = 10;

    /**
     * Parameters of the tiered "keiretsu" generator.
     *
     * @param tiers                  tier 0 (large buyers) first
     * @param attachment             strength of preferential attachment when a buyer picks suppliers: 0 = uniform, 1 = proportional to current customers + 1
     * @param sharedSupplierShare    share of a buyer's suppliers picked from the whole tier rather than its own group
     * @param fanInRevenueElasticity a buyer's mean number of suppliers scales with its revenue to this power (0: the same for every buyer of a tier)
     * @param sizeByDegree           within each supplier tier, give the drawn sizes and revenues to firms in order of their number of customers
     * @param trustProbability       per supply relationship, probability that the supplier also holds IT access of each type into the buyer
     * @param reverseTrustProbability per supply relationship, probability that the buyer holds access of each type into the supplier
     * @param mspFirms               number of IT service providers (MSPs)
     * @param mspClientsMean         mean number of clients per MSP (managed-service trust into each)
     * @param logisticsFirms         number of logistics providers
     * @param logisticsClientsMean   mean number of clients per logistics provider (supply share and EDI)
     * @param sectors                number of product sectors the firms of each tier are spread over (input types)
     * @param inputTypesPerBuyer     most input types a buyer takes from one tier; further suppliers join its multi-sourced types
     */
    public record TieredSpec(List<TierSpec> tiers, double attachment, double sharedSupplierShare, double fanInRevenueElasticity, boolean sizeByDegree,
                             Map<TrustType, Double> trustProbability, Map<TrustType, Double> reverseTrustProbability,
                             int mspFirms, double mspClientsMean, int logisticsFirms, double logisticsClientsMean, int sectors,
                             int inputTypesPerBuyer) {
        public int totalFirms() {
            long n = mspFirms + (long) logisticsFirms;
            for (TierSpec t : tiers) n += t.firms();
            return (int) Math.min(Integer.MAX_VALUE, n);
        }
    }

    /** Largest network the tool accepts (firms); larger ones are refused by validation. */
    public static final int MAX_FIRMS = 50_000_000;

    static NetworkSpec read(YamlMap m, Path scenarioDir) throws BadInputException {
        YamlValue files = m.get("files");
        if (files != null) {
            YamlMap f = files.asMap();
            Path firms = scenarioDir.resolve(f.requireString("firms"));
            Path links = scenarioDir.resolve(f.requireString("links"));
            f.done();
            Map<String, Double> tech = readTechnologies(m);
            m.done();
            return new NetworkSpec(firms, links, null, tech);
        }
        YamlMap g = m.map("generator");
        Map<String, Double> tech = readTechnologies(m);
        m.done();
        List<TierSpec> tiers = new ArrayList<>();
        List<YamlValue> tierValues = g.list("tiers");
        if (tierValues.isEmpty()) throw g.error("'tiers' must list at least one tier (tier 0: the large buyers)");
        long total = 0;
        for (int i = 0; i < tierValues.size(); i++) {
            YamlMap t = tierValues.get(i).asMap();
            int firms = (int) t.integer("firms", 0, 1, MAX_FIRMS);
            if (!t.has("firms")) t.require("firms");
            total += firms;
            Map<SizeClass, Double> mix = readShares(t, "size_mix", i == 0 ? SizeClass.LARGE : SizeClass.SMALL);
            Role role = Labelled.read(t, "role", Role.class, Role.MANUFACTURER);
            double fanIn = t.number("suppliers_per_buyer", 3.0, 0, 10_000);
            DistributionSpec revenue = DistributionSpec.readMoney(t, "revenue_yen", null);
            double sole = t.probability("sole_sourcing", DEFAULT_SOLE_SOURCING);
            t.done();
            tiers.add(new TierSpec(firms, mix, role, fanIn, revenue, sole));
        }
        double attachment = g.number("attachment", 1.0, 0, 10);
        double shared = g.probability("shared_supplier_share", 0.2);
        double elasticity = g.number("fan_in_revenue_elasticity", 0, 0, 3);
        boolean sizeByDegree = g.bool("size_by_degree", false);
        Map<TrustType, Double> trust = readTypeProbabilities(g.mapOrEmpty("trust_probability"));
        Map<TrustType, Double> reverse = readTypeProbabilities(g.mapOrEmpty("reverse_trust_probability"));
        int msp = (int) g.integer("msp_firms", 0, 0, MAX_FIRMS);
        double mspClients = g.number("msp_clients_mean", 20, 0, 1e6);
        int logistics = (int) g.integer("logistics_firms", 0, 0, MAX_FIRMS);
        double logisticsClients = g.number("logistics_clients_mean", 20, 0, 1e6);
        int sectors = (int) g.integer("sectors", DEFAULT_SECTORS, 1, 10_000);
        int inputTypes = (int) g.integer("input_types_per_buyer", DEFAULT_INPUT_TYPES, 1, 10_000);
        total += msp + logistics;
        if (total > MAX_FIRMS) throw g.error("the generated network would have " + total + " firms; at most " + MAX_FIRMS + " are supported");
        g.done();
        return new NetworkSpec(null, null, new TieredSpec(List.copyOf(tiers), attachment, shared, elasticity, sizeByDegree, trust, reverse,
                msp, mspClients, logistics, logisticsClients, sectors, inputTypes), tech);
    }

    private static Map<String, Double> readTechnologies(YamlMap m) throws BadInputException {
        Map<String, Double> tech = new java.util.LinkedHashMap<>();
        YamlMap t = m.mapOrEmpty("technologies");
        for (String key : t.keys()) {
            if (tech.size() == 64) throw t.require(key).error("at most 64 technologies are supported");
            Names.check(t.keyValue(key), key, ";"); // ";" separates the tags of a firm in firms.csv
            tech.put(key, t.probability(key, 0));
        }
        t.done();
        return java.util.Collections.unmodifiableMap(tech);
    }

    /** How far the shares of a size mix may add up from 1 (rounding in decimal shares such as 0.1 + 0.2 + 0.7). */
    static final double SHARE_SUM_TOLERANCE = 1e-6;

    /**
     * The share of each size class, adding up to 1; when {@code size_mix} is absent, all firms are of
     * class {@code fallback}. An empty mix, shares that are all 0, or shares that do not add up to 1
     * are refused: a mix is a distribution, and silently rescaling 1.25 would hide a typo.
     */
    private static Map<SizeClass, Double> readShares(YamlMap parent, String key, SizeClass fallback) throws BadInputException {
        Map<SizeClass, Double> mix = new EnumMap<>(SizeClass.class);
        YamlValue given = parent.get(key);
        if (given == null) {
            mix.put(fallback, 1.0);
            return mix;
        }
        YamlMap m = given.asMap();
        double sum = 0;
        for (SizeClass s : SizeClass.values()) {
            double share = m.probability(s.label(), 0);
            if (share > 0) mix.put(s, share);
            sum += share;
        }
        m.done();
        String classes = String.join(", ", Labelled.labels(SizeClass.class));
        if (m.keys().isEmpty()) throw given.error("an empty size mix; give the share of each size class (" + classes + "), adding up to 1, or leave out '" + key + "'");
        if (mix.isEmpty()) throw given.error("every share is 0; the shares of the size classes must add up to 1");
        if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
            throw given.error("the shares add up to " + (float) sum + "; the shares of the size classes must add up to 1");
        }
        // Shares that already add up to 1 (to the rounding of decimal fractions, e.g. 0.3 + 0.35 + 0.35) are kept as
        // written, so that a scenario written back from its resolved values (a manifest's) loads to the same shares.
        if (Math.abs(sum - 1) <= 1e-9) return mix;
        double total = sum;
        mix.replaceAll((k, v) -> v / total);
        return mix;
    }

    private static Map<TrustType, Double> readTypeProbabilities(YamlMap m) throws BadInputException {
        Map<TrustType, Double> p = new EnumMap<>(TrustType.class);
        for (TrustType t : TrustType.values()) p.put(t, m.probability(t.label(), 0));
        m.done();
        return p;
    }
}
