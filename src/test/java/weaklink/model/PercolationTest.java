package weaklink.model;

import weaklink.random.RandomStreams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;

/**
 * Propagation with one seed firm, a fixed dwell of {@code D} days, a constant daily trust
 * probability {@code p} and every vulnerability 1 is bond percolation with transmissibility
 * {@code T = 1 − (1 − p)^D}; its outcomes must match Newman's (2002) generating-function solution
 * (see {@link Percolation}) within sampling error.
 *
 * <p>Tolerances: four standard errors of the estimate from the runs made (binomial for the
 * probability of a major outbreak, the sample standard deviation for mean sizes), plus, where a
 * giant cluster is measured, the {@code N^−1/2} by which one network of {@code N} firms may differ
 * from the infinite-network theory. Each test also checks that its tolerance is narrow next to the
 * quantity tested, so that it cannot pass vacuously.
 */
class PercolationTest {
    private static final int FIRMS = 10_000;
    private static final int DWELL_DAYS = 10;
    /** Power-law degrees p_k ∝ k^−3 on 2..50: a finite-variance configuration model, threshold near 0.23. */
    private static long[] configurationEdges;
    private static Percolation configurationTheory;

    @BeforeAll
    static void buildConfigurationModel() {
        MersenneTwisterFast rng = new MersenneTwisterFast(20020716L);
        configurationEdges = TestNetworks.configurationModel(TestNetworks.powerLawDegrees(FIRMS, 3.0, 2, 50, rng), rng);
        Scenario any = TestNetworks.scenario(0.1, "");
        configurationTheory = new Percolation(TestNetworks.degrees(TestNetworks.undirected(any, FIRMS, configurationEdges)));
    }

    /** Outbreak sizes of {@code runs} single-seed outbreaks at transmissibility {@code t}, seeds uniform over the firms. */
    private static int[] outbreakSizes(long[] edges, double t, int runs, long seed) {
        Scenario s = TestNetworks.scenario(TestNetworks.dailyProbability(t, DWELL_DAYS), "");
        SupplyNetwork net = TestNetworks.undirected(s, FIRMS, edges);
        Posture posture = TestNetworks.basePosture(net);
        MersenneTwisterFast seeds = new MersenneTwisterFast(seed);
        int[] sizes = new int[runs];
        for (int r = 0; r < runs; r++) {
            int firm = seeds.nextInt(FIRMS);
            sizes[r] = new ReplicateModel(TestNetworks.seeded(s, net, firm, DWELL_DAYS), net, posture, new RandomStreams(seed, r)).run().size();
        }
        return sizes;
    }

    @ParameterizedTest(name = "T = {0} T_c")
    @ValueSource(doubles = {0.5, 0.8})
    void belowThresholdOutbreaksStaySmallWithNewmansMeanSize(double fractionOfThreshold) {
        double t = fractionOfThreshold * configurationTheory.threshold();
        int runs = 3000;
        int[] sizes = outbreakSizes(configurationEdges, t, runs, 11);
        double mean = 0, sq = 0;
        int largest = 0;
        for (int x : sizes) {
            mean += x;
            sq += (double) x * x;
            largest = Math.max(largest, x);
        }
        mean /= runs;
        double se = Math.sqrt((sq / runs - mean * mean) / (runs - 1));
        double expected = configurationTheory.meanOutbreakBelowThreshold(t);
        assertEquals(0.0, configurationTheory.giantShare(t), 1e-9);
        assertTrue(largest < FIRMS / 20, "no outbreak reaches 5 % of the firms below the threshold, largest " + largest);
        assertTrue(4 * se < 0.5 * (expected - 1), "tolerance " + 4 * se + " is narrow next to the mean spread " + (expected - 1));
        assertEquals(expected, mean, 4 * se, "mean outbreak size at T = " + t);
    }

    @ParameterizedTest(name = "T = {0} T_c, {1} runs")
    @CsvSource({"1.3, 2500", "2.5, 800"})
    void aboveThresholdMajorOutbreakProbabilityAndSizeEqualTheGiantClusterShare(double multipleOfThreshold, int runs) {
        double t = multipleOfThreshold * configurationTheory.threshold();
        double share = configurationTheory.giantShare(t);
        assertMajorOutbreaksMatch(outbreakSizes(configurationEdges, t, runs, 13), share);
    }

    @Test
    void erdosRenyiMajorOutbreakSizeSolvesSEqualsOneMinusExpOfMinusCTS() {
        double meanDegree = 4, t = 0.5;
        long[] edges = TestNetworks.erdosRenyi(FIRMS, meanDegree, new MersenneTwisterFast(1959L));
        double share = Percolation.erdosRenyiGiantShare(meanDegree, t);
        assertEquals(share, -Math.expm1(-meanDegree * t * share), 1e-12);
        assertMajorOutbreaksMatch(outbreakSizes(edges, t, 500, 17), share);
    }

    @Test
    void erdosRenyiBelowThresholdMeanOutbreakIsOneOverOneMinusCT() {
        double meanDegree = 4, t = 0.15;
        long[] edges = TestNetworks.erdosRenyi(FIRMS, meanDegree, new MersenneTwisterFast(1960L));
        int runs = 3000;
        int[] sizes = outbreakSizes(edges, t, runs, 19);
        double mean = 0, sq = 0;
        for (int x : sizes) {
            mean += x;
            sq += (double) x * x;
        }
        mean /= runs;
        double se = Math.sqrt((sq / runs - mean * mean) / (runs - 1));
        assertEquals(1 / (1 - meanDegree * t), mean, 4 * se);
    }

    /**
     * A run is a major outbreak when it reaches half the predicted giant cluster; the share of
     * major runs and their mean size must both equal {@code share}.
     */
    private static void assertMajorOutbreaksMatch(int[] sizes, double share) {
        int runs = sizes.length, major = 0;
        double sum = 0, sq = 0;
        for (int x : sizes) {
            if (x < share * FIRMS / 2) continue;
            major++;
            double f = (double) x / FIRMS;
            sum += f;
            sq += f * f;
        }
        double probabilityTolerance = 4 * Math.sqrt(share * (1 - share) / runs);
        assertTrue(probabilityTolerance < share / 3, "probability tolerance " + probabilityTolerance + " is narrow next to " + share);
        assertEquals(share, (double) major / runs, probabilityTolerance, "probability of a major outbreak");
        double mean = sum / major;
        double sizeTolerance = 4 * Math.sqrt(Math.max(0, sq / major - mean * mean) / (major - 1)) + 1 / Math.sqrt(FIRMS);
        assertTrue(sizeTolerance < share / 5, "size tolerance " + sizeTolerance + " is narrow next to " + share);
        assertEquals(share, mean, sizeTolerance, "mean share of firms compromised in a major outbreak");
    }

    @Test
    void oneLinkTransmitsWithProbabilityOneMinusMissProbabilityToThePowerOfTheWholeDwellDays() {
        double p = 0.05, dwell = 7.9; // a fractional last day gives no attempt
        Scenario s = TestNetworks.scenario(p, "");
        SupplyNetwork net = TestNetworks.undirected(s, 2, new long[] {1L});
        Posture posture = TestNetworks.basePosture(net);
        int runs = 5000, hits = 0;
        for (int r = 0; r < runs; r++) {
            if (new ReplicateModel(TestNetworks.seeded(s, net, 0, dwell), net, posture, new RandomStreams(3, r)).run().size() == 2) hits++;
        }
        double t = 1 - Math.pow(1 - p, 7);
        assertEquals(t, (double) hits / runs, 4 * Math.sqrt(t * (1 - t) / runs));
    }
}
