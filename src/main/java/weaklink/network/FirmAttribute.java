package weaklink.network;

import weaklink.scenario.FirmDefaults;
import weaklink.scenario.Labelled;

/**
 * The numeric per-firm attributes, each stored as one array in {@link SupplyNetwork}. The label
 * is the column name in {@code firms.csv}; the default comes from the firm's size class.
 */
public enum FirmAttribute implements Labelled {
    REVENUE_YEN("revenue_yen"),
    VALUE_ADDED_SHARE("value_added_share"),
    BUDGET_SHARE("budget_share"),
    VULNERABILITY("vulnerability"),
    GL_ALPHA("gl_alpha"),
    GL_BETA("gl_beta"),
    INVENTORY_DAYS("inventory_days"),
    /** Multiplier on the size class's recovery-days distribution (1 = as the class). */
    RECOVERY_SCALE("recovery_scale"),
    WORKAROUND_SHARE("workaround_share"),
    RANSOM_PROPENSITY("ransom_propensity"),
    RANSOM_REVENUE_SHARE("ransom_revenue_share"),
    INCIDENT_FIXED_YEN("incident_fixed_yen"),
    INCIDENT_REVENUE_SHARE("incident_revenue_share"),
    RECORDS("records"),
    /** 1 when the firm holds cyber insurance, else 0. */
    INSURED("insured"),
    DEDUCTIBLE_YEN("deductible_yen"),
    LIMIT_YEN("limit_yen"),
    /** 1 when the policy covers contingent business interruption, else 0. */
    CBI_COVERED("cbi_covered"),
    /** Days from the start of an outage until the firm runs in manual-operation mode. */
    MANUAL_OPERATION_DAYS("manual_operation_days"),
    /** Share of normal production kept in manual-operation mode (0 = no such mode). */
    MANUAL_OPERATION_SHARE("manual_operation_share"),
    /** Gordon–Loeb breach-function class, 1 or 2 (weaklink.economics.decision.GordonLoeb.BreachClass). */
    GL_CLASS("gl_class");

    private final String label;
    FirmAttribute(String label) { this.label = label; }
    @Override public String label() { return label; }

    /** Whether the value must lie in [0, 1]. */
    public boolean isShare() {
        return switch (this) {
            case VALUE_ADDED_SHARE, BUDGET_SHARE, VULNERABILITY, WORKAROUND_SHARE, RANSOM_PROPENSITY, INSURED, CBI_COVERED,
                    MANUAL_OPERATION_SHARE -> true;
            default -> false;
        };
    }

    /**
     * The size-class default; revenue and insurance are drawn per firm by the generator,
     * so these return the class's median revenue and "insured if most of the class is" (a file
     * import draws an empty {@code insured} cell with the class's insured share instead).
     */
    public double defaultFrom(FirmDefaults d) {
        return switch (this) {
            case REVENUE_YEN -> d.revenueYen().kind() == weaklink.scenario.DistributionSpec.Kind.LOGNORMAL ? d.revenueYen().a() : d.revenueYen().mean();
            case VALUE_ADDED_SHARE -> d.valueAddedShare();
            case BUDGET_SHARE -> d.budgetShare();
            case VULNERABILITY -> d.vulnerability();
            case GL_ALPHA -> d.glAlpha();
            case GL_BETA -> d.glBeta();
            case INVENTORY_DAYS -> d.inventoryDays();
            case RECOVERY_SCALE -> 1.0;
            case WORKAROUND_SHARE -> d.workaroundShare();
            case RANSOM_PROPENSITY -> d.ransomPropensity();
            case RANSOM_REVENUE_SHARE -> d.ransomRevenueShare();
            case INCIDENT_FIXED_YEN -> d.incidentFixedYen();
            case INCIDENT_REVENUE_SHARE -> d.incidentRevenueShare();
            case RECORDS -> d.records();
            case INSURED -> d.insuredShare() >= 0.5 ? 1 : 0;
            case DEDUCTIBLE_YEN -> d.deductibleYen();
            case LIMIT_YEN -> d.limitYen();
            case CBI_COVERED -> d.cbiCovered() ? 1 : 0;
            case MANUAL_OPERATION_DAYS -> d.manualOperationDays();
            case MANUAL_OPERATION_SHARE -> d.manualOperationShare();
            case GL_CLASS -> d.glClass();
        };
    }
}
