package weaklink.network;

import java.util.List;
import weaklink.scenario.Role;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * The firm-level supply network as compact arrays (struct of arrays, CSR adjacency): a firm is
 * an index {@code 0..firmCount()-1}; a link is an index into its edge arrays. Immutable once
 * built by {@link NetworkBuilder}.
 *
 * <p>Supply links run supplier -> buyer and carry the buyer's input share (normalised per buyer)
 * and substitutability. Trust links are their own directed edges (source holds IT access into
 * target) with a {@link TrustType}. Both have out- and in-iteration:
 * <pre>
 * for (int e = net.supplyOutStart(s); e &lt; net.supplyOutEnd(s); e++) { int buyer = net.supplyBuyer(e); ... }
 * for (int k = net.supplyInStart(b); k &lt; net.supplyInEnd(b); k++) { int e = net.supplyInEdge(k); int supplier = net.supplySupplier(e); ... }
 * </pre>
 */
public final class SupplyNetwork {
    private static final SizeClass[] SIZES = SizeClass.values();
    private static final Role[] ROLES = Role.values();
    private static final TrustType[] TRUST_TYPES = TrustType.values();

    final int firmCount;
    final long[] firmId;
    final String[] name;
    final int[] tier;
    final byte[] sizeClass;
    final byte[] role;
    final long[] technologyMask;
    final List<String> technologies;
    final short[] sector;
    final List<String> sectors;
    final double[][] attributes;

    final int[] supplyOutStart;
    final int[] supplySupplier;
    final int[] supplyBuyer;
    final float[] supplyShare;
    final float[] substitutionDays;
    final float[] substitutionShare;
    final int[] supplyInStart;
    final int[] supplyInEdge;

    final int[] trustOutStart;
    final int[] trustSource;
    /** Per trust link, its target firm and, above {@link #TYPE_SHIFT}, its type: one memory access gives both. */
    final int[] trustTargetAndType;
    final int[] trustInStart;
    final int[] trustInEdge;
    private final FirmIndex index;
    /** The files the network was read from, as read (size and SHA-256); empty for a generated network. */
    private List<weaklink.io.InputFile.Digest> sources = List.of();

    SupplyNetwork(int firmCount, long[] firmId, String[] name, int[] tier, byte[] sizeClass, byte[] role,
                  long[] technologyMask, List<String> technologies, short[] sector, List<String> sectors, double[][] attributes,
                  int[] supplyOutStart, int[] supplySupplier, int[] supplyBuyer, float[] supplyShare,
                  float[] substitutionDays, float[] substitutionShare, int[] supplyInStart, int[] supplyInEdge,
                  int[] trustOutStart, int[] trustSource, int[] trustTargetAndType, int[] trustInStart, int[] trustInEdge) {
        this.firmCount = firmCount;
        this.firmId = firmId;
        this.name = name;
        this.tier = tier;
        this.sizeClass = sizeClass;
        this.role = role;
        this.technologyMask = technologyMask;
        this.technologies = List.copyOf(technologies);
        this.sector = sector;
        this.sectors = List.copyOf(sectors);
        this.attributes = attributes;
        this.supplyOutStart = supplyOutStart;
        this.supplySupplier = supplySupplier;
        this.supplyBuyer = supplyBuyer;
        this.supplyShare = supplyShare;
        this.substitutionDays = substitutionDays;
        this.substitutionShare = substitutionShare;
        this.supplyInStart = supplyInStart;
        this.supplyInEdge = supplyInEdge;
        this.trustOutStart = trustOutStart;
        this.trustSource = trustSource;
        this.trustTargetAndType = trustTargetAndType;
        this.trustInStart = trustInStart;
        this.trustInEdge = trustInEdge;
        this.index = FirmIndex.of(firmId, firmCount);
    }

    // ---- firms ----
    public int firmCount() { return firmCount; }
    /** The firm's id as in firms.csv (generated networks: its index). */
    public long firmId(int firm) { return firmId[firm]; }
    /** The firm's name, or {@code firm-<id>} when none was given. */
    public String name(int firm) { return name == null || name[firm] == null ? "firm-" + firmId[firm] : name[firm]; }
    public boolean hasName(int firm) { return name != null && name[firm] != null; }
    public int tier(int firm) { return tier[firm]; }
    public SizeClass sizeClass(int firm) { return SIZES[sizeClass[firm]]; }
    public Role role(int firm) { return ROLES[role[firm]]; }
    /**
     * The firm's sector (the product it makes), an index into {@link #sectors()}: a buyer's inputs
     * from suppliers of one sector are one input type of the production cascade.
     */
    public int sector(int firm) { return sector[firm]; }
    /** Sector labels, by index. */
    public List<String> sectors() { return sectors; }
    public String sectorLabel(int firm) { return sectors.get(sector[firm]); }
    public int maxTier() { int m = 0; for (int t : tier) m = Math.max(m, t); return m; }

    /** The value of a numeric attribute of a firm. */
    public double attribute(FirmAttribute a, int firm) { return attributes[a.ordinal()][firm]; }

    /** The whole column of a numeric attribute, for hot loops. Do not modify. */
    public double[] column(FirmAttribute a) { return attributes[a.ordinal()]; }

