package weaklink.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mergeable sums over replicates that {@code replicates.csv} does not hold: daily counts of
 * compromised and down firms, and losses and security spending by group. All sums are exact
 * integers (counts, and money rounded to whole currency units per replicate), so adding shards in
 * any order gives the same bytes as one unsharded run.
 */
public final class Accumulators {
    /** Sums for one policy. */
    public static final class PolicySums {
        public long replicates;
        public final long[] compromisedSum, compromisedSumSq, downSum, downSumSq;
        public final long[] groupFirms, groupLoss, groupSecuritySpend, groupPaidBySelf, groupPaidByBuyers,
                groupPaidByGovernment, groupPaidByPool, groupPaidForSuppliers, groupPremiums;
        /** Firms' decisions by group: investment, certification (yen); firms addressed, meeting the standard, budget-bound (counts); expected business lost and penalties (yen). */
        public final long[] groupInvestment, groupCertification, groupAddressed, groupMeetingStandard, groupBudgetBound, groupLostBusiness,
                groupPenalties;
        /** Where attackers got in: campaigns' entries (compromises from outside the network, not over a trust link) by group. */
        public final long[] groupEntries;

        PolicySums(int days, int groups) {
            compromisedSum = new long[days];
            compromisedSumSq = new long[days];
            downSum = new long[days];
            downSumSq = new long[days];
            groupFirms = new long[groups];
            groupLoss = new long[groups];
            groupSecuritySpend = new long[groups];
            groupPaidBySelf = new long[groups];
            groupPaidByBuyers = new long[groups];
            groupPaidByGovernment = new long[groups];
            groupPaidByPool = new long[groups];
            groupPaidForSuppliers = new long[groups];
            groupPremiums = new long[groups];
            groupInvestment = new long[groups];
            groupCertification = new long[groups];
            groupAddressed = new long[groups];
            groupMeetingStandard = new long[groups];
            groupBudgetBound = new long[groups];
            groupLostBusiness = new long[groups];
            groupPenalties = new long[groups];
            groupEntries = new long[groups];
        }

        long[][] arrays() {
            return new long[][] {compromisedSum, compromisedSumSq, downSum, downSumSq, groupFirms, groupLoss, groupSecuritySpend,
                    groupPaidBySelf, groupPaidByBuyers, groupPaidByGovernment, groupPaidByPool, groupPaidForSuppliers, groupPremiums,
                    groupInvestment, groupCertification, groupAddressed, groupMeetingStandard, groupBudgetBound, groupLostBusiness, groupPenalties,
                    groupEntries};
        }
    }

    static final List<String> ARRAY_NAMES = List.of("daily_compromised_sum", "daily_compromised_sumsq", "daily_down_sum",
            "daily_down_sumsq", "group_firms", "group_loss", "group_security_spend", "group_paid_by_self", "group_paid_by_buyers",
            "group_paid_by_government", "group_paid_by_pool", "group_paid_for_suppliers", "group_premiums", "group_investment",
            "group_certification", "group_addressed", "group_meeting_standard", "group_budget_bound", "group_lost_business", "group_penalties",
            "group_entries");

    private final int days;
    private final List<String> groups;
    private final Map<String, PolicySums> policies = new LinkedHashMap<>();
    private List<SummaryGroup> summaryGroups = List.of();

    /**
     * One summary group of the event loss tables (a cell of {@code weaklink.economics.SummarySets}):
     * the same in every replicate and shard, kept here so that the Oasis summary-info files can be
     * written from the results folder alone.
     *
     * @param set    the summary set (1 whole book, 2 tier, 3 size class, 4 sector)
     * @param id     the summary id within the set
     * @param label  what the group is (All-Risks, a tier, a size class, a sector)
     * @param gulTiv the annual revenue of its firms (with a book: of its insured firms)
     * @param ilTiv  the limits of their policies (with a book: times its share)
     */
    public record SummaryGroup(int set, int id, String label, double gulTiv, double ilTiv) {}

    /** The summary groups of the event loss tables (empty in a folder written before they existed). */
    public List<SummaryGroup> summaryGroups() { return summaryGroups; }

    public void summaryGroups(List<SummaryGroup> groups) { this.summaryGroups = List.copyOf(groups); }

