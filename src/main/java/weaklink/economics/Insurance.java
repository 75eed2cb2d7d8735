package weaklink.economics;

import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;

/**
 * Cyber insurance of the firms in the network, from their attributes ({@code insured},
 * {@code deductible_yen}, {@code limit_yen}, {@code cbi_covered}). The insurer's portfolio loss in
 * a replicate is the sum of what it pays every insured firm; what insured and uninsured firms bear
 * themselves is the protection gap.
 */
public final class Insurance {
    private final SupplyNetwork net;

    public Insurance(SupplyNetwork network) { this.net = network; }

    /** The firm's policy terms. */
    public Terms terms(int firm) {
        if (net.attribute(FirmAttribute.INSURED, firm) <= 0) return Terms.UNINSURED;
        return new Terms(true, net.attribute(FirmAttribute.DEDUCTIBLE_YEN, firm), net.attribute(FirmAttribute.LIMIT_YEN, firm),
                net.attribute(FirmAttribute.CBI_COVERED, firm) > 0);
    }

    /**
     * One firm's cyber policy. A claim is the firm's covered loss from one event (campaign); the
     * deductible applies per claim and the limit to the year's total (the usual structure of cyber
     * policies: per-claim retention, annual aggregate limit).
     *
     * @param insured       whether the firm holds a policy
     * @param deductibleYen retained by the firm per claim
     * @param limitYen      most the insurer pays the firm in a year
     * @param cbiCovered    whether contingent business interruption (losses from suppliers' outages) is covered
     */
    public record Terms(boolean insured, double deductibleYen, double limitYen, boolean cbiCovered) {
        public static final Terms UNINSURED = new Terms(false, 0, 0, false);

        /**
         * The covered part of one event's loss: incident response, data-breach cost and business
         * interruption, plus CBI where the terms include it. Ransom payments are not covered
         * (assumption: Japanese insurers generally decline to pay ransoms; incident costs are covered).
         */
        public double coveredYen(double incidentYen, double breachYen, double biYen, double cbiYen) {
            if (!insured) return 0;
            return incidentYen + breachYen + biYen + (cbiCovered ? cbiYen : 0);
        }

        /**
         * What the insurer pays for a year's claims, in order: per claim
         * {@code min(max(claim − deductible, 0), limit)}, cut back so the year's total stays within the limit.
         *
         * @return payments per claim, same order
         */
        public double[] pay(double[] claimsYen) {
            double[] paid = new double[claimsYen.length];
            pay(claimsYen, claimsYen.length, paid);
            return paid;
        }

        /** What the insurer pays in all for the first {@code count} claims, as {@link #pay(double[])} (no array per firm). */
        public double totalPaidYen(double[] claimsYen, int count) {
            return pay(claimsYen, count, null);
        }

        /** Pays claims {@code 0..count-1} in order, into {@code paid} if given; returns the total paid. */
        private double pay(double[] claimsYen, int count, double[] paid) {
            if (!insured) return 0;
            double left = limitYen, total = 0;
            for (int k = 0; k < count; k++) {
                double p = Math.min(Math.max(claimsYen[k] - deductibleYen, 0), left);
                if (paid != null) paid[k] = p;
                total += p;
                left -= p;
            }
            return total;
        }
    }
}
