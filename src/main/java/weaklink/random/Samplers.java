package weaklink.random;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.special.Gamma;

/**
 * The samplers the model and the generators share, each written once: a draw from a uniform (or a
 * generator) by a stated formula, so that every caller gets the same numbers.
 */
public final class Samplers {
    private Samplers() {}

    /**
     * The first trial (1, 2, …) on which a Bernoulli trial with probability {@code q} succeeds, from
     * the uniform {@code u}: the geometric inverse CDF {@code 1 + ⌊ln(1−u) / ln(1−q)⌋}, so
     * {@code P(trial ≤ k) = 1 − (1−q)^k}. The first day of a lateral movement's success; the gap
     * to the next firm an opportunistic campaign attempts.
     */
    public static int firstSuccessDay(double u, double q) {
        if (q >= 1) return 1;
        return firstSuccess(u, Math.log1p(-q));
    }

    /**
     * {@link #firstSuccessDay} from {@code logMiss = ln(1 − q)} computed once by the caller:
     * {@code 1 + ⌊ln(1−u) / logMiss⌋}, capped at {@code Integer.MAX_VALUE / 2}. {@code 1 − u} is exact
     * for the uniforms used here (multiples of 2^−53), so {@code Math.log} (an intrinsic) is as
     * accurate as {@code log1p} and much faster.
     */
    public static int firstSuccess(double u, double logMiss) {
        double g = Math.floor(Math.log(1.0 - u) / logMiss);
        return g >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : 1 + (int) g;
    }

    /** Below this mean {@link #poisson} multiplies uniforms (Knuth); from it on, transformed rejection (PTRS). */
    static final double POISSON_SMALL_MEAN = 10;

    /**
     * A Poisson draw with the given mean, exact at every mean: for a mean below
     * {@value #POISSON_SMALL_MEAN}, Knuth's multiplication of uniforms (the count of uniforms whose
     * running product stays above {@code e^−mean}); from it on, Hörmann's transformed rejection with
     * squeeze, PTRS (W. Hörmann 1993, "The transformed rejection method for generating Poisson random
     * variables", Insurance: Mathematics and Economics 12:39–45), which takes about one pair of
     * uniforms per draw whatever the mean. A mean of 0 or less gives 0. Campaign arrivals per actor,
     * a buyer's number of suppliers, a provider's number of clients.
     */
    public static int poisson(double mean, MersenneTwisterFast rng) {
        if (!(mean > 0)) return 0;
        if (mean < POISSON_SMALL_MEAN) {
            double l = Math.exp(-mean), p = 1;
            int k = 0;
            do {
                k++;
                p *= rng.nextDouble();
            } while (p > l);
            return k - 1;
        }
        double sqrtMean = Math.sqrt(mean), logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return (int) Math.min(k, Integer.MAX_VALUE);
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - Gamma.logGamma(k + 1.0)) {
                return (int) Math.min(k, Integer.MAX_VALUE);
            }
        }
    }
}
