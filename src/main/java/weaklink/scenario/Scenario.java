package weaklink.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resolved scenario: everything one run needs besides the master seed, replicate count and
 * the policies selected on the command line. Immutable; built by {@link ScenarioLoader}.
 *
 * @param name                 short name, used in result folder names
 * @param description          free text
 * @param currency             currency of every money value (default JPY)
 * @param days                 simulated days per replicate (one replicate = one year by default)
 * @param seed                 default master seed
 * @param replicates           default number of replicates
 * @param network              where the network comes from
 * @param sizeClasses          firm attribute defaults per size class
 * @param trustDailyProbability base daily lateral-movement probability per trust type
 * @param actors               threat actor kinds
 * @param initialCompromises   firms compromised with no actor (stress test)
 * @param standards            named security standards: maximum allowed vulnerability and certification cost
 * @param economics            loss and investment settings
 * @param policies             policies compared, the baseline first
 * @param baselinePolicy       name of the policy differences are taken against
 * @param uncertainty          the uncertain inputs drawn around the replicates, or null (none)
 * @param insurance            the insurer's book, event definition, reinsurance and ORD settings
 */
public record Scenario(
        String name,
        String description,
        String currency,
        int days,
        long seed,
        int replicates,
        NetworkSpec network,
        Map<SizeClass, FirmDefaults> sizeClasses,
        Map<TrustType, Double> trustDailyProbability,
        List<ActorSpec> actors,
        List<InitialCompromise> initialCompromises,
        Map<String, StandardSpec> standards,
        EconomicsSpec economics,
        List<PolicySpec> policies,
        String baselinePolicy,
        UncertaintySpec uncertainty,
        InsuranceSpec insurance) {

    /** Most replicates a run may ask for, in the scenario or on the command line. */
    public static final int MAX_REPLICATES = 100_000_000;
    /** Largest master seed, in the scenario or on the command line (seeds are at least 0). */
    public static final long MAX_SEED = Long.MAX_VALUE / 4;
    /**
     * Largest money amount an input may hold (a revenue, a budget, a deductible, a distribution's
     * mean): 10^15 currency units, about twice Japan's nominal GDP in yen (some 600 trillion yen,
     * Cabinet Office national accounts). A larger figure is a typo or a unit error, and sums of many
     * such figures would lose the cents the outputs print; express money in a larger unit instead.
     */
    public static final double MAX_MONEY = 1e15;

    public FirmDefaults defaults(SizeClass s) { return sizeClasses.get(s); }

    /** The same scenario with another insurer's block (e.g. the return periods of {@code run --return-periods}). */
    public Scenario withInsurance(InsuranceSpec newInsurance) {
        return new Scenario(name, description, currency, days, seed, replicates, network, sizeClasses, trustDailyProbability,
                actors, initialCompromises, standards, economics, policies, baselinePolicy, uncertainty, newInsurance);
    }

    /** The same scenario with other attacks: e.g. no actors and one firm hit at day 0 (single points of failure). */
    public Scenario withAttacks(List<ActorSpec> newActors, List<InitialCompromise> newInitial) {
        return new Scenario(name, description, currency, days, seed, replicates, network, sizeClasses, trustDailyProbability,
                List.copyOf(newActors), List.copyOf(newInitial), standards, economics, policies, baselinePolicy, uncertainty, insurance);
    }

    /**
     * The policies a run compares: those named (e.g. on the command line's {@code --policies}), in
     * that order; all of the scenario's when {@code names} is null or empty.
     *
     * @throws BadInputException naming {@code --policies} for an unknown or repeated name
     */
    public List<PolicySpec> policiesNamed(List<String> names) throws BadInputException {
        if (names == null || names.isEmpty()) return policies;
        List<PolicySpec> out = new ArrayList<>();
        List<String> known = policies.stream().map(PolicySpec::name).toList();
        for (String n : names) {
            String wanted = n.trim();
            if (!known.contains(wanted)) {
                String s = Suggest.closest(wanted, known);
                throw BadInputException.option("--policies", "no policy named '" + wanted + "' in the scenario"
                        + (s != null ? " (did you mean '" + s + "'?)" : "") + "; it has: " + String.join(", ", known));
            }
            PolicySpec p = policy(wanted);
            if (out.contains(p)) throw BadInputException.option("--policies", "policy '" + wanted + "' is listed twice");
            out.add(p);
        }
        return out;
    }

    public PolicySpec policy(String name) {
        for (PolicySpec p : policies) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("no policy named " + name);
    }
}
