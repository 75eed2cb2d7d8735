package weaklink.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.BadInputException;
import weaklink.scenario.DistributionSpec;
import weaklink.scenario.FirmDefaults;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioOverrides;
import weaklink.scenario.ScenarioSource;
import weaklink.scenario.SizeClass;
import weaklink.stats.RatioEstimate;
import weaklink.stats.Sample;

/**
 * Fits a scenario's driving parameters to the National Police Agency's ransomware statistics by
 * simulated moments (docs/CALIBRATION.md, "Fitted to Japan's statistics"). Four levers, each a
 * multiplier on the scenario's own values, and four published statistics, one lever moving mainly one
 * statistic, so the system is just identified and solved lever by lever:
 *
 * <ul>
 *   <li>the first opportunistic ransomware actor's {@code attempt_probability}: the reported cases that
 *       did not come through the mass exploit, {@code reported × (1 − mass share)};</li>
 *   <li>the first mass-exploit actor's {@code attempt_probability}: the reported cases through it,
 *       {@code reported × mass share} (the NPA's VPN entries);</li>
 *   <li>every size class's incident-response cost ({@code incident_fixed_yen} and
 *       {@code incident_revenue_share} together): the share of cases costing ¥10 million or more;</li>
 *   <li>every size class's median recovery time ({@code recovery_days}, lognormal): the share of
 *       cases taking a month or more.</li>
 * </ul>
 *
 * Simulated cases become reported ones through the reporting rate {@code ρ} (an assumption, the
 * same for every case): {@code reported = ρ × cases}; the shares are of all cases (reporting is
 * taken to be independent of cost and length). A count moves in proportion to its attempt
 * probability, so its lever is updated by the ratio target / simulated; a share's lever by a secant
 * step on the share's logit against the lever's logarithm (the first step with slope 1). Every
 * evaluation runs the same replicates with the same seed (common random numbers), so the moments
 * are a deterministic function of the levers and the fit reruns to the same values. Firms' security
 * decisions are made again at each evaluation: they answer to the attack rates and costs.
 */
public final class Calibration {
    /** Relative tolerance on the reported count. */
    public static final double COUNT_TOLERANCE = 0.03;
    /** Absolute tolerance on a share. */
    public static final double SHARE_TOLERANCE = 0.015;
    /** Significant digits of the fitted values written into a scenario. */
    public static final int DIGITS = 3;

    private Calibration() {}

    /**
     * The published statistics a fit aims at.
     *
     * @param reportedCases   ransomware cases reported a year among the network's firms
     * @param massExploitShare share of cases through the mass-exploited technology
     * @param costShare       share of cases costing ¥10 million or more to investigate and recover
     * @param monthShare      share of cases taking a month or more to recover
     * @param reportingRate   share of cases reported (the under-reporting factor's inverse)
     */
    public record Targets(double reportedCases, double massExploitShare, double costShare, double monthShare, double reportingRate) {
        /** The targets, each checked: a count above 0, shares strictly between 0 and 1, a reporting rate in (0, 1]. */
        public static Targets of(double reportedCases, double massExploitShare, double costShare, double monthShare, double reportingRate)
                throws BadInputException {
            check("--reported-cases", reportedCases, 0, 1e9, false);
            check("--mass-exploit-share", massExploitShare, 0, 1, false);
            check("--cost-share", costShare, 0, 1, false);
            check("--month-share", monthShare, 0, 1, false);
            check("--reporting-rate", reportingRate, 0, 1, true);
            return new Targets(reportedCases, massExploitShare, costShare, monthShare, reportingRate);
        }

        private static void check(String option, double v, double low, double high, boolean highIncluded) throws BadInputException {
            if (!(v > low && (highIncluded ? v <= high : v < high))) {
                throw BadInputException.option(option, "must be above " + fmt(low) + " and " + (highIncluded ? "at most " : "below ") + fmt(high) + ", not " + v);
            }
        }
    }