    public Accumulators(int days, List<String> groups, List<String> policyNames) {
        this.days = days;
        this.groups = List.copyOf(groups);
        for (String p : policyNames) policies.put(p, new PolicySums(days, groups.size()));
    }

    /** The label of a loss group (tier × size class), e.g. {@code tier1-small}, as written in {@code groups}. */
    public static String groupLabel(int tier, String sizeClass) { return "tier" + tier + "-" + sizeClass; }

    /** The tier of a group label made by {@link #groupLabel}. */
    public static int groupTier(String label) {
        int dash = label.indexOf('-');
        if (!label.startsWith("tier") || dash < 0) throw new IllegalArgumentException("not a group label: " + label);
        return Integer.parseInt(label.substring(4, dash));
    }

    /** The size class of a group label made by {@link #groupLabel}. */
    public static String groupSizeClass(String label) {
        groupTier(label);
        return label.substring(label.indexOf('-') + 1);
    }

    public int days() { return days; }
    public List<String> groups() { return groups; }
    public Map<String, PolicySums> policies() { return policies; }
    public PolicySums policy(String name) { return policies.get(name); }

    /** Adds another shard's sums; both must describe the same scenario. */
    public void add(Accumulators other) {
        if (other.days != days || !other.groups.equals(groups) || !other.policies.keySet().equals(policies.keySet())
                || !other.summaryGroups.equals(summaryGroups)) {
            throw new IllegalArgumentException("accumulators of different layouts");
        }
        for (Map.Entry<String, PolicySums> e : policies.entrySet()) {
            PolicySums a = e.getValue(), b = other.policies.get(e.getKey());
            a.replicates += b.replicates;
            long[][] xa = a.arrays(), xb = b.arrays();
            for (int i = 0; i < xa.length; i++) for (int j = 0; j < xa[i].length; j++) xa[i][j] += xb[i][j];
        }
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("days", days);
        ArrayNode g = root.putArray("groups");
        groups.forEach(g::add);
        if (!summaryGroups.isEmpty()) {
            ArrayNode sg = root.putArray("summary_groups");
            for (SummaryGroup x : summaryGroups) {
                ObjectNode o = sg.addObject();
                o.put("set", x.set());
                o.put("id", x.id());
                o.put("label", x.label());
                o.put("gul_tiv", x.gulTiv());
                o.put("il_tiv", x.ilTiv());
            }
        }
        ObjectNode ps = root.putObject("policies");
        for (Map.Entry<String, PolicySums> e : policies.entrySet()) {
            ObjectNode p = ps.putObject(e.getKey());
            p.put("replicates", e.getValue().replicates);
            long[][] xs = e.getValue().arrays();
            for (int i = 0; i < xs.length; i++) {
                ArrayNode a = p.putArray(ARRAY_NAMES.get(i));
                for (long x : xs[i]) a.add(x);
            }
        }
        return root;
    }

    public static Accumulators fromJson(JsonNode root) {
        int days = root.get("days").asInt();
        List<String> groups = new java.util.ArrayList<>();
        root.get("groups").forEach(n -> groups.add(n.asText()));
        List<String> names = new java.util.ArrayList<>();
        root.get("policies").fieldNames().forEachRemaining(names::add);
        Accumulators acc = new Accumulators(days, groups, names);
        if (root.has("summary_groups")) {
            List<SummaryGroup> sg = new java.util.ArrayList<>();
            for (JsonNode o : root.get("summary_groups")) {
                sg.add(new SummaryGroup(o.get("set").asInt(), o.get("id").asInt(), o.get("label").asText(), o.get("gul_tiv").asDouble(),
                        o.get("il_tiv").asDouble()));
            }
            acc.summaryGroups = List.copyOf(sg);
        }
        for (String name : names) {
            JsonNode p = root.get("policies").get(name);
            PolicySums s = acc.policies.get(name);
            s.replicates = p.get("replicates").asLong();
            long[][] xs = s.arrays();
            for (int i = 0; i < xs.length; i++) {
                JsonNode a = p.get(ARRAY_NAMES.get(i));
                if (a == null || a.size() != xs[i].length) throw new IllegalArgumentException("accumulator array " + ARRAY_NAMES.get(i) + " has the wrong length");
                for (int j = 0; j < xs[i].length; j++) xs[i][j] = a.get(j).asLong();
            }
        }
        return acc;
    }
}
