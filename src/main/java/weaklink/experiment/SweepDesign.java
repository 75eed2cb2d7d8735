package weaklink.experiment;

import weaklink.io.Csv;
import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import weaklink.random.Seeds;
import weaklink.scenario.BadInputException;
import weaklink.stats.SobolIndices;

/**
 * The points of a sweep: scenario parameters (addressed by key path) and the values each point
 * gives them, from a full grid, a Latin hypercube, a Sobol' sequence, or the Saltelli design for
 * Sobol' sensitivity indices. Deterministic: the same parameters, design, size and seed give the
 * same points.
 */
public final class SweepDesign {
    /** How the points are chosen (the Saltelli design for Sobol' sensitivity indices is {@link SobolIndices#design}, scaled). */
    public enum Kind { GRID, LHS, SOBOL, SALTELLI }

    /**
     * A swept parameter: either a list of values (grid over them; other designs pick among
     * them) or a continuous range [low, high].
     */
    public record Parameter(String path, List<String> values, double low, double high) {
        public boolean isRange() { return values == null; }

        /** The value at {@code u} in [0, 1): the range scaled, or the list indexed. */
        String at(double u) {
            if (isRange()) return Csv.number(low + (high - low) * u);
            return values.get(Math.min(values.size() - 1, (int) (u * values.size())));
        }

        /**
         * Parses {@code path=v1,v2,...} or {@code path=low:high}.
         */
        public static Parameter parse(String text) throws BadInputException {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) throw BadInputException.option("--param", "expected KEY.PATH=v1,v2,... or KEY.PATH=low:high, found '" + text + "'");
            String path = text.substring(0, eq).trim(), spec = text.substring(eq + 1).trim();
            if (spec.contains(":")) {
                String[] lh = spec.split(":");
                try {
                    double lo = Double.parseDouble(lh[0].trim()), hi = Double.parseDouble(lh[1].trim());
                    if (lh.length != 2 || !(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) throw new NumberFormatException();
                    return new Parameter(path, null, lo, hi);
                } catch (RuntimeException e) {
                    throw BadInputException.option("--param " + path, "a range is low:high with low < high, found '" + spec + "'");
                }
            }
            List<String> values = new ArrayList<>();
            for (String v : spec.split(",")) if (!v.isBlank()) values.add(v.trim());
            if (values.isEmpty()) throw BadInputException.option("--param " + path, "no values given");
            return new Parameter(path, List.copyOf(values), Double.NaN, Double.NaN);
        }
    }

    private SweepDesign() {}

    /**
     * Most points a sweep may have: each point is a whole run with its own results folder, so a
     * design of millions (a typo in {@code --samples}) would only fill the disk and the heap.
     */
    public static final int MAX_POINTS = 100_000;
    /** Most swept parameters. */
    public static final int MAX_PARAMETERS = 64;

    /**
     * How many points the design has, computed without making them (saturating at
     * {@code Long.MAX_VALUE}): grid, the product of each parameter's values (a range gives
     * {@code samples} steps); lhs and sobol, {@code samples}; saltelli, {@code samples · (k + 2)}.
     */
    public static long pointCount(List<Parameter> params, Kind kind, int samples) {
        return switch (kind) {
            case GRID -> {
                long n = 1;
                for (Parameter p : params) {
                    long axis = p.isRange() ? Math.max(2, samples) : p.values().size();
                    n = n > Long.MAX_VALUE / Math.max(1, axis) ? Long.MAX_VALUE : n * axis;
                }
                yield n;
            }
            case LHS, SOBOL -> samples;
            case SALTELLI -> (long) samples * (params.size() + 2);
        };
    }

    /**
     * The points: each a list of value texts, one per parameter in order.
     *
     * @param samples grid: steps per range parameter; lhs/sobol: number of points; saltelli: base sample N (N·(k+2) points)
     * @param seed    the run's master seed; the Latin hypercube draws from its {@link Seeds#sweepDesign()}
     */
    public static List<List<String>> points(List<Parameter> params, Kind kind, int samples, long seed) {
        List<List<String>> out = new ArrayList<>();
        int k = params.size();
        switch (kind) {
            case GRID -> {
                List<List<String>> axes = new ArrayList<>();
                for (Parameter p : params) {
                    List<String> axis = new ArrayList<>();
                    if (p.isRange()) {
                        int steps = Math.max(2, samples);
                        for (int i = 0; i < steps; i++) axis.add(Csv.number(p.low() + (p.high() - p.low()) * i / (steps - 1)));
                    } else {
                        axis.addAll(p.values());
                    }
                    axes.add(axis);
                }
                cartesian(axes, 0, new ArrayList<>(), out);
            }
            case LHS -> {
                MersenneTwisterFast rng = new MersenneTwisterFast(new Seeds(seed).sweepDesign());
                int[][] perm = new int[k][samples];
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < samples; i++) perm[j][i] = i;
                    for (int i = samples - 1; i > 0; i--) {
                        int r = rng.nextInt(i + 1), t = perm[j][i];
                        perm[j][i] = perm[j][r];
                        perm[j][r] = t;
                    }
                }
                for (int i = 0; i < samples; i++) {
                    List<String> point = new ArrayList<>();
                    for (int j = 0; j < k; j++) point.add(params.get(j).at((perm[j][i] + rng.nextDouble()) / samples));
                    out.add(point);
                }
            }
            case SOBOL -> {
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(Math.max(1, k));
                sobol.skipTo(1);
                for (int i = 0; i < samples; i++) out.add(scale(params, sobol.nextVector()));
            }
            case SALTELLI -> out.addAll(scaled(params, new SobolIndices(samples, k).design()));
        }
        return out;
    }

    /** Points of the unit hypercube mapped onto the parameters' ranges and value lists. */
    public static List<List<String>> scaled(List<Parameter> params, double[][] unitPoints) {
        List<List<String>> out = new ArrayList<>();
        for (double[] u : unitPoints) out.add(scale(params, u));
        return out;
    }

    private static List<String> scale(List<Parameter> params, double[] u) {
        List<String> point = new ArrayList<>();
        for (int j = 0; j < params.size(); j++) point.add(params.get(j).at(u[j]));
        return point;
    }

    private static void cartesian(List<List<String>> axes, int depth, List<String> prefix, List<List<String>> out) {
        if (depth == axes.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (String v : axes.get(depth)) {
            prefix.add(v);
            cartesian(axes, depth + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
