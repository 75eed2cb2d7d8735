package weaklink.model;

import java.util.Arrays;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.random.Samplers;
import weaklink.scenario.TrustType;

/**
 * The lateral movement of one day's compromises, sampled in a batch: for each trust link
 * {@code i -> j} of a firm compromised with {@code ⌊dwell⌋ = D} days to move, the first day of
 * success is a geometric draw with daily probability {@code q = p_type · min(1, capability · S_j)},
 * and the link is scheduled ({@link ReplicateModel#enqueue}) when that day is within {@code D}. The
 * rule is {@link ReplicateModel}'s (see there); this class is how it is computed fast on networks of
 * millions of firms: the day's compromises in stages over arrays ({@link Batch}), a bound that
 * rejects most links without reading their target, and caches of the chances per {@code (q, D)}. It
 * draws nothing of its own: each link's uniform is the keyed draw of (campaign, link), so the result
 * is exactly {@link Samplers#firstSuccessDay} link by link.
 */
final class LateralMovement {
    private final SupplyNetwork network;
    private final Posture posture;
    private final double[] trustDailyProbability;
    private final RandomStreams.Keyed draws;
    // memo of the last lateral-movement probability: most links of a network share a few values
    private double memoQ = Double.NaN;
    private double memoLogMiss;
    private int memoMaxOffset = -1;
    private double memoThreshold;
    /** How often the memoised (q, maxOffset) came in a row, and whether {@link #dayChance} holds its table. */
    private int memoUses;
    private boolean memoTable;
    private static final int TABLE_AFTER = 16;
    private static final double TABLE_MARGIN = 1e-9;
    private final transient double[] dayChance = new double[65];
    /** Whether {@link #dayBucket} holds the buckets of the memoised table, and its scale. */
    private boolean memoBucketed;
    private double memoBucketScale;
    private static final int BUCKETS_AFTER = 256;
    static final int BUCKETS = 1024;
    private final transient byte[] dayBucket = new byte[BUCKETS + 1];
    private static final int REACH_CACHE = 1024;
    private final transient double[][] reachByOffset = new double[REACH_CACHE][];
    private final transient double[] reach = new double[TrustType.values().length + 1];
    private int reachOffset = -1;

    /**
     * @param trustDailyProbability base daily probability per trust type (by ordinal)
     * @param draws                 the replicate's keyed LATERAL stream
     */
    LateralMovement(SupplyNetwork network, Posture posture, double[] trustDailyProbability, RandomStreams.Keyed draws) {
        this.network = network;
        this.posture = posture;
        this.trustDailyProbability = trustDailyProbability;
        this.draws = draws;
    }

    /**
     * Lateral movement from the day's {@code n} compromises in {@link #batch}: each trust link
     * {@code i -> j} of a compromised firm draws its keyed uniform {@code u}; the first success
     * day is {@code ⌈geometric(u, q)⌉} with {@code q = p_type · min(1, capability · S_j)}, and the
     * link is scheduled if that falls within {@code ⌊dwell⌋} days. Links are enqueued in the order
     * of the compromises, then of the links. The stages: the firms' link rows; the links whose
     * draw beats the best chance of any link type (most fail here without their target being
     * read); their targets; those not yet compromised by their campaign; their types and targets'
     * {@code S}; the decision.
     */
    void spread(ReplicateModel model, int today, int n, Batch b) {
        RandomStreams.Keyed lateral = draws;
        for (int k = 0; k < n; k++) {
            b.rowStart[k] = network.trustOutStart(b.firm[k]);
            b.rowEnd[k] = network.trustOutEnd(b.firm[k]);
        }
        int m = 0;
        for (int k = 0; k < n; k++) {
            int maxOffset = b.maxOffset[k];
            if (maxOffset < 1) continue;
            double bound = reachWithin(maxOffset)[trustDailyProbability.length];
            long key = lateral.key(b.campaign[k]);
            int start = b.rowStart[k], end = b.rowEnd[k];
            b.ensureCandidates(m + end - start);
            int[] candFirm = b.candFirm, candLink = b.candLink;
            double[] candU = b.candU;
            for (int e = start; e < end; e++) {
                double u = lateral.uniform(key, e);
                // written always, kept when u < bound: no branch to mispredict on a random draw
                candFirm[m] = k;
                candLink[m] = e;
                candU[m] = u;
                m += u < bound ? 1 : 0;
            }
        }
        for (int j = 0; j < m; j++) b.candTarget[j] = network.trustTarget(b.candLink[j]);
        // a target its campaign has already compromised is dropped before its type and S are read (late in a large
        // outbreak about half the candidates), and without a branch: whether it was hit is a coin toss to the processor
        int live = 0;
        for (int j = 0; j < m; j++) {
            int k = b.candFirm[j], target = b.candTarget[j];
            b.candFirm[live] = k;
            b.candLink[live] = b.candLink[j];
            b.candU[live] = b.candU[j];
            b.candTarget[live] = target;
            live += model.campaign(b.campaign[k]).unhit(target);
        }
        double[] success = posture.successProbability();
        for (int j = 0; j < live; j++) {
            b.candType[j] = network.trustTypeOrdinal(b.candLink[j]);
            b.candS[j] = success[b.candTarget[j]];
        }
        for (int j = 0; j < live; j++) {
            int k = b.candFirm[j], type = b.candType[j], target = b.candTarget[j];
            int maxOffset = b.maxOffset[k];
            double u = b.candU[j];
            // q ≤ p_type, so a draw beyond the link type's best chance fails whatever the target
            if (u >= reachWithin(maxOffset)[type]) continue;
            ReplicateModel.CampaignState c = model.campaign(b.campaign[k]);
            double q = trustDailyProbability[type] * Math.min(1.0, c.capability * b.candS[j]);
            if (q <= 0) continue;
            int offset = successOffset(u, q, maxOffset);
            if (offset > 0) model.enqueue(today + offset, target, c.id, b.firm[k], b.candLink[j]);
        }
    }

