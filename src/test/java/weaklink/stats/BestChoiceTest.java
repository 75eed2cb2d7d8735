package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BestChoiceTest {
    @Test
    void aPolicyCheaperInEveryReplicateIsBestWithProbabilityOne() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 300;
        double[][] costs = new double[3][n];
        for (int i = 0; i < n; i++) {
            double year = 1e9 * rng.nextDouble() * rng.nextDouble(); // a noisy year shared by all (common random numbers)
            costs[0][i] = year + 5e7;
            costs[1][i] = year + 1e7 * rng.nextDouble();            // always below the others
            costs[2][i] = year + 2e7 + 1e7 * rng.nextDouble();
        }
        assertArrayEquals(new double[] {0, 1, 0}, BestChoice.probabilityBest(costs, 1000, 42), 0);
    }

    @Test
    void twoIdenticalPoliciesShareEveryResample() {
        double[][] costs = {{3, 1, 2}, {3, 1, 2}, {9, 9, 9}};
        assertArrayEquals(new double[] {0.5, 0.5, 0}, BestChoice.probabilityBest(costs, 200, 1), 0);
    }

    @Test
    void equalMeansWithOppositeNoiseSplitTheResamplesAboutEvenly() {
        // a = year + e, b = year − e: equal means, each lower in about half the resamples
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400, resamples = 2000;
        double[][] costs = new double[2][n];
        for (int i = 0; i < n; i++) {
            double e = rng.nextDouble() - 0.5;
            costs[0][i] = 10 + e;
            costs[1][i] = 10 - e;
        }
        // centre the noise so both sample means are equal exactly
        double shift = 0;
        for (int i = 0; i < n; i++) shift += costs[0][i] - costs[1][i];
        for (int i = 0; i < n; i++) costs[0][i] -= shift / n;
        double p = BestChoice.probabilityBest(costs, resamples, 11)[0];
        // binomial sampling error of the share: 4 standard errors of 0.5 over 2,000 resamples
        assertEquals(0.5, p, 4 * Math.sqrt(0.25 / resamples));
    }

    @Test
    void regretIsTheGapToTheBestOfEachDraw() {
        // draws: policy 0 costs 5, 1, 4; policy 1 costs 3, 2, 4 (a tie in the third draw)
        BestChoice.AcrossDraws d = BestChoice.acrossDraws(new double[][] {{5, 1, 4}, {3, 2, 4}});
        assertArrayEquals(new double[] {0.5, 0.5}, d.probabilityBest(), 1e-12); // (0 + 1 + ½) / 3 and (1 + 0 + ½) / 3
        assertArrayEquals(new double[] {2, 0, 0}, d.regret()[0], 0);
        assertArrayEquals(new double[] {0, 1, 0}, d.regret()[1], 0);
        assertArrayEquals(new double[] {2, 1}, d.maxRegret(), 0);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, d.meanRegret(), 1e-12);
    }
}
