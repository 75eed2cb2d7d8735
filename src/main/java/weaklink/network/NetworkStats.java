package weaklink.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import weaklink.scenario.Role;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * Descriptive statistics of a network, as written to {@code network_stats.json}: counts of firms
 * and links, firms by tier, size class and role, the four degree distributions (customers and
 * suppliers over supply links, trust links out and in) and the largest hubs. One pass per
 * distribution, O(firms + links); deterministic (ties broken by firm index).
 */
public final class NetworkStats {
    private NetworkStats() {}

    /** How many of the largest hubs are listed. */
    public static final int TOP_HUBS = 10;

    public static ObjectNode of(SupplyNetwork net) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        int n = net.firmCount();
        root.put("firms", n);
        root.put("supply_links", net.supplyLinkCount());
        root.put("trust_links", net.trustLinkCount());
        long[] byType = new long[TrustType.values().length];
        for (int e = 0; e < net.trustLinkCount(); e++) byType[net.trustTypeOrdinal(e)]++;
        ObjectNode types = root.putObject("trust_links_by_type");
        for (TrustType t : TrustType.values()) types.put(t.label(), byType[t.ordinal()]);

        Map<Integer, long[]> tiers = new TreeMap<>();
        long[] bySize = new long[SizeClass.values().length];
        long[] byRole = new long[Role.values().length];
        long isolated = 0;
        for (int f = 0; f < n; f++) {
            tiers.computeIfAbsent(net.tier(f), t -> new long[SizeClass.values().length])[net.sizeClass[f]]++;
            bySize[net.sizeClass[f]]++;
            byRole[net.role[f]]++;
            if (net.customerCount(f) == 0 && net.supplierCount(f) == 0 && net.trustOutDegree(f) == 0 && net.trustInEnd(f) == net.trustInStart(f)) isolated++;
        }
        root.put("isolated_firms", isolated);
        ObjectNode tierNode = root.putObject("firms_by_tier");
        for (Map.Entry<Integer, long[]> e : tiers.entrySet()) tierNode.put(Integer.toString(e.getKey()), sum(e.getValue()));
        ObjectNode sizeNode = root.putObject("firms_by_size_class");
        for (SizeClass s : SizeClass.values()) sizeNode.put(s.label(), bySize[s.ordinal()]);
        ObjectNode roleNode = root.putObject("firms_by_role");
        for (Role r : Role.values()) roleNode.put(r.label(), byRole[r.ordinal()]);
        ObjectNode grid = root.putObject("firms_by_tier_and_size_class");
        for (Map.Entry<Integer, long[]> e : tiers.entrySet()) {
            ObjectNode row = grid.putObject(Integer.toString(e.getKey()));
            for (SizeClass s : SizeClass.values()) row.put(s.label(), e.getValue()[s.ordinal()]);
        }

        ObjectNode degrees = root.putObject("degree_distributions");
        IntUnaryOperator customers = net::customerCount, suppliers = net::supplierCount, trustOut = net::trustOutDegree,
                trustIn = f -> net.trustInEnd(f) - net.trustInStart(f);
        degrees.set("customers", distribution(json, n, customers));
        degrees.set("suppliers", distribution(json, n, suppliers));
        degrees.set("trust_out", distribution(json, n, trustOut));
        degrees.set("trust_in", distribution(json, n, trustIn));

        ObjectNode hubs = root.putObject("largest_hubs");
        hubs.set("by_customers", hubs(json, net, customers, "customers"));
        hubs.set("by_trust_out", hubs(json, net, trustOut, "trust_links_out"));
        return root;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) s += x;
        return s;
    }

    /**
     * Mean, maximum, exact quantiles and a histogram in powers of two (bins 0, 1, 2-3, 4-7, ...),
     * the usual view of a heavy-tailed degree distribution.
     */
    static ObjectNode distribution(JsonNodeFactory json, int n, IntUnaryOperator degree) {
        int max = 0;
        long total = 0;
        for (int f = 0; f < n; f++) {
            int d = degree.applyAsInt(f);
            max = Math.max(max, d);
            total += d;
        }
        long[] count = new long[max + 1];
        for (int f = 0; f < n; f++) count[degree.applyAsInt(f)]++;
        ObjectNode node = json.objectNode();
        node.put("mean", n == 0 ? 0.0 : (double) total / n);
        node.put("max", max);
        node.put("p50", quantile(count, n, 0.50));
        node.put("p90", quantile(count, n, 0.90));
        node.put("p99", quantile(count, n, 0.99));
        ArrayNode bins = node.putArray("histogram");
        bins.addObject().put("min", 0).put("max", 0).put("firms", count[0]);
        for (long lo = 1; lo <= max; lo *= 2) {
            long hi = Math.min(max, 2 * lo - 1), firms = 0;
            for (long d = lo; d <= hi; d++) firms += count[(int) d];
            bins.addObject().put("min", lo).put("max", 2 * lo - 1).put("firms", firms);
        }
        return node;
    }

    /** The smallest degree d with at least a share q of firms at or below d (the inverted empirical CDF). */
    private static int quantile(long[] count, int n, double q) {
        if (n == 0) return 0;
        long need = (long) Math.ceil(q * n), seen = 0;
        for (int d = 0; d < count.length; d++) {
            seen += count[d];
            if (seen >= need) return d;
        }
        return count.length - 1;
    }

    private static ArrayNode hubs(JsonNodeFactory json, SupplyNetwork net, IntUnaryOperator degree, String field) {
        int[] top = new int[TOP_HUBS];
        int size = 0;
        for (int f = 0; f < net.firmCount(); f++) {
            int d = degree.applyAsInt(f);
            if (d == 0 || size == TOP_HUBS && d <= degree.applyAsInt(top[size - 1])) continue;
            int i = size < TOP_HUBS ? size++ : size - 1;
            while (i > 0 && degree.applyAsInt(top[i - 1]) < d) {
                top[i] = top[i - 1];
                i--;
            }
            top[i] = f;
        }
        ArrayNode out = json.arrayNode();
        for (int k = 0; k < size; k++) {
            int f = top[k];
            ObjectNode h = out.addObject();
            h.put("id", net.firmId(f));
            h.put("name", net.name(f));
            h.put("tier", net.tier(f));
            h.put("size_class", net.sizeClass(f).label());
            h.put("role", net.role(f).label());
            h.put(field, degree.applyAsInt(f));
        }
        return out;
    }
}
