package weaklink.economics.decision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import weaklink.economics.decision.FirmTerms.Requirement;
import weaklink.economics.decision.FirmTerms.Share;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.economics.decision.GordonLoeb.BreachFunction;

/**
 * A firm's decision: the security investment {@code z} (and the standard it certifies, if any) that
 * minimises its own expected annual cost, given its breach function, its risk ({@link FirmRisk},
 * which holds its partners' postures fixed) and what policies put before it ({@link FirmTerms}):
 *
 * <pre>
 * cost(z, σ) = own(z) + own certification(σ) + EL(S(z)) + Σ_{requirements σ does not meet} stake
 * own(z)     = z − Σ_{shares in force} share · min(z, up to)        what the firm pays itself
 * subject to z ≥ z(σ) (the investment that reaches σ) and own(z) + own certification ≤ budget + income
 * </pre>
 * over "no standard" and each standard its terms name. Gordon &amp; Loeb (2002) is the special case of
 * one unconditional share and a loss linear in {@code S}: {@code z* = ((αβvL/(1 − share))^(1/(β+1)) − 1)/α}
 * at the subsidised price {@code 1 − share}. A legal duty drops the options that do not meet it and
 * lifts the budget up to the standard. The firm is <em>budget-bound</em> when, with no budget limit,
 * it would invest more or meet a stricter standard.
 *
 * <p>A pure function of its arguments: an equilibrium iteration or a planner calls it with other
 * risks (partners' postures) or other terms. The minimisation is Brent's method over
 * {@code ln S(z)} (which needs the cost to be unimodal in {@code z}: it is convex for Gordon–Loeb
 * breach functions and the loss forms of {@link FirmRisk} at the shipped parameters) with both ends
 * of the range also tried, so a corner (no investment, the standard exactly, the budget) is exact.
 */
public final class BestResponse {
    /** Evaluations cap of the search; it stops earlier when it has located the minimum in {@code ln S} within {@link #TOLERANCE} (relative and absolute). */
    static final int ITERATIONS = 500;
    static final double TOLERANCE = 1e-8;

    private BestResponse() {}

    /**
     * A firm's choice.
     *
     * @param investmentYen      {@code z}, the security investment (certification not included)
     * @param certified          the standard it certifies, or null
     * @param certificationYen   what certifying costs a year (0 without a standard)
     * @param paidByOthersYen    what the shares in force pay of {@code z} and certification
     * @param expectedLossYen    {@code EL(S(z))}
     * @param stakeLostYen       expected business lost for requirements it does not meet
     * @param totalCostYen       its own expected cost: own outlay + own certification + EL + stakes lost
     * @param budgetBound        whether its budget holds it below what it would choose without one
     */
    public record Choice(double investmentYen, Standard certified, double certificationYen, double paidByOthersYen,
                         double expectedLossYen, double stakeLostYen, double totalCostYen, boolean budgetBound) {
        /** Security spending: investment plus certification, whoever pays. */
        public double spendYen() { return investmentYen + certificationYen; }
    }

    /** The firm's cost-minimising choice under {@code terms}. */
    public static Choice decide(BreachFunction breach, FirmRisk risk, FirmTerms terms) {
        Solution bounded = solve(breach, risk, terms, terms.budgetYen() + terms.incomeYen());
        boolean bound = false;
        if (bounded.limited) {
            Solution free = solve(breach, risk, terms, Double.POSITIVE_INFINITY);
            bound = free.z > bounded.z * (1 + 1e-9) + 1e-6 || stricter(free.certified, bounded.certified);
        }
        return bounded.toChoice(bound);
    }

    private static boolean stricter(Standard a, Standard b) {
        if (a == null) return false;
        return b == null || a.maxVulnerability() < b.maxVulnerability();
    }

