package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The noise of many compromises at once is, bit for bit, the noise of each one. */
class IncidentNoiseTest {
    private static void assertSameBits(double[] u, double[] sigma) {
        int n = u.length;
        double[] out = new double[n];
        IncidentNoise.fill(u, sigma, n, out);
        for (int i = 0; i < n; i++) {
            double one = LossModel.lognormalNoise(u[i], sigma[i]);
            assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(out[i]), "u = " + u[i] + ", sigma = " + sigma[i]);
        }
    }

    @Test
    void aMillionUniformsGiveTheNoiseOfEachToTheBit() {
        SplittableRandom rng = new SplittableRandom(26);
        double[] sigmas = {0, 0.3, 0.8, 1.0, 1.7};
        int n = 1_000_003; // not a whole number of blocks
        double[] u = new double[n], sigma = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextDouble();
            sigma[i] = sigmas[rng.nextInt(sigmas.length)];
        }
        assertSameBits(u, sigma);
    }

    @Test
    void theClampsAndBothSidesOfTheTailBoundaryGiveTheNoiseOfEach() {
        // the central polynomial holds for w = -log(1 - x^2) < 6.25, |x| = |2u - 1| below about 0.99781: u near 0.0010934 and 0.9989066
        double[] special = {0, Double.MIN_VALUE, 1e-300, 1e-16, 1e-15, 2e-15, 1e-9, 1e-4, 0.5, Math.nextDown(1.0), 1 - 1e-15, 1 - 1e-16};
        int dense = 20_000;
        double[] u = new double[special.length + 4 * dense], sigma = new double[u.length];
        System.arraycopy(special, 0, u, 0, special.length);
        for (int i = 0; i < dense; i++) {
            double d = (i - dense / 2) * 1e-9;
            u[special.length + i] = 0.0010934 + d;
            u[special.length + dense + i] = 0.9989066 + d;
            u[special.length + 2 * dense + i] = 0.0010934 + d * 1e-4;
            u[special.length + 3 * dense + i] = 0.9989066 + d * 1e-4;
        }
        java.util.Arrays.fill(sigma, 1.2);
        assertSameBits(u, sigma);
    }

    @Test
    void theNoiseMayBeWrittenOverItsUniforms() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 1_000;
        double[] u = new double[n], sigma = new double[n], expected = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextDouble();
            sigma[i] = 0.9;
            expected[i] = LossModel.lognormalNoise(u[i], sigma[i]);
        }
        IncidentNoise.fill(u, sigma, n, u);
        for (int i = 0; i < n; i++) assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(u[i]), "at " + i);
    }
}
