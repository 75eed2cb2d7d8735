package weaklink.experiment;

import java.util.Locale;
import weaklink.network.HeapCheck;
import weaklink.network.SupplyNetwork;
import weaklink.network.TieredGenerator;
import weaklink.scenario.BadInputException;
import weaklink.scenario.NetworkSpec;
import weaklink.scenario.Scenario;

/**
 * The heap a run holds at the peak of each of its phases, from counted sizes (firms and links of
 * the network, policies, threads, replicates), so that a run that would not fit is refused before
 * it starts — not after hours of replicates — with the phase that needs most and an {@code -Xmx}
 * that is enough. The phases follow each other, so the run needs the largest of them:
 * <ul>
 *   <li>funding: the network, what every replicate shares (attack surface, loss model), every
 *       policy's funding kept for the run, and the working arrays of the one being computed;</li>
 *   <li>replicates: the same without those working arrays, plus each thread's replicate (per-firm
 *       state and the outbreak's records);</li>
 *   <li>summaries: per policy and replicate, the few figures kept for quantiles and exceedance
 *       curves, and per policy compared with the baseline its paired differences and their bootstrap
 *       (the network is gone by then), plus charts and the report.</li>
 * </ul>
 * The coefficients are bytes measured on japan-national (1,000,000 firms, 5.1 million links) and on
 * summaries of a million replicates of one and two policies (docs/BENCHMARKS.md, "Memory"), rounded
 * up: a run is refused a little before it would really fail, never after.
 *
 * @param network     the network's arrays
 * @param shared      attack surface and loss model
 * @param fundingKept every policy's funding
 * @param fundingWork working arrays while one policy's funding is computed
 * @param perThread   one thread's replicate
 * @param threads     worker threads
 * @param summaries   the summaries' figures, charts and report
 */
public record RunMemory(long network, long shared, long fundingKept, long fundingWork, long perThread, int threads, long summaries) {
    /**
     * Attack surface and loss model (16), and the firms' tables the policies' funding shares for the
     * run (breach functions, business-interruption tables, loss-per-compromise parts, downstream CBI:
     * about 80), per firm.
     */
    static final long SHARED_PER_FIRM = 96;
    /** One policy's funding kept for the run (its posture and who pays what), per firm; measured 92. */
    static final long FUNDING_KEPT_PER_FIRM = 96;
    /**
     * What one policy's funding holds while it is computed, per firm: a best-response round's re-priced
     * context keeps every firm's risk ({@code FirmRisk}: about 370 bytes with its arrays, for two or three
     * actors and a few trust terms) beside its own choices and the risk model's per-actor rates (about
     * 60), the funding being built (about 100) and, for the planner and the targeted budget, the network
     * exposure (about 40), and what the round before priced, which a round may reuse (its risk model's
     * rates and reference posture, about 90), and the decisions of the round before and of the round in
     * progress, which the next round may reuse (per firm a policy decides for: its terms with their lists and
     * records and its choice, about 250 each; 19,283 terms live at most for 9,960 firms under a mandate,
     * {@code jmap -histo:live}): 1,250, estimated from the objects (it was 128, which did not count the firms'
     * risk objects, then 736, which did not count the decisions). Policies funded concurrently hold one each
     * ({@link #fundingThreads}).
     */
    static final long FUNDING_WORK_PER_FIRM = 1250;
    /** A replicate's per-firm state (status, reconnaissance stamps) and a share of firms compromised, per firm and thread. */
    static final long REPLICATE_PER_FIRM = 48;
    /** A replicate's fixed part (daily counts, event queue, records' first pages), per thread. */
    static final long REPLICATE_FIXED = 4L << 20;
    /** Figures kept per policy and replicate for the summaries (three doubles, their growth and sorted copies); measured about 60. */
    static final long SUMMARY_PER_POLICY_REPLICATE = 64;
    /** Per replicate and policy compared with the baseline: the paired differences and their bootstrap; measured about 56. */
    static final long SUMMARY_PER_PAIR_REPLICATE = 64;
    /** Charts, report and the tables being written. */
    static final long SUMMARY_FIXED = 32L << 20;

