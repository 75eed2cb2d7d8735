package weaklink.economics;

import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.Scenario;

/**
 * A firm's own view of its risk, as the Gordon–Loeb investor sees it (myopic: its partners'
 * losses are not its concern; Kunreuther &amp; Heal 2003): the expected number of attack attempts
 * on it per year, and its own loss if one succeeds.
 */
public final class FirmExposure {
    private FirmExposure() {}

    /**
     * Expected attempts per year on {@code firm} from opportunistic and mass-exploit actors
     * (campaigns per year × attempt probability; targeted actors attempt large firms in proportion
     * to revenue, approximated here as one attempt per campaign on a tier-0 firm share).
     */
    public static double attemptsPerYear(Scenario scenario, SupplyNetwork net, int firm, double tier0RevenueTotal) {
        double rate = 0;
        for (ActorSpec a : scenario.actors()) {
            switch (a.mode()) {
                case OPPORTUNISTIC -> rate += a.campaignsPerYear() * a.attemptProbability() * a.capability();
                case MASS_EXPLOIT -> {
                    int tech = net.technologies().indexOf(a.technology());
                    if (tech >= 0 && net.runs(firm, tech)) rate += a.campaignsPerYear() * a.attemptProbability() * a.capability();
                }
                case TARGETED -> {
                    if (net.tier(firm) == 0 && tier0RevenueTotal > 0) {
                        rate += a.campaignsPerYear() * a.capability() * net.revenueYen(firm) / tier0RevenueTotal;
                    }
                }
            }
        }
        return rate;
    }

    /**
     * The firm's own expected loss if breached by ransomware: incident cost, the expected ransom
     * and business interruption over its size class's mean recovery time.
     */
    public static double lossIfBreached(Scenario scenario, SupplyNetwork net, int firm) {
        double revenue = net.revenueYen(firm);
        double incident = net.attribute(FirmAttribute.INCIDENT_FIXED_YEN, firm) + net.attribute(FirmAttribute.INCIDENT_REVENUE_SHARE, firm) * revenue;
        double ransom = net.attribute(FirmAttribute.RANSOM_PROPENSITY, firm) * net.attribute(FirmAttribute.RANSOM_REVENUE_SHARE, firm) * revenue;
        double recoveryDays = scenario.defaults(net.sizeClass(firm)).recoveryDays().mean() * net.attribute(FirmAttribute.RECOVERY_SCALE, firm);
        double bi = ProductionCascade.outageShortfall(net, firm, 0, recoveryDays).integral() * net.dailyValueAddedYen(firm);
        return incident + ransom + bi;
    }
}
