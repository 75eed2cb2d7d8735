package weaklink.economics;

import java.util.Arrays;
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
     * @param firms        firms with outages (a firm may appear more than once)
     * @param ownShortfall each firm's own shortfall, same order
     */
    public Result run(int[] firms, ShortfallProfile[] ownShortfall) {
        Affected a = new Affected(firms.length, maxTier + 1);
        for (int k = 0; k < firms.length; k++) {
            if (ownShortfall[k].isEmpty()) continue;
            int node = a.node(firms[k]);
            a.own[node] = ShortfallProfile.max(a.own[node], ownShortfall[k]);
            enqueue(a, node);
        }
        while (!a.queue.isEmpty()) {
            int node = a.queue.poll();
            int firm = a.firm[node];
            a.queued[node] = false;
            ShortfallProfile s = a.own[node];
            for (int x = a.inHead[node]; x >= 0; x = a.entryNext[x]) s = ShortfallProfile.max(s, a.entryMissing[x]);
            if (a.shortfall[node] != null && s.sameAs(a.shortfall[node], SAME)) continue;
            if (a.updates[node]++ >= MAX_UPDATES_PER_FIRM) continue;
            a.shortfall[node] = s;
            for (int e = net.supplyOutStart(firm), end = net.supplyOutEnd(firm); e < end; e++) {
                int buyer = net.supplyBuyer(e);
                if (buyer == firm) continue;
                ShortfallProfile missing = s.throughLink(net.supplyShare(e), net.attribute(FirmAttribute.INVENTORY_DAYS, buyer),
                        net.substitutionDays(e), net.substitutionShare(e), CUTOFF);
                int entry = a.entryOf.get(e);
                if (missing.isEmpty() && entry < 0) continue;
                int b = a.node(buyer);
                if (entry < 0) entry = a.addEntry(e, b);
                a.entryMissing[entry] = missing;
                enqueue(a, b);
            }
        }
        return new Result(a);
    }

    /** Queues a node; higher tiers (suppliers) come out before lower ones (buyers), first in first out within a tier. */
    private void enqueue(Affected a, int node) {
        if (a.queued[node]) return;
        a.queued[node] = true;
        a.queue.add(net.tier(a.firm[node]), node);
    }

    /**
     * The firms a cascade has reached, as nodes {@code 0..nodes-1} in arrays (no object per firm
     * beyond their profiles): own and output shortfall, and the missing share of each input whose
     * supplier fell short, one entry per supply link in a list per node.
     */
    private static final class Affected {
        final IntMap nodeOf;
        final IntMap entryOf;
        final TierQueue queue;
        int nodes;
        int[] firm;
        ShortfallProfile[] own;
        ShortfallProfile[] shortfall;
        int[] updates;
        boolean[] queued;
        int[] inHead;
        int entries;
        int[] entryNext = new int[16];
        ShortfallProfile[] entryMissing = new ShortfallProfile[16];

        Affected(int expected, int tiers) {
            queue = new TierQueue(tiers);
            int cap = Math.max(16, 2 * expected);
            nodeOf = new IntMap(cap);
            entryOf = new IntMap(cap);
            firm = new int[cap];
            own = new ShortfallProfile[cap];
            shortfall = new ShortfallProfile[cap];
            updates = new int[cap];
            queued = new boolean[cap];
            inHead = new int[cap];
        }

        /** The node of a firm, added if new. */
        int node(int f) {
            int n = nodeOf.get(f);
            if (n >= 0) return n;
            if (nodes == firm.length) {
                int cap = nodes * 2;
                firm = Arrays.copyOf(firm, cap);
                own = Arrays.copyOf(own, cap);
                shortfall = Arrays.copyOf(shortfall, cap);
                updates = Arrays.copyOf(updates, cap);
                queued = Arrays.copyOf(queued, cap);
                inHead = Arrays.copyOf(inHead, cap);
            }
            n = nodes++;
            firm[n] = f;
            own[n] = ShortfallProfile.NONE;
            inHead[n] = -1;
            nodeOf.put(f, n);
            return n;
        }

        /** A new input entry for supply link {@code link} into node {@code buyer}. */
        int addEntry(int link, int buyer) {
            if (entries == entryNext.length) {
                entryNext = Arrays.copyOf(entryNext, entries * 2);
                entryMissing = Arrays.copyOf(entryMissing, entries * 2);
            }
            int x = entries++;
            entryNext[x] = inHead[buyer];
            inHead[buyer] = x;
            entryOf.put(link, x);
            return x;
        }
    }

    /**
     * Open-addressing map from non-negative int keys to int values; -1 when absent. Also the
     * firm-to-slot index of {@link LossModel}'s per-replicate ledger.
     */
    static final class IntMap {
        private int[] keys;
        private int[] values;
        private int size;

        IntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            keys = new int[cap];
            values = new int[cap];
            Arrays.fill(keys, -1);
        }

        int get(int key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == key) return values[i];
                if (keys[i] < 0) return -1;
            }
        }

        void put(int key, int value) {
            if (2 * (size + 1) > keys.length) grow();
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] >= 0 && keys[i] != key) i = (i + 1) & mask;
            if (keys[i] < 0) size++;
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            int[] k = keys, v = values;
            keys = new int[k.length * 2];
            values = new int[k.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < k.length; i++) if (k[i] >= 0) put(k[i], v[i]);
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /**
     * Nodes waiting to be computed, one first-in first-out bucket per tier: the highest tier
     * (furthest upstream) comes out first, so suppliers are computed before their buyers.
     */
    private static final class TierQueue {
        private final int[][] bucket;
        private final int[] head;
        private final int[] tail;
        private int highest = -1;

        TierQueue(int tiers) {
            bucket = new int[tiers][];
            head = new int[tiers];
            tail = new int[tiers];
        }

        boolean isEmpty() {
            while (highest >= 0 && head[highest] == tail[highest]) highest--;
            return highest < 0;
        }

        void add(int tier, int node) {
            if (bucket[tier] == null) bucket[tier] = new int[16];
            if (head[tier] == tail[tier]) head[tier] = tail[tier] = 0;
            if (tail[tier] == bucket[tier].length) bucket[tier] = Arrays.copyOf(bucket[tier], tail[tier] * 2);
            bucket[tier][tail[tier]++] = node;
            highest = Math.max(highest, tier);
        }

        /** The next node; call only after {@link #isEmpty()} returned false. */
        int poll() { return bucket[highest][head[highest]++]; }
    }

    /** The firms a cascade reached, in increasing index order, with their lost production. */
    public static final class Result {
        private final int[] firms;
        private final double[] ownDays;
        private final double[] cbiDays;
        private final ShortfallProfile[] shortfall;

        private Result(Affected a) {
            long[] order = new long[a.nodes];
            for (int n = 0; n < a.nodes; n++) order[n] = (long) a.firm[n] << 32 | n;
            Arrays.sort(order);
            firms = new int[a.nodes];
            ownDays = new double[a.nodes];
            cbiDays = new double[a.nodes];
            shortfall = new ShortfallProfile[a.nodes];
            for (int k = 0; k < a.nodes; k++) {
                int n = (int) order[k];
                firms[k] = a.firm[n];
                shortfall[k] = a.shortfall[n] == null ? a.own[n] : a.shortfall[n];
                ownDays[k] = a.own[n].integral();
                cbiDays[k] = Math.max(0, shortfall[k].integral() - ownDays[k]);
            }
        }

        /** Number of firms reached (with an outage, or a buyer whose inputs fell short). */
        public int size() { return firms.length; }

        public int firm(int k) { return firms[k]; }

        /** Lost production from the firm's own outages, days-equivalent. */
        public double ownLostDays(int k) { return ownDays[k]; }

        /** Lost production beyond the firm's own outages, for want of inputs (CBI), days-equivalent. */
        public double cbiLostDays(int k) { return cbiDays[k]; }

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
            return k < 0 ? 0 : cbiDays[k];
        }
    }
}
