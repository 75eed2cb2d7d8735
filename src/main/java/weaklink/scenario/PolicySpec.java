package weaklink.scenario;

import java.util.List;

/**
 * A cost-sharing policy as the scenario states it (DESIGN §1 "Cost-sharing policies"). Each
 * variant has a unique {@code name} (outputs are keyed by it) and a {@code kind} id; the
 * behaviour lives in {@code weaklink.economics}. A scenario may list several variants of a kind.
 */
public sealed interface PolicySpec {
    /** Unique name of this variant, e.g. {@code buyer-share-50}. */
    String name();

    /** The policy's kind. */
    Kind kind();

    enum Kind implements Labelled {
        NONE("none"), BUYER_SHARE("buyer-share"), MANDATE("mandate"), SUBSIDY("subsidy"),
        MUTUAL_POOL("mutual-pool"), TARGETED("targeted");
        private final String label;
        Kind(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    /** Every firm self-funds its Gordon–Loeb optimum within its budget cap. */
    record None(String name) implements PolicySpec {
        public Kind kind() { return Kind.NONE; }
    }

    /**
     * Large buyers pay share {@code phi} of each supplier's cost to reach {@code standard}, for
     * suppliers up to {@code tiers} tiers upstream, split by the buyer's share of the supplier's sales.
     */
    record BuyerShare(String name, double phi, int tiers, String standard) implements PolicySpec {
        public Kind kind() { return Kind.BUYER_SHARE; }
    }

    /** Suppliers (tier ≥ {@code minTier}) must reach {@code standard} at their own cost, beyond their budget cap if need be. */
    record Mandate(String name, String standard, int minTier) implements PolicySpec {
        public Kind kind() { return Kind.MANDATE; }
    }

    /** The government pays share {@code sigma} of SMEs' cost to reach {@code standard}, up to {@code budgetYen} in total. */
    record Subsidy(String name, double sigma, double budgetYen, String standard) implements PolicySpec {
        public Kind kind() { return Kind.SUBSIDY; }
    }

    /**
     * Members pay {@code premiumRate} × revenue into a pool that pays their losses above
     * {@code retentionYen} and spends share {@code preventionShare} of premiums on members' prevention, by risk;
     * the pool starts each year with {@code capitalYen}.
     */
    record MutualPool(String name, double premiumRate, double retentionYen, double preventionShare, double capitalYen) implements PolicySpec {
        public Kind kind() { return Kind.MUTUAL_POOL; }
    }

    /** {@code budgetYen} is allocated greedily to the firms whose funding lowers expected network-wide loss most per yen; {@code payer} pays. */
    record Targeted(String name, double budgetYen, String payer) implements PolicySpec {
        public Kind kind() { return Kind.TARGETED; }
    }

    List<String> PAYERS = List.of("government", "buyers", "pool");

    static PolicySpec read(YamlMap m, java.util.Set<String> standards) throws BadInputException {
        Kind kind = Labelled.read(m, "id", Kind.class, null);
        String name = m.name("name", kind.label(), ","); // "," separates names in --policies a,b
        PolicySpec p = switch (kind) {
            case NONE -> new None(name);
            case BUYER_SHARE -> new BuyerShare(name, m.probability("phi", 0.5), (int) m.integer("tiers", 1, 1, 50), standard(m, standards));
            case MANDATE -> new Mandate(name, standard(m, standards), (int) m.integer("min_tier", 1, 0, 50));
            case SUBSIDY -> new Subsidy(name, m.probability("sigma", 0.5), m.money("budget_yen", 1.0e12), standard(m, standards));
            case MUTUAL_POOL -> new MutualPool(name, m.probability("premium_rate", 0.001), m.money("retention_yen", 1.0e7), m.probability("prevention_share", 0.3),
                    m.money("capital_yen", 0));
            case TARGETED -> new Targeted(name, m.money("budget_yen", 1.0e9), m.choice("payer", "government", PAYERS));
        };
        m.done();
        return p;
    }

    private static String standard(YamlMap m, java.util.Set<String> standards) throws BadInputException {
        return m.choice("standard", "star3", standards);
    }
}
