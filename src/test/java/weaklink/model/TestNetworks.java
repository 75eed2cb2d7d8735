package weaklink.model;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.BadInputException;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

/**
 * Networks and scenarios for the model's validation: undirected graphs (configuration model,
 * Erdős–Rényi) stored as trust links in both directions, every vulnerability 1, and a scenario
 * whose only attack is one seed firm with a fixed dwell.
 */
final class TestNetworks {
    private TestNetworks() {}

    /** A scenario with {@code edi} links of daily probability {@code p} and the given extra YAML (actors etc.). */
    static Scenario scenario(double p, String extraYaml) {
        return scenario(new double[] {p, p, p}, extraYaml);
    }

    /** A scenario with the daily probabilities of {@code edi}, {@code remote-access} and {@code managed-service} links, in that order. */
    static Scenario scenario(double[] dailyByType, String extraYaml) {
        String yaml = """
                name: model-test
                network:
                  generator:
                    tiers:
                      - firms: 1
                trust_types:
                  edi: {daily_probability: %s}
                  remote-access: {daily_probability: %s}
                  managed-service: {daily_probability: %s}
                initial_compromises:
                  - firm: 0
                """.formatted(dailyByType[0], dailyByType[1], dailyByType[2]) + extraYaml;
        try {
            return ScenarioLoader.parse("model-test.yaml", yaml, Path.of("."));
        } catch (BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scenario with no actors and one seed: {@code firm} compromised on day 0 with a fixed dwell. */
    static Scenario seeded(Scenario s, SupplyNetwork net, int firm, double dwellDays) {
        return s.withAttacks(List.of(), List.of(new InitialCompromise(net.firmId(firm), 0, ActorSpec.Effect.DATA_THEFT, DistributionSpec.fixed(dwellDays))));
    }

    /** The daily probability {@code p} that gives transmissibility {@code T} over {@code D} days: {@code 1 − (1 − T)^(1/D)}. */
    static double dailyProbability(double transmissibility, int dwellDays) {
        return -Math.expm1(Math.log1p(-transmissibility) / dwellDays);
    }

    /**
     * An undirected graph on {@code n} firms from edge list {@code edges} (each {@code a << 32 | b},
     * {@code a < b}, no duplicates): every edge becomes two EDI trust links; all firms tier 0,
     * small, vulnerability 1.
     */
    static SupplyNetwork undirected(Scenario s, int n, long[] edges) {
        NetworkBuilder b = new NetworkBuilder(s.sizeClasses(), List.of(), n, 0, 2 * edges.length);
        for (int i = 0; i < n; i++) {
            b.addFirm(i, 0, SizeClass.SMALL, Role.MANUFACTURER);
            b.setAttribute(i, FirmAttribute.VULNERABILITY, 1.0);
        }
        for (long e : edges) {
            int u = (int) (e >>> 32), v = (int) e;
            b.addTrust(u, v, TrustType.EDI);
            b.addTrust(v, u, TrustType.EDI);
        }
        return b.build();
    }

    /** Every firm's posture at its vulnerability. */
    static Posture basePosture(SupplyNetwork net) {
        return Posture.base(net.column(FirmAttribute.VULNERABILITY));
    }

    /**
     * Erdős–Rényi G(n, p) with {@code p = c / (n − 1)}, by geometric skipping over the vertex
     * pairs (Batagelj &amp; Brandes 2005): O(n + edges).
     */
    static long[] erdosRenyi(int n, double meanDegree, MersenneTwisterFast rng) {
        double p = meanDegree / (n - 1);
        double logMiss = Math.log1p(-p);
        long[] out = new long[(int) (meanDegree * n / 2 * 1.1) + 16];
        int m = 0;
        int v = 1;
        long w = -1;
        while (v < n) {
            w += 1 + (long) Math.floor(Math.log1p(-rng.nextDouble()) / logMiss);
            while (w >= v && v < n) {
                w -= v;
                v++;
            }
            if (v < n) {
                if (m == out.length) out = Arrays.copyOf(out, m * 2);
                out[m++] = w << 32 | v;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** A degree sequence drawn from {@code p_k ∝ k^−exponent}, {@code kMin ≤ k ≤ kMax}, with an even sum. */
    static int[] powerLawDegrees(int n, double exponent, int kMin, int kMax, MersenneTwisterFast rng) {
        double[] cdf = new double[kMax - kMin + 1];
        double sum = 0;
        for (int k = kMin; k <= kMax; k++) cdf[k - kMin] = sum += Math.pow(k, -exponent);
        int[] deg = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            double x = rng.nextDouble() * sum;
            int k = 0;
            while (cdf[k] <= x) k++;
            deg[i] = k + kMin;
            total += deg[i];
        }
        if (total % 2 != 0) deg[0]++;
        return deg;
    }

    /**
     * The configuration model (Molloy &amp; Reed 1995): stubs paired uniformly at random, then
     * self-loops and repeated edges erased (few for a degree sequence of finite variance).
     */
    static long[] configurationModel(int[] degrees, MersenneTwisterFast rng) {
        int stubs = 0;
        for (int d : degrees) stubs += d;
        int[] stub = new int[stubs];
        int k = 0;
        for (int i = 0; i < degrees.length; i++) for (int j = 0; j < degrees[i]; j++) stub[k++] = i;
        for (int i = stubs - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = stub[i];
            stub[i] = stub[j];
            stub[j] = t;
        }
        long[] edges = new long[stubs / 2];
        int m = 0;
        for (int i = 0; i + 1 < stubs; i += 2) {
            int a = Math.min(stub[i], stub[i + 1]), b = Math.max(stub[i], stub[i + 1]);
            if (a != b) edges[m++] = (long) a << 32 | b;
        }
        Arrays.sort(edges, 0, m);
        int u = 0;
        for (int i = 0; i < m; i++) if (i == 0 || edges[i] != edges[i - 1]) edges[u++] = edges[i];
        return Arrays.copyOf(edges, u);
    }

    /** Each firm's number of trust links out (its degree, for an undirected graph). */
    static int[] degrees(SupplyNetwork net) {
        int[] d = new int[net.firmCount()];
        for (int f = 0; f < d.length; f++) d[f] = net.trustOutDegree(f);
        return d;
    }
}
