package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.economics.decision.SupplyExposure;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * METI's rule per supplier and buyer, one case per risk: a buyer (0, large, three days of stock)
 * with five suppliers.
 * <pre>
 *   1 remote access into 0          → ★4 (can reach its systems)
 *   2 EDI from 0 into it            → ★4 (holds its data)
 *   3 sole source (share 0.8), no substitute within its 21-day outage → ★4 (halts it beyond its stock)
 *   4 share 0.02, no trust           → ★3 (its outage costs the buyer 0.02 × (21 − 3) days: less than a day)
 *   5 share 0.18, substituted at once → ★3
 * </pre>
 */
class MetiRuleTest {
    final Scenario s = PolicyFixtures.scenario(PolicyFixtures.NO_ATTACKS + """
            size_classes:
              large: {inventory_days: 3}
              small: {recovery_days: 21}
            """);
    final SupplyNetwork net = network();

    SupplyNetwork network() {
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), 6);
        b.addFirm(0, 0, SizeClass.LARGE, Role.MANUFACTURER);
        for (int i = 1; i <= 5; i++) b.addFirm(i, 1, SizeClass.SMALL, Role.MANUFACTURER);
        b.setAttribute(0, FirmAttribute.REVENUE_YEN, 4e10);
        b.addSupply(1, 0, 0.0, 30, 0.5);
        b.addSupply(2, 0, 0.0, 30, 0.5);
        b.addSupply(3, 0, 0.8, 60, 0.5);
        b.addSupply(4, 0, 0.02, 60, 0.5);
        b.addSupply(5, 0, 0.18, 0, 1.0);
        b.addTrust(1, 0, TrustType.REMOTE_ACCESS);
        b.addTrust(0, 2, TrustType.EDI);
        return b.build(false);
    }

    @Test
    void aSupplierThatCanReachHoldsDataOfOrWouldHaltItsBuyerIsAskedForStar4AndOthersForStar3() {
        PolicyContext ctx = PolicyContext.of(s, net, 1);
        SupplyExposure supply = ctx.supply();
        String[] expected = {null, "star4", "star4", "star4", "star3", "star3"};
        for (int i = 1; i <= 5; i++) assertEquals(expected[i], MetiRule.level(ctx, i, 0).name(), "supplier " + i);
        // the sole large source stops most of the buyer's production for the 18 days its stock does not cover
        assertTrue(supply.buyerLostDays(2) > 10, "lost days " + supply.buyerLostDays(2));
        assertTrue(supply.buyerLostDays(3) < SupplyExposure.HALT_DAYS, "lost days " + supply.buyerLostDays(3));
    }

    @Test
    void aMandateOfTheMetiRuleAsksEachSupplierTheStrictestLevelOfItsBuyers() {
        SecurityFunding f = PolicyFixtures.fund(new PolicySpec.Mandate("m", "meti", 1, 1.0, 0), s, net);
        for (int i = 1; i <= 5; i++) {
            double asked = i <= 3 ? 0.15 : 0.30;
            assertEquals(asked, f.posture().successProbability()[i], 1e-12, "supplier " + i);
        }
        assertEquals(5e5, f.certificationYen()[1]);
        assertEquals(1e5, f.certificationYen()[4]);
    }
}