    /**
     * Per trust type, the chance {@code 1 − (1 − p_type)^maxOffset} that a link of that type to a
     * firm with {@code S = 1} succeeds within {@code maxOffset} days — an upper bound for every link
     * of the type — and, last, the largest of them. Kept per {@code maxOffset} below
     * {@link #REACH_CACHE}, else for the last one asked.
     */
    private double[] reachWithin(int maxOffset) {
        if (maxOffset < REACH_CACHE) {
            double[] r = reachByOffset[maxOffset];
            return r != null ? r : (reachByOffset[maxOffset] = reachRow(maxOffset, new double[trustDailyProbability.length + 1]));
        }
        if (maxOffset != reachOffset) {
            reachOffset = maxOffset;
            reachRow(maxOffset, reach);
        }
        return reach;
    }

    private double[] reachRow(int maxOffset, double[] row) {
        double best = 0;
        for (int t = 0; t < trustDailyProbability.length; t++) {
            row[t] = -Math.expm1(maxOffset * Math.log1p(-trustDailyProbability[t]));
            best = Math.max(best, row[t]);
        }
        row[trustDailyProbability.length] = best;
        return row;
    }

    /**
     * {@link Samplers#firstSuccessDay(double, double)} when it is at most {@code maxOffset}, else 0. The
     * same value, computed faster: the logarithm of the miss probability and the chance of any
     * success within {@code maxOffset} days, {@code 1 − (1−q)^maxOffset}, are kept for the last
     * {@code q}, so a link that fails costs one comparison.
     */
    private int successOffset(double u, double q, int maxOffset) {
        if (q >= 1) return 1;
        if (q != memoQ) {
            memoQ = q;
            memoLogMiss = Math.log1p(-q);
            memoMaxOffset = -1;
        }
        if (maxOffset != memoMaxOffset) {
            memoMaxOffset = maxOffset;
            memoThreshold = -Math.expm1(maxOffset * memoLogMiss);
            memoUses = 0;
            memoTable = false;
            memoBucketed = false;
        }
        if (u >= memoThreshold) return 0;
        if (memoTable || ++memoUses == TABLE_AFTER && buildTable(maxOffset)) {
            int offset = memoBucketed ? bucketOffset(u, dayBucket, memoBucketScale) : 0;
            if (offset == 0) {
                offset = tableOffset(u, dayChance, maxOffset);
                if (!memoBucketed && ++memoUses == BUCKETS_AFTER) buildBuckets(maxOffset);
            }
            if (offset > 0) return offset;
        }
        int offset = Samplers.firstSuccess(u, memoLogMiss);
        return offset <= maxOffset ? offset : 0; // guards the rounding at the threshold
    }

    /**
     * Fills {@link #dayChance} with {@code 1 − (1 − q)^k}, {@code k = 1 … maxOffset}, for the
     * memoised {@code q}, once the same {@code (q, maxOffset)} has come {@link #TABLE_AFTER} times in
     * a row (links of one type to firms of equal {@code S}); false when {@code maxOffset} is too long.
     */
    private boolean buildTable(int maxOffset) {
        if (maxOffset >= dayChance.length) return false;
        fillDayChance(dayChance, memoLogMiss, maxOffset);
        memoTable = true;
        return true;
    }

    /**
     * Fills {@link #dayBucket} for the memoised table once it has served {@link #BUCKETS_AFTER} links
     * in a row (on a network of one link type and equal {@code S}, nearly all of them): the table's
     * walk costs a mispredicted branch per link, a bucket one read.
     */
    private void buildBuckets(int maxOffset) {
        double scale = fillDayBuckets(dayBucket, dayChance, maxOffset, memoThreshold);
        if (scale > 0) {
            memoBucketScale = scale;
            memoBucketed = true;
        }
    }