    public double revenueYen(int firm) { return attributes[FirmAttribute.REVENUE_YEN.ordinal()][firm]; }
    public double vulnerability(int firm) { return attributes[FirmAttribute.VULNERABILITY.ordinal()][firm]; }

    /** Daily value added: revenue × value-added share / 365. */
    public double dailyValueAddedYen(int firm) {
        return revenueYen(firm) * attributes[FirmAttribute.VALUE_ADDED_SHARE.ordinal()][firm] / 365.0;
    }

    /** Technology tags known to the network, in bit order. */
    public List<String> technologies() { return technologies; }
    public boolean runs(int firm, int technology) { return (technologyMask[firm] >>> technology & 1L) != 0; }
    public long technologyMask(int firm) { return technologyMask[firm]; }

    // ---- supply links (supplier -> buyer) ----
    public int supplyLinkCount() { return supplyBuyer.length; }
    public int supplyOutStart(int supplier) { return supplyOutStart[supplier]; }
    public int supplyOutEnd(int supplier) { return supplyOutStart[supplier + 1]; }
    public int supplyInStart(int buyer) { return supplyInStart[buyer]; }
    public int supplyInEnd(int buyer) { return supplyInStart[buyer + 1]; }
    /** The supply link at position {@code k} of the in-list ({@code supplyInStart(b) <= k < supplyInEnd(b)}). */
    public int supplyInEdge(int k) { return supplyInEdge[k]; }
    public int supplySupplier(int link) { return supplySupplier[link]; }
    public int supplyBuyer(int link) { return supplyBuyer[link]; }
    /** Fraction of the buyer's inputs that come over this link; a buyer's shares sum to 1. */
    public double supplyShare(int link) { return supplyShare[link]; }
    /** Days after the supplier stops until a substitute covers {@link #substitutionShare(int)} of the input. */
    public double substitutionDays(int link) { return substitutionDays[link]; }
    public double substitutionShare(int link) { return substitutionShare[link]; }
    public int customerCount(int supplier) { return supplyOutStart[supplier + 1] - supplyOutStart[supplier]; }
    public int supplierCount(int buyer) { return supplyInStart[buyer + 1] - supplyInStart[buyer]; }

    // ---- trust links (source holds access into target) ----
    public int trustLinkCount() { return trustTargetAndType.length; }
    public int trustOutStart(int source) { return trustOutStart[source]; }
    public int trustOutEnd(int source) { return trustOutStart[source + 1]; }
    public int trustInStart(int target) { return trustInStart[target]; }
    public int trustInEnd(int target) { return trustInStart[target + 1]; }
    public int trustInEdge(int k) { return trustInEdge[k]; }
    public int trustSource(int link) { return trustSource[link]; }
    public int trustTarget(int link) { return trustTargetAndType[link] & TARGET_MASK; }
    public TrustType trustType(int link) { return TRUST_TYPES[trustTargetAndType[link] >>> TYPE_SHIFT]; }
    public int trustTypeOrdinal(int link) { return trustTargetAndType[link] >>> TYPE_SHIFT; }

    /** A trust link's target and type in one {@code int}: firm indexes stay below {@code 2^TYPE_SHIFT} (at most {@link weaklink.scenario.NetworkSpec#MAX_FIRMS} firms). */
    static final int TYPE_SHIFT = 26, TARGET_MASK = (1 << TYPE_SHIFT) - 1;

    static int packTrust(int target, int typeOrdinal) {
        if (target > TARGET_MASK) throw new IllegalArgumentException("firm index " + target + " above 2^" + TYPE_SHIFT);
        return target | typeOrdinal << TYPE_SHIFT;
    }

    static int trustTargetOf(int packed) { return packed & TARGET_MASK; }
    public int trustOutDegree(int source) { return trustOutStart[source + 1] - trustOutStart[source]; }

    /**
     * Index of the firm with this id, or -1: O(1) when ids equal indices (generated networks and
     * their exports), O(log n) otherwise.
     */
    public int indexOf(long id) { return index.indexOf(id); }

    /** Rough heap footprint of the arrays, in bytes. */
    public long estimatedBytes() {
        return estimateBytes(firmCount, supplyLinkCount(), trustLinkCount(), name != null) + index.estimatedBytes();
    }

    /**
     * The files this network was read from — firms.csv, then links.csv — with the size and SHA-256
     * of the very bytes that were parsed (what a results folder's manifest records); empty for a
     * generated network.
     */
    public List<weaklink.io.InputFile.Digest> sources() { return sources; }

    void setSources(List<weaklink.io.InputFile.Digest> files) { this.sources = List.copyOf(files); }

    /** Rough heap footprint of a network of this size, for refusing networks that will not fit before allocating them. */
    public static long estimateBytes(long firms, long supplyLinks, long trustLinks, boolean names) {
        long perFirm = 8 + 4 + 1 + 1 + 2 + 8 + 8L * FirmAttribute.values().length + 4 * 4 + (names ? 64 : 0);
        long perSupply = 4 * 4 + 4 * 3;
        long perTrust = 4 * 4;
        return firms * perFirm + supplyLinks * perSupply + trustLinks * perTrust;
    }
}
