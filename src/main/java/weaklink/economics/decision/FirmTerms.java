package weaklink.economics.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a policy puts before one firm — the only ways a policy reaches a firm's decision (DESIGN §1
 * "Security investment: firms decide"):
 * <ul>
 *   <li><b>money</b>: others pay a share of its security spending up to a cost ({@link Share}),
 *       unconditionally (the price of security falls) or only if it meets a standard (a grant's
 *       condition: a jump to the standard when the grant is worth it); an income it may spend on
 *       security (a price pass-through from its buyers);</li>
 *   <li><b>requirements</b>: a standard a buyer demands as a procurement condition, with the
 *       expected value of the business lost if it is not met ({@link Requirement}); a legal duty
 *       ({@link #duty}) the firm meets whatever its budget;</li>
 *   <li>its <b>budget</b>: the cash or credit it can put into security (its own outlay, after what
 *       others pay, and certification).</li>
 * </ul>
 * A standard is met only when certified ({@link Standard#certificationYen}, an annual cost that
 * counts as security spending): a buyer or a law cannot see a posture, only a certificate.
 */
public final class FirmTerms {
    /** A security standard: a maximum vulnerability and the annual cost of certifying it. */
    public record Standard(String name, double maxVulnerability, double certificationYen) {
        /** Whether meeting this standard also meets {@code other} (it is at least as strict). */
        public boolean covers(Standard other) { return maxVulnerability <= other.maxVulnerability; }
    }

    /**
     * Others pay share {@code share} of each yen the firm spends on security up to {@code upToYen}
     * (and of its certification, if {@code coversCertification}), as long as the firm meets
     * {@code condition} (null: unconditionally). {@code tag} identifies the payer for the books.
     */
    public record Share(double share, double upToYen, Standard condition, boolean coversCertification, int tag) {
        /** What this share pays when the firm invests {@code z} and certifies at a cost of {@code certificationYen}. */
        public double paymentYen(double z, double certificationYen) {
            return share * (Math.min(z, upToYen) + (coversCertification ? certificationYen : 0));
        }
    }

    /** A procurement condition: the firm keeps {@code stakeYen} (expected) of business only by meeting {@code standard}. */
    public record Requirement(Standard standard, double stakeYen, int tag) {}

    private final double budgetYen;
    private double incomeYen;
    private Standard duty;
    /** Empty, shared by terms that have none, until the first is added (most firms' terms have none: no list is made for them). */
    private List<Share> shares = List.of();
    private List<Requirement> requirements = List.of();

    /** A firm with {@code budgetYen} of its own for security and nothing else from any policy. */
    public FirmTerms(double budgetYen) {
        this.budgetYen = budgetYen;
    }

    /** Others pay {@code share} of the firm's spending up to {@code upToYen}; see {@link Share}. */
    public FirmTerms share(double share, double upToYen, Standard condition, boolean coversCertification, int tag) {
        if (share > 0 && upToYen > 0) {
            if (shares.isEmpty()) shares = new ArrayList<>();
            shares.add(new Share(share, upToYen, condition, coversCertification, tag));
        }
        return this;
    }

    /** A buyer's procurement condition; see {@link Requirement}. */
    public FirmTerms require(Standard standard, double stakeYen, int tag) {
        if (requirements.isEmpty()) requirements = new ArrayList<>();
        requirements.add(new Requirement(standard, stakeYen, tag));
        return this;
    }

    /** An income the firm may spend on security (it relaxes the budget, not the price). */
    public FirmTerms income(double yen) {
        incomeYen += yen;
        return this;
    }

    /** A legal duty to meet {@code standard}, met beyond the firm's budget if need be. */
    public FirmTerms duty(Standard standard) {
        duty = standard;
        return this;
    }

    public double budgetYen() { return budgetYen; }
    public double incomeYen() { return incomeYen; }
    public Standard duty() { return duty; }
    public List<Share> shares() { return shares; }
    public List<Requirement> requirements() { return requirements; }

    /**
     * Whether {@code other} offers the same terms, number for number (budget, income, duty, shares and
     * requirements in the same order; the budget and income bit for bit, the records' amounts as their
     * {@code equals} compares them, by {@link Double#compare}): a firm's decision
     * ({@link BestResponse#decide}) reads nothing else of its terms, so under the same breach function
     * and risk it is the same choice.
     */
    public boolean sameAs(FirmTerms other) {
        return Double.doubleToRawLongBits(budgetYen) == Double.doubleToRawLongBits(other.budgetYen)
                && Double.doubleToRawLongBits(incomeYen) == Double.doubleToRawLongBits(other.incomeYen)
                && Objects.equals(duty, other.duty) && shares.equals(other.shares) && requirements.equals(other.requirements);
    }

    /** Whether the terms are the firm's budget alone (its decision is then the baseline's). */
    public boolean isBudgetOnly() {
        return incomeYen == 0 && duty == null && shares.isEmpty() && requirements.isEmpty();
    }
}
