package weaklink.economics;

import weaklink.model.Posture;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * A cost-sharing policy's behaviour: who invests how much in whose security, and who pays
 * (DESIGN §1 "Cost-sharing policies"). The policy acts only through investment, so it is computed
 * once per run and policy, before any replicate; per-replicate settlement (pool payouts) happens
 * when losses are known.
 */
public sealed interface CostSharingPolicy permits CostSharingPolicy.SelfFunded {

    PolicySpec spec();

    /** Each firm's investment and who pays it. */
    SecurityFunding fund(Scenario scenario, SupplyNetwork network);

    /** The behaviour of a policy as the scenario states it; refuses kinds this version cannot run. */
    static CostSharingPolicy of(PolicySpec spec) throws BadInputException {
        return switch (spec.kind()) {
            case NONE -> new SelfFunded(spec);
            default -> throw BadInputException.option("policies", "policy '" + spec.name() + "' of kind '" + spec.kind().label() + "' is not available in this version");
        };
    }

    /**
     * Every firm invests its own Gordon–Loeb optimum against its own expected loss, within its
     * budget cap ({@code budget share × revenue}), and pays for it itself.
     */
    record SelfFunded(PolicySpec spec) implements CostSharingPolicy {
        @Override
        public SecurityFunding fund(Scenario scenario, SupplyNetwork network) {
            int n = network.firmCount();
            SecurityFunding f = SecurityFunding.empty(n);
            double tier0Revenue = 0;
            for (int i = 0; i < n; i++) if (network.tier(i) == 0) tier0Revenue += network.revenueYen(i);
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                double z = selfFundedInvestment(scenario, network, i, tier0Revenue);
                f.investmentYen()[i] = z;
                f.paidBySelf()[i] = z;
                s[i] = vulnerabilityAfter(network, i, z);
            }
            return f.withPosture(postureFor(network, s));
        }
    }

    /** The Gordon–Loeb optimum against the firm's own expected loss, clipped to its budget cap. */
    static double selfFundedInvestment(Scenario scenario, SupplyNetwork net, int firm, double tier0Revenue) {
        double attempts = FirmExposure.attemptsPerYear(scenario, net, firm, tier0Revenue);
        double probabilityAttacked = 1 - Math.exp(-attempts);
        double expectedLoss = probabilityAttacked * FirmExposure.lossIfBreached(scenario, net, firm) * scenario.economics().investmentHorizonYears();
        double z = GordonLoeb.optimalInvestment(net.vulnerability(firm), net.attribute(FirmAttribute.GL_ALPHA, firm),
                net.attribute(FirmAttribute.GL_BETA, firm), expectedLoss);
        double cap = net.attribute(FirmAttribute.BUDGET_SHARE, firm) * net.revenueYen(firm);
        return Math.min(z, cap);
    }

    static double vulnerabilityAfter(SupplyNetwork net, int firm, double z) {
        return GordonLoeb.vulnerability(net.vulnerability(firm), net.attribute(FirmAttribute.GL_ALPHA, firm), net.attribute(FirmAttribute.GL_BETA, firm), z);
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
