package weaklink.economics.policy;

import java.util.ArrayList;
import java.util.List;
import weaklink.economics.decision.FirmTerms;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.SizeClass;

/**
 * {@code subsidy}: the government pays share σ of an SME's cost to reach the standard, for SMEs
 * (every size class but {@code large}) that would not reach it by themselves, until the budget is
 * committed (as Japan's IT introduction subsidy and similar schemes do; docs/POLICIES.md). Grants
 * are committed to the cheapest cases first, so a fixed budget reaches the most firms; the last
 * commitment may be partial. Two forms:
 * <ul>
 *   <li>money only ({@code requirement: false}): the government pays σ of each yen the firm spends
 *       on security up to its cost of reaching the standard — its price of security falls;</li>
 *   <li>a grant's condition ({@code requirement: true}): σ of the cost of reaching the standard and
 *       of certifying it, paid only if the firm meets (and certifies) it — a jump to the standard
 *       when the grant is worth it (the IT introduction subsidy requires a SECURITY ACTION
 *       self-declaration).</li>
 * </ul>
 * Each firm then decides; a commitment a firm does not use is not passed on. Administration costs
 * share {@code administration_share} of the grants paid, and all of it is public money.
 */
public record SubsidyPolicy(PolicySpec.Subsidy spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(PolicyContext ctx) {
        SupplyNetwork net = ctx.network();
        SecurityFunding.Builder b = new SecurityFunding.Builder(ctx);
        int n = net.firmCount();
        double[] cost = new double[n];
        Standard[] standard = new Standard[n];
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (net.sizeClass(i) == SizeClass.LARGE) continue;
            standard[i] = CostSharingPolicy.standardFor(ctx, spec.standard(), i);
            double reach = ctx.breach(i).investmentToReach(standard[i].maxVulnerability());
            if (!(reach > 0) || Double.isInfinite(reach) || ctx.baselineInvestmentYen(i) >= reach) continue;
            cost[i] = reach + (spec.requirement() ? standard[i].certificationYen() : 0);
            eligible.add(i);
            b.address(i, standard[i]);
        }
        eligible.sort((x, y) -> cost[x] != cost[y] ? Double.compare(cost[x], cost[y]) : Integer.compare(x, y));
        double remaining = spec.budgetYen(), paid = 0;
        for (int i : eligible) {
            double commitment = Math.min(spec.sigma() * cost[i], remaining);
            if (commitment <= 0) break;
            remaining -= commitment;
            boolean full = commitment >= spec.sigma() * cost[i];
            double reach = ctx.breach(i).investmentToReach(standard[i].maxVulnerability());
            double upTo = full ? reach : Math.min(reach, commitment / spec.sigma());
            FirmTerms terms = new FirmTerms(ctx.budgetYen(i))
                    .share(spec.sigma(), upTo, spec.requirement() ? standard[i] : null, spec.requirement() && full, SecurityFunding.GOVERNMENT);
            b.decide(i, terms);
            paid += b.byGovernment[i];
        }
        b.administration(spec.administrationShare() * paid, true);
        return b.build();
    }
}
