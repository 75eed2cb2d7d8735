package weaklink.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.FirmChunks;
import weaklink.economics.policy.PolicyContext;
import weaklink.economics.policy.SecurityFunding;

/**
 * Every policy's security funding of a run — its firms' decisions and who pays — computed once
 * before the first replicate: one policy after another on the calling thread, or, with several
 * threads, the policies concurrently (each policy on one thread, the dearest kinds first:
 * {@link #dearestFirst}), and the threads whose policies are all handed out help with the loops over
 * the firms of those still running ({@link SharedFirmChunks}: the planner's, the dearest, which runs
 * last when there are threads enough for the others beside it). A
 * policy's funding depends on nothing but the run's {@link PolicyContext}
 * (the firms' risk and decisions with no policy), so the two give the same funding bit for bit:
 * a policy only reads the context — its arrays, written before any policy starts, and tables
 * shared with every policy that are pure functions of their keys (the risk model's lateral-movement
 * and lost-day tables in concurrent maps, the supply exposure built once under a lock, the
 * production cascade's indexes per thread) — and writes only objects of its own (the re-priced
 * contexts of its equilibrium rounds, its funding). A failure is reported for the first failing
 * policy in the scenario's order, as the serial computation would.
 */
final class PolicyFunding {
    /** The phase timed over all the policies' funding (after one phase per policy). */
    static final String ALL = "funding, all policies";
    /**
     * Firms per chunk of a policy's loop that another funding thread may take: small enough that the threads finish a loop
     * within a chunk's time of each other (a planner's search of 64 firms takes about a millisecond on japan-manufacturing),
     * large enough that taking a chunk costs nothing next to running it.
     */
    static final int CHUNK_FIRMS = 64;

    private PolicyFunding() {}

    private record Timed(SecurityFunding funding, PhaseTimer.Phase phase) {}

    /**
     * Each policy's funding, in order, on up to {@code threads} threads; adds one phase per policy
     * (its own wall and CPU) and then {@link #ALL} (the wall since {@code timer}'s last lap and the
     * CPU of the threads that computed them) to {@code phases}. A policy's own phase counts the CPU of the thread that
     * funded it, not of the chunks of its loops other threads took (those are in {@link #ALL}).
     */
    static SecurityFunding[] all(PolicyContext context, CostSharingPolicy[] policies, List<String> names, int threads, PhaseTimer timer,
                                 List<PhaseTimer.Phase> phases) {
        SecurityFunding[] funding = new SecurityFunding[policies.length];
        int k = Math.max(1, Math.min(threads, policies.length));
        if (k == 1) {
            for (int p = 0; p < policies.length; p++) {
                Timed t = fund(context, policies[p], names.get(p), FirmChunks.SERIAL);
                funding[p] = t.funding();
                phases.add(t.phase());
            }
            phases.add(timer.lap(ALL));
            return funding;
        }
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(k, r -> {
            Thread t = new Thread(r, "weaklink-funding");
            t.setDaemon(true); // a failed run does not wait for the other policies' funding
            workers.add(t);
            return t;
        });
        SharedFirmChunks chunks = new SharedFirmChunks(CHUNK_FIRMS, policies.length);
        try {
            List<Future<Timed>> futures = new ArrayList<>(Collections.nCopies(policies.length, null));
            for (int p : dearestFirst(policies)) {
                CostSharingPolicy policy = policies[p];
                String name = names.get(p);
                futures.set(p, pool.submit(() -> {
                    try {
                        return fund(context, policy, name, chunks);
                    } finally {
                        chunks.taskDone();
                    }
                }));
            }
            // queued after every policy: a thread takes one only when no policy is left to start, and helps until all are done
            for (int h = 1; h < k; h++) pool.submit(chunks::help);
            for (int p = 0; p < policies.length; p++) {
                Timed t = result(futures.get(p));
                funding[p] = t.funding();
                phases.add(t.phase());
            }
            phases.add(timer.lap(ALL, workers));
            return funding;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The run's policy context — every firm's risk and its own choice with no policy, to the {@code none} policy's equilibrium —
     * with each round's pass over the firms cut into chunks that this thread and up to {@code threads − 1} others take
     * ({@link SharedFirmChunks}): the same choices, bit for bit (each firm's lands in its own slots). It comes before any
     * policy's funding can start; on one thread the second core idled through it but for the compiler (docs/BENCHMARKS.md,
     * "Fourteenth pass: M1 outside its replicate phase").
     */
    static PolicyContext decisions(RunContext context, int threads) {
        if (threads <= 1) return context.policyContext();
        SharedFirmChunks chunks = new SharedFirmChunks(CHUNK_FIRMS, 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "weaklink-decisions");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int h = 1; h < threads; h++) pool.submit(chunks::help);
            return context.policyContext(chunks);
        } finally {
            chunks.taskDone(); // the helpers return once the loops are done
            pool.shutdownNow();
        }
    }

    /**
     * The order the policies are handed to the threads: the kinds whose funding searches most first
     * (the planner's per-firm minimisation, the targeted budget's greedy allocation and the mutual
     * pool's, which moves every firm and so takes the most equilibrium rounds), the others in the
     * scenario's order — so that the dearest does not start last, when the other threads are idle.
     * Each policy's funding is the same whichever order they run in.
     */
    static int[] dearestFirst(CostSharingPolicy[] policies) {
        Comparator<Integer> byCost = Comparator.comparingInt(p -> switch (policies[p].spec().kind()) {
            case PLANNER -> 0;
            case TARGETED, MUTUAL_POOL -> 1;
            default -> 2;
        });
        return IntStream.range(0, policies.length).boxed().sorted(byCost).mapToInt(Integer::intValue).toArray();
    }

    private static Timed fund(PolicyContext context, CostSharingPolicy policy, String name, FirmChunks chunks) {
        PhaseTimer.Mark start = PhaseTimer.mark();
        SecurityFunding f = PhaseOutOfMemoryError.during("computing the security funding of policy '" + name + "'",
                () -> context.fund(policy, chunks));
        return new Timed(f, PhaseTimer.since("funding " + name, start));
    }

    /** The task's result; what it threw is thrown here, as the serial computation would have thrown it. */
    private static Timed result(Future<Timed> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the policies' funding was computed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }
}
