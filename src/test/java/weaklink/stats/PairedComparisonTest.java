package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
    static final int YEARS = 2000;

    /**
     * A model with a small policy effect under common random numbers: each year's attack draws
     * give a heavy-tailed (lognormal) baseline loss; the policy removes 3 % of it, and adds a small
     * independent part of its own.
     */
    static double[][] smallEffectYears(long seed) {
        SplittableRandom common = new SplittableRandom(seed), own = new SplittableRandom(seed + 1);
        double[] baseline = new double[YEARS], policy = new double[YEARS];
        for (int i = 0; i < YEARS; i++) {
            double attacks = Math.exp(1.5 * gaussian(common)) * 1e8;
            baseline[i] = attacks;
            policy[i] = 0.97 * attacks + 1e6 * Math.abs(gaussian(own));
        }
        return new double[][] {policy, baseline};
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void pairedIntervalIsNarrowerThanTheUnpairedOneWhenTheEffectIsSmall() {
        double[][] d = smallEffectYears(3);
        PairedComparison paired = new PairedComparison(d[0], d[1]);
        PairedComparison.Interval welch = PairedComparison.welchInterval(d[0], d[1], 0.95);
        PairedComparison.Interval t = paired.tInterval(0.95);
        assertTrue(t.width() * 5 < welch.width(), "paired " + t.width() + " vs unpaired " + welch.width());
        // the unpaired interval cannot even tell the policy from the baseline; the paired one can
        assertTrue(welch.low() < 0 && welch.high() > 0, welch.toString());
        assertTrue(t.high() < 0, t.toString());
        assertEquals(paired.meanDifference(), (welch.low() + welch.high()) / 2, 1e-3 * Math.abs(paired.meanDifference()));
    }

    @Test
    void bootstrapIntervalIsReproducibleForASeedAndChangesWithIt() {
        double[][] d = smallEffectYears(4);
        PairedComparison paired = new PairedComparison(d[0], d[1]);
        assertEquals(paired.bootstrapInterval(0.95, 500, 99), paired.bootstrapInterval(0.95, 500, 99));
        assertNotEquals(paired.bootstrapInterval(0.95, 500, 99), paired.bootstrapInterval(0.95, 500, 100));
    }

    /** For a near-normal mean of 2,000 differences the percentile bootstrap and the t interval agree to within sampling noise. */
    @Test
    void bootstrapIntervalAgreesWithTheTIntervalForManyYears() {
        double[][] d = smallEffectYears(5);
        PairedComparison paired = new PairedComparison(d[0], d[1]);
        PairedComparison.Interval t = paired.tInterval(0.95), boot = paired.bootstrapInterval(0.95, 1000, 7);
        assertEquals(t.low(), boot.low(), 0.15 * t.width());
        assertEquals(t.high(), boot.high(), 0.15 * t.width());
        assertTrue(boot.low() < paired.meanDifference() && paired.meanDifference() < boot.high());
    }

    @Test
    void identicalPoliciesDifferByExactlyZero() {
        double[][] d = smallEffectYears(6);
        PairedComparison same = new PairedComparison(d[1], d[1]);
        assertEquals(0, same.meanDifference());
        assertEquals(new PairedComparison.Interval(0, 0), same.tInterval(0.95));
        assertEquals(new PairedComparison.Interval(0, 0), same.bootstrapInterval(0.95, 100, 1));
    }
}
