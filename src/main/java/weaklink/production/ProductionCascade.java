package weaklink.production;

import java.util.Arrays;
import weaklink.io.Lender;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ProductionSpec;

/**
 * Contingent business interruption (CBI): how the outages of compromised firms stop production
 * downstream, after the firm-level propagation model of Inoue &amp; Todo (2019, "Firm-level
 * propagation of shocks through supply-chain networks", Nature Sustainability 2:841–847).
 *
 * <p>Each firm's output is a {@link ShortfallProfile} (share of normal production lost, over time).
 * A compromised firm's own shortfall comes from its outages ({@link #outageShortfall}). A buyer's
 * inputs from suppliers of one sector are one input type ({@link InputTypes}); production needs
 * every type (Leontief across types) and the suppliers of a type stand in for each other:
 * <pre>
 *   gap_j(t)  = s_j · ( x_j(t) · (1 − σ_j [t ≥ episode start + d_j]) + c · [x_j(t) &gt; 0] )      per short supplier j
 *   m_T(t)    = min(1, max(0, Σ_{j∈T} gap_j(t) − c · S_T) / S_T)                         missing share of type T
 *   m'_T(t)   = m_T(t) once the buyer's stock of T (inventory days of normal use) is drawn down
 *   shortfall_b(t) = max( own shortfall_b(t), max over types T of m'_T(t) )
 * </pre>
 * with {@code x_j} the supplier's shortfall, {@code s_j} its link's share of the buyer's inputs,
 * {@code S_T} the type's share (sum of its links'), {@code c} the spare capacity
 * ({@code economics.spare_capacity}): the type's suppliers that produce normally cover up to
 * {@code c · S_T} of what the short ones leave undelivered; new suppliers cover {@code σ_j} of it
 * from {@code d_j} days after the supplier stopped (the link's substitution). A type with one
 * supplier (sole-sourced) has no one to stand in: once its stock is gone its supplier's outage binds
 * in full, whatever the link's share. Inputs bought outside the network (a buyer's shares adding up
 * to less than 1) keep flowing. The buyer's shortfall propagates to its own buyers the same way.
 *
 * <p>The CBI of a firm, in lost production days-equivalent, is what it loses beyond its own
 * outage, {@code ∫ (shortfall_b(t) − own shortfall_b(t)) dt}, less what it makes up afterwards
 * when {@code economics.catch_up} is on ({@link ShortfallProfile#caughtUpDays}), plus, when
 * {@code economics.demand_side} is on, the sales a supplier loses because its direct buyers'
 * production fell ({@link Result#demandLostDays}); {@code LossModel} prices it at the firm's daily
 * value added.
 *
 * <p>Only the affected part of the network is touched: the computation starts from the firms with
 * outages and follows supply out-links only while a shortfall survives the buyer's inventory (and
 * exceeds {@link #CUTOFF}); a buyer is computed only when one of its input types may run short (a
 * supplier's gap that the stock and the type's spare capacity absorb alone is only recorded, in
 * case another supplier of the type falls short too); its cost grows with the affected firms and their links, never with
 * all firms or days. Firms are processed in order of decreasing tier (suppliers before buyers in a
 * tiered network), so each is usually computed once; on cycles a firm is recomputed when an input
 * changes, at most {@link #MAX_UPDATES_PER_FIRM} times.
 *
 * <p>Why one class of about 500 lines: it is one algorithm, the equations above over the affected
 * part of the network. Its working state ({@code Affected}: profiles, pending gaps, update counts)
 * and its queue ({@code TierQueue}) are private to one {@link #run} and exist for the equations'
 * sake alone; {@link Result} is what a run gives. Apart, they would expose the cascade's internals
 * without making any piece readable on its own. {@link ShortfallProfile} and {@link InputTypes},
 * which are useful alone, are already their own classes.
 */
public final class ProductionCascade {
    /** Missing input shares below one part in a million of a buyer's inputs are not propagated. */
    public static final double CUTOFF = 1e-6;
    /** Bound on recomputations of one firm, so that feedback around supply cycles terminates. */
    public static final int MAX_UPDATES_PER_FIRM = 64;
    private static final double SAME = 1e-12;

    private final SupplyNetwork net;
    private final InputTypes types;
    private final ProductionSpec spec;
    private final double spare;
    private final double[] inventoryDays;
    private final int maxTier;
    /**
     * Dense firm and link indexes ({@link Index}) given back by finished runs, lent to the next ones: as
     * many as ran at once, reused on any thread, and gone with this cascade ({@link Lender}).
     */
    private final Lender<Index> indexes;

