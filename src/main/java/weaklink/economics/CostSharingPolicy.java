package weaklink.economics;

import weaklink.model.Posture;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * A cost-sharing policy's behaviour: who invests how much in whose security, and who pays
 * (DESIGN §1 "Cost-sharing policies"; docs/POLICIES.md). A policy acts through investment, so
 * {@link #fund} runs once per run and policy, before any replicate; a mutual pool also settles
 * each replicate's claims once its losses are known ({@link #settle}).
 */
public sealed interface CostSharingPolicy
        permits CostSharingPolicy.SelfFunded, BuyerSharePolicy, MandatePolicy, SubsidyPolicy, MutualPoolPolicy, TargetedPolicy {

    PolicySpec spec();

    /** Each firm's investment and who pays it, given every firm's own exposure. */
    SecurityFunding fund(Scenario scenario, FirmExposure exposure);

    /** Each firm's investment and who pays it. */
    default SecurityFunding fund(Scenario scenario, SupplyNetwork network) {
        return fund(scenario, FirmExposure.of(scenario, network));
    }

    /** Settles one replicate's losses against the policy (pool claims); nothing for policies without a pool. */
    default PoolSettlement settle(SecurityFunding funding, ReplicateLosses losses) {
        return PoolSettlement.NONE;
    }

    /** The behaviour of a policy as the scenario states it. */
    static CostSharingPolicy of(PolicySpec spec) {
        return switch (spec.kind()) {
            case NONE -> new SelfFunded((PolicySpec.None) spec);
            case BUYER_SHARE -> new BuyerSharePolicy((PolicySpec.BuyerShare) spec);
            case MANDATE -> new MandatePolicy((PolicySpec.Mandate) spec);
            case SUBSIDY -> new SubsidyPolicy((PolicySpec.Subsidy) spec);
            case MUTUAL_POOL -> new MutualPoolPolicy((PolicySpec.MutualPool) spec);
            case TARGETED -> new TargetedPolicy((PolicySpec.Targeted) spec);
        };
    }

    /**
     * The baseline ({@code none}): every firm invests its own Gordon–Loeb optimum against its own
     * expected loss, within its budget cap ({@code budget share × revenue}), and pays for it itself.
     */
    record SelfFunded(PolicySpec.None spec) implements CostSharingPolicy {
        @Override
        public SecurityFunding fund(Scenario scenario, FirmExposure exposure) {
            return new SecurityFunding.Builder(exposure).build();
        }
    }

    /**
     * The cost for a firm to reach a standard (a maximum vulnerability): the investment that
     * brings its breach function down to it ({@link GordonLoeb.BreachFunction#investmentToReach});
     * 0 when the firm is already there, infinite when no investment gets there.
     */
    static double costToReach(FirmExposure exposure, int firm, double maxVulnerability) {
        return exposure.breach(firm).investmentToReach(maxVulnerability);
    }

    /** The maximum vulnerability of a named standard of the scenario (names are checked when the scenario is read). */
    static double standard(Scenario scenario, String name) {
        Double max = scenario.standards().get(name);
        if (max == null) throw new IllegalArgumentException("no standard named " + name);
        return max;
    }

    /**
     * Posture from vulnerability: dwell and recovery shrink with the square root of the
     * reduction in vulnerability (assumption: better-protected firms detect and restore faster,
     * but less than proportionally), never below half.
     */
    static Posture postureFor(SupplyNetwork net, double[] successProbability) {
        int n = net.firmCount();
        double[] dwell = new double[n], recovery = new double[n];
        for (int i = 0; i < n; i++) {
            double v = net.vulnerability(i);
            double ratio = v > 0 ? successProbability[i] / v : 1;
            double scale = Math.max(0.5, Math.sqrt(ratio));
            dwell[i] = scale;
            recovery[i] = scale;
        }
        return new Posture(successProbability, dwell, recovery);
    }
}
