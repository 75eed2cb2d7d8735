package weaklink.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import weaklink.economics.LossModel;
import weaklink.economics.ReplicateLosses;
import weaklink.economics.policy.SecurityFunding;
import weaklink.random.RandomStreams;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.production.CbiExposure;
import weaklink.production.ProductionCascade;
import weaklink.production.ShortfallProfile;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.BadInputException;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.stats.MeanInterval;

/**
 * Single points of failure: for each candidate firm, the expected network-wide loss when that
 * firm alone is hit by ransomware at day 0 (no actors; its outage, then the contingent business
 * interruption downstream), estimated over {@code replicates} draws of outage length and costs
 * with common random numbers across firms. Also the share of the network's annual production
 * (value added) lost, the figure Inoue &amp; Todo (2019) rank firms by.
 *
 * <p>Candidates are the {@code top} firms by a first-order exposure score, cheap to compute for
 * every firm: the firm's own expected lost value added over its mean recovery, plus, for each
 * direct buyer, the buyer's daily value added × the days of production it loses by the production
 * cascade's rule when the firm alone is down for that time ({@link CbiExposure#lostDaysIfSupplierDown}:
 * a sole-sourced input stops the buyer once its stock is gone, whatever its share).
 */
public final class SinglePointsOfFailure {
    /** One firm's result. */
    public record Result(int firm, double exposure, double meanLoss, double ci95HalfWidth, double meanProductionLoss, double productionShare) {}

    /** The analysis of a network: its candidates' results, in descending order of mean loss. */
    public record Analysis(SupplyNetwork network, List<Result> results) {}

    /**
     * Firms that stop for good, the comparison of Inoue &amp; Todo (PLOS ONE 14(3): e0213648, 2019):
     * for a uniform sample of firms, the share of the network's daily production lost on the last
     * day of a complete stop of {@code stopDays} days of that firm alone (by the production cascade,
     * no random draws).
     *
     * @param firms          the sampled firms
     * @param productionLost each one's share of the network's daily production lost on the last day
     */
    public record SustainedStops(int stopDays, int[] firms, double[] productionLost) {
        /** Number of sampled firms whose stop costs more than {@code threshold} of daily production. */
        public int above(double threshold) {
            int n = 0;
            for (double x : productionLost) if (x > threshold) n++;
            return n;
        }

        public double max() {
            double m = 0;
            for (double x : productionLost) m = Math.max(m, x);
            return m;
        }
    }

    private SinglePointsOfFailure() {}

    /**
     * The whole analysis: the network of (scenario, master seed) as {@code run} builds it, the
     * policy's security posture, the {@code top} firms by exposure, each hit alone.
     */
    public static Analysis analyse(Scenario scenario, long masterSeed, PolicySpec policy, int top, int replicates, int threads,
                                   ProgressListener progress) throws BadInputException {
        RunContext context = RunContext.of(scenario, masterSeed);
        int[] firms = candidates(exposure(scenario, context.network()), top);
        return new Analysis(context.network(), evaluate(context, context.funding(policy), firms, replicates, threads, progress));
    }