    public ProductionCascade(SupplyNetwork network, ProductionSpec spec) {
        this(network, InputTypes.of(network), spec);
    }

    /** A cascade over input types already built for this network. */
    public ProductionCascade(SupplyNetwork network, InputTypes types, ProductionSpec spec) {
        this.net = network;
        this.types = types;
        this.spec = spec;
        this.spare = spec.spareCapacity();
        this.inventoryDays = network.column(FirmAttribute.INVENTORY_DAYS);
        this.maxTier = network.maxTier();
        this.indexes = new Lender<>(() -> new Index(network));
    }

    public SupplyNetwork network() { return net; }

    public InputTypes inputTypes() { return types; }

    public ProductionSpec spec() { return spec; }

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
     * The buyer's shortfall for want of one input when only the supplier of {@code link} falls short
     * by {@code supplierShortfall} (every other input delivered): the cascade's rule for one link,
     * for first-order exposure estimates ({@link CbiExposure}).
     */
    public ShortfallProfile inputShortfall(int link, ShortfallProfile supplierShortfall) {
        ShortfallProfile gap = supplierShortfall.deliveryGap(net.supplyShare(link), net.substitutionDays(link),
                net.substitutionShare(link), spare);
        return typeShortfall(net.supplyBuyer(link), types.typeOf(link), gap);
    }

    /** What a buyer misses of one input type, given the summed delivery gaps of its short suppliers. */
    private ShortfallProfile typeShortfall(int buyer, int type, ShortfallProfile gaps) {
        return gaps.missingShareOfType(types.share(type), spare).afterInventory(inventoryDays[buyer], CUTOFF);
    }

    /**
     * Propagates the given own shortfalls downstream.
     *
     * @param firms        firms with outages (a firm may appear more than once)
     * @param ownShortfall each firm's own shortfall, same order
     */
    public Result run(int[] firms, ShortfallProfile[] ownShortfall) {
        return run(firms, ownShortfall, firms.length);
    }

    /** As {@link #run(int[], ShortfallProfile[])}, for the first {@code count} firms and shortfalls of the arrays. */
    public Result run(int[] firms, ShortfallProfile[] ownShortfall, int count) {
        Index idx = indexes.borrow();
        try {
            return run(idx, firms, ownShortfall, count);
        } finally {
            indexes.giveBack(idx);
        }
    }

    /**
     * As {@link #run(int[], ShortfallProfile[], int)}, on the index of {@code work} instead of one borrowed for the run:
     * for a caller that runs this cascade many times, one run at a time (a loss model's workspace, lent to one replicate
     * at a time, runs it once for all of a replicate's outages and once for each event's). Borrowing and giving back an
     * index takes the lender's lock, which the workers share: 2 % of the replicate workers' CPU on japan-manufacturing
     * under the README's C1-only JIT when every run did.
     *
     * @throws IllegalArgumentException when {@code work} is another cascade's (its index is over another network)
     */
    public Result run(Workspace work, int[] firms, ShortfallProfile[] ownShortfall, int count) {
        if (work.cascade != this) throw new IllegalArgumentException("a workspace of another cascade");
        return run(work.index, firms, ownShortfall, count);
    }

    /** A workspace for {@link #run(Workspace, int[], ShortfallProfile[], int)}: an index of its own over this cascade's network. */
    public Workspace newWorkspace() { return new Workspace(this); }

    /**
     * An index kept by a caller for its runs of one cascade, used by one run at a time; between runs every element is
     * -1 again, as in an index the cascade lends.
     */
    public static final class Workspace {
        private final ProductionCascade cascade;
        private final Index index;

        private Workspace(ProductionCascade cascade) {
            this.cascade = cascade;
            this.index = new Index(cascade.net);
        }
    }

    private Result run(Index idx, int[] firms, ShortfallProfile[] ownShortfall, int count) {
        Affected a = new Affected(count, maxTier + 1, idx);
        try {
            return run(a, firms, ownShortfall, count); // a result of its own arrays: nothing of the index is in it
        } finally {
            a.clear();
        }
    }

    /** The indexes given back and held for the next runs, for tests. */
    java.util.List<Object> heldIndexes() { return java.util.List.copyOf(indexes.held()); }

