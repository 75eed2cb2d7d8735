package weaklink.random;

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
}
