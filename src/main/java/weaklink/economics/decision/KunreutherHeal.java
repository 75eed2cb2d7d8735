package weaklink.economics.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-firm interdependent-security game of Kunreuther &amp; Heal (2003, "Interdependent
 * Security", Journal of Risk and Uncertainty 26(2/3):231–249): each firm chooses to invest
 * {@code c} in protection or not. An unprotected firm suffers a direct loss {@code L} with
 * probability {@code p}; a firm whose partner is unprotected also suffers {@code L} with
 * probability {@code q} by contagion from the partner, whether or not it is protected itself
 * (protection stops only direct attacks); the two events are independent and a firm loses
 * {@code L} at most once. So a firm's expected cost is
 * <pre>
 * both invest: c        it invests, partner does not: c + qL
 * neither:     pL + (1 − p)qL        it does not, partner does: pL
 * </pre>
 * and, for {@code 0 ≤ q ≤ 1}, (invest, invest) is an equilibrium iff {@code c ≤ pL} and
 * (not, not) iff {@code c ≥ p(1 − q)L} — between the two, both are: the weak link's
 * under-investment can be self-fulfilling, which is why cost-sharing can tip the network.
 * The class computes the equilibria by best responses from the expected costs, not from the
 * closed form, so a test can check one against the other.
 *
 * @param p       probability of a direct loss when unprotected
 * @param q       probability of a loss by contagion from an unprotected partner
 * @param lossYen the loss {@code L}
 * @param costYen the cost of protection {@code c}
 */
public record KunreutherHeal(double p, double q, double lossYen, double costYen) {

    /** A pure-strategy profile: whether firm 1 and firm 2 invest. */
    public record Profile(boolean firstInvests, boolean secondInvests) {}

    /** A firm's expected cost: {@code c·[invests] + P(loss)·L}, {@code P(loss) = 1 − (1 − p·[not invests])(1 − q·[partner not])}. */
    public double expectedCost(boolean invests, boolean partnerInvests) {
        double direct = invests ? 0 : p;
        double contagion = partnerInvests ? 0 : q;
        double lossProbability = 1 - (1 - direct) * (1 - contagion);
        return (invests ? costYen : 0) + lossProbability * lossYen;
    }

    /** Whether the choice is a best response to the partner's (ties count as best responses). */
    public boolean isBestResponse(boolean invests, boolean partnerInvests) {
        return expectedCost(invests, partnerInvests) <= expectedCost(!invests, partnerInvests);
    }

    /** The pure-strategy Nash equilibria of the symmetric game. */
    public List<Profile> equilibria() {
        List<Profile> out = new ArrayList<>();
        for (boolean a : new boolean[] {true, false}) {
            for (boolean b : new boolean[] {true, false}) {
                if (isBestResponse(a, b) && isBestResponse(b, a)) out.add(new Profile(a, b));
            }
        }
        return out;
    }

    /**
     * The smallest share of {@code c} a third party must pay so that investing is each firm's best
     * response even when its partner does not invest ({@code c(1 − s) ≤ p(1 − q)L}), making
     * (invest, invest) the only equilibrium when {@code q > 0}: {@code s = max(0, 1 − p(1 − q)L / c)}.
     */
    public double shareThatTips() {
        if (costYen <= 0) return 0;
        return Math.max(0, 1 - p * (1 - q) * lossYen / costYen);
    }
}
