package weaklink.economics;

import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * {@code mandate}: every firm of tier {@code ≥ min_tier} must reach the standard, at its own cost
 * and beyond its budget cap if need be (as a procurement requirement or regulation would impose,
 * e.g. the ★ level a buyer requires of its suppliers in METI's evaluation scheme). Firms that
 * no investment can bring to the standard (a standard of 0, or class II with {@code v = 1}) are
 * left at their own choice.
 */
public record MandatePolicy(PolicySpec.Mandate spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(Scenario scenario, FirmExposure exposure) {
        SupplyNetwork net = exposure.network();
        double standard = CostSharingPolicy.standard(scenario, spec.standard());
        SecurityFunding.Builder b = new SecurityFunding.Builder(exposure);
        for (int i = 0; i < net.firmCount(); i++) {
            if (net.tier(i) < spec.minTier()) continue;
            double cost = CostSharingPolicy.costToReach(exposure, i, standard);
            if (cost > 0 && !Double.isInfinite(cost)) b.target(i, cost, true);
        }
        return b.build();
    }
}
