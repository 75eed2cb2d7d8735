package weaklink.experiment;

import static weaklink.io.CsvFormat.INTEGER;
import static weaklink.io.CsvFormat.MONEY;

import java.util.List;
import weaklink.economics.EventLosses;
import weaklink.economics.Reinsurance;
import weaklink.economics.SummarySets;
import weaklink.io.Csv;
import weaklink.io.CsvBytes;
import weaklink.io.CsvColumn;
import weaklink.io.CsvTable;
import weaklink.network.SupplyNetwork;

/**
 * The event files of a results folder, written replicate by replicate as {@code replicates.csv}
 * is (streamed, checkpointed, resumed and merged the same way). With {@code insurance.event_losses:
 * events} (the default): {@code events.csv}, each event's loss per summary group (the event loss
 * table the Oasis ORD files are made from), and, with an insurer's book, {@code portfolio_losses.csv},
 * each insured firm's loss and claim per event. With {@code years}: {@code year_losses.csv} alone,
 * each year's total and largest event per summary group (what the ORD exceedance and average-loss
 * tables need). With {@code none}: no event file.
 */
public final class EventRows {
    public static final String EVENTS = "events.csv";
    public static final String PORTFOLIO = "portfolio_losses.csv";
    public static final String YEARS = "year_losses.csv";

    private EventRows() {}

    /**
     * Does nothing: the rows below call it first thing in their static initialisers, so that this class, their nest
     * host, is linked before their columns' lambdas are made. The class-data archive (target/weaklink.jsa) keeps a
     * lambda only when its nest host was linked when it was made; otherwise every run makes it again (docs/BENCHMARKS.md,
     * "Seventh pass"; CdsArchiveIT).
     */
    static void linkNestHost() {}

    /** The event files a run of {@code scenario} writes, as its {@code insurance.event_losses} says. */
    public static List<String> files(weaklink.scenario.Scenario scenario) {
        return switch (scenario.insurance().eventLosses()) {
            case EVENTS -> scenario.insurance().hasPortfolio() ? List.of(EVENTS, PORTFOLIO) : List.of(EVENTS);
            case YEARS -> List.of(YEARS);
            case NONE -> List.of();
        };
    }

    /** The header line of event file {@code name}. */
    static String header(String name) {
        return switch (name) {
            case EVENTS -> EventRow.TABLE.header();
            case PORTFOLIO -> ClaimRow.TABLE.header();
            case YEARS -> YearRow.TABLE.header();
            default -> throw new IllegalArgumentException("no event file " + name);
        };
    }

    /**
     * A row of {@code year_losses.csv}: one year's losses of one summary group in each perspective, as
     * {@code events.csv} would have held them (each event's loss in whole cents, summed; the largest of them).
     */
    public record YearRow(String policy, int replicate, int summarySet, int summaryId, int events, double gulLoss, double gulLargest,
                          double ilLoss, double ilLargest, double retainedLoss, double retainedLargest, double cededLoss, double cededLargest) {
        static { linkNestHost(); }

        public static final CsvTable<YearRow> TABLE = new CsvTable<>(YEARS,
                "With `insurance.event_losses: years`: one row per (replicate, policy, summary group) with a ground-up or insured loss;"
                        + " groups by summary set then id.", List.of(
                CsvColumn.text("policy", YearRow::policy, "policy"),
                CsvColumn.of("replicate", INTEGER, YearRow::replicate, "replicate index from 0 (one simulated year; ORD period `replicate + 1`)"),
                CsvColumn.of("summary_set", INTEGER, YearRow::summarySet, "1 whole book, 2 by tier, 3 by size class, 4 by sector (as in `events.csv`)"),
                CsvColumn.of("summary_id", INTEGER, YearRow::summaryId, "the group within the set (as in `events.csv`)"),
                CsvColumn.of("events", INTEGER, YearRow::events, "events of the year with a ground-up or insured loss in the group (its rows `events.csv` would hold)"),
                CsvColumn.of("gul_loss", MONEY, YearRow::gulLoss, "the year's ground-up loss of the group: the sum of its events' `gul_loss` (each to the cent)"),
                CsvColumn.of("gul_largest", MONEY, YearRow::gulLargest, "the largest of those events' `gul_loss` (the OEP basis)"),
                CsvColumn.of("il_loss", MONEY, YearRow::ilLoss, "the year's insured loss of the group: the sum of its events' `il_loss`"),
                CsvColumn.of("il_largest", MONEY, YearRow::ilLargest, "the largest of those events' `il_loss`"),
                CsvColumn.of("retained_loss", MONEY, YearRow::retainedLoss, "the sum of its events' `retained_loss` (= `il_loss` without reinsurance)"),
                CsvColumn.of("retained_largest", MONEY, YearRow::retainedLargest, "the largest of those events' `retained_loss`"),
                CsvColumn.of("ceded_loss", MONEY, YearRow::cededLoss, "the sum of its events' `ceded_loss` (0 without reinsurance)"),
                CsvColumn.of("ceded_largest", MONEY, YearRow::cededLargest, "the largest of those events' `ceded_loss`")));

        /** Parses a line of {@code year_losses.csv}. */
        public static YearRow parse(String line) {
            List<String> c = Csv.split(line);
            if (c.size() != TABLE.columns().size()) throw new IllegalArgumentException("expected " + TABLE.columns().size() + " columns, found " + c.size());
            return new YearRow(c.get(0), Integer.parseInt(c.get(1)), Integer.parseInt(c.get(2)), Integer.parseInt(c.get(3)), Integer.parseInt(c.get(4)),
                    money(c.get(5)), money(c.get(6)), money(c.get(7)), money(c.get(8)), money(c.get(9)), money(c.get(10)), money(c.get(11)),
                    money(c.get(12)));
        }
    }

