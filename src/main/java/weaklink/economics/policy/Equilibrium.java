package weaklink.economics.policy;

import java.util.Locale;
import java.util.function.Function;
import weaklink.economics.decision.PostureRule;
import weaklink.economics.decision.RiskModel;
import weaklink.model.Posture;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.EconomicsSpec;

/**
 * Firms' investments when each takes the others' as given: a Nash equilibrium of the
 * interdependent-security game (Kunreuther &amp; Heal 2003, "Interdependent Security", J. Risk and
 * Uncertainty 26:231–249), found by simultaneous best responses (Jacobi iteration). A round re-prices
 * every firm's risk with its partners and the attackers' reconnaissance at the posture the previous
 * round's choices give ({@link weaklink.economics.decision.RiskModel#at}) and lets every firm decide
 * again ({@link weaklink.economics.decision.BestResponse}) under the policy's unchanged terms:
 *
 * <pre>
 * s⁽⁰⁾ = start;   b⁽ᵏ⁾ = S(BR(risk at s⁽ᵏ⁻¹⁾, policy terms));   s⁽ᵏ⁾ = s⁽ᵏ⁻¹⁾ + λₖ (b⁽ᵏ⁾ − s⁽ᵏ⁻¹⁾)
 * stop at the first k with  max_i |b_i⁽ᵏ⁾ − s_i⁽ᵏ⁻¹⁾| ≤ economics.equilibrium_tolerance   (the choices of round k are reported)
 * </pre>
 * with {@code λ = 1} (plain best responses) halved whenever a round's largest change does not fall
 * (see {@link #iterate}).
 * A firm's risk depends on the others only through their postures (success probability, and the
 * dwell and recovery scales that follow from it), so when no posture moves no decision moves: the
 * choices are then best responses to each other within the tolerance. The {@code none} policy starts
 * from the base posture (its first round is the {@code independent} decision); every other policy
 * starts from the {@code none} equilibrium — the policy is introduced into the network as it stands
 * and firms adjust — so where several equilibria exist (Kunreuther–Heal's tipping), the one reported
 * is the one best responses reach from there. More than {@code economics.equilibrium_max_iterations}
 * rounds stop the run with {@link NotConverged}.
 */
public final class Equilibrium {
    private Equilibrium() {}

    /**
     * How a policy's decisions were reached.
     *
     * @param iterations best-response rounds (0: {@code independent}, one pass against the base posture)
     * @param maxChange  the largest change of a firm's success probability its best response makes at the last round's
     *                   reference posture, at most the tolerance (NaN for {@code independent})
     */
    public record Convergence(int iterations, double maxChange) {
        static final Convergence INDEPENDENT = new Convergence(0, Double.NaN);
    }

