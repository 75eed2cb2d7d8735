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
 */
public record EconomicsSpec(double costPerRecordYen, double substitutionDays, double substitutionShare,
                            boolean cascade, double marginalCostOfPublicFunds, ProductionSpec production) {

    public static EconomicsSpec defaults() {
        // Cost per record: assumption, of the order of IBM/Ponemon "Cost of a Data Breach" per-record figures (~USD 160, ~¥24,000).
        // Marginal cost of public funds 1.3: the middle of the 1.17-1.56 that Ballard, Shoven & Whalley (1985, American Economic
        // Review 75(1):128-138) estimate for the US tax system, and of the 1.1-1.5 range a recent survey reports for advanced
        // economies (Bastani 2023, "The marginal cost of public funds: a brief guide", IFAU working paper 2023:14).
        return new EconomicsSpec(24_000, 30, 0.5, true, 1.3, ProductionSpec.defaults());
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
                ProductionSpec.read(m));
        m.done();
        return e;
    }
}