    private Result run(Affected a, int[] firms, ShortfallProfile[] ownShortfall, int count) {
        for (int k = 0; k < count; k++) {
            if (ownShortfall[k].isEmpty()) continue;
            int node = a.node(firms[k]);
            a.own[node] = ShortfallProfile.max(a.own[node], ownShortfall[k]);
            enqueue(a, node);
        }
        while (!a.queue.isEmpty()) {
            int node = a.queue.poll();
            int firm = a.firm[node];
            a.queued[node] = false;
            ShortfallProfile s = ShortfallProfile.max(a.own[node], inputsShortfall(a, node));
            if (a.shortfall[node] != null && s.sameAs(a.shortfall[node], SAME)) continue;
            if (a.updates[node]++ >= MAX_UPDATES_PER_FIRM) continue;
            a.shortfall[node] = s;
            for (int e = net.supplyOutStart(firm), end = net.supplyOutEnd(firm); e < end; e++) {
                int buyer = net.supplyBuyer(e);
                if (buyer == firm) continue;
                ShortfallProfile gap = s.deliveryGap(net.supplyShare(e), net.substitutionDays(e), net.substitutionShare(e), spare);
                int entry = a.entryOf(e);
                if (entry >= 0) {
                    a.entryGap[entry] = gap;
                    enqueue(a, a.node(buyer));
                    continue;
                }
                if (gap.isEmpty()) continue;
                int type = types.typeOf(e);
                // most gaps are absorbed by the buyer's stock and the type's spare capacity: a type whose only
                // short supplier this is then costs nothing, so the buyer need not be computed for it
                boolean absorbed = gap.absorbedByType(types.share(type), spare, inventoryDays[buyer], CUTOFF);
                if (absorbed && types.suppliers(type) == 1) continue;
                int b = a.node(buyer);
                boolean alone = !a.hasEntryOfType(b, type);
                entry = a.addEntry(e, type, b);
                a.entryGap[entry] = gap;
                if (!absorbed || !alone) enqueue(a, b);
            }
        }
        ShortfallProfile[] lostDemand = spec.demandSide() ? lostDemand(a) : null;
        return new Result(a, lostDemand, spec);
    }

    /** The buyer's shortfall for want of inputs: the scarcest input type binds (Leontief across types). */
    private ShortfallProfile inputsShortfall(Affected a, int node) {
        int n = a.entriesOf(node);
        if (n == 0) return ShortfallProfile.NONE;
        int buyer = a.firm[node];
        int[] order = a.scratch;
        ShortfallProfile worst = ShortfallProfile.NONE;
        for (int i = 0; i < n; ) {
            int type = a.entryType[order[i]];
            ShortfallProfile gaps = a.entryGap[order[i]];
            int j = i + 1;
            for (; j < n && a.entryType[order[j]] == type; j++) gaps = ShortfallProfile.sum(gaps, a.entryGap[order[j]]);
            worst = ShortfallProfile.max(worst, typeShortfall(buyer, type, gaps));
            i = j;
        }
        return worst;
    }

    /**
     * The demand-side (upstream) effect: each reached firm whose production falls buys that much
     * less from each of its direct suppliers; supplier {@code j} loses the share of its sales that
     * went to buyer {@code b}, {@code min(1, s_jb × revenue_b × (1 − value-added share_b) / revenue_j)}
     * (the link's share of the buyer's purchases, over the supplier's revenue) times the buyer's
     * shortfall. One link upstream only (assumption: a supplier that sells less does not in turn
     * buy less here). Returns the lost demand per node, null where none.
     */
    private ShortfallProfile[] lostDemand(Affected a) {
        int reached = a.nodes;
        ShortfallProfile[] demand = new ShortfallProfile[reached];
        for (int n = 0; n < reached; n++) {
            ShortfallProfile y = a.output(n);
            if (y.isEmpty()) continue;
            int b = a.firm[n];
            double purchases = net.revenueYen(b) * (1 - net.attribute(FirmAttribute.VALUE_ADDED_SHARE, b));
            for (int k = net.supplyInStart(b), end = net.supplyInEnd(b); k < end; k++) {
                int e = net.supplyInEdge(k);
                int j = net.supplySupplier(e);
                double revenue = net.revenueYen(j);
                if (j == b || revenue <= 0) continue;
                double salesShare = Math.min(1, net.supplyShare(e) * purchases / revenue);
                if (salesShare * y.integral() <= 0) continue;
                int node = a.node(j);
                if (node >= demand.length) demand = Arrays.copyOf(demand, Math.max(node + 1, 2 * demand.length));
                ShortfallProfile lost = y.scaled(salesShare);
                demand[node] = demand[node] == null ? lost : ShortfallProfile.sum(demand[node], lost);
            }
        }
        return demand;
    }

