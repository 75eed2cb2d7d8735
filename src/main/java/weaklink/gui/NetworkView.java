package weaklink.gui;

import sim.field.continuous.Continuous2D;
import sim.field.network.Network;
import sim.util.Double2D;
import weaklink.network.SupplyNetwork;

/**
 * The part of the supply network the display draws, as MASON fields: firms in a
 * {@link Continuous2D} at their {@link TierLayout} positions, supply links and attack routes as
 * two {@link Network}s over the same firm nodes.
 *
 * <p>A network of up to {@code limit} firms is shown whole. A larger one is shown as its affected
 * neighbourhood: the largest tier-0 buyers and the seeds of initial compromises to begin with, then each
 * firm as it is compromised together with up to {@link #NEIGHBOURS_PER_FIRM} of its trust and
 * supply partners, never more than {@code limit} firms in all; the tier bands still count every
 * firm ({@link TierLabels}). So drawing costs at most {@code limit} firms whatever the network's
 * size, and the window stays responsive. Supply links are drawn only between shown firms.
 */
final class NetworkView {
    /** Firms of a big network revealed around each compromised firm, per kind of link and direction. */
    static final int NEIGHBOURS_PER_FIRM = 8;
    /** Tier-0 buyers of a big network drawn from the start, the largest by revenue. */
    static final int MAX_BUYERS_SHOWN = 60;

    private final SupplyNetwork net;
    private final TierLayout layout;
    private final FirmNode.Context context;
    private final int limit;
    private final FirmNode[] nodes;
    private final boolean[] shown;
    private int shownCount;
    final Continuous2D firms;
    final Network supplyLinks = new Network(true);
    final Network routes = new Network(true);

    NetworkView(SupplyNetwork net, TierLayout layout, FirmNode.Context context, int limit) {
        this.net = net;
        this.layout = layout;
        this.context = context;
        this.limit = limit;
        this.nodes = new FirmNode[net.firmCount()];
        this.shown = new boolean[net.firmCount()];
        this.firms = new Continuous2D(20, layout.width(), layout.height());
    }

    /** Whether the whole network fits the display. */
    boolean showsAll() { return net.firmCount() <= limit; }

    /** Clears the display and shows the starting set: everything, or tier 0 and the given seed firms with their neighbours. */
    void reset(int[] seeds) {
        firms.clear();
        supplyLinks.clear();
        routes.clear();
        java.util.Arrays.fill(shown, false);
        shownCount = 0;
        if (showsAll()) {
            for (int f = 0; f < net.firmCount(); f++) show(f);
            return;
        }
        for (int s : seeds) showWithNeighbours(s);
        for (int f : largestBuyers(Math.min(MAX_BUYERS_SHOWN, limit / 10))) show(f);
    }

    /** The {@code k} tier-0 firms with the most revenue. */
    private int[] largestBuyers(int k) {
        java.util.List<Integer> top = new java.util.ArrayList<>();
        for (int f = 0; f < net.firmCount(); f++) if (net.tier(f) == 0) top.add(f);
        top.sort((a, b) -> Double.compare(net.revenueYen(b), net.revenueYen(a)));
        return top.stream().limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Shows a firm and up to {@link #NEIGHBOURS_PER_FIRM} partners over each kind of link (trust out, trust in, buyers, suppliers). */
    void showWithNeighbours(int firm) {
        show(firm);
        if (showsAll()) return;
        int k = 0;
        for (int e = net.trustOutStart(firm); e < net.trustOutEnd(firm) && k < NEIGHBOURS_PER_FIRM; e++, k++) show(net.trustTarget(e));
        k = 0;
        for (int i = net.trustInStart(firm); i < net.trustInEnd(firm) && k < NEIGHBOURS_PER_FIRM; i++, k++) show(net.trustSource(net.trustInEdge(i)));
        k = 0;
        for (int e = net.supplyOutStart(firm); e < net.supplyOutEnd(firm) && k < NEIGHBOURS_PER_FIRM; e++, k++) show(net.supplyBuyer(e));
        k = 0;
        for (int i = net.supplyInStart(firm); i < net.supplyInEnd(firm) && k < NEIGHBOURS_PER_FIRM; i++, k++) show(net.supplySupplier(net.supplyInEdge(i)));
    }

    /** Adds the firm to the display (if there is room) with its supply links to firms already shown. */
    boolean show(int firm) {
        if (shown[firm]) return true;
        if (shownCount >= limit) return false;
        shown[firm] = true;
        shownCount++;
        FirmNode node = node(firm);
        firms.setObjectLocation(node, new Double2D(layout.x(firm), layout.y(firm)));
        supplyLinks.addNode(node);
        routes.addNode(node);
        for (int e = net.supplyOutStart(firm); e < net.supplyOutEnd(firm); e++) {
            int buyer = net.supplyBuyer(e);
            if (shown[buyer] && buyer != firm) supplyLinks.addEdge(node, nodes[buyer], null);
        }
        for (int i = net.supplyInStart(firm); i < net.supplyInEnd(firm); i++) {
            int supplier = net.supplySupplier(net.supplyInEdge(i));
            if (shown[supplier] && supplier != firm) supplyLinks.addEdge(nodes[supplier], node, null);
        }
        return true;
    }

    /** Draws the attack's move from {@code from} to {@code to} over a trust link, when both are shown. */
    void addRoute(int from, int to) {
        if (from >= 0 && shown[from] && shown[to]) routes.addEdge(nodes[from], nodes[to], null);
    }

    boolean isShown(int firm) { return shown[firm]; }

    int shownCount() { return shownCount; }

    /** The inspector object of a firm (created once, kept across resets). */
    FirmNode node(int firm) {
        if (nodes[firm] == null) nodes[firm] = new FirmNode(firm, context);
        return nodes[firm];
    }
}
