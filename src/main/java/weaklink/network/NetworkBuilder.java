package weaklink.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weaklink.scenario.FirmDefaults;
import weaklink.scenario.Role;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * Collects firms and links (edge lists that grow by doubling) and compresses them into a
 * {@link SupplyNetwork}'s CSR arrays with counting sorts: O(firms + links) time, no object per
 * firm or link. Supply shares are normalised per buyer at {@link #build()}.
 */
public final class NetworkBuilder {
    private final java.util.Map<SizeClass, FirmDefaults> defaults;
    private final List<String> technologies;
    private int firms;
    private long[] firmId;
    private String[] name;
    private int[] tier;
    private byte[] sizeClass;
    private byte[] role;
    private long[] techMask;
    private double[][] attributes;

    private int supplyCount;
    private int[] supplySource = new int[16];
    private int[] supplyTarget = new int[16];
    private float[] supplyWeight = new float[16];
    private float[] subDays = new float[16];
    private float[] subShare = new float[16];

    private int trustCount;
    private int[] trustSource = new int[16];
    private int[] trustTarget = new int[16];
    private byte[] trustType = new byte[16];

    public NetworkBuilder(java.util.Map<SizeClass, FirmDefaults> defaults, List<String> technologies, int expectedFirms) {
        this.defaults = defaults;
        this.technologies = new ArrayList<>(technologies);
        int cap = Math.max(16, expectedFirms);
        firmId = new long[cap];
        tier = new int[cap];
        sizeClass = new byte[cap];
        role = new byte[cap];
        techMask = new long[cap];
        attributes = new double[FirmAttribute.values().length][cap];
    }

    public int firmCount() { return firms; }

    /** Adds a firm with its size class's defaults for every attribute; returns its index. */
    public int addFirm(long id, int firmTier, SizeClass size, Role firmRole) {
        if (firms == firmId.length) growFirms();
        int i = firms++;
        firmId[i] = id;
        tier[i] = firmTier;
        sizeClass[i] = (byte) size.ordinal();
        role[i] = (byte) firmRole.ordinal();
        FirmDefaults d = defaults.get(size);
        for (FirmAttribute a : FirmAttribute.values()) attributes[a.ordinal()][i] = a.defaultFrom(d);
        return i;
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

    /** Compresses to CSR. Links keep their insertion order within a source firm. */
    public SupplyNetwork build() {
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
        double[] weightSum = new double[n];
        for (int e = 0; e < supplyCount; e++) weightSum[sBuy[e]] += sShare[e];
        for (int e = 0; e < supplyCount; e++) sShare[e] = weightSum[sBuy[e]] > 0 ? (float) (sShare[e] / weightSum[sBuy[e]]) : 0f;
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
        int[] tSrc = new int[trustCount], tTgt = new int[trustCount];
        byte[] tType = new byte[trustCount];
        for (int e = 0; e < trustCount; e++) {
            int k = pos[trustSource[e]]++;
            tSrc[k] = trustSource[e];
            tTgt[k] = trustTarget[e];
            tType[k] = trustType[e];
        }
        int[] tInStart = new int[n + 1];
        for (int e = 0; e < trustCount; e++) tInStart[tTgt[e] + 1]++;
        for (int i = 0; i < n; i++) tInStart[i + 1] += tInStart[i];
        pos = Arrays.copyOf(tInStart, n);
        int[] tInEdge = new int[trustCount];
        for (int e = 0; e < trustCount; e++) tInEdge[pos[tTgt[e]]++] = e;

        double[][] attrs = new double[attributes.length][];
        for (int a = 0; a < attrs.length; a++) attrs[a] = Arrays.copyOf(attributes[a], n);
        return new SupplyNetwork(n, Arrays.copyOf(firmId, n), name == null ? null : Arrays.copyOf(name, n),
                Arrays.copyOf(tier, n), Arrays.copyOf(sizeClass, n), Arrays.copyOf(role, n), Arrays.copyOf(techMask, n),
                technologies, attrs, outStart, sSup, sBuy, sShare, sDays, sSub, inStart, inEdge,
                tOutStart, tSrc, tTgt, tType, tInStart, tInEdge);
    }

    private void growFirms() {
        int n = grow(firmId.length);
        firmId = Arrays.copyOf(firmId, n);
        tier = Arrays.copyOf(tier, n);
        sizeClass = Arrays.copyOf(sizeClass, n);
        role = Arrays.copyOf(role, n);
        techMask = Arrays.copyOf(techMask, n);
        if (name != null) name = Arrays.copyOf(name, n);
        for (int a = 0; a < attributes.length; a++) attributes[a] = Arrays.copyOf(attributes[a], n);
    }

    private static int grow(int current) {
        long n = Math.max(16L, current + (current >> 1) + 16L);
        if (n > Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2^31 links are not supported");
        return (int) n;
    }
}
