package weaklink.economics.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.economics.decision.KunreutherHeal.Profile;

class KunreutherHealTest {
    static final Profile BOTH = new Profile(true, true), NEITHER = new Profile(false, false);

    @Test
    void bothInvestIffCostAtMostPLAndNeitherIffCostAtLeastPOneMinusQL() {
        double loss = 1e8;
        for (double p = 0.05; p < 1; p += 0.1) {
            for (double q = 0; q <= 1.0001; q += 0.1) {
                for (double c = 0; c <= 1.1e8; c += 1.37e6) {
                    // off the boundaries, where rounding decides ties
                    if (Math.abs(c - p * loss) < 1e-6 * loss || Math.abs(c - p * (1 - q) * loss) < 1e-6 * loss) continue;
                    KunreutherHeal game = new KunreutherHeal(p, q, loss, c);
                    List<Profile> eq = game.equilibria();
                    String at = "p=" + p + " q=" + q + " c=" + c;
                    assertEquals(c <= p * loss, eq.contains(BOTH), at);
                    assertEquals(c >= p * (1 - q) * loss, eq.contains(NEITHER), at);
                }
            }
        }
    }

    @Test
    void atTheBoundariesBothConditionsHoldWithEquality() {
        KunreutherHeal g = new KunreutherHeal(0.25, 0.5, 1000, 250); // c = pL: investing is still a best response
        assertEquals(true, g.equilibria().contains(BOTH));
        KunreutherHeal h = new KunreutherHeal(0.25, 0.5, 1000, 125); // c = p(1−q)L: not investing is still one
        assertEquals(true, h.equilibria().contains(NEITHER));
    }

    @Test
    void expectedCostsAreKunreutherAndHealsTable() {
        KunreutherHeal g = new KunreutherHeal(0.2, 0.1, 1000, 50);
        assertEquals(50, g.expectedCost(true, true), 1e-9);
        assertEquals(50 + 0.1 * 1000, g.expectedCost(true, false), 1e-9);
        assertEquals(0.2 * 1000, g.expectedCost(false, true), 1e-9);
        assertEquals(0.2 * 1000 + 0.8 * 0.1 * 1000, g.expectedCost(false, false), 1e-9);
    }

    @Test
    void paringTheCostByTheTippingShareLeavesOnlyTheInvestEquilibrium() {
        // between p(1−q)L = 144 and pL = 180 both equilibria exist: the weak link can be self-fulfilling
        KunreutherHeal g = new KunreutherHeal(0.18, 0.2, 1000, 160);
        assertEquals(List.of(BOTH, NEITHER), g.equilibria());
        double share = g.shareThatTips();
        assertEquals(1 - 144.0 / 160, share, 1e-12);
        KunreutherHeal shared = new KunreutherHeal(0.18, 0.2, 1000, 160 * (1 - share - 1e-9));
        assertEquals(List.of(BOTH), shared.equilibria());
    }
}
