package weaklink.economics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;

/**
 * Contingent business interruption (CBI): how the outages of compromised firms stop production
 * downstream, following the propagation model of Inoue &amp; Todo (2019, "Firm-level propagation of
 * shocks through supply-chain networks", Nature Sustainability 2:841–847).
 *
 * <p>Each firm's output is a {@link ShortfallProfile} (share of normal production lost, over time).
 * A compromised firm's own shortfall comes from its outages ({@link #outageShortfall}). Each supply
 * link {@code s -> b} turns the supplier's shortfall into a missing share of the buyer's inputs
 * ({@link ShortfallProfile#throughLink}: the buyer's inventory of the input buffers it, a substitute
 * covers part of it after some days, and what remains is {@code share × undelivered share}). The
 * buyer's capacity is Leontief — the scarcest input binds:
 * <pre>
 *   capacity_b(t) = min( own capacity_b(t), min over inputs s of (1 − missing_s(t)) )
 *   shortfall_b(t) = 1 − capacity_b(t)
 * </pre>
 * and the buyer's shortfall propagates to its own buyers the same way. The CBI of a buyer, in
 * lost production days-equivalent, is what it loses beyond its own outage:
 * {@code ∫ (shortfall_b(t) − own shortfall_b(t)) dt}; {@link LossModel} prices it at the buyer's
 * daily value added.
 *
 * <p>Only the affected part of the network is touched: the computation starts from the firms with
 * outages and follows supply out-links only while a shortfall survives the buyer's inventory (and
 * exceeds {@link #CUTOFF}); its cost grows with the affected firms and their links, never with
 * all firms or days. Firms are processed in order of decreasing tier (suppliers before buyers in a
 * tiered network), so each is usually computed once; on cycles a firm is recomputed when an input
 * changes, at most {@link #MAX_UPDATES_PER_FIRM} times.
 */
public final class ProductionCascade {
    /** Missing input shares below one part in a million of a buyer's inputs are not propagated. */
    public static final double CUTOFF = 1e-6;
    /** Bound on recomputations of one firm, so that feedback around supply cycles terminates. */
    public static final int MAX_UPDATES_PER_FIRM = 64;
    private static final double SAME = 1e-12;

    private final SupplyNetwork net;
    private final int maxTier;

    public ProductionCascade(SupplyNetwork network) {
        this.net = network;
        this.maxTier = network.maxTier();
    }

    /**
     * A firm's own shortfall during an outage on {@code [start, end)}: it keeps its workaround share
     * {@code w} of production from the start and, from {@code manual_operation_days} after the start,
     * runs in manual-operation mode at {@code max(w, manual_operation_share)} (as Asahi did in 2025,
     * taking orders and shipping by hand while its systems were restored):
     * <pre>
     *   shortfall(t) = 1 − w                               for start ≤ t &lt; start + manual days
     *   shortfall(t) = 1 − max(w, manual share)            for start + manual days ≤ t &lt; end
     * </pre>
     * Its integral is the firm's lost production in days-equivalent (business interruption).
     */
    public static ShortfallProfile outageShortfall(SupplyNetwork net, int firm, double start, double end) {
        double kept = net.attribute(FirmAttribute.WORKAROUND_SHARE, firm);
        double manual = Math.max(kept, net.attribute(FirmAttribute.MANUAL_OPERATION_SHARE, firm));
        double manualFrom = start + net.attribute(FirmAttribute.MANUAL_OPERATION_DAYS, firm);
        ShortfallProfile.Steps s = new ShortfallProfile.Steps(2);
        s.append(start, Math.min(end, manualFrom), 1 - kept);
        s.append(Math.max(start, manualFrom), end, 1 - manual);
        return s.build();
    }

