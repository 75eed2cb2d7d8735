package weaklink.experiment;

import weaklink.economics.policy.PoolSettlement;
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
                               PoolSettlement pool, weaklink.network.SupplyNetwork network) {

    /** Whether compromise {@code k} is an entry: an actor's campaign getting in from outside (not over a trust link, not a stress test's seed). */
    public static boolean isEntry(ReplicateRecord record, int k) {
        return record.source(k) < 0 && record.actor(k) >= 0;
    }

    /** The year's entries. */
    public int entries() {
        int n = 0;
        for (int k = 0; k < record.size(); k++) if (isEntry(record, k)) n++;
        return n;
    }

    /** The year's entries into tier-0 firms (the large buyers at the top of the chain). */
    public int entriesAtTier0() {
        int n = 0;
        for (int k = 0; k < record.size(); k++) if (isEntry(record, k) && network.tier(record.firm(k)) == 0) n++;
        return n;
    }

    /**
     * A policy's security spending and who pays it, in a year (money in the scenario's currency).
     *
     * @param spendYen            all firms' security spending (investment and certification), whoever pays
     * @param policyCostYen       what the policy adds to the baseline's security spending, plus its overhead
     * @param paidBySelfYen       paid by the investing firms themselves
     * @param paidByBuyersYen     paid by their buyers
     * @param paidByGovernmentYen paid by the government
     * @param paidByPoolYen       paid by the mutual pool (prevention)
     * @param premiumsYen         premiums paid into the pool
     * @param certificationYen    certification of standards (part of {@code spendYen})
     * @param administrationYen   running the policy (a subsidy's or programme's administration, a pool's costs)
     * @param excessBurdenYen     {@code (marginal cost of public funds − 1) ×} the public money the policy spends
     * @param lostBusinessYen     expected business suppliers lose for requirements they do not meet
     * @param shareMeetingStandard share of the firms the policy addresses that meet its standard (NaN: it addresses none)
     * @param shareBudgetBound    share of all firms whose budget holds their investment down
     * @param publicFundsYen      public money the policy spends (government payments, public programmes' administration)
     * @param equilibriumIterations best-response rounds to the firms' equilibrium (0: {@code decisions: independent})
     * @param equilibriumMaxChange  the largest change of a firm's success probability in the last round (NaN: independent)
     */
    public record Funding(double spendYen, double policyCostYen, double paidBySelfYen, double paidByBuyersYen,
                          double paidByGovernmentYen, double paidByPoolYen, double premiumsYen, double certificationYen,
                          double administrationYen, double excessBurdenYen, double lostBusinessYen, double shareMeetingStandard,
                          double shareBudgetBound, double publicFundsYen, int equilibriumIterations, double equilibriumMaxChange) {
        /** What the policy costs society beyond losses and security spending. */
        public double overheadYen() { return administrationYen + excessBurdenYen; }
    }
}
