package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.scenario.InsuranceSpec.Layer;
import weaklink.scenario.InsuranceSpec.LayerKind;

/** Reinsurance of a year's event losses, against figures worked out by hand. */
class ReinsuranceTest {
    static final double[] YEAR = {30, 120, 60, 200};

    @Test
    void perEventExcessOfLossCedesWhatEachEventExceedsTheAttachmentUpToTheLimit() {
        // 50 xs 50, 80 % placed: events of 30, 120, 60, 200 exceed 50 by 0, 70, 10, 150, capped at 50
        Reinsurance r = new Reinsurance(List.of(new Layer(LayerKind.PER_EVENT, 50, 50, 0.8)));
        assertArrayEquals(new double[] {0, 40, 8, 40}, r.ceded(YEAR), 1e-12);
    }

    @Test
    void aggregateStopLossCedesTheYearsLossAboveTheAttachmentAsItAccrues() {
        // 150 xs 100 on the year: cumulative 30, 150, 210, 410 -> payout 0, 50, 110, 150 -> per event 0, 50, 60, 40
        Reinsurance r = new Reinsurance(List.of(new Layer(LayerKind.AGGREGATE, 100, 150, 1.0)));
        assertArrayEquals(new double[] {0, 50, 60, 40}, r.ceded(YEAR), 1e-12);
    }

    @Test
    void perEventLayersInureToTheStopLoss() {
        // 100 xs 100 per event cedes 0, 20, 0, 100; the net events 30, 100, 60, 100 accrue 30, 130, 190, 290;
        // 100 xs 150 on that: payout 0, 0, 40, 100 -> per event 0, 0, 40, 60; ceded 0, 20, 40, 160
        Reinsurance r = new Reinsurance(List.of(new Layer(LayerKind.PER_EVENT, 100, 100, 1.0), new Layer(LayerKind.AGGREGATE, 150, 100, 1.0)));
        double[] ceded = r.ceded(YEAR);
        assertArrayEquals(new double[] {0, 20, 40, 160}, ceded, 1e-12);
        double total = 0;
        for (double c : ceded) total += c;
        assertEquals(220, total, 1e-12);
    }

    @Test
    void noLayerCedesNothing() {
        assertArrayEquals(new double[4], new Reinsurance(List.of()).ceded(YEAR));
    }
}
