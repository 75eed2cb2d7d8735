package weaklink.experiment;

import static weaklink.io.CsvFormat.FLAG;
import static weaklink.io.CsvFormat.INTEGER;
import static weaklink.io.CsvFormat.MONEY;
import static weaklink.io.CsvFormat.NUMBER;
import static weaklink.io.CsvFormat.TEXT;

import java.util.function.ToDoubleFunction;
import weaklink.io.CsvFormat;

/**
 * The columns of {@code replicates.csv}, in file order: one row per (replicate, policy). Each
 * column says how its value is found in what the replicate produced ({@link ReplicateOutcome}),
 * its format and what it means (docs/OUTPUTS.md is checked against these). To add a column, add a
 * constant at the end; the writer, the readers, merge and the documentation follow.
 * Money is in the scenario's currency.
 */
public enum ReplicateColumn {
    POLICY("policy", TEXT, null, "which policy (one of the manifest's `policies`)"),
    REPLICATE("replicate", INTEGER, ReplicateOutcome::replicate, "replicate index from 0 (one simulated year)"),
    TOTAL_LOSS("total_loss", MONEY, o -> o.losses().totalYen(), "network-wide loss of the year: `direct_loss + bi_loss + cbi_loss`"),
    DIRECT_LOSS("direct_loss", MONEY, o -> o.losses().directYen(), "`incident_loss + ransom_loss + breach_loss`"),
    BI_LOSS("bi_loss", MONEY, o -> o.losses().biYen(), "business interruption of the compromised firms"),
    CBI_LOSS("cbi_loss", MONEY, o -> o.losses().cbiYen(), "contingent business interruption of their customers, downstream"),
    INSURED_LOSS("insured_loss", MONEY, o -> o.losses().insuredYen(), "the insurers' share (portfolio loss)"),
    SECURITY_SPEND("security_spend", MONEY, o -> o.funding().spendYen(),
            "security spending of all firms under the policy, whoever pays: investment and certification of standards"),
    POLICY_COST("policy_cost", MONEY, o -> o.funding().policyCostYen(),
            "what the policy costs: the security spending it adds to the baseline's (`none`), plus `administration_cost + excess_burden`; "
                    + "transfers between payers are not in it (docs/POLICIES.md)"),
    FIRMS_COMPROMISED("firms_compromised", INTEGER, o -> o.record().distinctFirmsCompromised(), "distinct firms compromised during the year"),
    FIRMS_DOWN("firms_down", INTEGER, o -> o.record().distinctFirmsDown(), "distinct firms in an outage during the year"),
    INCIDENT_LOSS("incident_loss", MONEY, o -> o.losses().incidentYen(), "incident response and recovery (part of `direct_loss`)"),
    RANSOM_LOSS("ransom_loss", MONEY, o -> o.losses().ransomYen(), "ransoms paid (part of `direct_loss`)"),
    BREACH_LOSS("breach_loss", MONEY, o -> o.losses().breachYen(), "data-breach costs (part of `direct_loss`)"),
    LARGEST_EVENT_LOSS("largest_event_loss", MONEY, o -> o.losses().largestEventYen(), "loss of the year's costliest single event: a campaign, or the campaigns of one actor within `insurance.events` hours (the OEP basis)"),
    CAMPAIGNS("campaigns", INTEGER, o -> o.record().campaigns(), "attack campaigns in the year"),
    UNINSURED_LOSS("uninsured_loss", MONEY, o -> o.losses().uninsuredYen(), "`total_loss − insured_loss`, the protection gap"),
    PAID_BY_SELF("paid_by_self", MONEY, o -> o.funding().paidBySelfYen(), "security paid by the investing firms themselves"),
    PAID_BY_BUYERS("paid_by_buyers", MONEY, o -> o.funding().paidByBuyersYen(), "security paid by firms' buyers"),
    PAID_BY_GOVERNMENT("paid_by_government", MONEY, o -> o.funding().paidByGovernmentYen(), "security paid by the government"),
    PAID_BY_POOL("paid_by_pool", MONEY, o -> o.funding().paidByPoolYen(), "security (prevention) paid by the mutual pool"),
    PREMIUMS("premiums", MONEY, o -> o.funding().premiumsYen(), "premiums paid into the mutual pool"),
    POOL_PAYOUTS("pool_payouts", MONEY, o -> o.pool().payoutsYen(), "claims the mutual pool paid"),
    POOL_BALANCE("pool_balance", MONEY, o -> o.pool().balanceYen(), "what the mutual pool holds at the end of the year"),
    POOL_RUINED("pool_ruined", FLAG, o -> o.pool().ruined() ? 1 : 0, "1 if claims exceeded the pool's funds"),
    SOCIETAL_COST("societal_cost", MONEY, o -> o.losses().totalYen() + o.funding().spendYen() + o.funding().overheadYen(),
            "`total_loss + security_spend + administration_cost + excess_burden`: losses, all security spending whoever paid it, "
                    + "and what running the policy and raising its public money cost"),
    CERTIFICATION_COST("certification_cost", MONEY, o -> o.funding().certificationYen(),
            "annual cost of certifying standards (METI ★3 self-assessment, ★4 third-party assessment), part of `security_spend`"),
    ADMINISTRATION_COST("administration_cost", MONEY, o -> o.funding().administrationYen(),
            "running the policy: a subsidy's or targeted programme's administration, a mutual pool's costs"),
    EXCESS_BURDEN("excess_burden", MONEY, o -> o.funding().excessBurdenYen(),
            "the marginal-cost-of-funds part of the policy cost: `(economics.marginal_cost_of_public_funds − 1) ×` public money spent"),
    LOST_BUSINESS("lost_business", MONEY, o -> o.funding().lostBusinessYen(),
            "expected business suppliers lose for buyers' requirements they do not meet (margin × probability of losing the buyer); "
                    + "a cost to them, a transfer to other suppliers, not in `societal_cost`"),
    SHARE_MEETING_STANDARD("share_meeting_standard", NUMBER, o -> o.funding().shareMeetingStandard(),
            "share of the firms the policy addresses that meet its standard (empty for a policy without one)"),
    SHARE_BUDGET_BOUND("share_budget_bound", NUMBER, o -> o.funding().shareBudgetBound(),
            "share of all firms whose investment their budget (cash or credit limit) holds below what they would choose"),
    PUBLIC_FUNDS("public_funds", MONEY, o -> o.funding().publicFundsYen(),
            "public money the policy spends: the government's payments and the administration of public programmes"),
    EQUILIBRIUM_ITERATIONS("equilibrium_iterations", INTEGER, o -> o.funding().equilibriumIterations(),
            "best-response rounds until no firm's success probability moved by more than `economics.equilibrium_tolerance` "
                    + "(0 with `economics.decisions: independent`; the same in every replicate)"),
    EQUILIBRIUM_MAX_CHANGE("equilibrium_max_change", NUMBER, o -> o.funding().equilibriumMaxChange(),
            "the largest change of a firm's success probability in the last round (empty with `decisions: independent`)"),
    ENTRIES("entries", INTEGER, ReplicateOutcome::entries,
            "attackers' entries: compromises by a campaign from outside the network (not over a trust link, not a stress test's seed)"),
    ENTRIES_TIER0("entries_tier0", INTEGER, ReplicateOutcome::entriesAtTier0, "of those, entries into tier-0 firms (the large buyers)");

    private final String header;
    private final CsvFormat format;
    private final ToDoubleFunction<ReplicateOutcome> value;
    private final String meaning;

    ReplicateColumn(String header, CsvFormat format, ToDoubleFunction<ReplicateOutcome> value, String meaning) {
        this.header = header;
        this.format = format;
        this.value = value;
        this.meaning = meaning;
    }

    /** The column's name in the file's header. */
    public String header() { return header; }

    public CsvFormat format() { return format; }

    public String meaning() { return meaning; }

    /** This column's value for one replicate under one policy (not for the text column {@link #POLICY}). */
    double of(ReplicateOutcome outcome) { return value.applyAsDouble(outcome); }
}