    /** A simulated statistic with its 95 % interval. */
    public record Estimate(double value, double low, double high) {
        static Estimate of(RatioEstimate r) { return new Estimate(r.ratio(), r.low(), r.high()); }
    }

    /**
     * The simulated statistics.
     *
     * @param reportedCases   {@code ρ ×} cases a year
     * @param yearlySd        standard deviation of a year's reported count, {@code √(ρ² Var N + ρ(1 − ρ) E N)} (binomial reporting)
     * @param largeCases      {@code ρ ×} cases a year at large firms
     */
    public record Moments(int replicates, int cases, Estimate reportedCases, double yearlySd, Estimate largeCases, Estimate massExploitShare,
                          Estimate costShare, Estimate monthShare, Estimate smeShare, Estimate meanDamage, double medianDamage,
                          Estimate meanCost, double medianCost, List<Estimate> costBands) {}

    /** The lower bounds of the NPA's cost bands (yen): under 1 million, 1-5, 5-10, 10-50 million, 50 million or more. */
    public static final double[] COST_BANDS = {0, 1e6, 5e6, 1e7, 5e7};

    /** The statistics of simulated cases under reporting rate {@code rho}. */
    public static Moments moments(RansomwareCases c, double rho) {
        double[] n = c.casesPerYear();
        Sample years = new Sample(n);
        double half = years.ciHalfWidth(0.95);
        double[] large = c.countPerYear(x -> x.size() == SizeClass.LARGE);
        Sample largeYears = new Sample(large);
        double largeHalf = largeYears.ciHalfWidth(0.95);
        double[] damage = new double[n.length], cost = new double[n.length];
        for (RansomwareCases.Case x : c.cases()) {
            damage[x.replicate()] += x.damageYen();
            cost[x.replicate()] += x.incidentYen();
        }
        double[] sortedDamage = c.damages();
        double[] sortedCost = c.cases().stream().mapToDouble(RansomwareCases.Case::incidentYen).sorted().toArray();
        double variance = years.sd() * years.sd();
        List<Estimate> bands = new ArrayList<>();
        for (int b = 0; b < COST_BANDS.length; b++) {
            double low = COST_BANDS[b], high = b + 1 < COST_BANDS.length ? COST_BANDS[b + 1] : Double.POSITIVE_INFINITY;
            bands.add(Estimate.of(RatioEstimate.of(c.countPerYear(x -> x.incidentYen() >= low && x.incidentYen() < high), n, 0.95)));
        }
        return new Moments(c.replicates(), c.cases().size(),
                new Estimate(rho * years.mean(), rho * (years.mean() - half), rho * (years.mean() + half)),
                Math.sqrt(rho * rho * variance + rho * (1 - rho) * years.mean()),
                new Estimate(rho * largeYears.mean(), rho * (largeYears.mean() - largeHalf), rho * (largeYears.mean() + largeHalf)),
                Estimate.of(RatioEstimate.of(c.countPerYear(RansomwareCases.Case::massExploit), n, 0.95)),
                Estimate.of(RatioEstimate.of(c.countPerYear(x -> x.incidentYen() >= RansomwareCases.TEN_MILLION_YEN), n, 0.95)),
                Estimate.of(RatioEstimate.of(c.countPerYear(x -> x.recoveryDays() >= RansomwareCases.MONTH_DAYS), n, 0.95)),
                Estimate.of(RatioEstimate.of(c.countPerYear(x -> x.size() != SizeClass.LARGE), n, 0.95)),
                Estimate.of(RatioEstimate.of(damage, n, 0.95)), median(sortedDamage),
                Estimate.of(RatioEstimate.of(cost, n, 0.95)), median(sortedCost), List.copyOf(bands));
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) return Double.NaN;
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** The levers, in the order of a fit's multipliers. */
    public enum Lever {
        OPPORTUNISTIC_RATE("opportunistic attempt probability"), MASS_EXPLOIT_RATE("mass-exploit attempt probability"),
        INCIDENT_COST("incident cost (every size class)"), RECOVERY_TIME("median recovery time (every size class)");
        private final String label;
        Lever(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** One evaluation of the fit: the multipliers tried and the moments they gave. */
    public record Step(double[] multipliers, Moments moments) {}

    /**
     * A fit's result.
     *
     * @param settings    the fitted values, key path → value as written into the scenario ({@link #DIGITS} significant digits)
     * @param moments     the moments at those written values
     * @param converged   whether every moment is within tolerance of its target
     */
    public record Fit(Targets targets, Map<String, String> settings, Moments moments, boolean converged, List<Step> history) {}

    /** What the levers act on in one scenario: the actors' indices and each size class's base values. */
    static final class Base {
        final int opportunistic, massExploit;
        final double opportunisticProbability, massProbability;
        final Map<SizeClass, FirmDefaults> defaults = new LinkedHashMap<>();

        Base(Scenario s) throws BadInputException {
            int o = -1, m = -1;
            for (int i = 0; i < s.actors().size(); i++) {
                ActorSpec a = s.actors().get(i);
                if (a.effect() != ActorSpec.Effect.RANSOMWARE) continue;
                if (o < 0 && a.mode() == ActorSpec.Mode.OPPORTUNISTIC) o = i;
                if (m < 0 && a.mode() == ActorSpec.Mode.MASS_EXPLOIT) m = i;
            }
            if (o < 0) throw BadInputException.option("calibrate", "the scenario has no opportunistic ransomware actor, whose attempt probability the fit sets");
            if (m < 0) throw BadInputException.option("calibrate", "the scenario has no mass-exploit ransomware actor, whose attempt probability the fit sets");
            opportunistic = o;
            massExploit = m;
            opportunisticProbability = s.actors().get(o).attemptProbability();
            massProbability = s.actors().get(m).attemptProbability();
            for (SizeClass c : SizeClass.values()) {
                FirmDefaults d = s.defaults(c);
                if (d.recoveryDays().kind() != DistributionSpec.Kind.LOGNORMAL) {
                    throw BadInputException.option("size_classes." + c.label() + ".recovery_days", "calibrate scales a lognormal recovery time's median; this one is " + d.recoveryDays().kind().label());
                }
                defaults.put(c, d);
            }
        }

        /** The scenario values of multipliers {@code x}, rounded to {@link #DIGITS} significant digits. */
        Map<String, String> settings(double[] x) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("actors[" + opportunistic + "].attempt_probability", fmt(Math.min(1, opportunisticProbability * x[0])));
            out.put("actors[" + massExploit + "].attempt_probability", fmt(Math.min(1, massProbability * x[1])));
            for (Map.Entry<SizeClass, FirmDefaults> e : defaults.entrySet()) {
                String c = "size_classes." + e.getKey().label() + ".";
                FirmDefaults d = e.getValue();
                out.put(c + "incident_fixed_yen", fmt(d.incidentFixedYen() * x[2]));
                out.put(c + "incident_revenue_share", fmt(Math.min(10, d.incidentRevenueShare() * x[2])));
                out.put(c + "recovery_days.type", "lognormal");
                out.put(c + "recovery_days.median", fmt(d.recoveryDays().a() * x[3]));
                out.put(c + "recovery_days.sigma", fmt(d.recoveryDays().b()));
            }
            return out;
        }
    }