    /**
     * Stops each of {@code sample} firms drawn uniformly without replacement (all firms if the
     * network has fewer) completely for {@code stopDays} days and measures the share of the
     * network's daily value added lost on the last day ({@link SustainedStops}).
     */
    public static SustainedStops sustainedStops(Scenario scenario, SupplyNetwork net, int sample, int stopDays, long seed) {
        int n = net.firmCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int k = Math.min(sample, n);
        ec.util.MersenneTwisterFast rng = new ec.util.MersenneTwisterFast(new weaklink.random.Seeds(seed).spofSample());
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] firms = Arrays.copyOf(order, k);
        Arrays.sort(firms);
        double daily = 0;
        for (int f = 0; f < n; f++) daily += net.dailyValueAddedYen(f);
        ProductionCascade cascade = new ProductionCascade(net, scenario.economics().production());
        double lastDay = stopDays - 0.5;
        double[] lost = new double[k];
        for (int i = 0; i < k; i++) {
            ProductionCascade.Result r = cascade.run(new int[] {firms[i]}, new ShortfallProfile[] {ShortfallProfile.interval(0, stopDays, 1)});
            double x = 0;
            for (int m = 0; m < r.size(); m++) x += r.shortfallAt(m, lastDay) * net.dailyValueAddedYen(r.firm(m));
            lost[i] = daily > 0 ? x / daily : 0;
        }
        return new SustainedStops(stopDays, firms, lost);
    }

    /** First-order exposure score of every firm (see the class comment). */
    public static double[] exposure(Scenario scenario, SupplyNetwork net) {
        double[] score = new double[net.firmCount()];
        CbiExposure cbi = new CbiExposure(new ProductionCascade(net, scenario.economics().production()));
        for (int f = 0; f < net.firmCount(); f++) {
            double recovery = scenario.defaults(net.sizeClass(f)).recoveryDays().mean() * net.attribute(FirmAttribute.RECOVERY_SCALE, f);
            double s = net.dailyValueAddedYen(f) * recovery * (1 - net.attribute(FirmAttribute.WORKAROUND_SHARE, f));
            for (int e = net.supplyOutStart(f); e < net.supplyOutEnd(f); e++) {
                int b = net.supplyBuyer(e);
                if (b != f) s += net.dailyValueAddedYen(b) * cbi.lostDaysIfSupplierDown(e, recovery);
            }
            score[f] = s;
        }
        return score;
    }

    /** Firms ordered by exposure, highest first (ties: lower index first), at most {@code top}. */
    public static int[] candidates(double[] exposure, int top) {
        Integer[] order = new Integer[exposure.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> exposure[a] != exposure[b] ? Double.compare(exposure[b], exposure[a]) : Integer.compare(a, b));
        int k = Math.min(top, order.length);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = order[i];
        return out;
    }

    /**
     * Evaluates the candidates under one policy's posture; results in descending order of mean loss.
     */
    public static List<Result> evaluate(RunContext context, SecurityFunding funding, int[] firms,
                                        int replicates, int threads, ProgressListener progress) {
        Scenario scenario = context.scenario();
        SupplyNetwork net = context.network();
        LossModel lossModel = context.lossModel();
        double[] exposure = exposure(scenario, net);
        double production = 0;
        for (int f = 0; f < net.firmCount(); f++) production += net.dailyValueAddedYen(f) * 365.0;
        final double totalProduction = production;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "weaklink-spof");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int firm : firms) {
                futures.add(pool.submit(() -> {
                    Scenario stress = scenario.withAttacks(List.of(),
                            List.of(new InitialCompromise(net.firmId(firm), 0, ActorSpec.Effect.RANSOMWARE, DistributionSpec.fixed(0))));
                    double[] loss = new double[replicates];
                    double production0 = 0;
                    for (int r = 0; r < replicates; r++) {
                        RandomStreams streams = context.streams(r);
                        var record = context.model(stress, funding.posture(), streams).run();
                        ReplicateLosses l = lossModel.losses(record, streams);
                        loss[r] = l.totalYen();
                        production0 += l.biYen() + l.cbiYen();
                    }
                    double mean = Arrays.stream(loss).average().orElse(0);
                    double var = 0;
                    for (double x : loss) var += (x - mean) * (x - mean);
                    double sd = replicates > 1 ? Math.sqrt(var / (replicates - 1)) : 0;
                    double meanProduction = production0 / replicates;
                    return new Result(firm, exposure[firm], mean, MeanInterval.halfWidth(sd, replicates, 0.95), meanProduction,
                            totalProduction > 0 ? meanProduction / totalProduction : 0);
                }));
            }
            List<Result> results = new ArrayList<>();
            int done = 0;
            for (Future<Result> f : futures) {
                results.add(f.get());
                progress.progress(++done, firms.length);
            }
            results.sort((a, b) -> a.meanLoss() != b.meanLoss() ? Double.compare(b.meanLoss(), a.meanLoss()) : Integer.compare(a.firm(), b.firm()));
            progress.finished(firms.length);
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
