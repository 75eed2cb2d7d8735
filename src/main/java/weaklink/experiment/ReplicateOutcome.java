package weaklink.experiment;

import weaklink.economics.PoolSettlement;
import weaklink.economics.ReplicateLosses;
import weaklink.model.ReplicateRecord;

/**
 * What one replicate under one policy produced, from which every column of
 * {@code replicates.csv} is computed ({@link ReplicateColumn}).
 *
 * @param policy    the policy's name
 * @param replicate the replicate index
 * @param record    what happened: compromises, outages, campaigns
 * @param losses    what it cost, by component
 * @param funding   who paid for security under the policy (the same every replicate)
 * @param pool      the mutual pool's books for the year ({@link PoolSettlement#NONE} without a pool)
 */
public record ReplicateOutcome(String policy, int replicate, ReplicateRecord record, ReplicateLosses losses, Funding funding,
                               PoolSettlement pool) {

    /**
     * A policy's security spending and who pays it, in a year (money in the scenario's currency).
     *
     * @param spendYen            all firms' security investment, whoever pays
     * @param policyCostYen       what the policy costs its payers
     * @param paidBySelfYen       paid by the investing firms themselves
     * @param paidByBuyersYen     paid by their buyers
     * @param paidByGovernmentYen paid by the government
     * @param paidByPoolYen       paid by the mutual pool (prevention)
     * @param premiumsYen         premiums paid into the pool
     */
    public record Funding(double spendYen, double policyCostYen, double paidBySelfYen, double paidByBuyersYen,
                          double paidByGovernmentYen, double paidByPoolYen, double premiumsYen) {}
}
