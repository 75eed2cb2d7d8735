package weaklink.economics;

import weaklink.scenario.Labelled;

/**
 * The money side of one replicate under one policy. Components add up:
 * {@code total = direct + bi + cbi}, {@code direct = incident + ransom + breach}; the same
 * components are kept by group and by firm, and add up to the same totals.
 *
 * @param incidentYen       incident response and recovery
 * @param ransomYen         ransoms paid
 * @param breachYen         data-breach costs
 * @param biYen             business interruption of compromised firms (their own lost production)
 * @param cbiYen            contingent business interruption: production lost downstream for want of inputs
 * @param insuredYen        the insurers' share (portfolio loss)
 * @param largestEventYen   loss of the costliest single event (for occurrence exceedance, OEP)
 * @param groupLossYen      total loss borne, by group index ({@link LossModel#group})
 * @param groupComponentYen loss borne by component and group: {@code [component.ordinal()][group]}
 * @param firms             loss borne by each firm that lost anything, by component; null when the caller asked for none
 *                          ({@link LossModel#losses(weaklink.model.ReplicateRecord, weaklink.random.RandomStreams, boolean)})
 * @param events            each event's ground-up and insured loss by summary cell (the event loss table), and the book's claims
 */
public record ReplicateLosses(double incidentYen, double ransomYen, double breachYen, double biYen, double cbiYen,
                              double insuredYen, double largestEventYen, double[] groupLossYen,
                              double[][] groupComponentYen, FirmLosses firms, EventLosses events) {

    /** The components of a loss. */
    public enum Component implements Labelled {
        INCIDENT("incident"), RANSOM("ransom"), BREACH("breach"), BI("bi"), CBI("cbi");

        private final String label;
        Component(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    public double directYen() { return incidentYen + ransomYen + breachYen; }
    public double totalYen() { return directYen() + biYen + cbiYen; }
    /** The protection gap: what the firms bear themselves, uninsured firms' losses and insured firms' retentions and excess. */
    public double uninsuredYen() { return totalYen() - insuredYen; }

    public double componentYen(Component c) {
        return switch (c) {
            case INCIDENT -> incidentYen;
            case RANSOM -> ransomYen;
            case BREACH -> breachYen;
            case BI -> biYen;
            case CBI -> cbiYen;
        };
    }

    /**
     * Loss by firm, for the firms that lost anything, in increasing firm index order.
     *
     * @param firm         firm indices
     * @param componentYen loss by component and position: {@code [component.ordinal()][k]}
     * @param insuredYen   what insurers paid each firm
     */
    public record FirmLosses(int[] firm, double[][] componentYen, double[] insuredYen) {
        public int size() { return firm.length; }

        public double yen(Component c, int k) { return componentYen[c.ordinal()][k]; }

        public double totalYen(int k) {
            double s = 0;
            for (double[] c : componentYen) s += c[k];
            return s;
        }
    }
}