    /**
     * The best option within {@code cash} of own outlay (budget + income). Its loops over the terms' lists go by index and
     * terms without shares make no list of them: C1 (the README's run options) does not remove an iterator or an empty list,
     * and the funding decides hundreds of thousands of times (docs/BENCHMARKS.md, "Fifteenth pass").
     */
    private static Solution solve(BreachFunction breach, FirmRisk risk, FirmTerms terms, double cash) {
        Solution best = null;
        boolean limited = false;
        List<Standard> options = options(terms);
        List<Share> shares = terms.shares();
        List<Requirement> requirements = terms.requirements();
        for (int o = 0; o < options.size(); o++) {
            Standard option = options.get(o);
            Standard duty = terms.duty();
            boolean meetsDuty = duty != null && option != null && option.covers(duty);
            if (duty != null && !meetsDuty) continue;
            double floor = option == null ? 0 : breach.investmentToReach(option.maxVulnerability());
            if (Double.isInfinite(floor)) continue;
            List<Share> active = shares.isEmpty() ? NO_SHARES : new ArrayList<>();
            for (int k = 0; k < shares.size(); k++) {
                Share s = shares.get(k);
                if (s.condition() == null || option != null && option.covers(s.condition())) active.add(s);
            }
            double certification = option == null ? 0 : option.certificationYen();
            double certOthers = 0;
            for (int k = 0; k < active.size(); k++) if (active.get(k).coversCertification()) certOthers += active.get(k).share() * certification;
            certOthers = Math.min(certOthers, certification);
            double ownCertification = certification - certOthers;
            double cap = maxInvestment(active, cash - ownCertification);
            if (meetsDuty) cap = Math.max(cap, floor);
            if (cap < floor) {
                limited = true;
                continue;
            }
            double stakes = 0;
            for (int k = 0; k < requirements.size(); k++) {
                Requirement r = requirements.get(k);
                if (option == null || !option.covers(r.standard())) stakes += r.stakeYen();
            }
            Objective g = new Objective(breach, risk, active);
            // the optimum never costs the firm more of its own than the whole of G(floor): own(z*) ≤ G(z*) ≤ G(floor)
            double atFloor = g.at(floor);
            double natural = Math.max(floor, maxInvestment(active, atFloor));
            double hi = Math.min(cap, natural);
            double z = minimise(g, breach, floor, hi, atFloor);
            if (cap < natural && z >= cap * (1 - 1e-12)) limited = true;
            double expectedLoss = risk.expectedLossYen(breach.vulnerability(z));
            double total = g.own(z) + expectedLoss + ownCertification + stakes;
            // a later option is stricter: on a tie the firm takes the stricter standard (a free certificate)
            if (best == null || total <= best.total + 1e-12 * Math.abs(best.total)) {
                double others = 0;
                for (int k = 0; k < active.size(); k++) others += active.get(k).paymentYen(z, 0);
                best = new Solution(z, option, certification, others + certOthers, expectedLoss, stakes, total);
            }
        }
        if (best == null) {
            // nothing feasible (a duty no investment can meet): the firm stays as it is
            double loss = risk.expectedLossYen(breach.v());
            double stakes = 0;
            for (int k = 0; k < requirements.size(); k++) stakes += requirements.get(k).stakeYen();
            best = new Solution(0, null, 0, 0, loss, stakes, loss + stakes);
        }
        best.limited = limited;
        return best;
    }

    /** The shares in force of terms that have none (never added to). */
    private static final List<Share> NO_SHARES = Collections.emptyList();

    /** The options of terms that name no standard: no standard alone. */
    private static final List<Standard> NO_STANDARD = Collections.singletonList(null);
    private static final Comparator<Standard> LAXEST_FIRST =
            Comparator.comparingDouble(Standard::maxVulnerability).reversed().thenComparing(Standard::name);

    /** No standard first, then each distinct standard named in the terms, laxest first (unmodifiable when there is none). */
    static List<Standard> options(FirmTerms terms) {
        if (terms.requirements().isEmpty() && terms.duty() == null && !anyCondition(terms.shares())) return NO_STANDARD;
        List<Standard> named = new ArrayList<>();
        for (Requirement r : terms.requirements()) named.add(r.standard());
        for (Share s : terms.shares()) if (s.condition() != null) named.add(s.condition());
        if (terms.duty() != null) named.add(terms.duty());
        if (named.isEmpty()) return NO_STANDARD;
        List<Standard> out = new ArrayList<>();
        out.add(null);
        named.sort(LAXEST_FIRST);
        for (Standard s : named) {
            Standard last = out.get(out.size() - 1);
            if (last == null || !last.equals(s)) out.add(s);
        }
        return out;
    }