    /**
     * Propagates the given own shortfalls downstream.
     *
     * @param firms      firms with outages (a firm may appear more than once)
     * @param ownShortfall each firm's own shortfall, same order
     */
    public Result run(int[] firms, ShortfallProfile[] ownShortfall) {
        Map<Integer, Node> nodes = new HashMap<>();
        PriorityQueue<Long> queue = new PriorityQueue<>();
        for (int k = 0; k < firms.length; k++) {
            if (ownShortfall[k].isEmpty()) continue;
            Node node = nodes.computeIfAbsent(firms[k], f -> new Node());
            node.own = ShortfallProfile.max(node.own, ownShortfall[k]);
            enqueue(queue, node, firms[k]);
        }
        while (!queue.isEmpty()) {
            int firm = (int) (queue.poll() & 0xFFFFFFFFL);
            Node node = nodes.get(firm);
            node.queued = false;
            ShortfallProfile s = node.own;
            for (ShortfallProfile missing : node.missingInputs.values()) s = ShortfallProfile.max(s, missing);
            if (node.shortfall != null && s.sameAs(node.shortfall, SAME)) continue;
            if (node.updates++ >= MAX_UPDATES_PER_FIRM) continue;
            node.shortfall = s;
            for (int e = net.supplyOutStart(firm), end = net.supplyOutEnd(firm); e < end; e++) {
                int buyer = net.supplyBuyer(e);
                if (buyer == firm) continue;
                ShortfallProfile missing = s.throughLink(net.supplyShare(e), net.attribute(FirmAttribute.INVENTORY_DAYS, buyer),
                        net.substitutionDays(e), net.substitutionShare(e), CUTOFF);
                Node b = nodes.get(buyer);
                if (missing.isEmpty() && (b == null || !b.missingInputs.containsKey(e))) continue;
                if (b == null) {
                    b = new Node();
                    nodes.put(buyer, b);
                }
                b.missingInputs.put(e, missing);
                enqueue(queue, b, buyer);
            }
        }
        return new Result(nodes);
    }

    private void enqueue(PriorityQueue<Long> queue, Node node, int firm) {
        if (node.queued) return;
        node.queued = true;
        queue.add((long) (maxTier - net.tier(firm)) << 32 | firm);
    }

    /** A firm the cascade reached: its own shortfall, the missing shares of its inputs by supply link, its output shortfall. */
    private static final class Node {
        ShortfallProfile own = ShortfallProfile.NONE;
        final Map<Integer, ShortfallProfile> missingInputs = new HashMap<>();
        ShortfallProfile shortfall;
        int updates;
        boolean queued;
    }

    /** The firms a cascade reached, in increasing index order, with their lost production. */
    public static final class Result {
        private final int[] firms;
        private final ShortfallProfile[] own;
        private final ShortfallProfile[] shortfall;

        private Result(Map<Integer, Node> nodes) {
            firms = nodes.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            own = new ShortfallProfile[firms.length];
            shortfall = new ShortfallProfile[firms.length];
            for (int k = 0; k < firms.length; k++) {
                Node n = nodes.get(firms[k]);
                own[k] = n.own;
                shortfall[k] = n.shortfall == null ? n.own : n.shortfall;
            }
        }

        /** Number of firms reached (with an outage, or a buyer whose inputs fell short). */
        public int size() { return firms.length; }

        public int firm(int k) { return firms[k]; }

        /** Lost production from the firm's own outages, days-equivalent. */
        public double ownLostDays(int k) { return own[k].integral(); }

        /** Lost production beyond the firm's own outages, for want of inputs (CBI), days-equivalent. */
        public double cbiLostDays(int k) { return Math.max(0, shortfall[k].integral() - own[k].integral()); }

        /** The position of {@code firm} in this result, or -1 if the cascade did not reach it. */
        public int indexOf(int firm) {
            int k = Arrays.binarySearch(firms, firm);
            return k >= 0 ? k : -1;
        }

        /** The firm's output shortfall over time (own outages and missing inputs together); NONE if not reached. */
        public ShortfallProfile shortfall(int firm) {
            int k = indexOf(firm);
            return k < 0 ? ShortfallProfile.NONE : shortfall[k];
        }

        /** CBI of {@code firm} in days-equivalent, 0 if not reached. */
        public double cbiLostDaysOf(int firm) {
            int k = indexOf(firm);
            return k < 0 ? 0 : cbiLostDays(k);
        }
    }
}