    /** A number with {@link #DIGITS} significant digits, plain or in e-notation as YAML reads it. */
    static String fmt(double v) {
        if (v == 0) return "0";
        String s = String.format(Locale.ROOT, "%." + (DIGITS - 1) + "e", v);
        double r = Double.parseDouble(s);
        if (Math.abs(r) >= 1e-4 && Math.abs(r) < 1e7) {
            String plain = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
            return plain;
        }
        String[] parts = s.split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", ".0") : parts[0];
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** Whether every fitted moment is within tolerance of its target. */
    public static boolean withinTolerance(Moments m, Targets t) {
        return Math.abs(m.reportedCases().value() - t.reportedCases()) <= COUNT_TOLERANCE * t.reportedCases()
                && Math.abs(m.massExploitShare().value() - t.massExploitShare()) <= SHARE_TOLERANCE
                && Math.abs(m.costShare().value() - t.costShare()) <= SHARE_TOLERANCE
                && Math.abs(m.monthShare().value() - t.monthShare()) <= SHARE_TOLERANCE;
    }

    /** The moments of a scenario as it stands (no fitting): {@code calibrate --check}. */
    public static Moments check(ScenarioSource source, long seed, int replicates, int threads, double rho) throws BadInputException {
        Scenario s = ScenarioOverrides.load(source, Map.of());
        return moments(RansomwareCases.simulate(s, seed, replicates, threads), rho);
    }

    /**
     * Fits the levers from the scenario's own values with {@code start} applied (key path → value; multipliers 1) until every moment is within
     * tolerance or {@code maxIterations} evaluations have run; {@code listener} hears of each step.
     */
    public static Fit fit(ScenarioSource source, Map<String, String> start, long seed, int replicates, int threads, Targets t, int maxIterations,
                          java.util.function.Consumer<Step> listener) throws BadInputException {
        Scenario scenario = ScenarioOverrides.load(source, start);
        Base base = new Base(scenario);
        double[] x = {1, 1, 1, 1};
        double[] lastLog = null, lastLogit = null;
        double[] slope = {1, 1, 1, 1};
        List<Step> history = new ArrayList<>();
        Map<String, String> settings = base.settings(x);
        Moments m = null;
        for (int it = 0; it < maxIterations; it++) {
            settings = base.settings(x);
            Map<String, String> all = new LinkedHashMap<>(start);
            all.putAll(settings);
            Scenario trial = ScenarioOverrides.load(source, all);
            m = moments(RansomwareCases.simulate(trial, seed, replicates, threads), t.reportingRate());
            Step step = new Step(x.clone(), m);
            history.add(step);
            if (listener != null) listener.accept(step);
            if (withinTolerance(m, t)) return new Fit(t, settings, m, true, history);
            double mass = m.massExploitShare().value(), reported = m.reportedCases().value();
            double otherSim = reported * (1 - mass), massSim = reported * mass;
            double[] next = x.clone();
            next[0] = x[0] * ratio(t.reportedCases() * (1 - t.massExploitShare()), otherSim);
            next[1] = x[1] * ratio(t.reportedCases() * t.massExploitShare(), massSim);
            double[] logit = {0, 0, logit(m.costShare().value()), logit(m.monthShare().value())};
            double[] targetLogit = {0, 0, logit(t.costShare()), logit(t.monthShare())};
            for (int k = 2; k < 4; k++) {
                double lx = Math.log(x[k]);
                if (lastLog != null && Math.abs(lx - lastLog[k]) > 1e-9) {
                    double s = (logit[k] - lastLogit[k]) / (lx - lastLog[k]);
                    if (s > 0.1 && s < 20) slope[k] = s;
                }
                double stepLog = Math.max(-Math.log(10), Math.min(Math.log(10), (targetLogit[k] - logit[k]) / slope[k]));
                next[k] = Math.exp(lx + stepLog);
            }
            lastLog = new double[] {0, 0, Math.log(x[2]), Math.log(x[3])};
            lastLogit = logit;
            x = next;
        }
        return new Fit(t, settings, m, false, history);
    }

    /** target / simulated, bounded to [1/1000, 1000] per step; 10 when nothing was simulated. */
    private static double ratio(double target, double simulated) {
        if (!(simulated > 0)) return 10;
        return Math.max(1e-3, Math.min(1e3, target / simulated));
    }

    private static double logit(double p) {
        double q = Math.max(1e-4, Math.min(1 - 1e-4, p));
        return Math.log(q / (1 - q));
    }
}
