package weaklink.experiment;

import weaklink.io.Csv;
import java.util.List;

/**
 * One row of {@code replicates.csv}: the headline figures of one replicate under one policy.
 * Money in the scenario's currency. {@code total = direct + bi + cbi} and
 * {@code direct = incident + ransom + breach}; {@code uninsured = total − insured} (the protection gap); {@code security spend = paid by self + buyers +
 * government + pool}; {@code societal cost = total loss + security spend} (docs/POLICIES.md).
 */
public record ReplicateRow(String policy, int replicate, double totalLoss, double directLoss, double biLoss,
                           double cbiLoss, double insuredLoss, double securitySpend, double policyCost,
                           int firmsCompromised, int firmsDown, double incidentLoss, double ransomLoss,
                           double breachLoss, double largestEventLoss, int campaigns, double uninsuredLoss, Books books) {

    /**
     * Who paid for security and the mutual pool's books in the replicate (all 0 without a pool).
     *
     * @param paidBySelf       security paid by the investing firms themselves
     * @param paidByBuyers     security paid by firms' buyers
     * @param paidByGovernment security paid by the government
     * @param paidByPool       security (prevention) paid by the pool
     * @param premiums         premiums paid into the pool
     * @param poolPayouts      claims the pool paid
     * @param poolBalance      what the pool holds at the end of the year
     * @param poolRuined       whether claims exceeded the pool's funds
     */
    public record Books(double paidBySelf, double paidByBuyers, double paidByGovernment, double paidByPool,
                        double premiums, double poolPayouts, double poolBalance, boolean poolRuined) {}

    /** Losses plus all security spending, whoever paid it. */
    public double societalCost() { return totalLoss + securitySpend; }

    public static final List<String> COLUMNS = List.of("policy", "replicate", "total_loss", "direct_loss", "bi_loss",
            "cbi_loss", "insured_loss", "security_spend", "policy_cost", "firms_compromised", "firms_down",
            "incident_loss", "ransom_loss", "breach_loss", "largest_event_loss", "campaigns", "uninsured_loss",
            "paid_by_self", "paid_by_buyers", "paid_by_government", "paid_by_pool", "premiums", "pool_payouts",
            "pool_balance", "pool_ruined", "societal_cost");

    public static String header() { return String.join(",", COLUMNS); }

    /** The CSV line, without the line end. */
    public String toCsv() {
        return Csv.text(policy) + ',' + replicate + ',' + Csv.money(totalLoss) + ',' + Csv.money(directLoss) + ','
                + Csv.money(biLoss) + ',' + Csv.money(cbiLoss) + ',' + Csv.money(insuredLoss) + ','
                + Csv.money(securitySpend) + ',' + Csv.money(policyCost) + ',' + firmsCompromised + ',' + firmsDown + ','
                + Csv.money(incidentLoss) + ',' + Csv.money(ransomLoss) + ',' + Csv.money(breachLoss) + ','
                + Csv.money(largestEventLoss) + ',' + campaigns + ',' + Csv.money(uninsuredLoss) + ',' + Csv.money(books.paidBySelf) + ','
                + Csv.money(books.paidByBuyers) + ',' + Csv.money(books.paidByGovernment) + ',' + Csv.money(books.paidByPool) + ','
                + Csv.money(books.premiums) + ',' + Csv.money(books.poolPayouts) + ',' + Csv.money(books.poolBalance) + ','
                + (books.poolRuined ? 1 : 0) + ',' + Csv.money(societalCost());
    }

    /** Parses a line written by {@link #toCsv()}. */
    public static ReplicateRow parse(String line) {
        List<String> c = Csv.split(line);
        if (c.size() != COLUMNS.size()) throw new IllegalArgumentException("expected " + COLUMNS.size() + " columns, found " + c.size());
        return new ReplicateRow(c.get(0), Integer.parseInt(c.get(1)), d(c.get(2)), d(c.get(3)), d(c.get(4)), d(c.get(5)),
                d(c.get(6)), d(c.get(7)), d(c.get(8)), Integer.parseInt(c.get(9)), Integer.parseInt(c.get(10)),
                d(c.get(11)), d(c.get(12)), d(c.get(13)), d(c.get(14)), Integer.parseInt(c.get(15)), d(c.get(16)),
                new Books(d(c.get(17)), d(c.get(18)), d(c.get(19)), d(c.get(20)), d(c.get(21)), d(c.get(22)), d(c.get(23)),
                        "1".equals(c.get(24))));
    }

    private static double d(String s) { return s.isEmpty() ? Double.NaN : Double.parseDouble(s); }
}
