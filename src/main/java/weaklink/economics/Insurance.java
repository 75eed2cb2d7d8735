package weaklink.economics;

import weaklink.network.FirmAttribute;
import weaklink.network.Portfolio;
import weaklink.network.SupplyNetwork;

/**
 * Cyber insurance of the firms in the network. The market's insurance comes from the firms'
 * attributes ({@code insured}, {@code deductible_yen}, {@code limit_yen}, {@code cbi_covered}); an
 * insurer's own book ({@link Portfolio}, the scenario's {@code insurance.portfolio}) replaces the
 * terms of the firms it insures with its own (waiting period, CBI and ransom sublimits), and every
 * other firm keeps the market's terms. The market's insured loss in a replicate is what all
 * policies pay; the book's loss is its share of what its policies pay.
 */
public final class Insurance {
    private final SupplyNetwork net;
    private final Portfolio book;

    /** The market's insurance only. */
    public Insurance(SupplyNetwork network) { this(network, null); }

    /** The market's insurance, with {@code book}'s terms (if not null) for the firms it insures. */
    public Insurance(SupplyNetwork network, Portfolio book) {
        this.net = network;
        this.book = book;
    }

    /** The insurer's own book, or null. */
    public Portfolio book() { return book; }

    /** The firm's policy terms: the book's if it insures the firm, else the market's. */
    public Terms terms(int firm) {
        if (book != null) {
            int k = book.positionOf(firm);
            if (k >= 0) {
                return new Terms(true, book.deductibleYen(k), book.limitYen(k), book.waitingPeriodHours(k), book.cbiSublimitYen(k),
                        book.ransomSublimitYen(k));
            }
        }
        if (net.attribute(FirmAttribute.INSURED, firm) <= 0) return Terms.UNINSURED;
        return new Terms(true, net.attribute(FirmAttribute.DEDUCTIBLE_YEN, firm), net.attribute(FirmAttribute.LIMIT_YEN, firm),
                net.attribute(FirmAttribute.CBI_COVERED, firm) > 0);
    }

    /**
     * One firm's cyber policy. A claim is the firm's covered loss from one event; the deductible
     * applies per claim and the limit to the year's total (the usual structure of cyber policies:
     * per-claim retention, annual aggregate limit). Business interruption of the first
     * {@code waitingPeriodHours} of an outage is not covered (the time excess of BI covers); CBI and
     * ransoms are covered up to their sublimits, which cap the CBI and the ransoms a year's claims
     * may include (counted before the deductible).
     *
     * @param insured            whether the firm holds a policy
     * @param deductibleYen      retained by the firm per claim
     * @param limitYen           most the insurer pays the firm in a year
     * @param waitingPeriodHours hours of each interruption not covered (0: none)
     * @param cbiSublimitYen     most CBI a year's claims include: 0 not covered, infinite covered up to the limit
     * @param ransomSublimitYen  most ransom a year's claims include: 0 not covered
     */
    public record Terms(boolean insured, double deductibleYen, double limitYen, double waitingPeriodHours, double cbiSublimitYen,
                        double ransomSublimitYen) {
        public static final Terms UNINSURED = new Terms(false, 0, 0, false);

        /**
         * The market's class-default terms: no waiting period, CBI covered in full or not at all, ransoms
         * not covered (assumption: Japanese insurers generally decline to pay ransoms; incident costs are covered).
         */
        public Terms(boolean insured, double deductibleYen, double limitYen, boolean cbiCovered) {
            this(insured, deductibleYen, limitYen, 0, cbiCovered ? Double.POSITIVE_INFINITY : 0, 0);
        }

        /** Whether contingent business interruption is covered at all. */
        public boolean cbiCovered() { return cbiSublimitYen > 0; }

        /**
         * The covered part of one event's loss under the class-default structure: incident response,
         * data-breach cost and business interruption, plus CBI where the terms include it (no sublimit left
         * to track, no ransom, no waiting period).
         */
        public double coveredYen(double incidentYen, double breachYen, double biYen, double cbiYen) {
            if (!insured) return 0;
            return incidentYen + breachYen + biYen + (cbiCovered() ? Math.min(cbiYen, cbiSublimitYen) : 0);
        }

        /**
         * The covered part of each of a year's claims, in event order, into {@code covered}: incident,
         * breach and business interruption beyond the waiting period ({@code bi[k]} is already net of it),
         * plus the CBI (net of its waiting period) and the ransom of the claim as far as what is left of
         * their annual sublimits allows.
         */
        public void covered(double[] incident, double[] breach, double[] bi, double[] cbi, double[] ransom, int count, double[] covered) {
            double cbiLeft = cbiSublimitYen, ransomLeft = ransomSublimitYen;
            for (int k = 0; k < count; k++) {
                if (!insured) {
                    covered[k] = 0;
                    continue;
                }
                double c = Math.min(cbi[k], cbiLeft), r = Math.min(ransom[k], ransomLeft);
                cbiLeft -= c;
                ransomLeft -= r;
                // summed in this order, the class-default terms give coveredYen's value to the bit
                covered[k] = incident[k] + breach[k] + bi[k] + c + r;
            }
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
        public double pay(double[] claimsYen, int count, double[] paid) {
            if (!insured) {
                if (paid != null) java.util.Arrays.fill(paid, 0, count, 0);
                return 0;
            }
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
