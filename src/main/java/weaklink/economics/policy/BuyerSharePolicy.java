package weaklink.economics.policy;

import java.util.Map;
import java.util.TreeMap;
import weaklink.economics.decision.FirmTerms;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.economics.decision.GordonLoeb.BreachFunction;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.SizeClass;

/**
 * {@code buyer-share}: Japan's proposal (METI and the JFTC, 2025; docs/POLICIES.md). Large buyers
 * share their suppliers' cost of reaching the standard, for suppliers up to {@code tiers} supply
 * links upstream, each buyer {@code b} in proportion to its share {@code w_b} of the supplier's
 * sales. Two levers:
 * <ul>
 *   <li><b>money</b>: buyer {@code b} pays share {@code φ·w_b} of each yen the supplier spends on
 *       security up to its cost of reaching the standard {@code b} asks ({@code payment: direct}:
 *       the supplier's price of security falls), or raises what it pays the supplier by
 *       {@code φ·w_b} × that cost ({@code payment: price}: an income that relaxes the supplier's
 *       budget but leaves its price of security at 1);</li>
 *   <li><b>requirement</b> (optional): the standard is a condition of buying; a supplier that does
 *       not meet it (certified) loses, with probability {@code enforcement}, the buyer's business
 *       for the year — a stake of {@code enforcement × w_b × revenue × value-added share}. With a
 *       requirement the buyers' share also covers certification.</li>
 * </ul>
 * Each supplier then decides. With {@code φ = 0} and no requirement the supplier faces exactly what
 * it faces with no policy, so it chooses the same.
 *
 * <p>Sales shares: a supplier's sales to buyer {@code b} over a link are taken as
 * {@code share(link) × purchases(b)} with {@code purchases(b) = revenue(b) × (1 − value-added share(b))}
 * (the link's share of what {@code b} buys), normalised over the supplier's links. A large buyer's
 * share of an indirect supplier's sales is the share of that supplier's output that reaches it
 * within {@code tiers} links through smaller firms: the product of sales shares along each path,
 * summed over paths; a path stops at the first large buyer, which pays for that flow.
 */
public record BuyerSharePolicy(PolicySpec.BuyerShare spec) implements CostSharingPolicy {

    @Override
    public SecurityFunding fund(PolicyContext ctx) {
        SupplyNetwork net = ctx.network();
        boolean meti = PolicyContext.isMeti(spec.standard());
        SecurityFunding.Builder b = new SecurityFunding.Builder(ctx);
        for (int i = 0; i < net.firmCount(); i++) {
            if (net.customerCount(i) == 0) continue;
            Map<Integer, Double> shares = ctx.largeBuyerShares(i, spec.tiers());
            if (shares.isEmpty()) continue;
            BreachFunction breach = ctx.breach(i);
            FirmTerms terms = new FirmTerms(ctx.budgetYen(i));
            Standard strictest = null;
            double margin = net.revenueYen(i) * net.attribute(FirmAttribute.VALUE_ADDED_SHARE, i);
            for (Map.Entry<Integer, Double> e : shares.entrySet()) {
                int buyer = e.getKey();
                double w = e.getValue();
                Standard asked = meti ? MetiRule.level(ctx, i, buyer) : ctx.standard(spec.standard());
                if (strictest == null || asked.maxVulnerability() < strictest.maxVulnerability()) strictest = asked;
                double cost = breach.investmentToReach(asked.maxVulnerability());
                if (Double.isInfinite(cost)) continue;
                if (spec.priceIncrease()) {
                    double increase = spec.phi() * w * (cost + (spec.requirement() ? asked.certificationYen() : 0));
                    if (increase > 0) {
                        terms.income(increase);
                        b.priceIncrease(i, buyer, increase);
                    }
                } else {
                    terms.share(spec.phi() * w, cost, null, spec.requirement(), buyer);
                }
                if (spec.requirement()) terms.require(asked, spec.enforcement() * w * margin, buyer);
            }
            b.address(i, strictest);
            b.decide(i, terms);
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
