package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SampleTest {
    static Sample oneToThousand() {
        double[] xs = new double[1000];
        for (int i = 0; i < xs.length; i++) xs[xs.length - 1 - i] = i + 1;  // unsorted on purpose
        return new Sample(xs);
    }

    @Test
    void valueAtRiskIsTheOrderStatisticAtTheCeilingRank() {
        assertEquals(995, oneToThousand().valueAtRisk(0.995));
        assertEquals(500, oneToThousand().quantile(0.5));
    }

    @Test
    void tailValueAtRiskIsTheMeanOfTheWorstHalfPercentOfYears() {
        // the 5 worst of 1..1000 are 996..1000
        assertEquals(998, oneToThousand().tailValueAtRisk(0.995), 1e-9);
    }

    @Test
    void tailValueAtRiskWeighsAPartialYearWhenTheTailIsNotWhole() {
        // n = 10, alpha = 0.95: half a year in the tail, all of it the maximum
        double[] xs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(10, new Sample(xs).tailValueAtRisk(0.95), 1e-12);
        // alpha = 0.85: 1.5 years: all of 10 and half of 9
        assertEquals((10 + 0.5 * 9) / 1.5, new Sample(xs).tailValueAtRisk(0.85), 1e-12);
    }

    @Test
    void meanAndStandardErrorFollowTheTextbookFormulas() {
        Sample s = new Sample(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), s.standardError(), 1e-12);
    }
}
