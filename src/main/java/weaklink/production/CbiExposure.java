package weaklink.production;

import weaklink.network.SupplyNetwork;

/**
 * Ex-ante contingent-business-interruption exposure, by the cascade's own rule
 * ({@link ProductionCascade#inputShortfall}), for decisions taken before a replicate runs:
 * what a firm suffers when its suppliers stop (its own expected loss includes it), and what its
 * stopping costs the firms downstream (the externality). First order in the events: each
 * supplier's outage is taken alone, as if no other firm were down at the same time.
 */
public final class CbiExposure {
    private final ProductionCascade cascade;
    private final SupplyNetwork net;

    public CbiExposure(ProductionCascade cascade) {
        this.cascade = cascade;
        this.net = cascade.network();
    }

    public SupplyNetwork network() { return net; }

    /**
     * Production the buyer of {@code link} loses, in days-equivalent, when the link's supplier
     * alone has an outage of {@code outageDays} (its own shortfall during the outage:
     * {@link ProductionCascade#outageShortfall}, workaround and manual operation included), after
     * the buyer's stock, the other suppliers of the type and new suppliers have done what they can.
     */
    public double lostDaysIfSupplierDown(int link, double outageDays) {
        if (outageDays <= 0) return 0;
        ShortfallProfile supplier = ProductionCascade.outageShortfall(net, net.supplySupplier(link), 0, outageDays);
        return cascade.inputShortfall(link, supplier).integral();
    }

    /**
     * The CBI firm {@code buyer} expects to suffer in a year from its direct suppliers' outages:
     * {@code Σ over its suppliers j of outagesPerYear[j] × lostDaysIfSupplierDown(j → buyer, outageDays[j])
     * × daily value added of the buyer}, in the scenario's currency.
     *
     * @param outagesPerYear expected outages a year of each firm (by firm index)
     * @param outageDays     each firm's mean outage length in days (by firm index)
     */
    public double expectedSufferedYen(int buyer, double[] outagesPerYear, double[] outageDays) {
        double days = 0;
        for (int k = net.supplyInStart(buyer), end = net.supplyInEnd(buyer); k < end; k++) {
            int e = net.supplyInEdge(k);
            int j = net.supplySupplier(e);
            if (j == buyer || outagesPerYear[j] <= 0) continue;
            days += outagesPerYear[j] * lostDaysIfSupplierDown(e, outageDays[j]);
        }
        return days * net.dailyValueAddedYen(buyer);
    }

    /**
     * What an outage of {@code firm} lasting {@code outageDays} costs the firms downstream of it,
     * up to {@code depth} supply links away, in the scenario's currency: each buyer's shortfall for
     * want of the input by the cascade's rule, priced at its daily value added, and passed on to its
     * own buyers (paths are followed as a tree: a firm reached twice counts twice, an upper bound
     * where paths rejoin).
     */
    public double downstreamLossYen(int firm, double outageDays, int depth) {
        if (outageDays <= 0) return 0;
        return downstream(firm, ProductionCascade.outageShortfall(net, firm, 0, outageDays), depth);
    }

    private double downstream(int supplier, ShortfallProfile shortfall, int depth) {
        if (depth == 0 || shortfall.isEmpty()) return 0;
        double loss = 0;
        for (int e = net.supplyOutStart(supplier), end = net.supplyOutEnd(supplier); e < end; e++) {
            int b = net.supplyBuyer(e);
            if (b == supplier) continue;
            ShortfallProfile missing = cascade.inputShortfall(e, shortfall);
            if (missing.isEmpty()) continue;
            loss += missing.integral() * net.dailyValueAddedYen(b);
            loss += downstream(b, missing, depth - 1);
        }
        return loss;
    }
}
