package weaklink.report;

import static weaklink.io.CsvFormat.INTEGER;
import static weaklink.io.CsvFormat.MONEY;
import static weaklink.io.CsvFormat.NUMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import weaklink.experiment.ReplicateColumn;
import weaklink.io.CsvColumn;
import weaklink.io.CsvFormat;
import weaklink.io.CsvTable;

/**
 * The columns of {@code summary.csv}, one row per policy, in file order: each says how its value
 * is computed from the policy's replicate rows ({@link PolicySummary}), its format and what it
 * means (docs/OUTPUTS.md is checked against these). To add a column, add a constant at the end.
 * Definitions of the statistics: docs/OUTPUTS.md, "Definitions used throughout".
 */
public enum SummaryColumn {
    POLICY("policy", CsvFormat.TEXT, null, "policy"),
    REPLICATES("replicates", INTEGER, s -> s.total.size(), "number of replicates summarised"),
    MEAN_LOSS("mean_loss", MONEY, s -> s.total.mean(), "average annual loss (AAL) of `total_loss`"),
    SE_LOSS("se_loss", MONEY, s -> s.total.standardError(), "standard error of `mean_loss`"),
    CI95_LOW("ci95_low", MONEY, s -> s.total.mean() - s.halfWidth, "lower end of the 95 % Student-t interval of `mean_loss`"),
    CI95_HIGH("ci95_high", MONEY, s -> s.total.mean() + s.halfWidth, "upper end of that interval"),
    P50("p50", MONEY, s -> s.total.quantile(0.5), "median annual loss"),
    P90("p90", MONEY, s -> s.total.quantile(0.9), "90 % quantile of annual loss"),
    P99("p99", MONEY, s -> s.total.quantile(0.99), "99 % quantile of annual loss"),
    VAR_99_5("var_99_5", MONEY, s -> s.aepTail.valueAtRisk(),
            "VaR of annual aggregate loss at 99.5 % (the 1-in-200-year loss); empty when fewer than 10 years lie beyond it (`tail_note` says so)"),
    TVAR_99_5("tvar_99_5", MONEY, s -> s.aepTail.tailValueAtRisk(), "TVaR of annual aggregate loss at 99.5 %; empty when `var_99_5` is"),
    MEAN_DIRECT_LOSS("mean_direct_loss", MONEY, s -> s.mean(ReplicateColumn.DIRECT_LOSS), "mean of `direct_loss`"),
    MEAN_BI_LOSS("mean_bi_loss", MONEY, s -> s.mean(ReplicateColumn.BI_LOSS), "mean of `bi_loss`"),
    MEAN_CBI_LOSS("mean_cbi_loss", MONEY, s -> s.mean(ReplicateColumn.CBI_LOSS), "mean of `cbi_loss`"),
    MEAN_INSURED_LOSS("mean_insured_loss", MONEY, s -> s.mean(ReplicateColumn.INSURED_LOSS), "mean of `insured_loss`"),
    MEAN_SECURITY_SPEND("mean_security_spend", MONEY, s -> s.mean(ReplicateColumn.SECURITY_SPEND), "mean of `security_spend`"),
    MEAN_POLICY_COST("mean_policy_cost", MONEY, s -> s.mean(ReplicateColumn.POLICY_COST), "mean of `policy_cost`"),
    MEAN_SOCIETAL_COST("mean_societal_cost", MONEY, s -> s.mean(ReplicateColumn.SOCIETAL_COST),
            "mean of `societal_cost`: `mean_loss + mean_security_spend + mean_administration_cost + mean_excess_burden`"),
    MEAN_FIRMS_COMPROMISED("mean_firms_compromised", NUMBER, s -> s.mean(ReplicateColumn.FIRMS_COMPROMISED), "mean number of distinct firms compromised"),
    MEAN_FIRMS_DOWN("mean_firms_down", NUMBER, s -> s.mean(ReplicateColumn.FIRMS_DOWN), "mean number of distinct firms in an outage"),
    DIFF_VS_BASELINE("diff_vs_baseline", MONEY, s -> s.diff.meanDifference(),
            "paired mean difference `d̄` in annual loss against the baseline (negative: the policy lowers losses); 0 for the baseline itself"),
    DIFF_CI95_LOW("diff_ci95_low", MONEY, s -> s.diffT.low(), "lower end of the paired Student-t 95 % interval of `d̄`"),
    DIFF_CI95_HIGH("diff_ci95_high", MONEY, s -> s.diffT.high(), "upper end of that interval"),
    DIFF_SE("diff_se", MONEY, s -> s.isBaseline ? 0 : s.diff.standardError(), "standard error of `d̄`"),
    DIFF_BOOT_CI95_LOW("diff_boot_ci95_low", MONEY, s -> s.diffBootstrap.low(),
            "lower end of the bootstrap percentile 95 % interval of `d̄` (1,000 resamples, seeded)"),
    DIFF_BOOT_CI95_HIGH("diff_boot_ci95_high", MONEY, s -> s.diffBootstrap.high(), "upper end of that interval"),
    OEP_VAR_99_5("oep_var_99_5", MONEY, s -> s.oepTail.valueAtRisk(), "VaR at 99.5 % of the year's largest single event (OEP); empty when `var_99_5` is"),
    OEP_TVAR_99_5("oep_tvar_99_5", MONEY, s -> s.oepTail.tailValueAtRisk(), "TVaR at 99.5 % of the year's largest single event; empty when `var_99_5` is"),
    MEAN_UNINSURED_LOSS("mean_uninsured_loss", MONEY, s -> s.mean(ReplicateColumn.UNINSURED_LOSS), "mean of `uninsured_loss` (the protection gap)"),
    CBI_TO_DIRECT_RATIO("cbi_to_direct_ratio", NUMBER, s -> s.columns.cbiToDirectRatio(),
            "mean CBI / mean (direct + BI), the indirect-to-direct ratio of Inoue & Todo (2019); see docs/ODD.md §7.5"),
    MEAN_PAID_BY_SELF("mean_paid_by_self", MONEY, s -> s.mean(ReplicateColumn.PAID_BY_SELF), "mean of `paid_by_self`"),
    MEAN_PAID_BY_BUYERS("mean_paid_by_buyers", MONEY, s -> s.mean(ReplicateColumn.PAID_BY_BUYERS), "mean of `paid_by_buyers`"),
    MEAN_PAID_BY_GOVERNMENT("mean_paid_by_government", MONEY, s -> s.mean(ReplicateColumn.PAID_BY_GOVERNMENT), "mean of `paid_by_government`"),
    MEAN_PAID_BY_POOL("mean_paid_by_pool", MONEY, s -> s.mean(ReplicateColumn.PAID_BY_POOL), "mean of `paid_by_pool`"),
    MEAN_PREMIUMS("mean_premiums", MONEY, s -> s.mean(ReplicateColumn.PREMIUMS), "mean of `premiums`"),
    MEAN_POOL_PAYOUTS("mean_pool_payouts", MONEY, s -> s.mean(ReplicateColumn.POOL_PAYOUTS), "mean of `pool_payouts`"),
    MEAN_POOL_BALANCE("mean_pool_balance", MONEY, s -> s.mean(ReplicateColumn.POOL_BALANCE), "mean of `pool_balance`"),
    POOL_RUIN_PROBABILITY("pool_ruin_probability", NUMBER, s -> s.mean(ReplicateColumn.POOL_RUINED), "share of years in which the mutual pool was ruined"),
    DIFF_SOCIETAL_COST("diff_societal_cost", MONEY, s -> s.societalDiff.meanDifference(),
            "paired mean difference in `societal_cost` (losses, all security spending and the policy's overhead) against the baseline; "
                    + "negative: society is better off"),
    DIFF_SOCIETAL_CI95_LOW("diff_societal_ci95_low", MONEY, s -> s.societalT.low(), "lower end of its paired Student-t 95 % interval"),
    DIFF_SOCIETAL_CI95_HIGH("diff_societal_ci95_high", MONEY, s -> s.societalT.high(), "upper end of that interval"),
    MEAN_PUBLIC_POLICY_COST("mean_public_policy_cost", MONEY, s -> s.mean(ReplicateColumn.PUBLIC_FUNDS) + s.mean(ReplicateColumn.EXCESS_BURDEN),
            "the public part of `mean_policy_cost`: the public money the policy spends (`public_funds`) and its excess burden"),
    MEAN_PRIVATE_POLICY_COST("mean_private_policy_cost", MONEY, s -> s.mean(ReplicateColumn.POLICY_COST) - s.mean(ReplicateColumn.PUBLIC_FUNDS)
            - s.mean(ReplicateColumn.EXCESS_BURDEN), "the private part: `mean_policy_cost − mean_public_policy_cost`: what firms, buyers and the pool "
                    + "spend beyond the baseline (negative when public money pays for security firms would have bought anyway)"),
    LOSS_AVOIDED_PER_YEN("loss_avoided_per_yen", NUMBER, s -> s.lossAvoidedPerYen.ratio(),
            "benefit-cost ratio: loss avoided (`−diff_vs_baseline`) per unit of policy cost beyond the baseline's; empty when that cost is 0"),
    LOSS_AVOIDED_PER_YEN_CI95_LOW("loss_avoided_per_yen_ci95_low", NUMBER, s -> s.lossAvoidedPerYen.low(),
            "lower end of its 95 % interval (Student t of the linearised ratio, paired replicates)"),
    LOSS_AVOIDED_PER_YEN_CI95_HIGH("loss_avoided_per_yen_ci95_high", NUMBER, s -> s.lossAvoidedPerYen.high(), "upper end of that interval"),
    NET_BENEFIT("net_benefit", MONEY, s -> -s.societalDiff.meanDifference(),
            "`−diff_societal_cost`: loss avoided minus the policy cost (the extra security spending, whoever pays it, and the overhead; 0 for the baseline)"),
    NET_BENEFIT_CI95_LOW("net_benefit_ci95_low", MONEY, s -> -s.societalT.high(), "lower end of its 95 % interval"),
    NET_BENEFIT_CI95_HIGH("net_benefit_ci95_high", MONEY, s -> -s.societalT.low(), "upper end of that interval"),
    SOCIETAL_RANK("societal_rank", INTEGER, s -> s.rank, "rank by `mean_societal_cost`, 1 = lowest (ties in policy order)"),
    PROB_BEST("prob_best", NUMBER, s -> s.probBest,
            "probability that the policy has the lowest mean societal cost, from 1,000 paired bootstrap resamples of the replicates (seeded)"),
    VAR_99_5_CI95_LOW("var_99_5_ci95_low", MONEY, s -> s.aepTail.valueAtRiskLow(), "lower end of the bootstrap percentile 95 % interval of `var_99_5` (1,000 resamples, seeded)"),
    VAR_99_5_CI95_HIGH("var_99_5_ci95_high", MONEY, s -> s.aepTail.valueAtRiskHigh(), "upper end of that interval"),
    TVAR_99_5_CI95_LOW("tvar_99_5_ci95_low", MONEY, s -> s.aepTail.tailLow(), "lower end of the bootstrap percentile 95 % interval of `tvar_99_5`"),
    TVAR_99_5_CI95_HIGH("tvar_99_5_ci95_high", MONEY, s -> s.aepTail.tailHigh(), "upper end of that interval"),
    OEP_VAR_99_5_CI95_LOW("oep_var_99_5_ci95_low", MONEY, s -> s.oepTail.valueAtRiskLow(), "lower end of the bootstrap percentile 95 % interval of `oep_var_99_5`"),
    OEP_VAR_99_5_CI95_HIGH("oep_var_99_5_ci95_high", MONEY, s -> s.oepTail.valueAtRiskHigh(), "upper end of that interval"),
    TAIL_NOTE("tail_note", CsvFormat.TEXT, null,
            "empty when the 99.5 % figures are estimated; otherwise why they are not (fewer than 10 years beyond 99.5 %: at least 2,000 replicates are needed)"),
    SHARE_MEETING_STANDARD("share_meeting_standard", NUMBER, s -> s.mean(ReplicateColumn.SHARE_MEETING_STANDARD),
            "share of the firms the policy addresses that meet its standard (empty for a policy without one)"),
    SHARE_BUDGET_BOUND("share_budget_bound", NUMBER, s -> s.mean(ReplicateColumn.SHARE_BUDGET_BOUND),
            "share of all firms whose investment their budget holds below what they would choose"),
    MEAN_CERTIFICATION_COST("mean_certification_cost", MONEY, s -> s.mean(ReplicateColumn.CERTIFICATION_COST), "mean of `certification_cost`"),
    MEAN_ADMINISTRATION_COST("mean_administration_cost", MONEY, s -> s.mean(ReplicateColumn.ADMINISTRATION_COST), "mean of `administration_cost`"),
    MEAN_EXCESS_BURDEN("mean_excess_burden", MONEY, s -> s.mean(ReplicateColumn.EXCESS_BURDEN),
            "mean of `excess_burden`: the marginal-cost-of-funds part of `mean_policy_cost`"),
    MEAN_LOST_BUSINESS("mean_lost_business", MONEY, s -> s.mean(ReplicateColumn.LOST_BUSINESS), "mean of `lost_business`"),
    EQUILIBRIUM_ITERATIONS("equilibrium_iterations", INTEGER, s -> s.mean(ReplicateColumn.EQUILIBRIUM_ITERATIONS),
            "best-response rounds to the firms' equilibrium under the policy (0: `economics.decisions: independent`)"),
    EQUILIBRIUM_MAX_CHANGE("equilibrium_max_change", NUMBER, s -> s.mean(ReplicateColumn.EQUILIBRIUM_MAX_CHANGE),
            "the largest change of a firm's success probability in the last round, at most `economics.equilibrium_tolerance` (empty: independent)"),
    GAP_CLOSED("gap_closed", NUMBER, s -> s.gapClosed,
            "share of the gap to the planner the policy closes: `(societal cost of the baseline − policy) / (baseline − planner)`, "
                    + "mean societal costs; 1 for the planner, 0 for the baseline; empty when the run has no `planner` policy or it is not below the baseline"),
    DIFF_SOCIETAL_VS_PLANNER("diff_societal_vs_planner", MONEY, s -> s.plannerDiff == null ? Double.NaN : s.plannerDiff.meanDifference(),
            "paired mean difference in `societal_cost` against the `planner` policy (positive: the planner's benchmark is cheaper); empty without a planner"),
    DIFF_SOCIETAL_VS_PLANNER_CI95_LOW("diff_societal_vs_planner_ci95_low", MONEY, s -> s.plannerT.low(), "lower end of its paired Student-t 95 % interval"),
    DIFF_SOCIETAL_VS_PLANNER_CI95_HIGH("diff_societal_vs_planner_ci95_high", MONEY, s -> s.plannerT.high(), "upper end of that interval"),
    MEAN_ENTRIES("mean_entries", NUMBER, s -> s.mean(ReplicateColumn.ENTRIES), "mean of `entries`: where attackers got in, a year"),
    MEAN_ENTRIES_TIER0("mean_entries_tier0", NUMBER, s -> s.mean(ReplicateColumn.ENTRIES_TIER0), "mean of `entries_tier0`"),
    SHARE_ENTRIES_TIER0("share_entries_tier0", NUMBER, s -> s.mean(ReplicateColumn.ENTRIES_TIER0) / s.mean(ReplicateColumn.ENTRIES),
            "share of the entries that are into tier-0 firms (`mean(entries_tier0) / mean(entries)`); by tier and size class in by_group.csv");

