package weaklink.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import weaklink.scenario.BadInputException;

/**
 * The answer a results folder gives first, in words and as a ranking: which policy lowers societal
 * cost most against the baseline, by how much and how sure that is, which buys the most avoided
 * loss per yen, and the caveats that apply. Written from {@code summary.csv} alone, so the console
 * ({@code run}, {@code merge}) and {@code report.html} say the same thing.
 */
public final class Headline {
    /** Below this probability of being best, the runner-up is named as possibly as good. */
    static final double SURE = 0.95;

    /**
     * One policy's line of the ranking.
     *
     * @param rank        1 = lowest mean societal cost
     * @param policy      the policy
     * @param colour      its series colour
     * @param baseline    whether it is the baseline
     */
    public record Entry(int rank, String policy, int colour, boolean baseline, double societalCost, double diffSocietal,
                        double diffSocietalLow, double diffSocietalHigh, double diffLoss, double diffLossLow, double diffLossHigh,
                        double policyCost, double publicCost, double privateCost, double perYen, double perYenLow, double perYenHigh,
                        double netBenefit, double netBenefitLow, double netBenefitHigh, double probBest) {}

    private final String baseline;
    private final String currency;
    private final List<Entry> ranking;
    private final List<String> sentences;
    private final List<String> caveats;

    private Headline(String baseline, String currency, List<Entry> ranking, List<String> sentences, List<String> caveats) {
        this.baseline = baseline;
        this.currency = currency;
        this.ranking = List.copyOf(ranking);
        this.sentences = List.copyOf(sentences);
        this.caveats = List.copyOf(caveats);
    }

    /** The headline of results folder {@code dir}, from its manifest and {@code summary.csv} (all {@link #of} takes). */
    public static Headline read(Path dir) throws IOException, BadInputException {
        return of(Results.readSummaryOnly(dir));
    }

    static Headline of(Results r) {
        List<Entry> entries = new ArrayList<>();
        for (String p : r.policies) {
            Map<SummaryColumn, Double> s = r.summary.get(p);
            entries.add(new Entry(s.get(SummaryColumn.SOCIETAL_RANK).intValue(), p, r.colour(p), p.equals(r.baseline),
                    s.get(SummaryColumn.MEAN_SOCIETAL_COST), s.get(SummaryColumn.DIFF_SOCIETAL_COST), s.get(SummaryColumn.DIFF_SOCIETAL_CI95_LOW),
                    s.get(SummaryColumn.DIFF_SOCIETAL_CI95_HIGH), s.get(SummaryColumn.DIFF_VS_BASELINE), s.get(SummaryColumn.DIFF_CI95_LOW),
                    s.get(SummaryColumn.DIFF_CI95_HIGH), s.get(SummaryColumn.MEAN_POLICY_COST), s.get(SummaryColumn.MEAN_PUBLIC_POLICY_COST),
                    s.get(SummaryColumn.MEAN_PRIVATE_POLICY_COST), s.get(SummaryColumn.LOSS_AVOIDED_PER_YEN),
                    s.get(SummaryColumn.LOSS_AVOIDED_PER_YEN_CI95_LOW), s.get(SummaryColumn.LOSS_AVOIDED_PER_YEN_CI95_HIGH),
                    s.get(SummaryColumn.NET_BENEFIT), s.get(SummaryColumn.NET_BENEFIT_CI95_LOW), s.get(SummaryColumn.NET_BENEFIT_CI95_HIGH),
                    s.get(SummaryColumn.PROB_BEST)));
        }
        entries.sort(Comparator.comparingInt(Entry::rank));
        Measure money = Measure.moneyText(r.currency);
        List<String> sentences = new ArrayList<>();
        List<String> caveats = new ArrayList<>();
        int n = r.summary.get(r.policies.get(0)).get(SummaryColumn.REPLICATES).intValue();
        if (entries.size() < 2) {
            sentences.add("Only one policy (" + r.policies.get(0) + ") was run, so nothing is compared: add policies to the scenario's "
                    + "'policies' list to rank them.");
        } else if (Double.isNaN(entries.get(0).diffSocietal())) {
            sentences.add("summary.csv predates the cost-effectiveness columns; rerun 'chart' on results of this version to rank the policies.");
        } else {
            String planner = null;
            for (String p : r.policies) if ("planner".equals(r.type(p)) && planner == null) planner = p;
            String bench = planner;
            List<Entry> real = bench == null ? entries : entries.stream().filter(e -> !e.policy().equals(bench)).toList();
            sentences.add(best(real.size() >= 2 ? real : entries, r.baseline, money));
            String gap = bench == null ? null : gapClosed(r, bench, money);
            if (gap != null) sentences.add(gap);
            String upTheChain = entriesUpTheChain(r);
            if (upTheChain != null) sentences.add(upTheChain);
            String perYen = mostPerYen(entries, money);
            if (perYen != null) sentences.add(perYen);
            String cutsMost = cutsLossMost(entries, money);
            if (cutsMost != null) sentences.add(cutsMost);
        }
        caveats.add(String.format("Intervals are 95 %% and measure Monte Carlo error (%,d simulated years per policy) for one network and one "
                + "set of parameters; an 'uncertainty:' block in the scenario also draws the network and uncertain inputs.", n));
        String tail = r.tailNote.getOrDefault(r.policies.get(0), "");
        if (!tail.isEmpty()) caveats.add("VaR and TVaR 99.5 % are not given: " + tail + ".");
        return new Headline(r.baseline, r.currency, entries, sentences, caveats);
    }

