package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.stats.ReturnPeriodLosses.Convention;
import weaklink.stats.ReturnPeriodLosses.Point;

/**
 * Losses by return period under both conventions, against values worked out by hand on ten
 * years whose losses are 10, 20, ..., 100 (and on a sample with years without loss).
 */
class ReturnPeriodLossesTest {
    static final double[] TEN_YEARS = {30, 10, 100, 50, 20, 90, 40, 80, 60, 70};

    static Point at(double[] years, double t, Convention c) {
        return ReturnPeriodLosses.of(years, List.of(t), c).get(0);
    }

    @Test
    void ktoolsTakesTheLargestYearsAtWholeRanks() {
        // n = 10: T = 5 is rank 10/5 = 2 (the second largest, 90); T = 2 is rank 5 (60); T = 10 rank 1 (100)
        assertEquals(90, at(TEN_YEARS, 5, Convention.KTOOLS).loss());
        assertEquals(60, at(TEN_YEARS, 2, Convention.KTOOLS).loss());
        assertEquals(100, at(TEN_YEARS, 10, Convention.KTOOLS).loss());
        // its tail value is the mean of those ranks: (100 + 90) / 2, (100 + ... + 60) / 5
        assertEquals(95, at(TEN_YEARS, 5, Convention.KTOOLS).tailValue(), 1e-12);
        assertEquals(80, at(TEN_YEARS, 2, Convention.KTOOLS).tailValue(), 1e-12);
    }

    @Test
    void type1SitsOneRankBelowKtoolsAtWholeRanks() {
        // VaR_{1 - 1/5} = x_(ceil(0.8 * 10)) = x_(8) ascending = 80: the third largest
        assertEquals(80, at(TEN_YEARS, 5, Convention.TYPE1).loss());
        assertEquals(50, at(TEN_YEARS, 2, Convention.TYPE1).loss());
        // the tail value of both is the mean of the n/T largest
        assertEquals(95, at(TEN_YEARS, 5, Convention.TYPE1).tailValue(), 1e-12);
        assertEquals(80, at(TEN_YEARS, 2, Convention.TYPE1).tailValue(), 1e-12);
    }

    @Test
    void ktoolsInterpolatesInReturnPeriodBetweenRanks() {
        // T = 4 lies between rank 2 (return period 5, loss 90) and rank 3 (10/3, loss 80):
        // 80 + (4 - 10/3) * (90 - 80) / (5 - 10/3) = 84; tail ((100 + 90) + 84) / 3
        Point p = at(TEN_YEARS, 4, Convention.KTOOLS);
        assertEquals(84, p.loss(), 1e-9);
        assertEquals((100 + 90 + 84) / 3.0, p.tailValue(), 1e-9);
    }

    @Test
    void ktoolsSecondReturnPeriodBetweenTheSameRanksContinuesTheTail() {
        // T = 4.5 and 4 both lie between ranks 2 and 3: 87 and 84; the second tail value continues from the first with i + 1
        List<Point> ps = ReturnPeriodLosses.of(TEN_YEARS, List.of(4.5, 4.0), Convention.KTOOLS);
        assertEquals(87, ps.get(0).loss(), 1e-9);
        double first = (100 + 90 + 87) / 3.0;
        assertEquals(first, ps.get(0).tailValue(), 1e-9);
        assertEquals((3 * first + 84) / 4, ps.get(1).tailValue(), 1e-9);
    }

    @Test
    void ktoolsGivesZeroWhereTheRankIsAYearWithoutLoss() {
        // four years, one loss of 8: T = 2 is rank 2, a year without loss; T = 4 rank 1
        double[] years = {0, 8, 0, 0};
        assertEquals(8, at(years, 4, Convention.KTOOLS).loss());
        assertEquals(0, at(years, 2, Convention.KTOOLS).loss());
        assertEquals(4, at(years, 2, Convention.KTOOLS).tailValue(), 1e-12);
        // T = 3 between rank 1 (4, loss 8) and rank 2 (2, loss 0): ktools reports 0, not an interpolation
        assertEquals(0, at(years, 3, Convention.KTOOLS).loss());
    }

    @Test
    void ktoolsTailBeyondTheYearsWithALossContinuesFromTheirMean() {
        // ten years, one loss of 8: ktools ranks only that year (return period 10); T = 5 and 2 lie beyond it,
        // loss 0, tail 8 / (1 + 1) and then 8 / (1 + 2) -- not the mean of the n/T largest years (8/2 and 8/5)
        double[] years = {0, 0, 0, 8, 0, 0, 0, 0, 0, 0};
        List<Point> ps = ReturnPeriodLosses.of(years, List.of(10.0, 5.0, 2.0), Convention.KTOOLS);
        assertEquals(8, ps.get(0).loss());
        assertEquals(8, ps.get(0).tailValue(), 1e-12);
        assertEquals(0, ps.get(1).loss());
        assertEquals(4, ps.get(1).tailValue(), 1e-12);
        assertEquals(8 / 3.0, ps.get(2).tailValue(), 1e-12);
    }

    @Test
    void theMarketGridStopsWhereFewerThanTenYearsLieBeyond() {
        assertEquals(List.of(100.0, 50.0, 25.0, 20.0, 10.0, 5.0, 2.0), ReturnPeriodLosses.supported(1000, null));
        assertEquals(List.of(1000.0, 250.0, 200.0, 2.0), ReturnPeriodLosses.supported(1000, List.of(2.0, 200.0, 250.0, 1000.0, 5000.0)));
    }
}
