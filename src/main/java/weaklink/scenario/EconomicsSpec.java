package weaklink.scenario;

/**
 * Scenario-wide settings of losses and of what policies cost society.
 *
 * @param costPerRecordYen           data-breach cost per personal record stolen
 * @param substitutionDays           default days until a lost supplier's input is partly substituted
 * @param substitutionShare          default share of the input a substitute covers after that
 * @param cascade                    whether contingent business interruption is computed
 * @param marginalCostOfPublicFunds  what a yen of public money costs society (≥ 1: taxes distort)
 * @param production                 how production stops and restarts in the cascade (spare capacity, demand side, catch-up)
 * @param decisions                  what a firm takes as given when it decides: its partners at their base posture
 *                                   ({@code independent}) or their own choices, to a Nash equilibrium ({@code equilibrium})
 * @param equilibriumTolerance       the equilibrium is reached when no firm's success probability changes by more than this in a round
 * @param equilibriumMaxIterations   best-response rounds allowed before a run stops as not converging
 */
public record EconomicsSpec(double costPerRecordYen, double substitutionDays, double substitutionShare,
                            boolean cascade, double marginalCostOfPublicFunds, ProductionSpec production,
                            Decisions decisions, double equilibriumTolerance, int equilibriumMaxIterations) {

    /** How firms' decisions take each other into account (docs/POLICIES.md, "The decision process"). */
    public enum Decisions implements Labelled {
        /** Each firm against every other firm at its base posture (no investment): one pass, no interaction. */
        INDEPENDENT("independent"),
        /** Firms best-respond to each other's choices until none changes (Kunreuther &amp; Heal 2003): a Nash equilibrium. */
        EQUILIBRIUM("equilibrium");
        private final String label;
        Decisions(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    public static EconomicsSpec defaults() {
        // Cost per record: assumption, of the order of IBM/Ponemon "Cost of a Data Breach" per-record figures (~USD 160, ~¥24,000).
        // Marginal cost of public funds 1.3: the middle of the 1.17-1.56 that Ballard, Shoven & Whalley (1985, American Economic
        // Review 75(1):128-138) estimate for the US tax system, and of the 1.1-1.5 range a recent survey reports for advanced
        // economies (Bastani 2023, "The marginal cost of public funds: a brief guide", IFAU working paper 2023:14).
        // Equilibrium by default: a firm's risk depends on its partners' choices (Kunreuther & Heal 2003), and a policy that
        // hardens suppliers changes what their customers choose; tolerance and rounds: assumptions (docs/POLICIES.md).
        return new EconomicsSpec(24_000, 30, 0.5, true, 1.3, ProductionSpec.defaults(), Decisions.EQUILIBRIUM, 1e-6, 100);
    }

    static EconomicsSpec read(YamlMap m) throws BadInputException {
        EconomicsSpec d = defaults();
        YamlValue horizon = m.get("investment_horizon_years");
        if (horizon != null) {
            throw horizon.error("was removed in 0.7.0: a firm weighs one year's security spending against one year's expected loss "
                    + "(spending recurs every year); delete the key (docs/POLICIES.md)");
        }
        EconomicsSpec e = new EconomicsSpec(
                m.money("cost_per_record_yen", d.costPerRecordYen()),
                m.number("substitution_days", d.substitutionDays(), 0, 3650),
                m.probability("substitution_share", d.substitutionShare()),
                m.bool("cascade", d.cascade()),
                m.number("marginal_cost_of_public_funds", d.marginalCostOfPublicFunds(), 1, 10),
                ProductionSpec.read(m),
                Labelled.read(m, "decisions", Decisions.class, d.decisions()),
                m.number("equilibrium_tolerance", d.equilibriumTolerance(), 1e-12, 1),
                (int) m.integer("equilibrium_max_iterations", d.equilibriumMaxIterations(), 1, 100_000));
        m.done();
        return e;
    }
}
