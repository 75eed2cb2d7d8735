package weaklink.economics;

import java.util.Map;
import java.util.TreeMap;
import weaklink.economics.SecurityFunding.Payer;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;

/**
 * {@code buyer-share}: large buyers pay share φ of each supplier's cost to reach the standard, for
 * suppliers up to {@code tiers} supply links upstream, each buyer in proportion to its share of
 * the supplier's sales (the cost-sharing Japan's METI and JFTC urge on large firms after the
 * 2025 Asahi and Askul ransomware incidents; docs/POLICIES.md).
 *
 * <p>Sales shares: a supplier's sales to buyer {@code b} over a link are taken as
 * {@code share(link) × purchases(b)} with {@code purchases(b) = revenue(b) × (1 − value-added share(b))}
 * (the link's share of what {@code b} buys), normalised over the supplier's links. A large buyer's
 * share of an indirect supplier's sales is the share of that supplier's output that reaches it
 * within {@code tiers} links through smaller firms: the product of sales shares along each path,
 * summed over paths; a path stops at the first large buyer, which pays for that flow. Buyers pay
 * {@code φ × cost × their share}, so output sold to smaller firms beyond reach is not paid for.
 */
public record BuyerSharePolicy(PolicySpec.BuyerShare spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(Scenario scenario, FirmExposure exposure) {
        SupplyNetwork net = exposure.network();
        double standard = CostSharingPolicy.standard(scenario, spec.standard());
        SecurityFunding.Builder b = new SecurityFunding.Builder(exposure);
        for (int i = 0; i < net.firmCount(); i++) {
            if (net.customerCount(i) == 0) continue;
            double cost = CostSharingPolicy.costToReach(exposure, i, standard);
            if (cost <= 0 || Double.isInfinite(cost)) continue;
            Map<Integer, Double> shares = largeBuyerShares(net, i, spec.tiers());
            if (shares.isEmpty()) continue;
            for (Map.Entry<Integer, Double> e : shares.entrySet()) {
                double pay = spec.phi() * cost * e.getValue();
                b.shareCost(i, Payer.BUYERS, pay);
                b.payForSuppliers(e.getKey(), pay);
            }
            b.target(i, cost, false);
        }
        return b.build();
    }

    /** Whether a firm pays for its suppliers under this policy: a large firm. */
    static boolean isLargeBuyer(SupplyNetwork net, int firm) {
        return net.sizeClass(firm) == SizeClass.LARGE;
    }

    /** What {@code buyer} buys in a year: revenue × (1 − value-added share). */
    static double purchasesYen(SupplyNetwork net, int buyer) {
        return net.revenueYen(buyer) * (1 - net.attribute(FirmAttribute.VALUE_ADDED_SHARE, buyer));
    }

    /**
     * Each large buyer's share of {@code supplier}'s sales within {@code maxLinks} supply links
     * downstream (see the class comment); the shares sum to at most 1. Keys in firm order.
     */
    public static Map<Integer, Double> largeBuyerShares(SupplyNetwork net, int supplier, int maxLinks) {
        Map<Integer, Double> reached = new TreeMap<>();
        Map<Integer, Double> frontier = new TreeMap<>();
        frontier.put(supplier, 1.0);
        for (int hop = 0; hop < maxLinks && !frontier.isEmpty(); hop++) {
            Map<Integer, Double> next = new TreeMap<>();
            for (Map.Entry<Integer, Double> f : frontier.entrySet()) {
                int s = f.getKey();
                double sales = 0;
                for (int e = net.supplyOutStart(s); e < net.supplyOutEnd(s); e++) sales += net.supplyShare(e) * purchasesYen(net, net.supplyBuyer(e));
                if (sales <= 0) continue;
                for (int e = net.supplyOutStart(s); e < net.supplyOutEnd(s); e++) {
                    int buyer = net.supplyBuyer(e);
                    double mass = f.getValue() * net.supplyShare(e) * purchasesYen(net, buyer) / sales;
                    if (mass <= 0) continue;
                    (isLargeBuyer(net, buyer) ? reached : next).merge(buyer, mass, Double::sum);
                }
            }
            frontier = next;
        }
        return reached;
    }
}
