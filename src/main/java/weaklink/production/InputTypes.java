package weaklink.production;

import java.util.Arrays;
import weaklink.network.SupplyNetwork;

/**
 * Each buyer's input types: its supply links grouped by the supplier's sector (Inoue &amp; Todo
 * 2019: a firm's inputs from suppliers of one sector are one input; production needs every input,
 * and suppliers of one input can stand in for each other). A type has an index {@code 0..count()-1}
 * (a buyer's types are contiguous) and a share, the sum of its links' shares of the buyer's inputs;
 * what the shares of a buyer leave below 1 is bought outside the network and never runs short.
 * Built once per network in {@code O(firms + links)}: arrays only, no object per buyer or type.
 */
public final class InputTypes {
    private final int[] typeOfLink;
    private final float[] typeShare;
    private final int[] supplierCount;

    private InputTypes(int[] typeOfLink, float[] typeShare, int[] supplierCount) {
        this.typeOfLink = typeOfLink;
        this.typeShare = typeShare;
        this.supplierCount = supplierCount;
    }

    public static InputTypes of(SupplyNetwork net) {
        int[] typeOfLink = new int[net.supplyLinkCount()];
        int[] mark = new int[Math.max(1, net.sectors().size())];
        int[] local = new int[mark.length];
        Arrays.fill(mark, -1);
        int types = 0;
        float[] share = new float[Math.max(16, net.supplyLinkCount())];
        int[] count = new int[share.length];
        for (int b = 0; b < net.firmCount(); b++) {
            for (int k = net.supplyInStart(b), end = net.supplyInEnd(b); k < end; k++) {
                int e = net.supplyInEdge(k);
                int s = net.sector(net.supplySupplier(e));
                if (mark[s] != b) {
                    mark[s] = b;
                    local[s] = types++;
                }
                int t = local[s];
                typeOfLink[e] = t;
                share[t] += (float) net.supplyShare(e);
                count[t]++;
            }
        }
        return new InputTypes(typeOfLink, Arrays.copyOf(share, types), Arrays.copyOf(count, types));
    }

    /** Number of input types over all buyers. */
    public int count() { return typeShare.length; }

    /** The input type a supply link delivers. */
    public int typeOf(int link) { return typeOfLink[link]; }

    /** The type's share of its buyer's inputs: the sum of its links' shares. */
    public double share(int type) { return typeShare[type]; }

    /** Number of suppliers of the type; 1 means sole-sourced. */
    public int suppliers(int type) { return supplierCount[type]; }

    /** Whether a supply link is its buyer's only source of its input type. */
    public boolean soleSourced(int link) { return supplierCount[typeOfLink[link]] == 1; }
}
