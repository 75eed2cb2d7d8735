package weaklink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benefit-cost ratio and its interval against hand computation (t_{3, 0.975} = 3.182446305). */
class RatioEstimateTest {
    static final double T3 = 3.182446305284263;

    @Test
    void aConstantCostGivesTheTIntervalOfTheBenefitDividedByTheCost() {
        // avoided 4, 4, 4, 6 (mean 4.5, s = 1); cost 2 every year: R = 2.25 ± t·(1/√4)/2
        RatioEstimate r = RatioEstimate.of(new double[] {4, 4, 4, 6}, new double[] {2, 2, 2, 2}, 0.95);
        assertEquals(2.25, r.ratio(), 1e-12);
        assertEquals(2.25 - T3 * 0.5 / 2, r.low(), 1e-9);
        assertEquals(2.25 + T3 * 0.5 / 2, r.high(), 1e-9);
        assertEquals(1.4543884236789344, r.low(), 1e-9);
    }

    @Test
    void aVaryingCostWidensTheIntervalByTheLinearisedResiduals() {
        // c̄ = 2, R = 2.25; z = (a − R c)/c̄ = 0.875, −0.25, −1.375, 0.75; s_z² = 3.28125/3
        RatioEstimate r = RatioEstimate.of(new double[] {4, 4, 4, 6}, new double[] {1, 2, 3, 2}, 0.95);
        double half = T3 * Math.sqrt(3.28125 / 3) / 2;
        assertEquals(2.25, r.ratio(), 1e-12);
        assertEquals(2.25 - half, r.low(), 1e-9);
        assertEquals(2.25 + half, r.high(), 1e-9);
        assertEquals(0.5858589936109986, r.low(), 1e-9);
    }

    @Test
    void aPolicyThatCostsNothingHasNoRatio() {
        RatioEstimate r = RatioEstimate.of(new double[] {1, 2}, new double[] {0, 0}, 0.95);
        assertTrue(Double.isNaN(r.ratio()) && Double.isNaN(r.low()) && Double.isNaN(r.high()));
    }
}