    /** A row of {@code events.csv}: one event, one summary group. */
    public record EventRow(String policy, int replicate, int event, int actor, int day, int summarySet, int summaryId, double gulLoss,
                           double gulExposure, double ilLoss, double ilExposure, double cededLoss, double retainedLoss) {
        static { linkNestHost(); }

        public static final CsvTable<EventRow> TABLE = new CsvTable<>(EVENTS,
                "One row per (replicate, policy, event, summary group) with a ground-up or insured loss; events in the order they occurred,"
                        + " groups by summary set then id.", List.of(
                CsvColumn.text("policy", EventRow::policy, "policy"),
                CsvColumn.of("replicate", INTEGER, EventRow::replicate, "replicate index from 0 (one simulated year)"),
                CsvColumn.of("event", INTEGER, EventRow::event, "the event's id within the year: the id of its first campaign (from 0; unique in the year, the same under every policy)"),
                CsvColumn.of("actor", INTEGER, EventRow::actor, "the actor (its position in the scenario's `actors`, from 0), or -1 for an initial compromise"),
                CsvColumn.of("day", INTEGER, EventRow::day, "the day the event's first campaign started (from 0)"),
                CsvColumn.of("summary_set", INTEGER, EventRow::summarySet, "1 whole book, 2 by tier, 3 by size class, 4 by sector"),
                CsvColumn.of("summary_id", INTEGER, EventRow::summaryId, "the group within the set: 1; tier + 1; 1 large, 2 medium, 3 small, 4 micro; the sector's position + 1 (see `ord/POLICY/gul_SN_summary-info.csv`)"),
                CsvColumn.of("gul_loss", MONEY, EventRow::gulLoss, "ground-up loss of the group's firms from the event (with a book: of its insured firms only)"),
                CsvColumn.of("gul_exposure", MONEY, EventRow::gulExposure, "annual revenue of the group's firms with a ground-up loss from the event"),
                CsvColumn.of("il_loss", MONEY, EventRow::ilLoss, "insured loss: what the group's policies paid for the event (with a book: the book's share of what its policies paid)"),
                CsvColumn.of("il_exposure", MONEY, EventRow::ilExposure, "limits (times the book's share) of the group's policies that paid for the event"),
                CsvColumn.of("ceded_loss", MONEY, EventRow::cededLoss, "the part of `il_loss` ceded to reinsurers (0 without reinsurance)"),
                CsvColumn.of("retained_loss", MONEY, EventRow::retainedLoss, "`il_loss − ceded_loss`, what the insurer keeps")));

        /**
         * Appends this row's line, with its '\n', as {@link #TABLE} writes it (encoded in UTF-8), {@code policyCell} being
         * {@code Csv.text(policy())} encoded: the cells written in turn, straight into bytes, without a lambda, string or
         * encoder per cell (931,000 rows on 1,000 replicates of japan-manufacturing, made on the replicate workers).
         */
        void appendTo(CsvBytes out, byte[] policyCell) {
            out.encoded(policyCell).comma().integer(replicate).comma().integer(event).comma().integer(actor).comma()
                    .integer(day).comma().integer(summarySet).comma().integer(summaryId);
            out.comma().money(gulLoss).comma().money(gulExposure).comma().money(ilLoss).comma().money(ilExposure)
                    .comma().money(cededLoss).comma().money(retainedLoss).newline();
        }

        /** Parses a line of {@code events.csv}. */
        public static EventRow parse(String line) {
            List<String> c = Csv.split(line);
            if (c.size() != TABLE.columns().size()) throw new IllegalArgumentException("expected " + TABLE.columns().size() + " columns, found " + c.size());
            return new EventRow(c.get(0), Integer.parseInt(c.get(1)), Integer.parseInt(c.get(2)), Integer.parseInt(c.get(3)),
                    Integer.parseInt(c.get(4)), Integer.parseInt(c.get(5)), Integer.parseInt(c.get(6)), money(c.get(7)), money(c.get(8)),
                    money(c.get(9)), money(c.get(10)), money(c.get(11)), money(c.get(12)));
        }
    }