    /** Best responses did not settle within the scenario's limit of rounds. */
    public static final class NotConverged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotConverged(String policy, EconomicsSpec e, double change) {
            super(String.format(Locale.ROOT, "economics.decisions: equilibrium: firms' best responses under policy '%s' did not converge within "
                    + "economics.equilibrium_max_iterations = %d rounds (the largest change of a firm's success probability in the last round "
                    + "was %.3g, above economics.equilibrium_tolerance = %.3g); raise the limit, loosen the tolerance, or set "
                    + "economics.decisions: independent (docs/POLICIES.md, \"The decision process\")", policy, e.equilibriumMaxIterations(),
                    change, e.equilibriumTolerance()));
        }
    }

    /**
     * Every firm's decision under {@code policy}: one pass ({@code independent}) or best responses to the policy's equilibrium;
     * the policy's loops over the firms run by {@code chunks}.
     */
    static SecurityFunding solve(CostSharingPolicy policy, PolicyContext ctx, FirmChunks chunks) {
        EconomicsSpec e = ctx.scenario().economics();
        if (e.decisions() == EconomicsSpec.Decisions.INDEPENDENT) return policy.fund(ctx, null, chunks).converged(Convergence.INDEPENDENT);
        if (policy instanceof CostSharingPolicy.SelfFunded) return policy.fund(ctx).converged(ctx.noneConvergence());
        return solveFrom(policy, ctx, ownPosture(ctx).successProbability(), ctx, chunks);
    }

    /**
     * Best responses under {@code policy} starting from the posture {@code start} (another equilibrium
     * may be reached from elsewhere); {@code ctx} gives the reference of policy cost and the draws.
     */
    public static SecurityFunding solveFrom(CostSharingPolicy policy, PolicyContext ctx, Posture start) {
        return solveFrom(policy, ctx, start.successProbability(), ctx.repriced(start), FirmChunks.SERIAL);
    }

    private static SecurityFunding solveFrom(CostSharingPolicy policy, PolicyContext ctx, double[] start, PolicyContext firstRound, FirmChunks chunks) {
        PolicyRounds rounds = new PolicyRounds(policy, ctx, firstRound, chunks);
        Round<SecurityFunding> round = iterate(policy.spec().name(), ctx.scenario().economics(), start, rounds.previous.funding(),
                f -> f.posture().successProbability(), rounds);
        return round.result.converged(round.convergence);
    }

    /**
     * What a policy's previous best-response round priced — its risk model and reference posture —
     * and what it chose, for the next round ({@link CostSharingPolicy#fund(PolicyContext, PreviousRound)}).
     */
    public record PreviousRound(RiskModel risk, Posture reference, SecurityFunding funding) {}

    /**
     * A policy's rounds: each re-prices {@code ctx} at the round's reference posture (a copy: the
     * iteration goes on moving its own) and funds the policy there, told the round before (its
     * context, whose own choices and risk objects the round reuses where a firm's risk has not moved,
     * and its funding's decisions, reused where a firm's terms have not moved either).
     */
    private static final class PolicyRounds implements Function<double[], SecurityFunding> {
        private final CostSharingPolicy policy;
        private final PolicyContext ctx;
        private final FirmChunks chunks;
        private PreviousRound previous;
        /** The last round's context, until the next is made from it (its own choices are reused there). */
        private PolicyContext lastRound;

        PolicyRounds(CostSharingPolicy policy, PolicyContext ctx, PolicyContext firstRound, FirmChunks chunks) {
            this.policy = policy;
            this.ctx = ctx;
            this.chunks = chunks;
            previous = new PreviousRound(firstRound.risk(), firstRound.referencePosture(), policy.fund(firstRound, null, chunks));
            lastRound = firstRound;
        }

        @Override
        public SecurityFunding apply(double[] s) {
            PolicyContext round = ctx.repriced(PostureRule.postureFor(ctx.network(), s.clone()), lastRound, previous.funding().decisions());
            lastRound = round;
            SecurityFunding funding = policy.fund(round, previous, chunks);
            previous = new PreviousRound(round.risk(), round.referencePosture(), funding);
            return funding;
        }
    }

    /**
     * The {@code none} policy's equilibrium, from the base posture: the context whose risk is priced at
     * the firms' own equilibrium choices, which are then the reference of every policy's cost; each round's
     * choices made in {@code chunks}.
     */
    static PolicyContext withoutPolicy(PolicyContext independent, FirmChunks chunks) {
        SupplyNetwork net = independent.network();
        double[] base = new double[net.firmCount()];
        for (int i = 0; i < base.length; i++) base[i] = net.vulnerability(i);
        Round<PolicyContext> round = iterate("none", independent.scenario().economics(), base, independent,
                c -> ownPosture(c).successProbability(), s -> independent.repricedAsReference(PostureRule.postureFor(net, s), chunks));
        return round.result.asReference(round.convergence);
    }

    private record Round<T>(T result, Convergence convergence) {}

    /**
     * The iteration: {@code response} is the round's outcome at reference posture {@code s} and
     * {@code bestResponse} the success probabilities its choices give. A round whose largest
     * best-response change is not below the previous one's (best responses that overshoot and cycle,
     * as they do when a partner's investment lowers a firm's own: strategic substitutes) halves the
     * step towards the best responses, down to 1/1024 — a fixed point of the damped map is one of the
     * best responses, so the equilibrium found is the same.
     */
    private static <T> Round<T> iterate(String policy, EconomicsSpec e, double[] start, T first, Function<T, double[]> bestResponse,
                                        Function<double[], T> response) {
        double[] s = start.clone();
        T r = first;
        double step = 1, previousGap = Double.POSITIVE_INFINITY, gap = Double.NaN;
        for (int k = 1; k <= e.equilibriumMaxIterations(); k++) {
            double[] best = bestResponse.apply(r);
            gap = largestChange(s, best);
            if (gap <= e.equilibriumTolerance()) return new Round<>(r, new Convergence(k, gap));
            if (gap >= previousGap) step = Math.max(step / 2, MIN_STEP);
            previousGap = gap;
            for (int i = 0; i < s.length; i++) s[i] += step * (best[i] - s[i]);
            r = response.apply(s);
        }
        throw new NotConverged(policy, e, gap);
    }

    /** The smallest damping step. */
    static final double MIN_STEP = 1.0 / 1024;

    /** The posture of the firms' own choices with no policy in {@code ctx}. */
    static Posture ownPosture(PolicyContext ctx) {
        int n = ctx.network().firmCount();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = ctx.breach(i).vulnerability(ctx.baselineInvestmentYen(i));
        return PostureRule.postureFor(ctx.network(), s);
    }

    static double largestChange(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }
}
