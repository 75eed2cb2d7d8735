package weaklink.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import weaklink.economics.LossModel;
import weaklink.economics.ReplicateLosses;
import weaklink.economics.ReplicateLosses.Component;
import weaklink.economics.ReplicateLosses.FirmLosses;
import weaklink.economics.policy.SecurityFunding;
import weaklink.model.ReplicateRecord;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;

/**
 * The ransomware cases a scenario simulates with no policy, in the terms the National Police Agency
 * and JNSA publish them (docs/CALIBRATION.md, "Fitted to Japan's statistics"): one <em>case</em> is a
 * firm with at least one ransomware outage in the year (a firm hit twice in a year is one case, as a
 * victim reporting to the police is); its <em>recovery time</em> is its longest outage; its
 * <em>investigation and recovery cost</em> is its incident-response cost ({@code incident_loss}, the
 * NPA's 調査・復旧費用); its <em>damage</em> is that plus ransoms paid and its own lost production (BI),
 * JNSA's 被害金額. A case is <em>by the mass exploit</em> when the firm's first ransomware outage of the
 * year came from a {@code mass-exploit} actor (the NPA's VPN entries). Contingent losses of customers
 * are not a victim's cost and are not counted.
 *
 * <p>Replicates run with the scenario's seed under {@code none} on their own streams; the result
 * depends only on (scenario, seed, replicates), not on the thread count.
 */
public final class RansomwareCases {
    /** Recovery of a month or more: the NPA's "1か月以上". */
    public static final double MONTH_DAYS = 30;
    /** The NPA's cost threshold, ¥10 million ("1000万円以上"). */
    public static final double TEN_MILLION_YEN = 1e7;

    /** One case: its replicate, the firm's size class, whether the mass exploit caused it, its recovery days, cost and damage. */
    public record Case(int replicate, SizeClass size, boolean massExploit, double recoveryDays, double incidentYen, double damageYen) {}

    private final int replicates;
    private final List<Case> cases;

    private RansomwareCases(int replicates, List<Case> cases) {
        this.replicates = replicates;
        this.cases = List.copyOf(cases);
    }

    /** Runs {@code replicates} years of {@code scenario} with no policy, on up to {@code threads} threads. */
    public static RansomwareCases simulate(Scenario scenario, long seed, int replicates, int threads) throws BadInputException {
        if (replicates < 2) throw BadInputException.option("--replicates", "must be at least 2 to give intervals, not " + replicates);
        RunContext context = RunContext.of(scenario, seed);
        SecurityFunding none = context.funding(new PolicySpec.None("none"));
        LossModel lossModel = context.lossModel();
        SupplyNetwork net = context.network();
        List<ActorSpec> actors = scenario.actors();
        @SuppressWarnings("unchecked")
        List<Case>[] byReplicate = new List[replicates];
        Runnable all = () -> IntStream.range(0, replicates).parallel().forEach(r -> {
            RandomStreams streams = context.streams(r);
            ReplicateRecord record = context.model(none.posture(), streams).run();
            ReplicateLosses losses = lossModel.losses(record, streams);
            byReplicate[r] = casesOf(r, record, losses, net, actors);
        });
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(all).join();
        } finally {
            pool.shutdown();
        }
        List<Case> out = new ArrayList<>();
        for (List<Case> c : byReplicate) out.addAll(c);
        return new RansomwareCases(replicates, out);
    }

    /** The cases of one replicate, in increasing firm order. */
    static List<Case> casesOf(int replicate, ReplicateRecord record, ReplicateLosses losses, SupplyNetwork net, List<ActorSpec> actors) {
        int n = record.size();
        // per firm with a ransomware outage: its longest outage and the actor of its first one
        long[] keys = new long[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (record.effect(k) == ReplicateRecord.RANSOMWARE && record.causesOutage(k)) keys[m++] = (long) record.firm(k) << 32 | k;
        }
        Arrays.sort(keys, 0, m);
        FirmLosses firms = losses.firms();
        List<Case> out = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < m; ) {
            int firm = (int) (keys[i] >>> 32);
            double longest = 0, firstStart = Double.POSITIVE_INFINITY;
            boolean mass = false;
            int j = i;
            for (; j < m && (int) (keys[j] >>> 32) == firm; j++) {
                int k = (int) keys[j];
                longest = Math.max(longest, record.outageEnd(k) - record.outageStart(k));
                if (record.outageStart(k) < firstStart) {
                    firstStart = record.outageStart(k);
                    int a = record.actor(k);
                    mass = a >= 0 && actors.get(a).mode() == ActorSpec.Mode.MASS_EXPLOIT;
                }
            }
            while (cursor < firms.size() && firms.firm()[cursor] < firm) cursor++;
            double incident = 0, damage = 0;
            if (cursor < firms.size() && firms.firm()[cursor] == firm) {
                incident = firms.yen(Component.INCIDENT, cursor);
                damage = incident + firms.yen(Component.RANSOM, cursor) + firms.yen(Component.BI, cursor);
            }
            out.add(new Case(replicate, net.sizeClass(firm), mass, longest, incident, damage));
            i = j;
        }
        return out;
    }

    public int replicates() { return replicates; }

    public List<Case> cases() { return cases; }

    /** Cases per replicate, in replicate order. */
    public double[] casesPerYear() {
        double[] c = new double[replicates];
        for (Case x : cases) c[x.replicate()]++;
        return c;
    }

    /** Per replicate, the cases that satisfy {@code test}. */
    double[] countPerYear(java.util.function.Predicate<Case> test) {
        double[] c = new double[replicates];
        for (Case x : cases) if (test.test(x)) c[x.replicate()]++;
        return c;
    }

    /** Damage of every case, sorted. */
    double[] damages() {
        double[] d = new double[cases.size()];
        for (int i = 0; i < d.length; i++) d[i] = cases.get(i).damageYen();
        Arrays.sort(d);
        return d;
    }
}