    /** Queues a node; higher tiers (suppliers) come out before lower ones (buyers), first in first out within a tier. */
    private void enqueue(Affected a, int node) {
        if (a.queued[node]) return;
        a.queued[node] = true;
        a.queue.add(net.tier(a.firm[node]), node);
    }

    /**
     * Indexes from firm to node and from supply link to entry, lent to one run at a time, as arrays over the whole
     * network (a load each, where a hash map probes at scattered positions and grows as the cascade
     * spreads), every element -1 between runs: a run clears what it set ({@link Affected#clear}).
     * On a network with more than {@link #DENSE_MAX} firms (or supply links) that index is left to a
     * hash map per run, so an index holds at most 8 MB.
     */
    private static final class Index {
        static final int DENSE_MAX = 1 << 20;
        final int[] nodeOfFirm;
        final int[] entryOfLink;

        Index(SupplyNetwork net) {
            nodeOfFirm = net.firmCount() <= DENSE_MAX ? filled(net.firmCount()) : null;
            entryOfLink = net.supplyLinkCount() <= DENSE_MAX ? filled(net.supplyLinkCount()) : null;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }
    }

    /**
     * The firms a cascade has reached, as nodes {@code 0..nodes-1} in arrays (no object per firm
     * beyond their profiles): own and output shortfall, and the delivery gap of each input whose
     * supplier fell short, one entry per supply link in a list per node.
     */
    private static final class Affected {
        /** Firm to node and link to entry: the lent index's arrays ({@link Index}) or, without them, hash maps. */
        final int[] nodeOfFirm;
        final IntMap nodeOf;
        final int[] entryOfLink;
        final IntMap entryOfMap;
        final TierQueue queue;
        int nodes;
        int[] firm;
        ShortfallProfile[] own;
        ShortfallProfile[] shortfall;
        int[] updates;
        boolean[] queued;
        int[] inHead;
        int entries;
        int[] entryLink = new int[16];
        int[] entryNext = new int[16];
        int[] entryType = new int[16];
        ShortfallProfile[] entryGap = new ShortfallProfile[16];
        /** A node's entries, ordered by input type, as filled by {@link #entriesOf}. */
        int[] scratch = new int[16];

        Affected(int expected, int tiers, Index index) {
            queue = new TierQueue(tiers);
            int cap = Math.max(16, 2 * expected);
            nodeOfFirm = index == null ? null : index.nodeOfFirm;
            nodeOf = nodeOfFirm == null ? new IntMap(cap) : null;
            entryOfLink = index == null ? null : index.entryOfLink;
            entryOfMap = entryOfLink == null ? new IntMap(cap) : null;
            firm = new int[cap];
            own = new ShortfallProfile[cap];
            shortfall = new ShortfallProfile[cap];
            updates = new int[cap];
            queued = new boolean[cap];
            inHead = new int[cap];
        }

        /** Sets the lent index's arrays back to -1 where this cascade set them. */
        void clear() {
            if (nodeOfFirm != null) for (int n = 0; n < nodes; n++) nodeOfFirm[firm[n]] = -1;
            if (entryOfLink != null) for (int x = 0; x < entries; x++) entryOfLink[entryLink[x]] = -1;
        }

        /** The entry of supply link {@code link}, or -1 if it has none. */
        int entryOf(int link) { return entryOfLink != null ? entryOfLink[link] : entryOfMap.get(link); }

        /** The node of a firm, added if new. */
        int node(int f) {
            int n = nodeOfFirm != null ? nodeOfFirm[f] : nodeOf.get(f);
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
            if (nodeOfFirm != null) nodeOfFirm[f] = n;
            else nodeOf.put(f, n);
            return n;
        }

        /** A new input entry for supply link {@code link}, of input type {@code type}, into node {@code buyer}. */
        int addEntry(int link, int type, int buyer) {
            if (entries == entryNext.length) {
                entryLink = Arrays.copyOf(entryLink, entries * 2);
                entryNext = Arrays.copyOf(entryNext, entries * 2);
                entryType = Arrays.copyOf(entryType, entries * 2);
                entryGap = Arrays.copyOf(entryGap, entries * 2);
            }
            int x = entries++;
            entryLink[x] = link;
            entryNext[x] = inHead[buyer];
            entryType[x] = type;
            inHead[buyer] = x;
            if (entryOfLink != null) entryOfLink[link] = x;
            else entryOfMap.put(link, x);
            return x;
        }

