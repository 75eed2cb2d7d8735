package weaklink.economics;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.FastMath;

/**
 * The incident-cost noise of many compromises at once: {@link LossModel#lognormalNoise} of each
 * (uniform, σ), the same number to the bit, in about half the time on a large outbreak.
 *
 * <p>{@code lognormalNoise} is {@code exp(σ·√2·erfinv(2u − 1) − σ²/2)} with Commons Math's
 * {@link Erf#erfInv}: a logarithm, then for almost every argument ({@code w < 6.25}, i.e.
 * {@code |2u − 1| < 0.9978}) a polynomial of degree 22 in {@code w − 3.125} by Horner's rule, whose
 * coefficients are M. Giles's double-precision ones ("Approximating the erfinv function", GPU
 * Computing Gems, vol. 2, 2010) as Commons Math 3.6.1 uses them. One call is a chain of 22 dependent
 * multiply-adds; here a block of arguments goes through each Horner step together, a loop of
 * independent multiply-adds the processor overlaps (and may vectorise). Every argument sees exactly
 * the operations of {@code Erf.erfInv}, in the same order, so the results are identical (Java does
 * not fuse or reorder floating-point operations); arguments in the tails ({@code w ≥ 6.25}) are
 * passed to {@code Erf.erfInv} itself. {@code IncidentNoiseTest} checks the equality bit for bit.
 */
final class IncidentNoise {
    private IncidentNoise() {}

    /** Giles's coefficients for {@code w < 6.25}, highest degree first (as in Commons Math 3.6.1's {@code Erf.erfInv}). */
    private static final double[] CENTRAL = {
        -3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18, 1.115787767802518096e-17,
        -1.333171662854620906e-16, 2.0972767875968561637e-17, 6.6376381343583238325e-15, -4.0545662729752068639e-14,
        -8.1519341976054721522e-14, 2.6335093153082322977e-12, -1.2975133253453532498e-11, -5.4154120542946279317e-11,
        1.051212273321532285e-09, -4.1126339803469836976e-09, -2.9070369957882005086e-08, 4.2347877827932403518e-07,
        -1.3654692000834678645e-06, -1.3882523362786468719e-05, 0.0001867342080340571352, -0.00074070253416626697512,
        -0.0060336708714301490533, 0.24015818242558961693, 1.6536545626831027356};

    /** Arguments per block: the block's four arrays stay in the first-level cache. */
    private static final int BLOCK = 256;

    /** {@code out[i] = LossModel.lognormalNoise(u[i], sigma[i])} for {@code i < n}; {@code out} may be {@code u}. */
    static void fill(double[] u, double[] sigma, int n, double[] out) {
        double[] x = new double[BLOCK], w = new double[BLOCK], shifted = new double[BLOCK], p = new double[BLOCK];
        for (int from = 0; from < n; from += BLOCK) {
            int m = Math.min(BLOCK, n - from);
            for (int i = 0; i < m; i++) {
                double q = Math.min(Math.max(u[from + i], 1e-15), 1 - 1e-15);
                x[i] = 2 * q - 1;
                w[i] = -FastMath.log((1.0 - x[i]) * (1.0 + x[i]));
                shifted[i] = w[i] - 3.125;
                p[i] = CENTRAL[0];
            }
            for (int k = 1; k < CENTRAL.length; k++) {
                double c = CENTRAL[k];
                for (int i = 0; i < m; i++) p[i] = c + p[i] * shifted[i];
            }
            for (int i = 0; i < m; i++) {
                double s = sigma[from + i];
                if (s == 0) {
                    out[from + i] = 1;
                    continue;
                }
                double erfInv = w[i] < 6.25 ? p[i] * x[i] : Erf.erfInv(x[i]);
                double z = Math.sqrt(2) * erfInv;
                out[from + i] = Math.exp(s * z - s * s / 2);
            }
        }
    }
}