    /** The file's columns: the one list the writer, the readers and docs/OUTPUTS.md share. */
    public static final CsvTable<PolicySummary> TABLE = new CsvTable<>("summary.csv", "One row per policy, from `replicates.csv`.", columns());

    private final String header;
    private final CsvFormat format;
    private final ToDoubleFunction<PolicySummary> value;
    private final String meaning;

    SummaryColumn(String header, CsvFormat format, ToDoubleFunction<PolicySummary> value, String meaning) {
        this.header = header;
        this.format = format;
        this.value = value;
        this.meaning = meaning;
    }

    /** Whether the column holds text (the policy, the tail note) rather than a number. */
    public boolean isText() { return format == CsvFormat.TEXT; }

    /** The column's name in the file's header. */
    public String header() { return header; }

    private static List<CsvColumn<PolicySummary>> columns() {
        List<CsvColumn<PolicySummary>> out = new ArrayList<>();
        for (SummaryColumn c : values()) {
            if (c == POLICY) out.add(CsvColumn.text(c.header, s -> s.policy, c.meaning));
            else if (c == TAIL_NOTE) out.add(CsvColumn.text(c.header, s -> s.aepTail.note(), c.meaning));
            else out.add(CsvColumn.of(c.header, c.format, c.value, c.meaning));
        }
        return out;
    }
}
