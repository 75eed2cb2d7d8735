package weaklink.gui;

import java.util.Arrays;
import weaklink.network.SupplyNetwork;

/**
 * Where each firm sits in the display and how big it is drawn: one horizontal band per tier
 * (tier 0, the large buyers, at the top), firms in rows within their band, and a diameter that
 * grows with the logarithm of revenue.
 *
 * <p>Within a tier, firms are ordered by the mean position of their buyers (the barycentre
 * heuristic of Sugiyama, Tagawa &amp; Toda 1981, one sweep from the top), so a supplier sits
 * under the firms it sells to and supply links stay short. A band has at most
 * {@link #MAX_ROWS} rows; in very large tiers firms overlap, which is why big networks show only
 * the affected neighbourhood ({@link NetworkView}). Positions are plain arrays: two doubles per
 * firm, whatever the network's size.
 */
final class TierLayout {
    /** Field units across; the display scales them to its width. */
    static final double WIDTH = 1000;
    static final double ROW_HEIGHT = 14;
    static final double MAX_ROW_HEIGHT = 70;
    static final double BAND_HEADER = 22;
    static final double MARGIN = 10;
    static final int PER_ROW = 110;
    static final int MAX_ROWS = 6;
    static final double MIN_DIAMETER = 4;
    static final double MAX_DIAMETER = 12;

    private final double[] x;
    private final double[] y;
    private final double[] diameter;
    private final double[] bandTop;
    private final double height;

    TierLayout(SupplyNetwork net) {
        int n = net.firmCount();
        int tiers = net.maxTier() + 1;
        x = new double[n];
        y = new double[n];
        diameter = new double[n];
        bandTop = new double[tiers];
        double[] rank = new double[n];
        Arrays.fill(rank, Double.NaN);
        int[][] members = membersByTier(net, tiers);
        int[] rows = new int[tiers];
        int totalRows = 0;
        for (int t = 0; t < tiers; t++) {
            rows[t] = Math.max(1, Math.min(MAX_ROWS, (members[t].length + PER_ROW - 1) / PER_ROW));
            totalRows += rows[t];
        }
        // spread the rows over a picture about 0.6 times as tall as it is wide
        double rowHeight = Math.max(ROW_HEIGHT, Math.min(MAX_ROW_HEIGHT, (0.6 * WIDTH - tiers * (BAND_HEADER + MARGIN)) / totalRows));
        double top = MARGIN;
        for (int t = 0; t < tiers; t++) {
            int[] firms = order(net, members[t], rank);
            int m = firms.length;
            int perRow = Math.max(1, (m + rows[t] - 1) / rows[t]);
            bandTop[t] = top;
            for (int i = 0; i < m; i++) {
                int f = firms[i];
                rank[f] = (i + 0.5) / m;
                x[f] = MARGIN + (WIDTH - 2 * MARGIN) * ((i % perRow) + 0.5) / perRow;
                y[f] = top + BAND_HEADER + rowHeight * (i / perRow + 0.5);
            }
            top += BAND_HEADER + rows[t] * rowHeight + MARGIN;
        }
        height = top;
        sizeByRevenue(net);
    }

    private static int[][] membersByTier(SupplyNetwork net, int tiers) {
        int[] count = new int[tiers];
        for (int f = 0; f < net.firmCount(); f++) count[net.tier(f)]++;
        int[][] members = new int[tiers][];
        for (int t = 0; t < tiers; t++) members[t] = new int[count[t]];
        int[] fill = new int[tiers];
        for (int f = 0; f < net.firmCount(); f++) members[net.tier(f)][fill[net.tier(f)]++] = f;
        return members;
    }

    /** The tier's firms sorted by the mean rank of their already-placed buyers (unplaced: the middle), ties by index. */
    private static int[] order(SupplyNetwork net, int[] firms, double[] rank) {
        double[] key = new double[firms.length];
        Integer[] idx = new Integer[firms.length];
        for (int i = 0; i < firms.length; i++) {
            int f = firms[i];
            double sum = 0;
            int k = 0;
            for (int e = net.supplyOutStart(f); e < net.supplyOutEnd(f); e++) {
                double r = rank[net.supplyBuyer(e)];
                if (!Double.isNaN(r)) {
                    sum += r;
                    k++;
                }
            }
            key[i] = k > 0 ? sum / k : 0.5;
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(firms[a], firms[b]));
        int[] out = new int[firms.length];
        for (int i = 0; i < out.length; i++) out[i] = firms[idx[i]];
        return out;
    }

    private void sizeByRevenue(SupplyNetwork net) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < net.firmCount(); f++) {
            double r = Math.log1p(Math.max(0, net.revenueYen(f)));
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        for (int f = 0; f < net.firmCount(); f++) {
            double r = Math.log1p(Math.max(0, net.revenueYen(f)));
            double share = hi > lo ? (r - lo) / (hi - lo) : 0.5;
            diameter[f] = MIN_DIAMETER + (MAX_DIAMETER - MIN_DIAMETER) * share;
        }
    }

    double x(int firm) { return x[firm]; }
    double y(int firm) { return y[firm]; }
    /** Diameter in field units. */
    double diameter(int firm) { return diameter[firm]; }
    /** Top of the tier's band (its header line). */
    double bandTop(int tier) { return bandTop[tier]; }
    int tiers() { return bandTop.length; }
    double width() { return WIDTH; }
    double height() { return height; }
}