    /** A row of {@code portfolio_losses.csv}: one insured firm's loss and claim from one event. */
    public record ClaimRow(String policy, int replicate, int event, long firmId, double groundUp, double bi, double cbi, double ransom,
                           double waiting, double insured, double book) {
        static { linkNestHost(); }

        public static final CsvTable<ClaimRow> TABLE = new CsvTable<>(PORTFOLIO,
                "One row per (replicate, policy, event, insured firm of the book) with a loss; events in the order they occurred, then firms.",
                List.of(
                CsvColumn.text("policy", ClaimRow::policy, "policy"),
                CsvColumn.of("replicate", INTEGER, ClaimRow::replicate, "replicate index from 0"),
                CsvColumn.of("event", INTEGER, ClaimRow::event, "the event's id within the year (as in `events.csv`)"),
                CsvColumn.of("firm_id", INTEGER, r -> r.firmId, "the insured firm (its id in the network, as in the portfolio file)"),
                CsvColumn.of("ground_up_loss", MONEY, ClaimRow::groundUp, "everything the firm lost from the event: incident, ransom, breach, BI and CBI"),
                CsvColumn.of("bi_loss", MONEY, ClaimRow::bi, "its business interruption (part of `ground_up_loss`)"),
                CsvColumn.of("cbi_loss", MONEY, ClaimRow::cbi, "its contingent business interruption (part of `ground_up_loss`)"),
                CsvColumn.of("ransom_loss", MONEY, ClaimRow::ransom, "the ransom it paid (part of `ground_up_loss`)"),
                CsvColumn.of("waiting_period_loss", MONEY, ClaimRow::waiting, "BI and CBI within the policy's waiting period, not covered"),
                CsvColumn.of("insured_loss", MONEY, ClaimRow::insured, "what the policy paid for the event (the whole policy: deductible, sublimits, waiting period and the annual limit applied)"),
                CsvColumn.of("book_loss", MONEY, ClaimRow::book, "the book's part: `share × insured_loss`")));
    }

    private static double money(String cell) {
        return weaklink.io.CsvFormat.MONEY.read(cell);
    }

