package weaklink.economics.policy;

/**
 * A mutual pool's books for one replicate (one year). The pool starts with its capital, receives
 * the premiums, spends its prevention budget before the year, and pays members' claims (each
 * member's annual loss above the retention) while it has money:
 * {@code capital + premiums = prevention + payouts + balance}, {@code payouts = min(claims, capital + premiums − prevention)};
 * the pool is ruined when claims exceed what it holds.
 *
 * @param claimsYen  members' losses above the retention
 * @param payoutsYen what the pool paid
 * @param balanceYen what it holds at the end of the year
 * @param ruined     whether claims exceeded its funds (some went unpaid)
 */
public record PoolSettlement(double claimsYen, double payoutsYen, double balanceYen, boolean ruined) {
    /** No pool. */
    public static final PoolSettlement NONE = new PoolSettlement(0, 0, 0, false);
}
