package weaklink.economics;

import java.util.ArrayList;
import java.util.List;
import weaklink.economics.SecurityFunding.Payer;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;

/**
 * {@code subsidy}: the government pays share σ of an SME's cost to reach the standard, for SMEs
 * (every size class but {@code large}) that would not reach it by themselves, until the budget
 * is spent (as Japan's IT introduction subsidy and similar schemes do; docs/POLICIES.md). Grants
 * go to the cheapest cases first, so a fixed budget reaches the most firms; the last grant may
 * be partial.
 */
public record SubsidyPolicy(PolicySpec.Subsidy spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(Scenario scenario, FirmExposure exposure) {
        SupplyNetwork net = exposure.network();
        double standard = CostSharingPolicy.standard(scenario, spec.standard());
        SecurityFunding.Builder b = new SecurityFunding.Builder(exposure);
        int n = net.firmCount();
        double[] cost = new double[n];
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (net.sizeClass(i) == SizeClass.LARGE) continue;
            cost[i] = CostSharingPolicy.costToReach(exposure, i, standard);
            if (cost[i] > 0 && !Double.isInfinite(cost[i]) && exposure.selfFundedYen(i) < cost[i]) eligible.add(i);
        }
        eligible.sort((x, y) -> cost[x] != cost[y] ? Double.compare(cost[x], cost[y]) : Integer.compare(x, y));
        double remaining = spec.budgetYen();
        for (int i : eligible) {
            double grant = Math.min(spec.sigma() * cost[i], remaining);
            if (grant <= 0) break;
            b.shareCost(i, Payer.GOVERNMENT, grant);
            b.target(i, cost[i], false);
            remaining -= grant;
        }
        return b.build();
    }
}
