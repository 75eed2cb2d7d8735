package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static weaklink.economics.policy.PolicyFixtures.A;
import static weaklink.economics.policy.PolicyFixtures.B;
import static weaklink.economics.policy.PolicyFixtures.MICRO_COST;
import static weaklink.economics.policy.PolicyFixtures.S;
import static weaklink.economics.policy.PolicyFixtures.SMALL_COST;
import static weaklink.economics.policy.PolicyFixtures.STAR3_CERTIFICATION;
import static weaklink.economics.policy.PolicyFixtures.T;
import static weaklink.economics.policy.PolicyFixtures.U;

import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;

class BuyerSharePolicyTest {
    final Scenario quiet = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS);
    final Scenario rich = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS + PolicyFixtures.RICH);

    SecurityFunding fund(Scenario s, PolicySpec spec) {
        return PolicyFixtures.fund(spec, s, PolicyFixtures.chain(s));
    }

    @Test
    void withNothingToProtectMoneyAloneBuysNoSecurity() {
        SecurityFunding f = fund(rich, PolicyFixtures.buyerShare(1.0, 2, false));
        for (int i = 0; i < f.firmCount(); i++) assertEquals(0, f.spendYen(i), "firm " + i);
        assertEquals(0, f.totalPaidByBuyers());
        assertEquals(0, f.policyCost());
        assertEquals(0, f.shareMeetingStandard()); // addressed, but none meets ★3 (v = 0.6 and 0.7)
    }

    @Test
    void aSupplierMeetsARequirementWhenTheBusinessAtStakeIsWorthMoreThanItsPartOfTheCost() {
        SecurityFunding f = fund(rich, PolicyFixtures.buyerShare(0.5, 1, true));
        // S: stakes 0.5 × (2/3 and 1/3) × margin 2.5e7 = 1.25e7 against its part, 0.5 × (1e6 + 1e5)
        assertEquals(SMALL_COST, f.investmentYen()[S], 1e-6);
        assertEquals(STAR3_CERTIFICATION, f.certificationYen()[S]);
        assertEquals(0.30, f.posture().successProbability()[S], 1e-12);
        assertTrue(f.meetsStandard(S) && f.meetsStandard(T));
        assertEquals(0, f.lostBusinessYen()[S]);
        // buyers pay φ × their share of sales × (cost to reach + certification)
        double cost = SMALL_COST + STAR3_CERTIFICATION;
        assertEquals(0.5 * cost, f.paidByBuyers()[S], 1e-6);
        assertEquals(0.5 * cost * 2 / 3, f.paidForSuppliers()[A], 1e-6);
        assertEquals(0.5 * cost / 3 + 0.5 * cost, f.paidForSuppliers()[B], 1e-6);
        assertEquals(0.5 * cost, f.paidBySelf()[S], 1e-6);
        assertEquals(1.0, f.shareMeetingStandard());
        PolicyFixtures.assertBooksBalance(f);
    }

    @Test
    void aSupplierWhoseBudgetCannotCoverItsPartLosesTheBusinessInExpectationAndIsBudgetBound() {
        SecurityFunding f = fund(quiet, PolicyFixtures.buyerShare(0.5, 1, true));
        // S's budget 1e5 is below its part 5.5e5
        assertEquals(0, f.spendYen(S));
        assertFalse(f.meetsStandard(S));
        assertTrue(f.budgetBound(S));
        assertEquals(0.5 * 0.25 * 1e8, f.lostBusinessYen()[S], 1e-6);
        // when buyers pay it all, its part is nothing and it meets the standard
        SecurityFunding paid = fund(quiet, PolicyFixtures.buyerShare(1.0, 1, true));
        assertTrue(paid.meetsStandard(S));
        assertEquals(0, paid.paidBySelf()[S], 1e-9);
        assertFalse(paid.budgetBound(S));
    }

    @Test
    void indirectSuppliersAreReachedOnlyWithinTheGivenTiers() {
        assertFalse(fund(rich, PolicyFixtures.buyerShare(0.5, 1, true)).addressed(U));
        SecurityFunding two = fund(rich, PolicyFixtures.buyerShare(0.5, 2, true));
        // all of U's output goes to S, which sells 2/3 of it on to A and 1/3 to B
        double cost = MICRO_COST + STAR3_CERTIFICATION;
        assertTrue(two.meetsStandard(U));
        assertEquals(0.5 * cost, two.paidByBuyers()[U], 1e-6);
        assertEquals(0.5 * (SMALL_COST + STAR3_CERTIFICATION) * 2 / 3 + 0.5 * cost * 2 / 3, two.paidForSuppliers()[A], 1e-6);
        PolicyFixtures.assertBooksBalance(two);
    }

    @Test
    void largeBuyersAreNotAddressedAndSmallBuyersPayNothing() {
        SecurityFunding f = fund(rich, PolicyFixtures.buyerShare(0.5, 2, true));
        assertFalse(f.addressed(A));
        assertEquals(0, f.paidByBuyers()[A]);
        assertEquals(0, f.paidForSuppliers()[S]);
    }

    @Test
    void aPriceIncreasePaysForTheStandardWithoutLoweringThePriceOfSecurity() {
        PolicySpec.BuyerShare price = new PolicySpec.BuyerShare("bs", 0.5, 1, "star3", true, 0.5, PolicySpec.PRICE);
        SecurityFunding f = fund(rich, price);
        double cost = SMALL_COST + STAR3_CERTIFICATION;
        assertTrue(f.meetsStandard(S));
        assertEquals(0.5 * cost * 2 / 3, f.paidForSuppliers()[A], 1e-6);
        assertEquals(0.5 * cost, f.paidByBuyers()[S], 1e-6); // the increase pays for half of S's spending
        PolicyFixtures.assertBooksBalance(f);
        // without a requirement, and nothing to protect, the increase is a transfer the supplier keeps
        SecurityFunding kept = fund(rich, new PolicySpec.BuyerShare("bs", 0.5, 1, "star3", false, 0.5, PolicySpec.PRICE));
        assertEquals(0, kept.spendYen(S));
        assertEquals(0, kept.paidByBuyers()[S]);
        assertEquals(0.5 * SMALL_COST * 2 / 3, kept.paidForSuppliers()[A], 1e-6);
        assertEquals(0, kept.policyCost());
    }

    /**
     * One supplier selling all its output to one large buyer, attacked by a data-theft actor
     * (no outage): its expected loss is linear in S, {@code L = 1 campaign × 0.5 × incident cost
     * (3e6 + 0.001 × 1e9)} = 2e6, so it invests the Gordon–Loeb optimum at the price 1 − φ,
     * {@code ((αβvL/(1 − φ))^(1/2) − 1)/α}, as long as that is below its cost of reaching ★3.
     */
    @Test
    void aSupplierInvestsTheGordonLoebOptimumAtThePriceItsBuyersLeaveIt() {
        Scenario s = PolicyFixtures.scenario("""
                name: one
                network: {generator: {tiers: [{firms: 2}]}}
                economics: {cascade: false, cost_per_record_yen: 0}
                actors:
                  - {mode: opportunistic, effect: data-theft, campaigns_per_year: 1, attempt_probability: 0.5}
                """);
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 2);
        b.addFirm(0, 0, SizeClass.LARGE, Role.MANUFACTURER);
        b.addFirm(1, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.setAttribute(1, FirmAttribute.REVENUE_YEN, 1e9);
        b.addSupply(1, 0, 1, 30, 0.5);
        SupplyNetwork net = b.build();
        double loss = 0.5 * (3e6 + 0.001 * 1e9);
        for (double phi : new double[] {0, 0.25, 0.5}) {
            double z = (Math.sqrt(1e-6 * 0.6 * loss / (1 - phi)) - 1) / 1e-6;
            assertTrue(z > 0 && z < SMALL_COST);
            SecurityFunding f = PolicyFixtures.fund(PolicyFixtures.buyerShare(phi, 1, false), s, net);
            assertEquals(z, f.investmentYen()[1], 1e-6 * z, "phi " + phi);
            assertEquals(phi * z, f.paidForSuppliers()[0], 1e-6 * z);
        }
    }

    @Test
    void withPhiZeroAndNoRequirementEverySupplierChoosesAsWithNoPolicy() {
        Scenario attacked = PolicyFixtures.scenario("""
                name: attacked
                network: {generator: {tiers: [{firms: 2}, {firms: 2}, {firms: 1}]}}
                trust_types: {remote-access: {daily_probability: 0.05}}
                actors:
                  - {mode: opportunistic, campaigns_per_year: 6, attempt_probability: 0.3}
                  - {mode: targeted, campaigns_per_year: 2, recon_probability: 0.8}
                """);
        SupplyNetwork net = PolicyFixtures.chain(attacked);
        SecurityFunding none = PolicyFixtures.fund(new PolicySpec.None("none"), attacked, net);
        SecurityFunding zero = PolicyFixtures.fund(PolicyFixtures.buyerShare(0, 2, false), attacked, net);
        assertTrue(none.totalSpend() > 0, "the fixture must make firms invest");
        assertArrayEquals(none.investmentYen(), zero.investmentYen());
        assertArrayEquals(none.paidBySelf(), zero.paidBySelf());
        assertArrayEquals(none.posture().successProbability(), zero.posture().successProbability());
        assertEquals(0, zero.policyCost());
    }
    /**
     * The run's large buyers' shares (asked for by every round of every buyer-share policy, from several threads at once) are
     * each supplier's shares as {@link BuyerSharePolicy#largeBuyerShares} computes them, bit for bit, computed once per
     * supplier and depth: a later ask, from any thread, gets the same map.
     */
    @Test
    void theRunsLargeBuyerSharesAreEachSuppliersOwnComputedOnceWhateverTheThreads() throws Exception {
        Scenario s = weaklink.scenario.ScenarioLoader.load(java.nio.file.Path.of("scenarios/quickstart.yaml"));
        SupplyNetwork net = weaklink.network.Networks.build(s, 11);
        PolicyContext ctx = PolicyContext.of(s, net, 11);
        int n = net.firmCount();
        int[] depths = {1, 3, net.maxTier() + 2};
        @SuppressWarnings("unchecked")
        java.util.Map<Integer, Double>[][] first = new java.util.Map[depths.length][n];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> asks = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                asks.add(pool.submit(() -> {
                    // each thread asks for every supplier, starting at another one: the threads meet on the same slots
                    for (int k = 0; k < n; k++) {
                        int i = (k + offset * n / 4) % n;
                        for (int d = 0; d < depths.length; d++) ctx.largeBuyerShares(i, depths[d]);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : asks) f.get();
        } finally {
            pool.shutdownNow();
        }
        int reached = 0;
        for (int d = 0; d < depths.length; d++) {
            for (int i = 0; i < n; i++) {
                first[d][i] = ctx.largeBuyerShares(i, depths[d]);
                java.util.Map<Integer, Double> direct = BuyerSharePolicy.largeBuyerShares(net, i, depths[d]);
                assertEquals(java.util.List.copyOf(direct.keySet()), java.util.List.copyOf(first[d][i].keySet()), "supplier " + i + ", depth " + depths[d]);
                for (var e : direct.entrySet()) {
                    assertEquals(Double.doubleToRawLongBits(e.getValue()), Double.doubleToRawLongBits(first[d][i].get(e.getKey())),
                            "supplier " + i + ", buyer " + e.getKey() + ", depth " + depths[d]);
                }
                if (!direct.isEmpty()) reached++;
                org.junit.jupiter.api.Assertions.assertSame(first[d][i], ctx.largeBuyerShares(i, depths[d]), "asked again");
            }
        }
        assertTrue(reached > n / 2, reached + " suppliers reach a large buyer");
    }
}