    private static String best(List<Entry> entries, String baseline, Measure money) {
        Entry first = entries.get(0), second = entries.get(1);
        if (first.baseline()) {
            return String.format("No policy lowers societal cost below the baseline, %s: the least costly alternative, %s, changes it by %s a year %s.",
                    baseline, second.policy(), signed(money, second.diffSocietal()),
                    interval(money, second.diffSocietalLow(), second.diffSocietalHigh()));
        }
        StringBuilder s = new StringBuilder(String.format("%s lowers societal cost most: %s a year %s against %s", first.policy(),
                signed(money, first.diffSocietal()), interval(money, first.diffSocietalLow(), first.diffSocietalHigh()), baseline));
        if (first.probBest() >= SURE) {
            s.append(String.format(" (the lowest in %s of paired resamples)", percent(first.probBest())));
        } else {
            s.append(String.format("; %s may be as good (probability of being lowest: %s %s, %s %s)", second.policy(), first.policy(),
                    percent(first.probBest()), second.policy(), percent(second.probBest())));
        }
        s.append('.');
        if (first.diffSocietalHigh() >= 0) s.append(" Its interval includes no change: the saving is not established at this number of replicates.");
        return s.toString();
    }

    /**
     * How much of the gap between the baseline and the {@code planner} benchmark each policy closes
     * ({@code gap_closed}), largest first — or why no gap is measured.
     */
    static String gapClosed(Results r, String planner, Measure money) {
        Map<SummaryColumn, Double> p = r.summary.get(planner), base = r.summary.get(r.baseline);
        double gap = base.get(SummaryColumn.MEAN_SOCIETAL_COST) - p.get(SummaryColumn.MEAN_SOCIETAL_COST);
        if (!(gap > 0)) {
            return String.format("The planner's benchmark (%s) is not below %s here, so no share of a gap is given.", planner, r.baseline);
        }
        List<String> others = new ArrayList<>();
        for (String q : r.policies) if (!q.equals(planner) && !q.equals(r.baseline) && !Double.isNaN(r.summary.get(q).get(SummaryColumn.GAP_CLOSED))) others.add(q);
        others.sort(Comparator.comparingDouble((String q) -> -r.summary.get(q).get(SummaryColumn.GAP_CLOSED)));
        StringBuilder s = new StringBuilder(String.format("The planner's benchmark (%s: every firm's investment set for the network's societal cost) "
                + "is %s a year below %s", planner, money.write(gap), r.baseline));
        if (others.isEmpty()) return s.append('.').toString();
        s.append("; of that gap ");
        for (int k = 0; k < others.size(); k++) {
            String q = others.get(k);
            s.append(k == 0 ? "" : k == others.size() - 1 ? " and " : ", ").append(q).append(k == 0 ? " closes " : " ")
                    .append(String.format(java.util.Locale.ROOT, "%.0f %%", 100 * r.summary.get(q).get(SummaryColumn.GAP_CLOSED)));
        }
        return s.append('.').toString();
    }

    /** A rise of the tier-0 share of entries by at least this much (absolute), with more entries there, is reported as moving entries up the chain. */
    static final double UP_THE_CHAIN = 0.05;