    /** The run's memory on a network of these counts. */
    public static RunMemory of(long firms, long supplyLinks, long trustLinks, boolean names, int policies, int threads, long replicates) {
        return new RunMemory(SupplyNetwork.estimateBytes(firms, supplyLinks, trustLinks, names), SHARED_PER_FIRM * firms,
                FUNDING_KEPT_PER_FIRM * firms * policies, FUNDING_WORK_PER_FIRM * firms, REPLICATE_PER_FIRM * firms + REPLICATE_FIXED,
                threads, summaries(policies, replicates));
    }

    /** The run's memory on a network already built. */
    public static RunMemory of(SupplyNetwork net, int policies, int threads, long replicates) {
        RunMemory m = of(net.firmCount(), net.supplyLinkCount(), net.trustLinkCount(), false, policies, threads, replicates);
        return new RunMemory(net.estimatedBytes(), m.shared, m.fundingKept, m.fundingWork, m.perThread, m.threads, m.summaries);
    }

    /**
     * The check of a run against the heap free before its network is built: a generated network's
     * run is checked whole from the generator's expected counts (so an oversized run is refused
     * before minutes of generation); for a network read from files, whose size is only known once
     * it is read (and checked while it is, see network.NetworkCsv), the summaries are checked now.
     */
    public static HeapCheck before(Scenario scenario, int policies, int threads, long replicates) throws BadInputException {
        if (scenario.network().fromFiles()) {
            RunMemory m = new RunMemory(0, 0, 0, 0, 0, threads, summaries(policies, replicates));
            HeapCheck heap = HeapCheck.fromNow(m.peak());
            m.require(heap);
            return heap;
        }
        NetworkSpec.TieredSpec g = scenario.network().generator();
        long[] links = TieredGenerator.expectedLinks(g);
        RunMemory m = of(g.totalFirms(), links[0], links[1], false, policies, threads, replicates);
        HeapCheck heap = HeapCheck.fromNow(m.peak());
        m.require(heap);
        return heap;
    }

    /** The summaries of so many policies × replicates (for a merge, which has no network). */
    public static long summaries(int policies, long replicates) {
        return (SUMMARY_PER_POLICY_REPLICATE * policies + SUMMARY_PER_PAIR_REPLICATE * Math.max(0, policies - 1)) * replicates + SUMMARY_FIXED;
    }

    public long fundingPeak() { return network + shared + fundingKept + fundingWork; }

    public long replicatesPeak() { return network + shared + fundingKept + perThread * threads; }

    /**
     * How many policies' funding may be computed at once ({@link PolicyFunding}): one per thread and
     * policy, fewer when the working arrays of that many would not fit in {@code heap} beside the
     * network and the funding kept — at least one (the run has passed {@link #require} with one).
     */
    public int fundingThreads(HeapCheck heap, int policies) {
        int k = Math.max(1, Math.min(threads, policies));
        while (k > 1 && network + shared + fundingKept + k * fundingWork > heap.budget()) k--;
        return k;
    }

    /** The largest phase. */
    public long peak() { return Math.max(Math.max(fundingPeak(), replicatesPeak()), summaries); }

    /**
     * Refuses a run that would not fit in the heap, naming the option that drives its largest phase
     * ({@code --threads} for the replicates when the threads dominate, {@code --replicates} for the
     * summaries, the scenario's {@code network} otherwise).
     */
    public void require(HeapCheck heap) throws BadInputException {
        if (peak() <= heap.budget()) return;
        String key;
        String phase;
        if (summaries >= Math.max(fundingPeak(), replicatesPeak())) {
            key = "--replicates";
            phase = "writing the summaries";
        } else if (replicatesPeak() >= fundingPeak()) {
            key = perThread * threads > network ? "--threads" : "network";
            phase = "running the replicates";
        } else {
            key = "network";
            phase = "computing the security funding";
        }
        heap.refuse(key, peak(), String.format(Locale.ROOT, "this run (at its peak, %s; network %,d MB, shared %,d MB, funding kept %,d MB"
                        + " and being computed %,d MB, %d thread(s) × %,d MB, summaries %,d MB)",
                phase, mb(network), mb(shared), mb(fundingKept), mb(fundingWork), threads, mb(perThread), mb(summaries)));
    }

    private static long mb(long bytes) { return bytes >> 20; }
}
