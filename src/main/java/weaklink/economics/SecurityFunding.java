package weaklink.economics;

import java.util.BitSet;
import weaklink.model.Posture;

/**
 * What a policy decides before the year starts: each firm's security investment {@code z}, the
 * resulting posture, and who pays for it. All arrays are indexed by firm; money in the
 * scenario's currency per year. For every firm
 * {@code investment = paidBySelf + paidByBuyers + paidByGovernment + paidByPool}.
 *
 * @param investmentYen    z per firm (total spent on its security, whoever pays)
 * @param paidBySelf       part of the firm's own z that it pays itself
 * @param paidByBuyers     part of the firm's z paid by its buyers
 * @param paidByGovernment part of the firm's z paid by the government
 * @param paidByPool       part of the firm's z paid by a mutual pool (out of its premiums)
 * @param paidForSuppliers what the firm, as a buyer, pays towards its suppliers' z
 * @param premiumYen       pool premium the firm pays (mutual-pool policy), else 0
 * @param posture          the model's view: success probability, dwell and recovery scales
 * @param selfFundedYen    what the firm would invest left to itself, {@code min(z*, cap)} (the {@code none} policy)
 */
public record SecurityFunding(double[] investmentYen, double[] paidBySelf, double[] paidByBuyers,
                              double[] paidByGovernment, double[] paidByPool, double[] paidForSuppliers,
                              double[] premiumYen, Posture posture, double[] selfFundedYen) {

    /** Who pays for a firm's security besides the firm itself. */
    public enum Payer { BUYERS, GOVERNMENT, POOL }

    public static SecurityFunding empty(int firms) {
        return new SecurityFunding(new double[firms], new double[firms], new double[firms], new double[firms],
                new double[firms], new double[firms], new double[firms], null, new double[firms]);
    }

    public SecurityFunding withPosture(Posture p) {
        return new SecurityFunding(investmentYen, paidBySelf, paidByBuyers, paidByGovernment, paidByPool, paidForSuppliers, premiumYen, p, selfFundedYen);
    }

    /** Total security spending in the network (sum of z). */
    public double totalSpend() { return sum(investmentYen); }

    public double totalPaidBySelf() { return sum(paidBySelf); }
    public double totalPaidByBuyers() { return sum(paidByBuyers); }
    public double totalPaidByGovernment() { return sum(paidByGovernment); }
    public double totalPaidByPool() { return sum(paidByPool); }
    public double totalPremiums() { return sum(premiumYen); }

    /**
     * The policy's cost: all security spending it puts on anyone beyond what the firms would
     * have spent by themselves — what buyers, the government and the pool pay, plus what firms
     * pay themselves above their self-funded investment ({@code Σ max(0, paidBySelf − selfFunded)},
     * e.g. a mandate's compliance cost or a co-payment to reach a standard). Zero for {@code none}.
     * Premiums are not in it: they are a transfer into the pool, whose prevention spending is.
     */
    public double policyCost() {
        double extra = 0;
        for (int i = 0; i < paidBySelf.length; i++) extra += Math.max(0, paidBySelf[i] - selfFundedYen[i]);
        return totalPaidByBuyers() + totalPaidByGovernment() + totalPaidByPool() + extra;
    }

    static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }

    /**
     * Collects what a policy gives each firm and settles each firm's investment. Two kinds of
     * funding:
     * <ul>
     *   <li>a <em>share of the cost of a target</em> {@code Fs} (buyer-share, subsidy): the firm
     *       invests {@code max(min(z*, cap + Fs), min(T, cap + Fs))} — its Gordon–Loeb optimum
     *       clipped to its budget cap plus funding received, raised to the target {@code T} (the
     *       cost to reach the standard) when its own budget covers its part of it; a
     *       <em>mandatory</em> target is reached whatever the cap;</li>
     *   <li><em>additional</em> funding {@code Fa} (targeted, pool prevention): earmarked for
     *       security on top of what the firm would spend anyway, so it adds to {@code z}.</li>
     * </ul>
     * The firm pays {@code z − Fs − Fa} itself (never negative: {@code z ≥ min(T, cap + Fs) ≥ Fs}
     * whenever {@code Fs ≤ T}, which every policy respects).
     */
    public static final class Builder {
        private final FirmExposure exposure;
        private final int n;
        private final double[] costShare, additional, target;
        private final BitSet mandatory = new BitSet();
        private final double[] byBuyers, byGovernment, byPool, forSuppliers, premium;

        public Builder(FirmExposure exposure) {
            this.exposure = exposure;
            this.n = exposure.firmCount();
            costShare = new double[n];
            additional = new double[n];
            target = new double[n];
            byBuyers = new double[n];
            byGovernment = new double[n];
            byPool = new double[n];
            forSuppliers = new double[n];
            premium = new double[n];
        }

        public FirmExposure exposure() { return exposure; }

        /** {@code payer} pays {@code yen} towards {@code firm}'s cost of reaching its target. */
        public void shareCost(int firm, Payer payer, double yen) {
            costShare[firm] += yen;
            credit(firm, payer, yen);
        }

        /** {@code payer} pays {@code yen} of security for {@code firm} on top of what it spends itself. */
        public void fundAdditional(int firm, Payer payer, double yen) {
            additional[firm] += yen;
            credit(firm, payer, yen);
        }

        /** Records that firm {@code buyer} pays {@code yen} towards its suppliers' security. */
        public void payForSuppliers(int buyer, double yen) { forSuppliers[buyer] += yen; }

        /** The firm aims at investment {@code yen} (the cost of reaching a standard); {@code mustReach}: whatever its budget. */
        public void target(int firm, double yen, boolean mustReach) {
            target[firm] = Math.max(target[firm], yen);
            if (mustReach) mandatory.set(firm);
        }

        /** The firm pays {@code yen} of pool premium. */
        public void premium(int firm, double yen) { premium[firm] += yen; }

        private void credit(int firm, Payer payer, double yen) {
            switch (payer) {
                case BUYERS -> byBuyers[firm] += yen;
                case GOVERNMENT -> byGovernment[firm] += yen;
                case POOL -> byPool[firm] += yen;
            }
        }

        /** Each firm's investment, who pays it, and the resulting posture. */
        public SecurityFunding build() {
            double[] z = new double[n], self = new double[n], selfFunded = new double[n], s = new double[n];
            for (int i = 0; i < n; i++) {
                double cap = exposure.capYen(i) + costShare[i];
                double own = Math.min(exposure.optimumYen(i), cap);
                double reach = Math.min(target[i], mandatory.get(i) ? Double.POSITIVE_INFINITY : cap);
                z[i] = Math.max(own, reach) + additional[i];
                self[i] = Math.max(0, z[i] - costShare[i] - additional[i]);
                selfFunded[i] = exposure.selfFundedYen(i);
                s[i] = exposure.breach(i).vulnerability(z[i]);
            }
            return new SecurityFunding(z, self, byBuyers.clone(), byGovernment.clone(), byPool.clone(), forSuppliers.clone(),
                    premium.clone(), CostSharingPolicy.postureFor(exposure.network(), s), selfFunded);
        }
    }
}
