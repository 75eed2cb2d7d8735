package weaklink.report;

import static weaklink.io.CsvFormat.INTEGER;
import static weaklink.io.CsvFormat.MONEY;
import static weaklink.io.CsvFormat.NUMBER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weaklink.experiment.Accumulators;
import weaklink.io.AtomicFile;
import weaklink.io.CsvColumn;
import weaklink.io.CsvTable;

/**
 * The tables made from the run's exact sums ({@code accumulators.json}) rather than from the
 * replicate rows: {@code timeseries.csv} (compromised and down firms per day) and
 * {@code by_group.csv} (losses borne and security paid, by tier, size class and payer).
 */
final class GroupTables {
    private GroupTables() {}

    /**
     * Does nothing: the rows below call it first thing in their static initialisers, so that this class, their nest
     * host, is linked before their columns' lambdas are made. The class-data archive (target/weaklink.jsa) keeps a
     * lambda only when its nest host was linked when it was made; otherwise every run makes it again (docs/BENCHMARKS.md,
     * "Seventh pass"; CdsArchiveIT).
     */
    static void linkNestHost() {}

    /** One row of {@code timeseries.csv}: a policy's daily counts, rounded to 6 decimals. */
    record DayRow(String policy, int day, double meanCompromised, double sdCompromised, double meanDown, double sdDown) {
        static { linkNestHost(); }

        static final CsvColumn<DayRow> POLICY = CsvColumn.text("policy", DayRow::policy, "policy");
        static final CsvColumn<DayRow> DAY = CsvColumn.of("day", INTEGER, DayRow::day,
                "day `d` = 1 … `days`, covering `[d − 1, d)` days from the start of the year");
        static final CsvColumn<DayRow> MEAN_COMPROMISED = CsvColumn.of("mean_compromised", NUMBER, DayRow::meanCompromised,
                "mean over replicates of the number of distinct firms with an undetected intruder that day");
        static final CsvColumn<DayRow> SD_COMPROMISED = CsvColumn.of("sd_compromised", NUMBER, DayRow::sdCompromised,
                "its standard deviation over replicates");
        static final CsvColumn<DayRow> MEAN_DOWN = CsvColumn.of("mean_down", NUMBER, DayRow::meanDown,
                "mean over replicates of the number of firms in an outage that day");
        static final CsvColumn<DayRow> SD_DOWN = CsvColumn.of("sd_down", NUMBER, DayRow::sdDown, "its standard deviation over replicates");

        static final CsvTable<DayRow> TABLE = new CsvTable<>("timeseries.csv",
                "Firms compromised and down through the year, from the exact daily sums in `accumulators.json`.",
                List.of(POLICY, DAY, MEAN_COMPROMISED, SD_COMPROMISED, MEAN_DOWN, SD_DOWN));
    }