    /**
     * The policies under which attackers' entries move up the chain: more entries a year into tier-0
     * firms than under the baseline (at least 5 % more) and a share of all entries at least
     * {@link #UP_THE_CHAIN} higher — the displacement adaptive attackers cause when suppliers harden
     * (docs/ODD.md 7.8). A share that rises only because fewer attackers get into suppliers is not one.
     */
    static String entriesUpTheChain(Results r) {
        Double base = r.summary.get(r.baseline).get(SummaryColumn.SHARE_ENTRIES_TIER0);
        Double baseCount = r.summary.get(r.baseline).get(SummaryColumn.MEAN_ENTRIES_TIER0);
        if (base == null || base.isNaN() || baseCount == null) return null;
        List<String> moved = new ArrayList<>();
        for (String p : r.policies) {
            Double share = r.summary.get(p).get(SummaryColumn.SHARE_ENTRIES_TIER0), count = r.summary.get(p).get(SummaryColumn.MEAN_ENTRIES_TIER0);
            if (share != null && count != null && share >= base + UP_THE_CHAIN && count > 1.05 * baseCount) {
                moved.add(String.format(java.util.Locale.ROOT, "%s (%.0f %% of entries, %.3g a year)", p, 100 * share, count));
            }
        }
        if (moved.isEmpty()) return null;
        return String.format(java.util.Locale.ROOT, "Attackers' entries move up the chain under %s: they get into the large buyers (tier 0) more "
                + "often than under %s (%.0f %% of entries, %.3g a year; by_group.csv, entry_share).", String.join(", ", moved), r.baseline,
                100 * base, baseCount);
    }

    private static String mostPerYen(List<Entry> entries, Measure money) {
        Entry top = null;
        for (Entry e : entries) if (!Double.isNaN(e.perYen()) && (top == null || e.perYen() > top.perYen())) top = e;
        if (top == null) return null;
        return String.format("%s avoids the most loss per yen of policy cost: %s %s.", top.policy(), perYen(money, top.perYen()),
                "[" + perYen(money, top.perYenLow()) + ", " + perYen(money, top.perYenHigh()) + "]");
    }

    private static String cutsLossMost(List<Entry> entries, Measure money) {
        Entry top = null;
        for (Entry e : entries) if (!e.baseline() && (top == null || e.diffLoss() < top.diffLoss())) top = e;
        if (top == null || top.rank() == 1 || !(top.diffLoss() < 0)) return null;
        return String.format("%s cuts loss most (%s a year) but %s societal cost by %s.", top.policy(), signed(money, top.diffLoss()),
                top.diffSocietal() > 0 ? "raises" : "lowers", money.write(Math.abs(top.diffSocietal())));
    }

    static String signed(Measure money, double x) {
        String s = money.write(x);
        return x > 0 ? "+" + s : s;
    }

    static String interval(Measure money, double low, double high) {
        return "[" + signed(money, low) + ", " + signed(money, high) + "]";
    }

    static String perYen(Measure money, double x) {
        return Double.isNaN(x) ? "–" : Measure.currencySymbol(money.label()) + String.format(java.util.Locale.ROOT, "%.2f", x);
    }

    static String percent(double p) {
        if (Double.isNaN(p)) return "–";
        if (p > 0 && p < 0.01) return "<1 %";
        if (p < 1 && p > 0.99) return ">99 %";
        return String.format(java.util.Locale.ROOT, "%.0f %%", p * 100);
    }

    public String baseline() { return baseline; }
    public String currency() { return currency; }
    /** The policies from lowest to highest mean societal cost. */
    public List<Entry> ranking() { return ranking; }
    /** The plain sentences, most important first. */
    public List<String> sentences() { return sentences; }
    /** What the numbers do not cover. */
    public List<String> caveats() { return caveats; }

    /** The sentences as one paragraph. */
    public String text() { return String.join(" ", sentences); }

    /** The ranking as a fixed-width table for the console. */
    public List<String> table() {
        Measure money = Measure.moneyText(currency);
        List<String> out = new ArrayList<>();
        out.add(String.format("%-4s %-22s %11s %30s %30s %11s %24s %9s", "rank", "policy", "societal", "vs " + baseline + " (95% CI)",
                "loss vs " + baseline + " (95% CI)", "policy cost", "loss avoided per yen", "P(best)"));
        for (Entry e : ranking) {
            String diff = e.baseline() ? "baseline" : signed(money, e.diffSocietal()) + " " + interval(money, e.diffSocietalLow(), e.diffSocietalHigh());
            String loss = e.baseline() ? "" : signed(money, e.diffLoss()) + " " + interval(money, e.diffLossLow(), e.diffLossHigh());
            String ratio = Double.isNaN(e.perYen()) ? "" : perYen(money, e.perYen()) + " [" + perYen(money, e.perYenLow()) + ", "
                    + perYen(money, e.perYenHigh()) + "]";
            out.add(String.format("%-4d %-22s %11s %30s %30s %11s %24s %9s", e.rank(), e.policy(), money.write(e.societalCost()), diff, loss,
                    money.write(e.policyCost()), ratio, percent(e.probBest())));
        }
        return out;
    }
}
