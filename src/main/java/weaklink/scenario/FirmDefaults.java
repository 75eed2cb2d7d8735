package weaklink.scenario;

/**
 * Per-size-class defaults of a firm's attributes (DESIGN §1 "Firms"); a network file may
 * override any of them per firm. Money is in the scenario's currency; shares are fractions.
 *
 * @param revenueYen          annual revenue
 * @param valueAddedShare     value added as a share of revenue (daily value added = revenue × share / 365)
 * @param budgetShare         most the firm can spend on security by itself, as a share of revenue
 * @param vulnerability       base probability {@code v} that one attempt succeeds with no investment
 * @param glAlpha             Gordon–Loeb productivity of investment, per currency unit
 * @param glBeta              Gordon–Loeb elasticity
 * @param inventoryDays       days of each input held in stock
 * @param recoveryDays        outage length after a ransomware detonation, before posture
 * @param workaroundShare     share of production kept during an outage (manual operation)
 * @param ransomPropensity    probability the firm pays a ransom demand
 * @param ransomRevenueShare  ransom demanded, as a share of revenue
 * @param incidentFixedYen    fixed part of incident response and recovery cost
 * @param incidentRevenueShare part of incident cost proportional to revenue
 * @param incidentSigma       lognormal noise (sigma) on the incident cost
 * @param records             personal data records held (for data-theft losses)
 * @param insuredShare        probability that a firm of this class holds cyber insurance
 * @param deductibleYen       insurance deductible
 * @param limitYen            insurance limit
 * @param cbiCovered          whether the insurance covers contingent business interruption
 * @param manualOperationDays days from the start of an outage until manual operation begins
 * @param manualOperationShare share of normal production kept in manual operation (0 = none)
 * @param glClass             Gordon–Loeb breach-function class: 1 ({@code v/(αz+1)^β}) or 2 ({@code v^(αz+1)})
 */
public record FirmDefaults(
        DistributionSpec revenueYen,
        double valueAddedShare,
        double budgetShare,
        double vulnerability,
        double glAlpha,
        double glBeta,
        double inventoryDays,
        DistributionSpec recoveryDays,
        double workaroundShare,
        double ransomPropensity,
        double ransomRevenueShare,
        double incidentFixedYen,
        double incidentRevenueShare,
        double incidentSigma,
        double records,
        double insuredShare,
        double deductibleYen,
        double limitYen,
        boolean cbiCovered,
        double manualOperationDays,
        double manualOperationShare,
        int glClass) {

    /**
     * Built-in defaults by size class. Sources are given in docs/SCENARIOS.md; figures not
     * taken from a source there are assumptions and are marked so.
     */
    public static FirmDefaults builtIn(SizeClass size) {
        // Manual operation (last two numbers: days until it starts, share of production kept): assumption.
        // The mode follows Asahi Group's 2025 ransomware outage, when orders were taken and shipped by hand
        // at reduced volume while systems were restored; large and medium firms are assumed to have the
        // staff and paper processes for it, small and micro firms not.
        return switch (size) {
            // Revenue medians: assumption, of the order of METI's Basic Survey of Japanese Business Structure size bands.
            case LARGE -> new FirmDefaults(DistributionSpec.lognormal(1.0e11, 1.0), 0.25, 0.01, 0.30, 1.0e-8, 1.0, 3.0,
                    DistributionSpec.lognormal(10, 0.6), 0.10, 0.05, 0.002, 5.0e7, 0.0005, 0.5, 1.0e6, 0.5, 1.0e8, 5.0e9, true,
                    7.0, 0.3, 1);
            case MEDIUM -> new FirmDefaults(DistributionSpec.lognormal(5.0e9, 0.8), 0.25, 0.005, 0.50, 1.0e-7, 1.0, 5.0,
                    DistributionSpec.lognormal(14, 0.6), 0.05, 0.10, 0.005, 1.0e7, 0.001, 0.5, 1.0e5, 0.2, 1.0e7, 5.0e8, false,
                    14.0, 0.2, 1);
            case SMALL -> new FirmDefaults(DistributionSpec.lognormal(5.0e8, 0.8), 0.25, 0.001, 0.60, 1.0e-6, 1.0, 7.0,
                    DistributionSpec.lognormal(21, 0.6), 0.0, 0.15, 0.01, 3.0e6, 0.001, 0.5, 1.0e4, 0.1, 1.0e6, 1.0e8, false,
                    0.0, 0.0, 1);
            case MICRO -> new FirmDefaults(DistributionSpec.lognormal(5.0e7, 0.8), 0.25, 0.001, 0.70, 1.0e-5, 1.0, 10.0,
                    DistributionSpec.lognormal(21, 0.6), 0.0, 0.15, 0.02, 1.0e6, 0.001, 0.5, 1.0e3, 0.05, 1.0e5, 2.0e7, false,
                    0.0, 0.0, 1);
        };
    }

    /** Reads a size class's defaults; absent keys keep {@code base}. */
    public static FirmDefaults read(YamlMap m, FirmDefaults base) throws BadInputException {
        FirmDefaults d = new FirmDefaults(
                DistributionSpec.readMoney(m, "revenue_yen", base.revenueYen),
                m.probability("value_added_share", base.valueAddedShare),
                m.probability("budget_share", base.budgetShare),
                m.probability("vulnerability", base.vulnerability),
                m.number("gl_alpha", base.glAlpha, Double.MIN_VALUE, 1.0),
                m.number("gl_beta", base.glBeta, Double.MIN_VALUE, 100),
                m.number("inventory_days", base.inventoryDays, 0, 3650),
                DistributionSpec.read(m, "recovery_days", base.recoveryDays),
                m.probability("workaround_share", base.workaroundShare),
                m.probability("ransom_propensity", base.ransomPropensity),
                m.number("ransom_revenue_share", base.ransomRevenueShare, 0, 10),
                m.money("incident_fixed_yen", base.incidentFixedYen),
                m.number("incident_revenue_share", base.incidentRevenueShare, 0, 10),
                m.number("incident_sigma", base.incidentSigma, 0, 5),
                m.nonNegative("records", base.records),
                m.probability("insured_share", base.insuredShare),
                m.money("deductible_yen", base.deductibleYen),
                m.money("limit_yen", base.limitYen),
                m.bool("cbi_covered", base.cbiCovered),
                m.number("manual_operation_days", base.manualOperationDays, 0, 3650),
                m.probability("manual_operation_share", base.manualOperationShare),
                (int) m.integer("gl_class", base.glClass, 1, 2));
        m.done();
        return d;
    }
}
