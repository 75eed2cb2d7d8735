package weaklink.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * A non-negative random quantity from the scenario (days, yen, counts). Written either as a
 * plain number (a constant) or as a mapping with {@code type} and its parameters:
 * <ul>
 *   <li>{@code fixed}: {@code value}</li>
 *   <li>{@code exponential}: {@code mean}</li>
 *   <li>{@code lognormal}: {@code median} and {@code sigma} (of the underlying normal)</li>
 *   <li>{@code gamma}: {@code shape} and {@code scale} (mean = shape × scale)</li>
 *   <li>{@code uniform}: {@code min} and {@code max}</li>
 *   <li>{@code empirical}: {@code values} (drawn with equal probability)</li>
 * </ul>
 * Draws go through the inverse CDF ({@link #quantile(double)}), so one uniform maps to one
 * outcome monotonically: common random numbers stay aligned when a parameter changes.
 */
public record DistributionSpec(Kind kind, double a, double b, double[] values) {
    public enum Kind implements Labelled {
        FIXED("fixed"), EXPONENTIAL("exponential"), LOGNORMAL("lognormal"), GAMMA("gamma"),
        UNIFORM("uniform"), EMPIRICAL("empirical");
        private final String label;
        Kind(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    public static DistributionSpec fixed(double value) { return new DistributionSpec(Kind.FIXED, value, 0, null); }
    public static DistributionSpec exponential(double mean) { return new DistributionSpec(Kind.EXPONENTIAL, mean, 0, null); }
    public static DistributionSpec lognormal(double median, double sigma) { return new DistributionSpec(Kind.LOGNORMAL, median, sigma, null); }
    public static DistributionSpec gamma(double shape, double scale) { return new DistributionSpec(Kind.GAMMA, shape, scale, null); }
    public static DistributionSpec uniform(double min, double max) { return new DistributionSpec(Kind.UNIFORM, min, max, null); }
    public static DistributionSpec empirical(double... values) { return new DistributionSpec(Kind.EMPIRICAL, 0, 0, values.clone()); }

    /** The inverse CDF at {@code u} in [0, 1). */
    public double quantile(double u) {
        return switch (kind) {
            case FIXED -> a;
            case EXPONENTIAL -> -a * Math.log1p(-u);
            case LOGNORMAL -> a * Math.exp(b * standardNormalQuantile(u));
            case GAMMA -> new org.apache.commons.math3.distribution.GammaDistribution(null, a, b).inverseCumulativeProbability(u);
            case UNIFORM -> a + (b - a) * u;
            case EMPIRICAL -> values[Math.min(values.length - 1, (int) (u * values.length))];
        };
    }

    /** One draw using {@code rng}. */
    public double sample(ec.util.MersenneTwisterFast rng) {
        return quantile(rng.nextDouble());
    }

    /** Φ⁻¹(u) = √2 · erfinv(2u − 1), clamped away from 0 and 1. */
    static double standardNormalQuantile(double u) {
        double p = Math.min(Math.max(u, 1e-15), 1 - 1e-15);
        return Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * p - 1);
    }

    /** The mean of the distribution. */
    public double mean() {
        return switch (kind) {
            case FIXED, EXPONENTIAL -> a;
            case LOGNORMAL -> a * Math.exp(b * b / 2);
            case GAMMA -> a * b;
            case UNIFORM -> (a + b) / 2;
            case EMPIRICAL -> Arrays.stream(values).average().orElse(0);
        };
    }

    /** The same distribution with every outcome multiplied by {@code factor} (e.g. shorter dwell with better posture). */
    public DistributionSpec scaled(double factor) {
        return switch (kind) {
            case FIXED, EXPONENTIAL -> new DistributionSpec(kind, a * factor, b, null);
            case LOGNORMAL -> new DistributionSpec(kind, a * factor, b, null);
            case GAMMA -> new DistributionSpec(kind, a, b * factor, null);
            case UNIFORM -> new DistributionSpec(kind, a * factor, b * factor, null);
            case EMPIRICAL -> new DistributionSpec(kind, 0, 0, Arrays.stream(values).map(v -> v * factor).toArray());
        };
    }

    /** Reads a distribution of non-negative values at {@code key}, or returns {@code defaultValue}. */
    public static DistributionSpec read(YamlMap parent, String key, DistributionSpec defaultValue) throws BadInputException {
        YamlValue v = parent.get(key);
        if (v == null) return defaultValue;
        return read(v);
    }

    /**
     * Reads a distribution of money amounts at {@code key}, or returns {@code defaultValue}: a fixed
     * amount, and the mean of a distribution, may be at most {@link Scenario#MAX_MONEY}.
     */
    public static DistributionSpec readMoney(YamlMap parent, String key, DistributionSpec defaultValue) throws BadInputException {
        YamlValue v = parent.get(key);
        if (v == null) return defaultValue;
        if (v.isScalar()) return fixed(YamlMap.checkMoney(v, v.asDouble()));
        DistributionSpec d = read(v);
        double mean = d.mean();
        if (!(mean <= Scenario.MAX_MONEY)) {
            throw v.error("the mean of this distribution of money amounts is " + (Double.isFinite(mean) ? String.format(java.util.Locale.ROOT, "%.4g", mean) : "infinite")
                    + "; it must be at most 1e15 (10^15 currency units, about twice Japan's GDP in yen); express money in a larger unit if you need more");
        }
        return d;
    }

    private static DistributionSpec read(YamlValue v) throws BadInputException {
        if (v.isScalar()) {
            double x = v.asDouble();
            if (x < 0) throw v.error("must be at least 0, found " + x);
            return fixed(x);
        }
        YamlMap m = v.asMap();
        Kind kind = Labelled.read(m, "type", Kind.class, null);
        DistributionSpec d = switch (kind) {
            case FIXED -> fixed(m.requireNumber("value", 0, Double.MAX_VALUE));
            case EXPONENTIAL -> exponential(m.requireNumber("mean", 0, Double.MAX_VALUE));
            case LOGNORMAL -> lognormal(m.requireNumber("median", 0, Double.MAX_VALUE), m.requireNumber("sigma", 0, 10));
            case GAMMA -> gamma(m.requireNumber("shape", Double.MIN_VALUE, 1e6), m.requireNumber("scale", 0, Double.MAX_VALUE));
            case UNIFORM -> {
                double min = m.requireNumber("min", 0, Double.MAX_VALUE);
                double max = m.requireNumber("max", min, Double.MAX_VALUE);
                yield uniform(min, max);
            }
            case EMPIRICAL -> {
                List<YamlValue> items = m.list("values");
                if (items.isEmpty()) throw m.error("an empirical distribution needs a non-empty 'values' list");
                double[] xs = new double[items.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = items.get(i).asDouble();
                    if (xs[i] < 0) throw items.get(i).error("must be at least 0, found " + xs[i]);
                }
                yield empirical(xs);
            }
        };
        m.done();
        return d;
    }

    @Override public boolean equals(Object o) {
        return o instanceof DistributionSpec d && d.kind == kind && d.a == a && d.b == b && Arrays.equals(d.values, values);
    }

    @Override public int hashCode() { return kind.hashCode() * 31 + Double.hashCode(a) * 17 + Double.hashCode(b) + Arrays.hashCode(values); }

    @Override public String toString() {
        return switch (kind) {
            case FIXED -> "fixed(" + a + ")";
            case EXPONENTIAL -> "exponential(mean=" + a + ")";
            case LOGNORMAL -> "lognormal(median=" + a + ", sigma=" + b + ")";
            case GAMMA -> "gamma(shape=" + a + ", scale=" + b + ")";
            case UNIFORM -> "uniform(" + a + ", " + b + ")";
            case EMPIRICAL -> "empirical" + Arrays.toString(values);
        };
    }
}
