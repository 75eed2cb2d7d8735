package weaklink.economics.decision;

import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.production.CbiExposure;
import weaklink.production.ProductionCascade;
import weaklink.scenario.Scenario;

/**
 * The supply side of firms' exposure, from the production cascade's own rules
 * ({@link CbiExposure}: input types, stocks, spare capacity, substitution), with a firm down for its
 * mean recovery time (its size class's mean × its recovery scale, at base posture): the production
 * a firm's outage costs its buyers and the firms further downstream — the externality its own
 * decision ignores, which the targeted policy weighs, and the test of METI's "would halt the buyer"
 * — and the CBI each firm expects to suffer when its suppliers are down, which is part of its
 * expected cost but not of its choice (nothing it invests changes it). A mean outage stands for the
 * distribution, and each supplier's outage is taken alone (first order in the events).
 */
public final class SupplyExposure {
    /**
     * Lost production, in days of the buyer's output, from which a supplier's outage counts as
     * halting the buyer (METI's "unacceptable delay"): a full day (assumption; the Kojima Industries
     * outage of 2022 stopped Toyota's domestic plants for one day).
     */
    public static final double HALT_DAYS = 1.0;
    /** Supply links followed downstream for the CBI an outage causes. */
    public static final int DEPTH = 4;

    private final Scenario scenario;
    private final SupplyNetwork net;
    private final CbiExposure cbi;

    public SupplyExposure(Scenario scenario, SupplyNetwork net) {
        this.scenario = scenario;
        this.net = net;
        this.cbi = new CbiExposure(new ProductionCascade(net, scenario.economics().production()));
    }

    /** The firm's mean outage (days) at base posture. */
    public double meanOutageDays(int firm) {
        return scenario.defaults(net.sizeClass(firm)).recoveryDays().mean() * net.attribute(FirmAttribute.RECOVERY_SCALE, firm);
    }

    /** The production (days of the buyer's output) the buyer of {@code link} loses when the link's supplier alone is down for its mean outage. */
    public double buyerLostDays(int link) {
        return cbi.lostDaysIfSupplierDown(link, meanOutageDays(net.supplySupplier(link)));
    }

    /** Whether the supplier of {@code link} would halt its buyer beyond its inventory: at least {@link #HALT_DAYS} of its output lost. */
    public boolean halts(int link) {
        return buyerLostDays(link) >= HALT_DAYS;
    }

    /** {@code C_i}: the CBI (yen) the firm's mean outage causes downstream, up to {@link #DEPTH} supply links away. */
    public double downstreamCbiYen(int firm) {
        return cbi.downstreamLossYen(firm, meanOutageDays(firm), DEPTH);
    }

    /**
     * The CBI every firm expects to suffer in a year when its direct suppliers are down: for every
     * supplier, its expected ransomware compromises a year at its reference vulnerability (each an
     * outage of its mean length) times what that outage costs the buyer.
     */
    public double[] expectedCbiSufferedYen(RiskModel risk, double[] referenceVulnerability, boolean[] ransomwareActor) {
        int n = net.firmCount();
        double[] outages = new double[n], days = new double[n];
        for (int k = 0; k < n; k++) {
            FirmRisk fr = risk.firm(k);
            for (int a = 0; a < ransomwareActor.length; a++) if (ransomwareActor[a]) outages[k] += fr.expectedCompromises(a, referenceVulnerability[k]);
            days[k] = meanOutageDays(k);
        }
        double[] suffered = new double[n];
        for (int i = 0; i < n; i++) suffered[i] = cbi.expectedSufferedYen(i, outages, days);
        return suffered;
    }
}
