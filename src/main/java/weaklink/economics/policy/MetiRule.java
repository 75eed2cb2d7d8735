package weaklink.economics.policy;

import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.economics.decision.SupplyExposure;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.TrustType;

/**
 * METI's rule for which level a buyer asks of a supplier (supply-chain security evaluation scheme,
 * interim report of 14 April 2025 and draft policy of December 2025; docs/POLICIES.md): ★4 when any
 * of three risks holds, ★3 otherwise —
 * <ol>
 *   <li>the supplier can reach the buyer's systems: it holds {@code remote-access} or
 *       {@code managed-service} access into the buyer;</li>
 *   <li>it holds the buyer's confidential data: the two exchange data over an {@code edi} link
 *       (either way; assumption: in manufacturing EDI carries orders, drawings and specifications);</li>
 *   <li>its business interruption would halt the buyer beyond its inventory: its mean outage alone
 *       costs the buyer at least {@link SupplyExposure#HALT_DAYS} of output after the buyer's stock of
 *       that input type runs out and its other suppliers and new ones have done what they can, by the
 *       production cascade's own rules (an input the buyer cannot replace in time).</li>
 * </ol>
 * The levels are the scenario's {@code star4} and {@code star3} standards.
 */
final class MetiRule {
    private MetiRule() {}

    /** The level {@code buyer} asks of {@code supplier}. */
    static Standard level(PolicyContext ctx, int supplier, int buyer) {
        SupplyNetwork net = ctx.network();
        for (int e = net.trustOutStart(supplier); e < net.trustOutEnd(supplier); e++) {
            if (net.trustTarget(e) == buyer) return ctx.standard("star4"); // remote access, managed service or EDI: reach or data
        }
        for (int e = net.trustOutStart(buyer); e < net.trustOutEnd(buyer); e++) {
            if (net.trustTarget(e) == supplier && net.trustType(e) == TrustType.EDI) return ctx.standard("star4");
        }
        for (int e = net.supplyOutStart(supplier); e < net.supplyOutEnd(supplier); e++) {
            if (net.supplyBuyer(e) == buyer && ctx.supply().halts(e)) return ctx.standard("star4");
        }
        return ctx.standard("star3");
    }

    /** The strictest level any of the supplier's direct buyers asks (a firm without buyers: ★3). */
    static Standard strictestOverBuyers(PolicyContext ctx, int supplier) {
        SupplyNetwork net = ctx.network();
        Standard strictest = ctx.standard("star3");
        if (net.customerCount(supplier) == 0) return strictest;
        for (int e = net.supplyOutStart(supplier); e < net.supplyOutEnd(supplier); e++) {
            Standard s = level(ctx, supplier, net.supplyBuyer(e));
            if (s.maxVulnerability() < strictest.maxVulnerability()) strictest = s;
        }
        return strictest;
    }
}