    /**
     * Splits {@code [0, threshold)} into {@link #BUCKETS} equal buckets (plus one for the rounding at
     * the top) and writes into {@code buckets[i]} the day {@link #tableOffset} gives every {@code u} that
     * {@link #bucketOffset} puts in bucket {@code i}, or 0 where the bucket holds a day's boundary (or a
     * margin around one): there the caller walks the table. The set of {@code u} for which
     * {@code tableOffset} returns a given day is an interval (its tests are comparisons of {@code u}
     * with fixed numbers), so a bucket whose two ends, widened by far more than the rounding of
     * {@code u · scale}, give the same day gives that day throughout. Returns the scale, or 0 when
     * {@code threshold} is too small for one ({@code buckets} then unused).
     */
    static double fillDayBuckets(byte[] buckets, double[] dayChance, int maxOffset, double threshold) {
        double scale = BUCKETS / threshold;
        if (!(scale < 1e15)) return 0;
        for (int i = 0; i <= BUCKETS; i++) {
            int low = tableOffset(i / scale - BUCKET_SLACK, dayChance, maxOffset);
            int high = tableOffset((i + 1) / scale + BUCKET_SLACK, dayChance, maxOffset);
            buckets[i] = (byte) (low == high ? low : 0);
        }
        return scale;
    }

    /** How far beyond a bucket's ends its {@code u} may lie through rounding: about 10^-15 for {@code u ≤ 1}, taken 1000 times. */
    private static final double BUCKET_SLACK = 1e-12;

    /** The day of {@code u}'s bucket ({@link #fillDayBuckets}), 0 when the table must decide; {@code 0 ≤ u < threshold}. */
    static int bucketOffset(double u, byte[] buckets, double scale) {
        return buckets[Math.min((int) (u * scale), BUCKETS)];
    }

    /** {@code table[k] = 1 − (1 − q)^k} for {@code k = 1 … maxOffset}, from {@code logMiss = ln(1 − q)}. */
    static void fillDayChance(double[] table, double logMiss, int maxOffset) {
        for (int k = 1; k <= maxOffset; k++) table[k] = -Math.expm1(k * logMiss);
    }

    /**
     * The first success day {@code k} for {@code u} from the table: the smallest {@code k} with
     * {@code u < 1 − (1 − q)^k}, the same as {@link Samplers#firstSuccess} (whose logarithm is the slow part)
     * whenever {@code u} is farther than {@link #TABLE_MARGIN} from every boundary — which the
     * floating-point error of either computation cannot cross. Returns 0 (undecided: use
     * {@code Samplers.firstSuccess}) for a {@code u} that close to a boundary.
     */
    static int tableOffset(double u, double[] dayChance, int maxOffset) {
        double below = 0;
        for (int k = 1; k <= maxOffset; k++) {
            double chance = dayChance[k];
            if (u < chance) return u < chance - TABLE_MARGIN && u >= below + TABLE_MARGIN ? k : 0;
            below = chance;
        }
        return 0;
    }

    /**
     * Scratch arrays for one day's compromises (index {@code k}) and the trust links that may carry
     * them further (index {@code j}), reused from day to day and, lent by the run's
     * {@link ModelWorkspaces}, from replicate to replicate (every element read is written first within
     * one {@link ReplicateModel#propagate}), and grown as needed.
     */
    static final class Batch {
        int[] firm = new int[64], campaign = new int[64], source = new int[64], link = new int[64];
        int[] maxOffset = new int[64], rowStart = new int[64], rowEnd = new int[64];
        int[] candFirm = new int[64], candLink = new int[64], candTarget = new int[64], candType = new int[64];
        double[] candU = new double[64], candS = new double[64];

        Batch() {}

        /** Writes a compromise at index {@code n}, growing the arrays if {@code n} is past their end (the caller keeps it by counting it). */
        void put(int n, int f, int c, int src, int l) {
            if (n == firm.length) {
                int size = 2 * n;
                firm = Arrays.copyOf(firm, size);
                campaign = Arrays.copyOf(campaign, size);
                source = Arrays.copyOf(source, size);
                link = Arrays.copyOf(link, size);
                maxOffset = Arrays.copyOf(maxOffset, size);
                rowStart = Arrays.copyOf(rowStart, size);
                rowEnd = Arrays.copyOf(rowEnd, size);
            }
            firm[n] = f;
            campaign[n] = c;
            source[n] = src;
            link[n] = l;
        }

        /** Makes room for {@code size} candidate links. */
        void ensureCandidates(int size) {
            if (size <= candFirm.length) return;
            int n = Math.max(size, 2 * candFirm.length);
            candFirm = Arrays.copyOf(candFirm, n);
            candLink = Arrays.copyOf(candLink, n);
            candTarget = Arrays.copyOf(candTarget, n);
            candType = Arrays.copyOf(candType, n);
            candU = Arrays.copyOf(candU, n);
            candS = Arrays.copyOf(candS, n);
        }
    }
}
