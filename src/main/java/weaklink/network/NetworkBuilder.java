package weaklink.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weaklink.scenario.FirmDefaults;
import weaklink.scenario.Role;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * Collects firms and links (edge lists that grow by half) and compresses them into a
 * {@link SupplyNetwork}'s CSR arrays with counting sorts: O(firms + links) time, no object per
 * firm or link. Supply shares are normalised per buyer by {@link #build()} (generated networks)
 * or kept as given by {@link #build(boolean)} (imported ones). A builder builds one network.
 */
public final class NetworkBuilder {
    /** Size-class default of every attribute: {@code classDefaults[sizeClass][attribute]}. */
    private final double[][] classDefaults;
    private final List<String> technologies;
    private int firms;
    private long[] firmId;
    private String[] name;
    private int[] tier;
    private byte[] sizeClass;
    private byte[] role;
    private long[] techMask;
    private short[] sector;
    private final List<String> sectors = new ArrayList<>();
    private final java.util.Map<String, Integer> sectorIndex = new java.util.HashMap<>();
    private double[][] attributes;

    private int supplyCount;
    private int[] supplySource;
    private int[] supplyTarget;
    private float[] supplyWeight;
    private float[] subDays;
    private float[] subShare;

    private int trustCount;
    private int[] trustSource;
    private int[] trustTarget;
    private byte[] trustType;

    public NetworkBuilder(java.util.Map<SizeClass, FirmDefaults> defaults, List<String> technologies, int expectedFirms) {
        this(defaults, technologies, expectedFirms, 16, 16);
    }

    /** A builder whose arrays start at the expected sizes, so that a large network is not copied while it grows. */
    public NetworkBuilder(java.util.Map<SizeClass, FirmDefaults> defaults, List<String> technologies, int expectedFirms,
                          int expectedSupplyLinks, int expectedTrustLinks) {
        this.classDefaults = new double[SizeClass.values().length][];
        for (SizeClass c : SizeClass.values()) {
            FirmDefaults d = defaults.get(c);
            classDefaults[c.ordinal()] = new double[FirmAttribute.values().length];
            for (FirmAttribute a : FirmAttribute.values()) classDefaults[c.ordinal()][a.ordinal()] = a.defaultFrom(d);
        }
        this.technologies = new ArrayList<>(technologies);
        int sCap = Math.max(16, expectedSupplyLinks), tCap = Math.max(16, expectedTrustLinks);
        supplySource = new int[sCap];
        supplyTarget = new int[sCap];
        supplyWeight = new float[sCap];
        subDays = new float[sCap];
        subShare = new float[sCap];
        trustSource = new int[tCap];
        trustTarget = new int[tCap];
        trustType = new byte[tCap];
        int cap = Math.max(16, expectedFirms);
        firmId = new long[cap];
        tier = new int[cap];
        sizeClass = new byte[cap];
        role = new byte[cap];
        techMask = new long[cap];
        sector = new short[cap];
        attributes = new double[FirmAttribute.values().length][cap];
    }

    public int firmCount() { return firms; }
    public int supplyLinkCount() { return supplyCount; }
    public int trustLinkCount() { return trustCount; }

    /** The bit of a technology tag, adding the tag if it is new; -1 when 64 tags are already known. */
    public int technologyBit(String tag) {
        int bit = technologies.indexOf(tag);
        if (bit >= 0) return bit;
        if (technologies.size() == 64) return -1;
        technologies.add(tag);
        return technologies.size() - 1;
    }

    /** Most distinct sectors a network holds. */
    public static final int MAX_SECTORS = Short.MAX_VALUE;

    /**
     * The index of a sector label, adding the label if it is new; -1 when {@link #MAX_SECTORS}
     * sectors are already known.
     */
    public int sectorIndex(String label) {
        Integer i = sectorIndex.get(label);
        if (i != null) return i;
        if (sectors.size() == MAX_SECTORS) return -1;
        sectors.add(label);
        sectorIndex.put(label, sectors.size() - 1);
        return sectors.size() - 1;
    }

    /** Sets a firm's sector (the product it makes) by label; a firm starts in the sector named by its role. */
    public void setSector(int firm, String label) {
        int i = sectorIndex(label);
        if (i < 0) throw new IllegalStateException("more than " + MAX_SECTORS + " sectors");
        sector[firm] = (short) i;
    }

    public String sector(int firm) { return sectors.get(sector[firm]); }

    /** The size-class default of an attribute. */
    public double defaultAttribute(SizeClass size, FirmAttribute a) { return classDefaults[size.ordinal()][a.ordinal()]; }

    /** Adds a firm with its size class's defaults for every attribute; returns its index. */
    public int addFirm(long id, int firmTier, SizeClass size, Role firmRole) {
        if (firms == firmId.length) growFirms();
        int i = firms++;
        firmId[i] = id;
        tier[i] = firmTier;
        sizeClass[i] = (byte) size.ordinal();
        role[i] = (byte) firmRole.ordinal();
        setSector(i, firmRole.label());
        double[] d = classDefaults[size.ordinal()];
        for (int a = 0; a < d.length; a++) attributes[a][i] = d[a];
        return i;
    }

    /** Changes a firm's size class and resets every attribute to the new class's default. */
    public void setSizeClass(int firm, SizeClass size) {
        sizeClass[firm] = (byte) size.ordinal();
        double[] d = classDefaults[size.ordinal()];
        for (int a = 0; a < d.length; a++) attributes[a][firm] = d[a];
    }

    public void setAttribute(int firm, FirmAttribute a, double value) { attributes[a.ordinal()][firm] = value; }

    public double attribute(int firm, FirmAttribute a) { return attributes[a.ordinal()][firm]; }

    public void setName(int firm, String firmName) {
        if (name == null) name = new String[firmId.length];
        name[firm] = firmName;
    }

    public void setTechnologyMask(int firm, long mask) { techMask[firm] = mask; }

    public SizeClass sizeClass(int firm) { return SizeClass.values()[sizeClass[firm]]; }

    public int tier(int firm) { return tier[firm]; }

    /** The ids added so far, at indices {@code 0..firmCount()-1} (the array may be longer). Do not modify. */
    long[] firmIds() { return firmId; }

    int supplySource(int link) { return supplySource[link]; }
    int supplyBuyer(int link) { return supplyTarget[link]; }
    double supplyWeight(int link) { return supplyWeight[link]; }
    void setSupplyWeight(int link, double weight) { supplyWeight[link] = (float) weight; }

    /**
     * Adds a supply link; {@code weight} is the relative size of this input for the buyer
     * (normalised per buyer at build time).
     */
    public void addSupply(int supplier, int buyer, double weight, double substitutionDays, double substitutionShare) {
        if (supplyCount == supplySource.length) {
            int n = grow(supplyCount);
            supplySource = Arrays.copyOf(supplySource, n);
            supplyTarget = Arrays.copyOf(supplyTarget, n);
            supplyWeight = Arrays.copyOf(supplyWeight, n);
            subDays = Arrays.copyOf(subDays, n);
            subShare = Arrays.copyOf(subShare, n);
        }
        supplySource[supplyCount] = supplier;
        supplyTarget[supplyCount] = buyer;
        supplyWeight[supplyCount] = (float) weight;
        subDays[supplyCount] = (float) substitutionDays;
        subShare[supplyCount] = (float) substitutionShare;
        supplyCount++;
    }

    public void addTrust(int source, int target, TrustType type) {
        if (trustCount == trustSource.length) {
            int n = grow(trustCount);
            trustSource = Arrays.copyOf(trustSource, n);
            trustTarget = Arrays.copyOf(trustTarget, n);
            trustType = Arrays.copyOf(trustType, n);
        }
        trustSource[trustCount] = source;
        trustTarget[trustCount] = target;
        trustType[trustCount] = (byte) type.ordinal();
        trustCount++;
    }

    /** Compresses to CSR with supply shares normalised per buyer. Links keep their insertion order within a source firm. */
    public SupplyNetwork build() { return build(true); }

    /**
     * Compresses to CSR. Links keep their insertion order within a source firm. With
     * {@code normaliseShares}, each buyer's supply weights are divided by their sum so they add up
     * to 1; without, they are kept as given (an imported network may buy part of its inputs outside it).
     */
    public SupplyNetwork build(boolean normaliseShares) {
        if (attributes == null) throw new IllegalStateException("a NetworkBuilder builds one network");
        int n = firms;
        // supply: sort by supplier (stable counting sort)
        int[] outStart = new int[n + 1];
        for (int e = 0; e < supplyCount; e++) outStart[supplySource[e] + 1]++;
        for (int i = 0; i < n; i++) outStart[i + 1] += outStart[i];
        int[] pos = Arrays.copyOf(outStart, n);
        int[] sSup = new int[supplyCount], sBuy = new int[supplyCount];
        float[] sShare = new float[supplyCount], sDays = new float[supplyCount], sSub = new float[supplyCount];
        for (int e = 0; e < supplyCount; e++) {
            int k = pos[supplySource[e]]++;
            sSup[k] = supplySource[e];
            sBuy[k] = supplyTarget[e];
            sShare[k] = supplyWeight[e];
            sDays[k] = subDays[e];
            sSub[k] = subShare[e];
        }
        supplySource = supplyTarget = null;
        supplyWeight = subDays = subShare = null;
        if (normaliseShares) {
            double[] weightSum = new double[n];
            for (int e = 0; e < supplyCount; e++) weightSum[sBuy[e]] += sShare[e];
            for (int e = 0; e < supplyCount; e++) sShare[e] = weightSum[sBuy[e]] > 0 ? (float) (sShare[e] / weightSum[sBuy[e]]) : 0f;
        }
        int[] inStart = new int[n + 1];
        for (int e = 0; e < supplyCount; e++) inStart[sBuy[e] + 1]++;
        for (int i = 0; i < n; i++) inStart[i + 1] += inStart[i];
        pos = Arrays.copyOf(inStart, n);
        int[] inEdge = new int[supplyCount];
        for (int e = 0; e < supplyCount; e++) inEdge[pos[sBuy[e]]++] = e;

        int[] tOutStart = new int[n + 1];
        for (int e = 0; e < trustCount; e++) tOutStart[trustSource[e] + 1]++;
        for (int i = 0; i < n; i++) tOutStart[i + 1] += tOutStart[i];
        pos = Arrays.copyOf(tOutStart, n);
        int[] tSrc = new int[trustCount], tTgtType = new int[trustCount];
        for (int e = 0; e < trustCount; e++) {
            int k = pos[trustSource[e]]++;
            tSrc[k] = trustSource[e];
            tTgtType[k] = SupplyNetwork.packTrust(trustTarget[e], trustType[e]);
        }
        int[] tInStart = new int[n + 1];
        for (int e = 0; e < trustCount; e++) tInStart[trustTarget[e] + 1]++;
        for (int i = 0; i < n; i++) tInStart[i + 1] += tInStart[i];
        pos = Arrays.copyOf(tInStart, n);
        int[] tInEdge = new int[trustCount];
        for (int e = 0; e < trustCount; e++) tInEdge[pos[SupplyNetwork.trustTargetOf(tTgtType[e])]++] = e;
        trustSource = trustTarget = null;
        trustType = null;

        // each firm array is trimmed and let go at once, so that at most one array is ever held twice
        double[][] attrs = new double[attributes.length][];
        for (int a = 0; a < attrs.length; a++) {
            attrs[a] = trim(attributes[a], n);
            attributes[a] = null;
        }
        attributes = null;
        long[] ids = trim(firmId, n);
        firmId = null;
        String[] names = name == null ? null : Arrays.copyOf(name, n);
        name = null;
        int[] tiers = trim(tier, n);
        tier = null;
        byte[] sizes = trim(sizeClass, n);
        sizeClass = null;
        byte[] roles = trim(role, n);
        role = null;
        long[] masks = trim(techMask, n);
        techMask = null;
        short[] sectorOf = trim(sector, n);
        sector = null;
        return new SupplyNetwork(n, ids, names, tiers, sizes, roles, masks,
                technologies, sectorOf, sectors, attrs, outStart, sSup, sBuy, sShare, sDays, sSub, inStart, inEdge,
                tOutStart, tSrc, tTgtType, tInStart, tInEdge);
    }

    /**
     * The input positions {@code (first, second)} of two supply links with the same supplier and
     * buyer, packed as {@code first << 32 | second}, or -1 when there are none. Call before {@link #build}.
     */
    public long firstDuplicateSupply() { return firstDuplicate(supplySource, supplyTarget, null, supplyCount); }

    /** Likewise for trust links with the same source, target and type. */
    public long firstDuplicateTrust() { return firstDuplicate(trustSource, trustTarget, trustType, trustCount); }

    /**
     * Groups the links by source (counting sort) and marks each source's targets: O(firms + links).
     * Of all duplicates it reports the one whose second occurrence comes first.
     */
    private long firstDuplicate(int[] src, int[] tgt, byte[] type, int count) {
        int n = firms;
        int[] start = new int[n + 1];
        for (int e = 0; e < count; e++) start[src[e] + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] pos = Arrays.copyOf(start, n);
        int[] order = new int[count];
        for (int e = 0; e < count; e++) order[pos[src[e]]++] = e;
        pos = null;
        int types = type == null ? 1 : TrustType.values().length;
        int[] seenAt = new int[n * types];
        Arrays.fill(seenAt, -1);
        long best = -1;
        for (int s = 0; s < n; s++) {
            for (int k = start[s]; k < start[s + 1]; k++) {
                int e = order[k];
                int slot = tgt[e] * types + (type == null ? 0 : type[e]);
                int prev = seenAt[slot];
                if (prev >= start[s] && prev < k) {
                    int first = order[prev];
                    if (best < 0 || e < (int) best) best = (long) first << 32 | e;
                } else {
                    seenAt[slot] = k;
                }
            }
        }
        return best;
    }

    private static long[] trim(long[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }
    private static int[] trim(int[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }
    private static byte[] trim(byte[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }
    private static short[] trim(short[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }
    private static double[] trim(double[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }

    /** Makes room for at least {@code capacity} firms in one step (a reader that has projected its file's rows). */
    public void ensureFirmCapacity(int capacity) {
        if (capacity <= firmId.length) return;
        firmId = Arrays.copyOf(firmId, capacity);
        tier = Arrays.copyOf(tier, capacity);
        sizeClass = Arrays.copyOf(sizeClass, capacity);
        role = Arrays.copyOf(role, capacity);
        techMask = Arrays.copyOf(techMask, capacity);
        sector = Arrays.copyOf(sector, capacity);
        if (name != null) name = Arrays.copyOf(name, capacity);
        for (int a = 0; a < attributes.length; a++) attributes[a] = Arrays.copyOf(attributes[a], capacity);
    }

    /** Makes room for at least so many supply and trust links in one step. */
    public void ensureLinkCapacity(int supplyCapacity, int trustCapacity) {
        if (supplyCapacity > supplySource.length) {
            supplySource = Arrays.copyOf(supplySource, supplyCapacity);
            supplyTarget = Arrays.copyOf(supplyTarget, supplyCapacity);
            supplyWeight = Arrays.copyOf(supplyWeight, supplyCapacity);
            subDays = Arrays.copyOf(subDays, supplyCapacity);
            subShare = Arrays.copyOf(subShare, supplyCapacity);
        }
        if (trustCapacity > trustSource.length) {
            trustSource = Arrays.copyOf(trustSource, trustCapacity);
            trustTarget = Arrays.copyOf(trustTarget, trustCapacity);
            trustType = Arrays.copyOf(trustType, trustCapacity);
        }
    }

    /** Firms the arrays hold before they must grow. */
    public int firmCapacity() { return firmId.length; }

    /** Supply links the arrays hold before they must grow. */
    public int supplyCapacity() { return supplySource.length; }

    /** Trust links the arrays hold before they must grow. */
    public int trustCapacity() { return trustSource.length; }

    /** Whether any firm has a name. */
    public boolean hasNames() { return name != null; }

    private void growFirms() {
        int n = grow(firmId.length);
        firmId = Arrays.copyOf(firmId, n);
        tier = Arrays.copyOf(tier, n);
        sizeClass = Arrays.copyOf(sizeClass, n);
        role = Arrays.copyOf(role, n);
        techMask = Arrays.copyOf(techMask, n);
        sector = Arrays.copyOf(sector, n);
        if (name != null) name = Arrays.copyOf(name, n);
        for (int a = 0; a < attributes.length; a++) attributes[a] = Arrays.copyOf(attributes[a], n);
    }

    private static int grow(int current) {
        long n = Math.max(16L, current + (current >> 1) + 16L);
        if (n > Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2^31 links are not supported");
        return (int) n;
    }
}
