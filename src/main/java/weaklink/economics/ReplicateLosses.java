package weaklink.economics;

/**
 * The money side of one replicate under one policy. Components add up:
 * {@code total = direct + bi + cbi}, {@code direct = incident + ransom + breach}.
 *
 * @param incidentYen      incident response and recovery
 * @param ransomYen        ransoms paid
 * @param breachYen        data-breach costs
 * @param biYen            business interruption of compromised firms
 * @param cbiYen           contingent business interruption of their customers, downstream
 * @param insuredYen       the insurers' share (portfolio loss)
 * @param largestEventYen  loss of the costliest single campaign (for occurrence exceedance, OEP)
 * @param groupLossYen     total loss borne, by group index ({@link LossModel#group})
 */
public record ReplicateLosses(double incidentYen, double ransomYen, double breachYen, double biYen, double cbiYen,
                              double insuredYen, double largestEventYen, double[] groupLossYen) {
    public double directYen() { return incidentYen + ransomYen + breachYen; }
    public double totalYen() { return directYen() + biYen + cbiYen; }
}
