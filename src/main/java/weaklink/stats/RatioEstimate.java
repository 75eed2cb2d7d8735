package weaklink.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A ratio of two means from paired observations, such as loss avoided per yen of policy cost
 * (a benefit-cost ratio): {@code R = ā / c̄}, with the Student-t interval of the linearised
 * estimator (the delta method for a ratio of means; Cochran 1977, "Sampling Techniques", §6.4):
 * {@code z_i = (a_i − R·c_i) / c̄}, {@code R ± t_{n−1,(1+level)/2} · s_z / √n}. When every
 * {@code c_i} is the same (a policy whose cost does not vary from year to year) this is exactly the
 * t interval of {@code ā} divided by that cost. Undefined (NaN) when {@code c̄ ≤ 0}: a policy that
 * costs nothing has no "per yen".
 *
 * @param ratio {@code ā / c̄}
 * @param low   lower end of the interval
 * @param high  upper end
 */
public record RatioEstimate(double ratio, double low, double high) {
    public static RatioEstimate of(double[] numerator, double[] denominator, double level) {
        int n = numerator.length;
        if (denominator.length != n) throw new IllegalArgumentException("paired samples differ in size: " + n + " and " + denominator.length);
        double a = 0, c = 0;
        for (int i = 0; i < n; i++) {
            a += numerator[i];
            c += denominator[i];
        }
        if (n == 0 || !(c > 0)) return new RatioEstimate(Double.NaN, Double.NaN, Double.NaN);
        a /= n;
        c /= n;
        double r = a / c;
        if (n < 2) return new RatioEstimate(r, Double.NaN, Double.NaN);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = (numerator[i] - r * denominator[i]) / c;
        double sd = new Sample(z).sd();
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2) * sd / Math.sqrt(n);
        return new RatioEstimate(r, r - half, r + half);
    }
}
