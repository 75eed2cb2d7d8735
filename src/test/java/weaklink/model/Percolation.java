package weaklink.model;

/**
 * Newman's (2002) generating-function solution of bond percolation (SIR with transmissibility
 * {@code T}) on a configuration-model network with degree distribution {@code p_k}
 * (M. E. J. Newman, "Spread of epidemic disease on networks", Phys. Rev. E 66, 016128):
 * {@code G0(x) = Σ p_k x^k}, {@code G1(x) = G0'(x) / G0'(1)}; the probability {@code u} that an
 * edge does not lead to the giant cluster solves {@code u = 1 − T + T·G1(u)}; the share of firms in
 * the giant cluster — for undirected percolation also the probability that one seed starts a major
 * outbreak — is {@code S = 1 − G0(u)}; the threshold is {@code T_c = ⟨k⟩ / (⟨k²⟩ − ⟨k⟩)}; below it
 * the mean outbreak size is {@code 1 + T⟨k⟩ / (1 − T(⟨k²⟩ − ⟨k⟩)/⟨k⟩)}.
 */
final class Percolation {
    private final int[] degrees;
    private final double meanDegree;
    private final double meanSquareDegree;

    /** The theory for the empirical degree distribution of {@code degrees}. */
    Percolation(int[] degrees) {
        this.degrees = degrees.clone();
        double s1 = 0, s2 = 0;
        for (int k : degrees) {
            s1 += k;
            s2 += (double) k * k;
        }
        this.meanDegree = s1 / degrees.length;
        this.meanSquareDegree = s2 / degrees.length;
    }

    double threshold() { return meanDegree / (meanSquareDegree - meanDegree); }

    double g0(double x) {
        double s = 0;
        for (int k : degrees) s += Math.pow(x, k);
        return s / degrees.length;
    }

    double g1(double x) {
        double s = 0;
        for (int k : degrees) if (k > 0) s += k * Math.pow(x, k - 1);
        return s / (meanDegree * degrees.length);
    }

    /** {@code S = 1 − G0(u)} with {@code u} the smallest root of {@code u = 1 − T + T·G1(u)} in [0, 1] (fixed-point iteration from 0). */
    double giantShare(double t) {
        double u = 0;
        for (int i = 0; i < 100_000; i++) {
            double next = 1 - t + t * g1(u);
            if (Math.abs(next - u) < 1e-13) break;
            u = next;
        }
        return 1 - g0(u);
    }

    /** Mean outbreak size below the threshold: {@code 1 + T⟨k⟩ / (1 − T·G1'(1))}. */
    double meanOutbreakBelowThreshold(double t) {
        return 1 + t * meanDegree / (1 - t * (meanSquareDegree - meanDegree) / meanDegree);
    }

    /** Erdős–Rényi with mean degree {@code c}: the root {@code S > 0} of {@code S = 1 − exp(−cTS)} (0 when {@code cT ≤ 1}). */
    static double erdosRenyiGiantShare(double meanDegree, double t) {
        double s = 1;
        for (int i = 0; i < 100_000; i++) {
            double next = -Math.expm1(-meanDegree * t * s);
            if (Math.abs(next - s) < 1e-14) return next;
            s = next;
        }
        return s;
    }
}