    /** Whether any of {@code shares} is paid only for meeting a standard. */
    private static boolean anyCondition(List<Share> shares) {
        for (int k = 0; k < shares.size(); k++) if (shares.get(k).condition() != null) return true;
        return false;
    }

    /** An empty table of amounts, shared (never written: it has no element). */
    private static final double[] NO_ENDS = new double[0];

    /**
     * The largest {@code z} whose own outlay {@code z − Σ share · min(z, up to)} is at most {@code cash}:
     * the outlay is piecewise linear and non-decreasing, its slope rising as shares run out.
     */
    static double maxInvestment(List<Share> shares, double cash) {
        if (cash == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
        if (cash < 0) return -1;
        double[] ends = shares.isEmpty() ? NO_ENDS : new double[shares.size()];
        for (int k = 0; k < ends.length; k++) ends[k] = shares.get(k).upToYen();
        java.util.Arrays.sort(ends);
        double z = 0, outlay = 0;
        for (double end : ends) {
            if (end <= z) continue;
            double slope = 1;
            for (int k = 0; k < shares.size(); k++) if (shares.get(k).upToYen() > z) slope -= shares.get(k).share();
            slope = Math.max(0, slope);
            double segment = slope * (end - z);
            if (outlay + segment >= cash) return slope > 0 ? z + (cash - outlay) / slope : end;
            outlay += segment;
            z = end;
        }
        return z + (cash - outlay);
    }

    /**
     * The investment in {@code [lo, hi]} minimising {@code cost(z)} (any cost unimodal in {@code ln S(z)}:
     * a planner's societal cost of a firm's security), by the search firms' own decisions use.
     */
    public static double minimise(BreachFunction breach, java.util.function.DoubleUnaryOperator cost, double lo, double hi) {
        return minimise(cost, z -> breach.investmentToReach(Math.exp(z)), breach, lo, hi, Double.NaN, false);
    }

    /**
     * {@link #minimise(BreachFunction, java.util.function.DoubleUnaryOperator, double, double)} for a caller that has
     * computed {@code costAtLo = cost(lo)} already (the same bits: {@code cost} is a pure function), so the search does not
     * compute it again: the same investment.
     */
    public static double minimise(BreachFunction breach, java.util.function.DoubleUnaryOperator cost, double lo, double hi, double costAtLo) {
        return minimise(cost, z -> breach.investmentToReach(Math.exp(z)), breach, lo, hi, costAtLo, true);
    }

    /** A firm's own search within one option: {@code costAtLo} is {@code g.at(lo)}. */
    static double minimise(Objective g, BreachFunction breach, double lo, double hi, double costAtLo) {
        return minimise(g::at, g::zOf, breach, lo, hi, costAtLo, true);
    }

    /**
     * The minimiser of {@code g} on {@code [lo, hi]}: Brent's method over {@code u = ln S(z)} — a
     * monotone change of variable, so unimodality is kept, and the range of {@code u} is a few units
     * whatever the scale of {@code z} — then the better of the result and both ends; ties go to the
     * smaller investment. The cost at {@code lo} is {@code costAtLo} where the caller knows it ({@code loKnown}), and the
     * cost at the search's result is the one the search computed there (the same function of the same investment).
     */
    private static double minimise(java.util.function.DoubleUnaryOperator g, java.util.function.DoubleUnaryOperator zOf, BreachFunction breach,
                                   double lo, double hi, double costAtLo, boolean loKnown) {
        if (!(hi > lo)) return lo;
        double sLo = breach.vulnerability(lo), sHi = breach.vulnerability(hi);
        if (!(sLo > sHi)) return lo;
        // an upper end so large that S underflows: search down to the smallest normal S (the investment there is finite)
        double a = Math.log(Math.max(sHi, Double.MIN_NORMAL)), b = Math.log(sLo);
        Minimum m = brent(u -> g.applyAsDouble(clamp(zOf.applyAsDouble(u), lo, hi)), a, b);
        // the search's f(x) is g at exactly this investment
        double z = clamp(zOf.applyAsDouble(m.x()), lo, hi);
        double best = lo, fBest = loKnown ? costAtLo : g.applyAsDouble(lo);
        if (m.fx() < fBest) {
            best = z;
            fBest = m.fx();
        }
        if (g.applyAsDouble(hi) < fBest) best = hi;
        return best;
    }

    /** Where {@link #brent} stopped, {@code x}, and the function there, {@code f(x)}. */
    record Minimum(double x, double fx) {}

    /**
     * The minimum of a unimodal {@code f} on {@code [a, b]} by Brent's method (Brent 1973,
     * "Algorithms for Minimization without Derivatives", ch. 5): golden-section steps, replaced by a
     * parabola through the three best points when that falls inside the bracket and shrinks it fast
     * enough. Stops when the minimum is located within {@link #TOLERANCE} (relative, and absolute
     * near 0) or after {@link #ITERATIONS} evaluations.
     */
    static Minimum brent(java.util.function.DoubleUnaryOperator f, double a, double b) {
        final double golden = (3 - Math.sqrt(5)) / 2;
        double x = a + golden * (b - a), w = x, v = x;
        double fx = f.applyAsDouble(x), fw = fx, fv = fx;
        double d = 0, e = 0;
        for (int k = 0; k < ITERATIONS; k++) {
            double m = (a + b) / 2, tol = TOLERANCE * Math.abs(x) + TOLERANCE, tol2 = 2 * tol;
            if (Math.abs(x - m) <= tol2 - (b - a) / 2) break;
            boolean parabola = false;
            if (Math.abs(e) > tol) {
                double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p; else q = -q;
                double last = e;
                e = d;
                if (Math.abs(p) < Math.abs(q * last / 2) && p > q * (a - x) && p < q * (b - x)) {
                    d = p / q;
                    double u = x + d;
                    if (u - a < tol2 || b - u < tol2) d = x < m ? tol : -tol;
                    parabola = true;
                }
            }
            if (!parabola) {
                e = x < m ? b - x : a - x;
                d = golden * e;
            }
            double u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
            double fu = f.applyAsDouble(u);
            if (fu <= fx) {
                if (u < x) b = x; else a = x;
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) a = u; else b = u;
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return new Minimum(x, fx);
    }

    /**
     * {@code Math.min(Math.max(z, lo), hi)}, the same value (strictly inside the range it is {@code z}), in a form C1 inlines:
     * the searches clamp at every step, and Math.min and Math.max of doubles are too large for C1 to inline.
     */
    static double clamp(double z, double lo, double hi) {
        return z > lo && z < hi ? z : Math.min(Math.max(z, lo), hi);
    }

    /** {@code G(z) = own(z) + EL(S(z))}: the part of the firm's cost that depends on {@code z} within one option. */
    static final class Objective {
        private final BreachFunction breach;
        private final FirmRisk risk;
        private final double[] share, upTo;

        Objective(BreachFunction breach, FirmRisk risk, List<Share> active) {
            this.breach = breach;
            this.risk = risk;
            share = active.isEmpty() ? NO_ENDS : new double[active.size()];
            upTo = active.isEmpty() ? NO_ENDS : new double[active.size()];
            for (int k = 0; k < share.length; k++) {
                share[k] = active.get(k).share();
                upTo[k] = active.get(k).upToYen();
            }
        }

        double own(double z) {
            // Math.min(z, upTo) and Math.max(0, z − paid), the same values (below the cap it is z, above 0 it is z − paid), in a
            // form C1 inlines: the search prices the firm's outlay at every step
            double paid = 0;
            for (int k = 0; k < share.length; k++) paid += share[k] * (z < upTo[k] ? z : Math.min(z, upTo[k]));
            double outlay = z - paid;
            return outlay > 0 ? outlay : Math.max(0, outlay);
        }

        double at(double z) { return own(z) + risk.expectedLossYen(breach.vulnerability(z)); }

        /** The investment at {@code ln S = u}. */
        double zOf(double u) { return breach.investmentToReach(Math.exp(u)); }
    }

    private static final class Solution {
        final double z;
        final Standard certified;
        final double certification, others, loss, stakes, total;
        boolean limited;

        Solution(double z, Standard certified, double certification, double others, double loss, double stakes, double total) {
            this.z = z;
            this.certified = certified;
            this.certification = certification;
            this.others = others;
            this.loss = loss;
            this.stakes = stakes;
            this.total = total;
        }

        Choice toChoice(boolean bound) {
            return new Choice(z, certified, certification, others, loss, stakes, total, bound);
        }
    }
}
