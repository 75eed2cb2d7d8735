package weaklink.model;

import java.util.Arrays;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.SizeClass;

/**
 * What threat actors look at in a network, computed once per network and shared (read-only) by
 * every replicate and policy: the objectives of targeted campaigns with their cumulative revenue
 * (so choosing one is a binary search, not a pass over the firms), and the firms that run each
 * technology (so a mass exploit visits only them).
 *
 * <p>Objectives are the tier-0 firms (the large buyers, OEMs and retailers of DESIGN §1); a network
 * without tier 0 uses its large firms, and one without those every firm — the same set
 * {@code weaklink.economics.decision.RiskModel} uses when it prices targeted attacks.
 */
public final class AttackSurface {
    private final int[] objectives;
    private final double[] cumulativeRevenue;
    private final int[][] firmsByTechnology;
    private final double[] baseVulnerability;

    private AttackSurface(int[] objectives, double[] cumulativeRevenue, int[][] firmsByTechnology, double[] baseVulnerability) {
        this.objectives = objectives;
        this.cumulativeRevenue = cumulativeRevenue;
        this.firmsByTechnology = firmsByTechnology;
        this.baseVulnerability = baseVulnerability;
    }

    /**
     * Every firm's base vulnerability {@code v} (before any investment): what an actor that does not
     * adapt ({@code actors[].adaptive: false}) reconnoitres — it picks its way in by what a firm is
     * (its type and size, as the scenario states them), not by what the firm or a policy did this year.
     */
    public double[] baseVulnerability() { return baseVulnerability; }

    /** The attack surface of {@code net}: O(firms × technologies) once. */
    public static AttackSurface of(SupplyNetwork net) {
        int n = net.firmCount();
        boolean anyTier0 = false, anyLarge = false;
        for (int f = 0; f < n; f++) {
            anyTier0 |= net.tier(f) == 0;
            anyLarge |= net.sizeClass(f) == SizeClass.LARGE;
        }
        int[] chosen = new int[n];
        int m = 0;
        for (int f = 0; f < n; f++) {
            boolean objective = anyTier0 ? net.tier(f) == 0 : !anyLarge || net.sizeClass(f) == SizeClass.LARGE;
            if (objective && net.revenueYen(f) > 0) chosen[m++] = f;
        }
        int[] objectives = Arrays.copyOf(chosen, m);
        double[] cumulative = new double[m];
        double sum = 0;
        for (int k = 0; k < m; k++) {
            sum += net.revenueYen(objectives[k]);
            cumulative[k] = sum;
        }
        int techs = net.technologies().size();
        int[] counts = new int[techs];
        for (int f = 0; f < n; f++) {
            long mask = net.technologyMask(f);
            for (int t = 0; t < techs; t++) if ((mask >>> t & 1L) != 0) counts[t]++;
        }
        int[][] byTech = new int[techs][];
        for (int t = 0; t < techs; t++) byTech[t] = new int[counts[t]];
        Arrays.fill(counts, 0);
        for (int f = 0; f < n; f++) {
            long mask = net.technologyMask(f);
            for (int t = 0; t < techs; t++) if ((mask >>> t & 1L) != 0) byTech[t][counts[t]++] = f;
        }
        double[] v = new double[n];
        for (int f = 0; f < n; f++) v[f] = net.vulnerability(f);
        return new AttackSurface(objectives, cumulative, byTech, v);
    }

    /** Number of possible objectives of a targeted campaign. */
    public int objectiveCount() { return objectives.length; }

    /** The {@code k}-th objective (a firm index), in firm order. */
    public int objectiveFirm(int k) { return objectives[k]; }

    /** The probability that a targeted campaign picks the {@code k}-th objective: its share of the objectives' revenue. */
    public double objectiveProbability(int k) {
        double total = cumulativeRevenue[cumulativeRevenue.length - 1];
        return (cumulativeRevenue[k] - (k == 0 ? 0 : cumulativeRevenue[k - 1])) / total;
    }

    /**
     * The objective drawn with probability proportional to revenue by the uniform {@code u} in
     * [0, 1): the first objective whose cumulative revenue exceeds {@code u × total}
     * (inverse-CDF sampling of a discrete distribution). Returns -1 when there is no objective.
     */
    public int objective(double u) {
        int m = objectives.length;
        if (m == 0) return -1;
        double x = u * cumulativeRevenue[m - 1];
        int lo = 0, hi = m - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeRevenue[mid] > x) hi = mid; else lo = mid + 1;
        }
        return objectives[lo];
    }

    /** The firms that run technology {@code bit}, in index order. Do not modify. */
    int[] firmsRunning(int bit) { return firmsByTechnology[bit]; }
}