    /**
     * Appends one replicate's rows under one policy: the events' rows to {@code events} and the book's
     * claims (if any) to {@code claims}. Reinsurance is applied to the book's event losses (summary set 1)
     * in occurrence order; each group's ceded part is the event's, pro rata to the group's insured loss.
     * With {@code held} (else null), each event row is also added to it, under policy number {@code policyIndex}.
     * {@code policyCell} is the policy's cell as the rows hold it ({@code Csv.text(policy)} in UTF-8).
     */
    static void append(CsvBytes events, StringBuilder claims, String policy, byte[] policyCell, int replicate, EventLosses losses, SummarySets sets,
                       Reinsurance reinsurance, SupplyNetwork net, HeldEvents.Part held, int policyIndex) {
        int n = losses.size();
        double[] ceded = ceded(losses, reinsurance);
        for (int e = 0; e < n; e++) {
            // the cells the event touched, ascending: every other cell has no loss and no row
            for (int cell = losses.nextCell(e, 0); cell >= 0; cell = losses.nextCell(e, cell + 1)) {
                double gul = losses.gul(e, cell), il = losses.il(e, cell);
                if (gul <= 0 && il <= 0) continue;
                long ilCents = Math.round(il * 100), cededCents = cededCents(losses, ceded, e, cell);
                EventRow row = new EventRow(policy, replicate, losses.id(e), losses.actor(e), losses.day(e), sets.set(cell),
                        sets.summaryId(cell), gul, losses.gulExposure(e, cell), il, losses.ilExposure(e, cell), cededCents / 100.0,
                        (ilCents - cededCents) / 100.0);
                row.appendTo(events, policyCell);
                if (held != null) held.add(policyIndex, row);
            }
        }
        appendClaims(claims, policy, replicate, losses, net);
    }

    /**
     * Appends one replicate's rows of {@code year_losses.csv} under one policy: for each summary group,
     * the sums and largest of the event losses {@link #append} would have written (each in whole cents,
     * as written there), so that the ORD tables made from either file are the same.
     */
    static void appendYears(StringBuilder years, String policy, int replicate, EventLosses losses, SummarySets sets, Reinsurance reinsurance) {
        int n = losses.size();
        double[] ceded = ceded(losses, reinsurance);
        for (int cell = 0; cell < sets.cells(); cell++) {
            int count = 0;
            long[] sum = new long[4], largest = new long[4];
            for (int e = 0; e < n; e++) {
                double gul = losses.gul(e, cell), il = losses.il(e, cell);
                if (gul <= 0 && il <= 0) continue;
                count++;
                long ilCents = Math.round(il * 100), cededCents = cededCents(losses, ceded, e, cell);
                long[] cents = {Math.round(gul * 100), ilCents, ilCents - cededCents, cededCents};
                for (int k = 0; k < 4; k++) {
                    sum[k] += cents[k];
                    largest[k] = Math.max(largest[k], cents[k]);
                }
            }
            if (count == 0) continue;
            YearRow.TABLE.append(years, new YearRow(policy, replicate, sets.set(cell), sets.summaryId(cell), count, sum[0] / 100.0, largest[0] / 100.0,
                    sum[1] / 100.0, largest[1] / 100.0, sum[2] / 100.0, largest[2] / 100.0, sum[3] / 100.0, largest[3] / 100.0));
        }
    }

    /** Each event's loss ceded to reinsurers (reinsurance applies to the book's whole event loss, summary set 1, in occurrence order). */
    private static double[] ceded(EventLosses losses, Reinsurance reinsurance) {
        int n = losses.size();
        double[] whole = new double[n];
        for (int e = 0; e < n; e++) whole[e] = losses.il(e, 0);
        return reinsurance.any() ? reinsurance.ceded(whole) : new double[n];
    }

    /** The ceded part of event {@code e} in summary cell {@code cell}, in whole cents (so that ceded + retained = il to the cent as written). */
    private static long cededCents(EventLosses losses, double[] ceded, int e, int cell) {
        double whole = losses.il(e, 0), il = losses.il(e, cell);
        return Math.round((cell == 0 ? ceded[e] : whole > 0 ? ceded[e] * (il / whole) : 0) * 100);
    }

    private static void appendClaims(StringBuilder claims, String policy, int replicate, EventLosses losses, SupplyNetwork net) {
        EventLosses.Claims book = losses.claims();
        if (book == null || claims == null) return;
        for (int k = 0; k < book.size(); k++) {
            int e = book.event(k);
            ClaimRow.TABLE.append(claims, new ClaimRow(policy, replicate, losses.id(e), net.firmId(book.firm(k)),
                    book.yen(k, EventLosses.Claims.GROUND_UP), book.yen(k, EventLosses.Claims.BI), book.yen(k, EventLosses.Claims.CBI),
                    book.yen(k, EventLosses.Claims.RANSOM), book.yen(k, EventLosses.Claims.WAITING), book.yen(k, EventLosses.Claims.PAID),
                    book.yen(k, EventLosses.Claims.BOOK)));
        }
    }
}
