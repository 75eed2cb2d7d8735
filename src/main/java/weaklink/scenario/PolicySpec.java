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
        MUTUAL_POOL("mutual-pool"), TARGETED("targeted"), PLANNER("planner");
        private final String label;
        Kind(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    /** Every firm chooses its own investment (Gordon–Loeb) within its budget and pays for it. */
    record None(String name) implements PolicySpec {
        public Kind kind() { return Kind.NONE; }
    }

    /**
     * Large buyers pay share {@code phi} of each supplier's cost to reach {@code standard} (or, with
     * {@code standard: meti}, the ★ level METI's rule gives each supplier–buyer pair), for suppliers
     * up to {@code tiers} supply links upstream, split by the buyer's share of the supplier's sales;
     * paid as a share of the supplier's security spending ({@code payment: direct}) or as a price
     * increase on its sales to them ({@code payment: price}). With {@code requirement}, buyers also
     * make the standard a condition of buying: a supplier that does not meet it loses the buyer's
     * business with probability {@code enforcement}.
     */
    record BuyerShare(String name, double phi, int tiers, String standard, boolean requirement, double enforcement,
                      String payment) implements PolicySpec {
        public Kind kind() { return Kind.BUYER_SHARE; }
        public boolean priceIncrease() { return PRICE.equals(payment); }
    }

    /**
     * Suppliers (tier ≥ {@code minTier}) have a legal duty to meet {@code standard}: share
     * {@code complianceRate} of them comply whatever it costs them (beyond their budget if need be),
     * the others weigh the expected annual penalty {@code penaltyYen} against the cost of complying.
     */
    record Mandate(String name, String standard, int minTier, double complianceRate, double penaltyYen) implements PolicySpec {
        public Kind kind() { return Kind.MANDATE; }
    }

    /**
     * The government pays share {@code sigma} of SMEs' cost to reach {@code standard}, up to
     * {@code budgetYen} in total: of their security spending up to that cost (money only), or, with
     * {@code requirement}, only if they meet (and certify) the standard — a grant's condition.
     * Administering it costs share {@code administrationShare} of the grants paid.
     */
    record Subsidy(String name, double sigma, double budgetYen, String standard, boolean requirement,
                   double administrationShare) implements PolicySpec {
        public Kind kind() { return Kind.SUBSIDY; }
    }

    /**
     * Members pay {@code premiumRate} × revenue into a pool that pays their losses above
     * {@code retentionYen} (net of what their insurers pay) and spends share {@code preventionShare}
     * of premiums on members' prevention, by risk; the pool starts each year with {@code capitalYen}
     * and spends share {@code administrationShare} of premiums on running itself.
     */
    record MutualPool(String name, double premiumRate, double retentionYen, double preventionShare, double capitalYen,
                      double administrationShare) implements PolicySpec {
        public Kind kind() { return Kind.MUTUAL_POOL; }
    }

    /**
     * {@code budgetYen} is allocated greedily to the firms whose funding lowers expected network-wide
     * loss most per yen; {@code payer} pays, and administering it costs share {@code administrationShare} of the budget spent.
     */
    record Targeted(String name, double budgetYen, String payer, double administrationShare) implements PolicySpec {
        public Kind kind() { return Kind.TARGETED; }
    }

    /**
     * The benchmark: every firm's investment chosen to minimise the network's societal cost rather
     * than the firm's own (docs/POLICIES.md, {@code planner}); nothing to set.
     */
    record Planner(String name) implements PolicySpec {
        public Kind kind() { return Kind.PLANNER; }
    }

    List<String> PAYERS = List.of("government", "buyers", "pool");
    String DIRECT = "direct";
    String PRICE = "price";
    List<String> PAYMENTS = List.of(DIRECT, PRICE);

    static PolicySpec read(YamlMap m, java.util.Set<String> standards) throws BadInputException {
        Kind kind = Labelled.read(m, "id", Kind.class, null);
        String name = m.name("name", kind.label(), ","); // "," separates names in --policies a,b
        // Administration shares: assumptions (docs/POLICIES.md). A subsidy or a public programme run through a secretariat,
        // 5 % of what it pays out; a mutual pool, 10 % of premiums (below the ~30 % expense ratio of Japanese non-life
        // insurers, as a pool pays no agents' commissions).
        PolicySpec p = switch (kind) {
            case NONE -> new None(name);
            case BUYER_SHARE -> new BuyerShare(name, m.probability("phi", 0.5), (int) m.integer("tiers", 1, 1, 50), standard(m, standards),
                    m.bool("requirement", false), m.probability("enforcement", 0.5), m.choice("payment", DIRECT, PAYMENTS));
            case MANDATE -> new Mandate(name, standard(m, standards), (int) m.integer("min_tier", 1, 0, 50),
                    m.probability("compliance_rate", 1.0), m.money("penalty_yen", 0));
            case SUBSIDY -> new Subsidy(name, m.probability("sigma", 0.5), m.money("budget_yen", 1.0e12), standard(m, standards),
                    m.bool("requirement", false), m.probability("administration_share", 0.05));
            case MUTUAL_POOL -> new MutualPool(name, m.probability("premium_rate", 0.001), m.money("retention_yen", 1.0e7),
                    m.probability("prevention_share", 0.3), m.money("capital_yen", 0), m.probability("administration_share", 0.10));
            case TARGETED -> new Targeted(name, m.money("budget_yen", 1.0e9), m.choice("payer", "government", PAYERS),
                    m.probability("administration_share", 0.05));
            case PLANNER -> new Planner(name);
        };
        m.done();
        return p;
    }

    /** A standard's name, or {@code meti} for METI's rule per supplier and buyer. */
    private static String standard(YamlMap m, java.util.Set<String> standards) throws BadInputException {
        java.util.List<String> allowed = new java.util.ArrayList<>(standards);
        allowed.add(ScenarioLoader.METI);
        return m.choice("standard", "star3", allowed);
    }
}