    /** One row of {@code by_group.csv}: a group's means per simulated year under one policy. */
    record GroupRow(String policy, int tier, String sizeClass, double firms, double lossBorne, double securitySpend, double paidBySelf,
                    double paidByBuyers, double paidByGovernment, double paidByPool, double paidForSuppliers, double premiums,
                    double investmentPerFirm, double certification, double firmsAddressed, double shareMeetingStandard,
                    double shareBudgetBound, double lostBusiness, double penalties, double entries, double entryShare) {
        static { linkNestHost(); }

        static final CsvColumn<GroupRow> POLICY = CsvColumn.text("policy", GroupRow::policy, "policy");
        static final CsvColumn<GroupRow> TIER = CsvColumn.of("tier", INTEGER, GroupRow::tier, "the group's tier (0 = large buyers)");
        static final CsvColumn<GroupRow> SIZE_CLASS = CsvColumn.text("size_class", GroupRow::sizeClass, "the group's size class");
        static final CsvColumn<GroupRow> FIRMS = CsvColumn.of("firms", NUMBER, GroupRow::firms, "firms in the group");
        static final CsvColumn<GroupRow> MEAN_LOSS_BORNE = CsvColumn.of("mean_loss_borne", MONEY, GroupRow::lossBorne,
                "mean annual loss of the group's firms");
        static final CsvColumn<GroupRow> MEAN_SECURITY_SPEND = CsvColumn.of("mean_security_spend", MONEY, GroupRow::securitySpend,
                "mean annual security spending of the group's firms (investment and certification), whoever paid it");
        static final CsvColumn<GroupRow> MEAN_PAID_BY_SELF = CsvColumn.of("mean_paid_by_self", MONEY, GroupRow::paidBySelf,
                "the part of that investment the firms paid themselves");
        static final CsvColumn<GroupRow> MEAN_PAID_BY_BUYERS = CsvColumn.of("mean_paid_by_buyers", MONEY, GroupRow::paidByBuyers,
                "the part their buyers paid");
        static final CsvColumn<GroupRow> MEAN_PAID_BY_GOVERNMENT = CsvColumn.of("mean_paid_by_government", MONEY, GroupRow::paidByGovernment,
                "the part the government paid");
        static final CsvColumn<GroupRow> MEAN_PAID_BY_POOL = CsvColumn.of("mean_paid_by_pool", MONEY, GroupRow::paidByPool,
                "the part the mutual pool paid");
        static final CsvColumn<GroupRow> MEAN_PAID_FOR_SUPPLIERS = CsvColumn.of("mean_paid_for_suppliers", MONEY, GroupRow::paidForSuppliers,
                "what the group's firms paid towards their suppliers' security");
        static final CsvColumn<GroupRow> MEAN_PREMIUMS = CsvColumn.of("mean_premiums", MONEY, GroupRow::premiums,
                "mutual-pool premiums the group's firms paid");

        static final CsvColumn<GroupRow> INVESTMENT_PER_FIRM = CsvColumn.of("investment_per_firm", MONEY, GroupRow::investmentPerFirm,
                "mean security investment `z` of one of the group's firms (certification not included)");
        static final CsvColumn<GroupRow> MEAN_CERTIFICATION_COST = CsvColumn.of("mean_certification_cost", MONEY, GroupRow::certification,
                "what the group's firms spend on certifying standards (part of `mean_security_spend`)");
        static final CsvColumn<GroupRow> FIRMS_ADDRESSED = CsvColumn.of("firms_addressed", NUMBER, GroupRow::firmsAddressed,
                "the group's firms the policy addresses (asks or helps to meet its standard)");
        static final CsvColumn<GroupRow> SHARE_MEETING_STANDARD = CsvColumn.of("share_meeting_standard", NUMBER, GroupRow::shareMeetingStandard,
                "share of those that meet the policy's standard (empty when the policy addresses none of the group); "
                        + "1 − this share is the share that drops it");
        static final CsvColumn<GroupRow> SHARE_BUDGET_BOUND = CsvColumn.of("share_budget_bound", NUMBER, GroupRow::shareBudgetBound,
                "share of the group's firms whose budget holds their investment below what they would choose");
        static final CsvColumn<GroupRow> MEAN_LOST_BUSINESS = CsvColumn.of("mean_lost_business", MONEY, GroupRow::lostBusiness,
                "expected business the group's firms lose for buyers' requirements they do not meet (who loses customers)");
        static final CsvColumn<GroupRow> MEAN_PENALTIES = CsvColumn.of("mean_penalties", MONEY, GroupRow::penalties,
                "expected penalties the group's firms pay for not meeting a mandate");

        static final CsvColumn<GroupRow> MEAN_ENTRIES = CsvColumn.of("mean_entries", NUMBER, GroupRow::entries,
                "attackers' entries into the group's firms a year (a campaign getting in from outside the network, not over a trust link)");
        static final CsvColumn<GroupRow> ENTRY_SHARE = CsvColumn.of("entry_share", NUMBER, GroupRow::entryShare,
                "the group's share of the policy's entries (empty when there were none): where attackers got in, and whether a policy moves "
                        + "them up the chain");

        /** The payers of security in the order of {@code mean_paid_by_*}. */
        static final List<CsvColumn<GroupRow>> PAID_BY = List.of(MEAN_PAID_BY_SELF, MEAN_PAID_BY_BUYERS, MEAN_PAID_BY_GOVERNMENT, MEAN_PAID_BY_POOL);

        static final CsvTable<GroupRow> TABLE = new CsvTable<>("by_group.csv",
                "Losses borne and security paid, by group (tier × size class) and payer; means per simulated year from the exact sums in "
                        + "`accumulators.json` (money rounded to whole currency units per replicate before summing, so the sums are exact and "
                        + "mergeable). Groups without firms are left out.",
                List.of(POLICY, TIER, SIZE_CLASS, FIRMS, MEAN_LOSS_BORNE, MEAN_SECURITY_SPEND, MEAN_PAID_BY_SELF, MEAN_PAID_BY_BUYERS,
                        MEAN_PAID_BY_GOVERNMENT, MEAN_PAID_BY_POOL, MEAN_PAID_FOR_SUPPLIERS, MEAN_PREMIUMS, INVESTMENT_PER_FIRM,
                        MEAN_CERTIFICATION_COST, FIRMS_ADDRESSED, SHARE_MEETING_STANDARD, SHARE_BUDGET_BOUND, MEAN_LOST_BUSINESS, MEAN_PENALTIES,
                        MEAN_ENTRIES, ENTRY_SHARE));
    }

