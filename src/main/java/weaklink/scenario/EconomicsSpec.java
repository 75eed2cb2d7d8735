package weaklink.scenario;

/**
 * Scenario-wide settings of losses and investment.
 *
 * @param costPerRecordYen        data-breach cost per personal record stolen
 * @param substitutionDays        default days until a lost supplier's input is partly substituted
 * @param substitutionShare       default share of the input a substitute covers after that
 * @param cascade                 whether contingent business interruption is computed
 * @param investmentHorizonYears  years of expected loss a firm weighs against one year's investment (Gordon–Loeb {@code L})
 * @param production              how production stops and restarts in the cascade (spare capacity, demand side, catch-up)
 */
public record EconomicsSpec(double costPerRecordYen, double substitutionDays, double substitutionShare,
                            boolean cascade, double investmentHorizonYears, ProductionSpec production) {

    public static EconomicsSpec defaults() {
        // Cost per record: assumption, of the order of IBM/Ponemon "Cost of a Data Breach" per-record figures (~USD 160, ~¥24,000).
        return new EconomicsSpec(24_000, 30, 0.5, true, 1.0, ProductionSpec.defaults());
    }

    static EconomicsSpec read(YamlMap m) throws BadInputException {
        EconomicsSpec d = defaults();
        EconomicsSpec e = new EconomicsSpec(
                m.money("cost_per_record_yen", d.costPerRecordYen()),
                m.number("substitution_days", d.substitutionDays(), 0, 3650),
                m.probability("substitution_share", d.substitutionShare()),
                m.bool("cascade", d.cascade()),
                m.number("investment_horizon_years", d.investmentHorizonYears(), 0, 100),
                ProductionSpec.read(m));
        m.done();
        return e;
    }
}
