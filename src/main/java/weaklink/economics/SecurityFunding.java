package weaklink.economics;

import weaklink.model.Posture;

/**
 * What a policy decides before the year starts: each firm's security investment {@code z}, the
 * resulting posture, and who pays for it. All arrays are indexed by firm; money in the
 * scenario's currency per year.
 *
 * @param investmentYen    z per firm (total spent on its security, whoever pays)
 * @param paidBySelf       part of the firm's own z that it pays itself
 * @param paidByBuyers     part of the firm's z paid by its buyers
 * @param paidByGovernment part of the firm's z paid by the government
 * @param paidByPool       part of the firm's z paid by a mutual pool
 * @param paidForSuppliers what the firm, as a buyer, pays towards its suppliers' z
 * @param premiumYen       pool premium the firm pays (mutual-pool policy), else 0
 * @param posture          the model's view: success probability, dwell and recovery scales
 */
public record SecurityFunding(double[] investmentYen, double[] paidBySelf, double[] paidByBuyers,
                              double[] paidByGovernment, double[] paidByPool, double[] paidForSuppliers,
                              double[] premiumYen, Posture posture) {

    public static SecurityFunding empty(int firms) {
        return new SecurityFunding(new double[firms], new double[firms], new double[firms], new double[firms],
                new double[firms], new double[firms], new double[firms], null);
    }

    public SecurityFunding withPosture(Posture p) {
        return new SecurityFunding(investmentYen, paidBySelf, paidByBuyers, paidByGovernment, paidByPool, paidForSuppliers, premiumYen, p);
    }

    /** Total security spending in the network (sum of z). */
    public double totalSpend() { return sum(investmentYen); }

    /** What the policy moves off the investing firms: paid by buyers, government or pool. */
    public double policyCost() { return sum(paidByBuyers) + sum(paidByGovernment) + sum(paidByPool); }

    static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }
}
