package weaklink.economics;

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
 * compromise) no firm expects an attack, so every firm's own Gordon–Loeb optimum is 0 and what a
 * policy makes firms spend is all the policy's doing.
 *
 * <pre>
 *   A (large, tier 0)      B (large, tier 0)         purchases: revenue 4e10 × (1 − 0.25) = 3e10 each
 *        ^ share 1          ^ 0.5     ^ 0.5
 *        S (small, tier 1) -+         T (small, tier 1)
 *        ^ share 1
 *        U (micro, tier 2)
 * </pre>
 * S (revenue 1e8, own budget 5e5) sells 3e10 × 1 to A and 3e10 × 0.5 to B: 2/3 and 1/3 of its sales. Cost to reach ★3 (0.30):
 * small {@code (0.6/0.3 − 1)/1e-6 = 1e6}; micro {@code (0.7/0.3 − 1)/1e-5 = 133,333.33}.
 */
final class PolicyFixtures {
    static final int A = 0, B = 1, S = 2, T = 3, U = 4;
    static final double SMALL_COST = 1.0e6;
    static final double MICRO_COST = (0.7 / 0.3 - 1) / 1e-5;

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
        b.setAttribute(S, FirmAttribute.REVENUE_YEN, 1e8); // own budget 0.005 × 1e8 = 5e5, half the cost of ★3
        b.addSupply(S, A, 1, 30, 0.5);
        b.addSupply(S, B, 1, 30, 0.5);
        b.addSupply(T, B, 1, 30, 0.5);
        b.addSupply(U, S, 1, 30, 0.5);
        return b.build();
    }

    static SecurityFunding fund(PolicySpec spec, Scenario scenario, SupplyNetwork net) {
        return CostSharingPolicy.of(spec).fund(scenario, net);
    }

    /** Every firm's investment is the sum of what each payer paid for it, and buyers' payments match what suppliers received. */
    static void assertBooksBalance(SecurityFunding f) {
        double forSuppliers = 0;
        for (int i = 0; i < f.investmentYen().length; i++) {
            double paid = f.paidBySelf()[i] + f.paidByBuyers()[i] + f.paidByGovernment()[i] + f.paidByPool()[i];
            assertEquals(f.investmentYen()[i], paid, 1e-6 * Math.max(1, paid), "firm " + i);
            forSuppliers += f.paidForSuppliers()[i];
        }
        assertEquals(f.totalPaidByBuyers(), forSuppliers, 1e-6 * Math.max(1, forSuppliers));
    }
}