        /** Whether the node has an entry of this input type. */
        boolean hasEntryOfType(int node, int type) {
            for (int x = inHead[node]; x >= 0; x = entryNext[x]) if (entryType[x] == type) return true;
            return false;
        }

        /** Fills {@link #scratch} with the node's entries in order of input type (insertion sort: a few each); returns how many. */
        int entriesOf(int node) {
            int n = 0;
            for (int x = inHead[node]; x >= 0; x = entryNext[x]) {
                if (n == scratch.length) scratch = Arrays.copyOf(scratch, 2 * n);
                int j = n++;
                for (; j > 0 && entryType[scratch[j - 1]] > entryType[x]; j--) scratch[j] = scratch[j - 1];
                scratch[j] = x;
            }
            return n;
        }

        /** The node's output shortfall (own outages and missing inputs together). */
        ShortfallProfile output(int n) { return shortfall[n] == null ? own[n] : shortfall[n]; }
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

    /**
     * The firms a cascade reached with a loss (an outage, a shortfall for want of inputs or, with
     * the demand side on, lost sales), in increasing index order, with their lost production.
     */
    public static final class Result {
        private final int[] firms;
        private final double[] ownDays;
        private final double[] supplyDays;
        private final double[] caughtUpDays;
        private final double[] demandDays;
        private final ShortfallProfile[] shortfall;

        private Result(Affected a, ShortfallProfile[] lostDemand, ProductionSpec spec) {
            long[] order = new long[a.nodes];
            int m = 0;
            for (int n = 0; n < a.nodes; n++) {
                boolean demand = lostDemand != null && n < lostDemand.length && lostDemand[n] != null;
                if (a.output(n).isEmpty() && !demand) continue;
                order[m++] = (long) a.firm[n] << 32 | n;
            }
            Arrays.sort(order, 0, m);
            firms = new int[m];
            ownDays = new double[m];
            supplyDays = new double[m];
            caughtUpDays = new double[m];
            demandDays = new double[m];
            shortfall = new ShortfallProfile[m];
            for (int k = 0; k < m; k++) {
                int n = (int) order[k];
                firms[k] = a.firm[n];
                shortfall[k] = a.output(n);
                ownDays[k] = a.own[n].integral();
                double lost = Math.max(0, shortfall[k].integral() - ownDays[k]);
                if (spec.catchUp() && lost > 0) caughtUpDays[k] = Math.min(lost, shortfall[k].caughtUpDays(a.own[n], spec.catchUpShare(), spec.catchUpDays()));
                supplyDays[k] = lost - caughtUpDays[k];
                if (lostDemand != null && n < lostDemand.length && lostDemand[n] != null) {
                    demandDays[k] = ShortfallProfile.demandBeyondShortfall(lostDemand[n], shortfall[k]).integral();
                }
            }
        }

        /** Number of firms reached with a loss. */
        public int size() { return firms.length; }

        public int firm(int k) { return firms[k]; }

        /** Lost production from the firm's own outages, days-equivalent. */
        public double ownLostDays(int k) { return ownDays[k]; }

        /**
         * Contingent business interruption, days-equivalent: production lost for want of inputs
         * beyond the firm's own outages (net of catch-up) plus sales lost for want of demand.
         */
        public double cbiLostDays(int k) { return supplyDays[k] + demandDays[k]; }

        /** Production lost for want of inputs beyond the firm's own outages, net of what it made up afterwards. */
        public double supplyLostDays(int k) { return supplyDays[k]; }

        /** Production made up after the shortfall (catch-up; 0 when {@code economics.catch_up} is off). */
        public double caughtUpDays(int k) { return caughtUpDays[k]; }

        /** Sales lost because direct buyers produced less (0 when {@code economics.demand_side} is off). */
        public double demandLostDays(int k) { return demandDays[k]; }

        /** The output shortfall of the {@code k}-th firm at time {@code t}. */
        public double shortfallAt(int k, double t) { return shortfall[k].valueAt(t); }

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
            return k < 0 ? 0 : cbiLostDays(k);
        }
    }
}
