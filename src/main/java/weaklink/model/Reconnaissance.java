package weaklink.model;

import java.util.Arrays;
import weaklink.network.SupplyNetwork;

/**
 * How a targeted (island-hopping) actor picks its way in: the most vulnerable firm among its
 * objective and the firms that can reach the objective over trust links within a number of hops
 * (DESIGN §1 "Threat actors"). One owner of the rule: campaigns use it on the replicate's posture,
 * and the firms' decisions ({@code weaklink.economics.decision}) use it to price how often a
 * targeted actor comes in through them.
 */
public final class Reconnaissance {
    private Reconnaissance() {}

    /**
     * The firm with the highest success probability {@code s} among {@code objective} and the firms
     * that reach it over incoming trust links within {@code hops} hops — a breadth-first search,
     * level by level; ties go to the nearer firm, then the lower index. The cost is proportional to
     * the neighbourhood searched, not to the network.
     *
     * @param mark  scratch of one int per firm: a firm is visited when its entry equals {@code stamp},
     *              so no clearing is needed between searches with different stamps
     * @param stamp a value not yet in {@code mark}
     */
    public static int weakestWithin(SupplyNetwork net, double[] s, int objective, int hops, int[] mark, int stamp) {
        int[] frontier = {objective};
        int frontierSize = 1;
        mark[objective] = stamp;
        int best = objective;
        for (int level = 1; level <= hops && frontierSize > 0; level++) {
            int[] next = new int[8];
            int nextSize = 0;
            int levelBest = -1;
            for (int i = 0; i < frontierSize; i++) {
                int f = frontier[i];
                for (int k = net.trustInStart(f), end = net.trustInEnd(f); k < end; k++) {
                    int src = net.trustSource(net.trustInEdge(k));
                    if (mark[src] == stamp) continue;
                    mark[src] = stamp;
                    if (nextSize == next.length) next = Arrays.copyOf(next, nextSize * 2);
                    next[nextSize++] = src;
                    if (levelBest < 0 || s[src] > s[levelBest] || s[src] == s[levelBest] && src < levelBest) levelBest = src;
                }
            }
            if (levelBest >= 0 && s[levelBest] > s[best]) best = levelBest;
            frontier = next;
            frontierSize = nextSize;
        }
        return best;
    }
}
