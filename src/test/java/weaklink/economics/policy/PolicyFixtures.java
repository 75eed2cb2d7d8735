package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;

/**
 * Small hand-computable networks for the policy tests. With no actors (only a stress-test
 * compromise) no firm expects an attack, so every firm's own optimum is 0 and what firms spend
 * under a policy is all the policy's doing: money alone buys nothing there; only a duty, a
 * requirement or a grant's condition does.
 *
 * <pre>
 *   A (large, tier 0)      B (large, tier 0)         purchases: revenue 4e10 × (1 − 0.25) = 3e10 each
 *        ^ share 1          ^ 0.5     ^ 0.5
 *        S (small, tier 1) -+         T (small, tier 1)
 *        ^ share 1
 *        U (micro, tier 2)
 * </pre>
 * S (revenue 1e8, own budget 0.001 × 1e8 = 1e5, margin 0.25 × 1e8) sells 3e10 × 1 to A and
 * 3e10 × 0.5 to B: 2/3 and 1/3 of its sales. Cost to reach ★3 (0.30): small
 * {@code (0.6/0.3 − 1)/1e-6 = 1e6}; micro {@code (0.7/0.3 − 1)/1e-5 = 133,333.33}; certifying ★3
 * costs {@link #STAR3_CERTIFICATION} a year.
 */
final class PolicyFixtures {
    static final int A = 0, B = 1, S = 2, T = 3, U = 4;
    static final double SMALL_COST = 1.0e6;
    static final double MICRO_COST = (0.7 / 0.3 - 1) / 1e-5;
    static final double STAR3_CERTIFICATION = 1.0e5;

    private PolicyFixtures() {}

    static final String NO_ATTACKS = """
            name: hand
            network:
              generator:
                tiers:
                  - firms: 2
                  - firms: 2
                  - firms: 1
            initial_compromises:
              - firm: 0
            """;

    /** Budgets of 2 % of revenue: every supplier can afford its part of ★3. */
    static final String RICH = """
            size_classes:
              small: {budget_share: 0.02}
              micro: {budget_share: 0.02}
            """;

    static Scenario scenario(String yaml) {
        try {
            return ScenarioLoader.parse("hand.yaml", yaml, Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The network drawn above, with the scenario's size-class defaults. */
    static SupplyNetwork chain(Scenario scenario) {
        NetworkBuilder b = new NetworkBuilder(scenario.sizeClasses(), List.of(), 5);
        b.addFirm(0, 0, SizeClass.LARGE, Role.MANUFACTURER);
        b.addFirm(1, 0, SizeClass.LARGE, Role.MANUFACTURER);
        b.addFirm(2, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.addFirm(3, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.addFirm(4, 2, SizeClass.MICRO, Role.MANUFACTURER);
        b.setAttribute(A, FirmAttribute.REVENUE_YEN, 4e10);
        b.setAttribute(B, FirmAttribute.REVENUE_YEN, 4e10);
        b.setAttribute(S, FirmAttribute.REVENUE_YEN, 1e8);
        b.addSupply(S, A, 1, 30, 0.5);
        b.addSupply(S, B, 1, 30, 0.5);
        b.addSupply(T, B, 1, 30, 0.5);
        b.addSupply(U, S, 1, 30, 0.5);
        return b.build();
    }

    static SecurityFunding fund(PolicySpec spec, Scenario scenario, SupplyNetwork net) {
        return CostSharingPolicy.of(spec).fund(PolicyContext.of(scenario, net, 1));
    }

    /** A buyer-share policy of ★3, paid directly; a requirement (enforced with probability 0.5) if {@code required}. */
    static PolicySpec.BuyerShare buyerShare(double phi, int tiers, boolean required) {
        return new PolicySpec.BuyerShare("bs", phi, tiers, "star3", required, 0.5, PolicySpec.DIRECT);
    }

    /**
     * Every firm's security spending (investment and certification) is the sum of what each payer
     * paid for it, and buyers' direct payments match what suppliers received.
     */
    static void assertBooksBalance(SecurityFunding f) {
        double forSuppliers = 0;
        for (int i = 0; i < f.investmentYen().length; i++) {
            double paid = f.paidBySelf()[i] + f.paidByBuyers()[i] + f.paidByGovernment()[i] + f.paidByPool()[i];
            assertEquals(f.spendYen(i), paid, 1e-6 * Math.max(1, paid), "firm " + i);
            forSuppliers += f.paidForSuppliers()[i];
        }
        assertEquals(f.totalPaidByBuyers(), forSuppliers, 1e-6 * Math.max(1, forSuppliers));
    }
}