    /** One row per (policy, day); day {@code d} (1-based) covers days {@code [d − 1, d)} from the start of the year. */
    static void writeTimeseries(Path file, Accumulators acc) throws IOException {
        List<DayRow> rows = new ArrayList<>();
        for (Map.Entry<String, Accumulators.PolicySums> e : acc.policies().entrySet()) {
            Accumulators.PolicySums s = e.getValue();
            for (int t = 0; t < acc.days(); t++) {
                rows.add(new DayRow(e.getKey(), t + 1, round(mean(s.compromisedSum[t], s.replicates)),
                        round(sd(s.compromisedSum[t], s.compromisedSumSq[t], s.replicates)), round(mean(s.downSum[t], s.replicates)),
                        round(sd(s.downSum[t], s.downSumSq[t], s.replicates))));
            }
        }
        AtomicFile.writeString(file, DayRow.TABLE.render(rows));
    }

    /** One row per (policy, group): means per simulated year of the group's totals. */
    static void writeByGroup(Path file, Accumulators acc) throws IOException {
        List<GroupRow> rows = new ArrayList<>();
        List<String> groups = acc.groups();
        for (Map.Entry<String, Accumulators.PolicySums> e : acc.policies().entrySet()) {
            Accumulators.PolicySums s = e.getValue();
            long n = s.replicates;
            long entries = 0;
            for (long x : s.groupEntries) entries += x;
            for (int g = 0; g < groups.size(); g++) {
                if (s.groupFirms[g] == 0) continue;
                rows.add(new GroupRow(e.getKey(), Accumulators.groupTier(groups.get(g)), Accumulators.groupSizeClass(groups.get(g)),
                        mean(s.groupFirms[g], n), mean(s.groupLoss[g], n), mean(s.groupSecuritySpend[g], n), mean(s.groupPaidBySelf[g], n),
                        mean(s.groupPaidByBuyers[g], n), mean(s.groupPaidByGovernment[g], n), mean(s.groupPaidByPool[g], n),
                        mean(s.groupPaidForSuppliers[g], n), mean(s.groupPremiums[g], n), ratio(s.groupInvestment[g], s.groupFirms[g]),
                        mean(s.groupCertification[g], n), mean(s.groupAddressed[g], n), ratio(s.groupMeetingStandard[g], s.groupAddressed[g]),
                        ratio(s.groupBudgetBound[g], s.groupFirms[g]), mean(s.groupLostBusiness[g], n), mean(s.groupPenalties[g], n),
                        mean(s.groupEntries[g], n), ratio(s.groupEntries[g], entries)));
            }
        }
        AtomicFile.writeString(file, GroupRow.TABLE.render(rows));
    }

    static double mean(long sum, long n) { return n == 0 ? Double.NaN : (double) sum / n; }

    /** A ratio of two sums over the same replicates (a per-firm mean, a share); NaN when the denominator is 0. */
    static double ratio(long sum, long over) { return over == 0 ? Double.NaN : (double) sum / over; }

    /** Sample standard deviation from exact sums: {@code √((Σx² − (Σx)²/n) / (n − 1))}. */
    static double sd(long sum, long sumSq, long n) {
        if (n < 2) return Double.NaN;
        double var = ((double) sumSq - (double) sum * sum / n) / (n - 1);
        return Math.sqrt(Math.max(0, var));
    }

    /** Six decimals are plenty for firm counts and keep the file small. */
    private static double round(double x) { return Double.isNaN(x) ? x : Math.round(x * 1e6) / 1e6; }
}
