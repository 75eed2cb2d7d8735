package weaklink.stats;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based global sensitivity: Sobol' first-order ({@code S_i}) and total ({@code ST_i})
 * indices from the Saltelli design, with Saltelli et al. (2010) estimators:
 * <pre>
 *   V    = Var(f(A) ∪ f(B))
 *   S_i  = mean( f(B) · (f(AB_i) − f(A)) ) / V                   (Saltelli 2010, eq. (b) in Table 2)
 *   ST_i = mean( (f(A) − f(AB_i))² ) / (2V)                       (Jansen 1999)
 * </pre>
 * where A and B are two independent N×k samples of the unit hypercube (here the first and
 * last k coordinates of a 2k-dimensional Sobol' sequence, skipping its first point) and
 * {@code AB_i} is A with column i taken from B. The design has {@code N·(k+2)} points.
 * Reference: Saltelli, A. et al. (2010) "Variance based sensitivity analysis of model output.
 * Design and estimator for the total sensitivity index", Computer Physics Communications 181(2).
 */
public final class SobolIndices {
    private final int samples;
    private final int factors;

    /** @param samples N, the base sample size; @param factors k, the number of uncertain inputs */
    public SobolIndices(int samples, int factors) {
        if (samples < 2 || factors < 1) throw new IllegalArgumentException("need samples >= 2 and factors >= 1");
        this.samples = samples;
        this.factors = factors;
    }

    /** Number of model evaluations the design needs: {@code N·(k+2)}. */
    public int designSize() { return samples * (factors + 2); }

    /**
     * The design, as points of the unit hypercube {@code [0,1)^k}, in the order the estimator
     * expects: A rows, then B rows, then AB_1 rows, …, AB_k rows.
     */
    public double[][] design() {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * factors);
        sobol.skipTo(1);
        double[][] a = new double[samples][], b = new double[samples][];
        for (int j = 0; j < samples; j++) {
            double[] x = sobol.nextVector();
            a[j] = java.util.Arrays.copyOfRange(x, 0, factors);
            b[j] = java.util.Arrays.copyOfRange(x, factors, 2 * factors);
        }
        double[][] design = new double[designSize()][];
        for (int j = 0; j < samples; j++) {
            design[j] = a[j];
            design[samples + j] = b[j];
        }
        for (int i = 0; i < factors; i++) {
            for (int j = 0; j < samples; j++) {
                double[] ab = a[j].clone();
                ab[i] = b[j][i];
                design[(2 + i) * samples + j] = ab;
            }
        }
        return design;
    }

    /** First-order and total indices, one pair per factor. */
    public record Result(double[] firstOrder, double[] total) {}

    /** Estimates the indices from the model outputs at the points of {@link #design()}, in that order. */
    public Result estimate(double[] outputs) {
        if (outputs.length != designSize()) throw new IllegalArgumentException("expected " + designSize() + " outputs, got " + outputs.length);
        int n = samples;
        double mean = 0;
        for (int j = 0; j < 2 * n; j++) mean += outputs[j];
        mean /= 2 * n;
        double var = 0;
        for (int j = 0; j < 2 * n; j++) var += (outputs[j] - mean) * (outputs[j] - mean);
        var /= 2 * n - 1;
        double[] s = new double[factors], st = new double[factors];
        for (int i = 0; i < factors; i++) {
            double first = 0, tot = 0;
            for (int j = 0; j < n; j++) {
                double fa = outputs[j], fb = outputs[n + j], fab = outputs[(2 + i) * n + j];
                first += fb * (fab - fa);
                tot += (fa - fab) * (fa - fab);
            }
            s[i] = var > 0 ? first / n / var : 0;
            st[i] = var > 0 ? tot / n / (2 * var) : 0;
        }
        return new Result(s, st);
    }

    /** Convenience: runs {@code model} over the design and estimates the indices. */
    public Result analyse(ToDoubleFunction<double[]> model) {
        double[][] d = design();
        double[] y = new double[d.length];
        for (int j = 0; j < d.length; j++) y[j] = model.applyAsDouble(d[j]);
        return estimate(y);
    }
}
