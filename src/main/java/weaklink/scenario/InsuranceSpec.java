package weaklink.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An insurer's view of the run (the scenario's {@code insurance:} block, docs/SCENARIOS.md): its own
 * book of insured firms, what counts as one event, its reinsurance, and how the Oasis ORD tables
 * are written. Without the block: no book (the {@code il} perspective is the market's class-default
 * insurance), one campaign is one event, no reinsurance, ORD v1 with WeakLink's quantile.
 *
 * @param portfolio   the book: a CSV of insured firms (resolved against the scenario's folder), or null
 * @param events      what counts as one event (one occurrence, for per-event terms and the OEP)
 * @param reinsurance the book's reinsurance layers (empty: none): per-event layers on each event's loss, aggregate
 *                    layers on the year's loss net of them
 * @param ord         how the ORD tables are written
 * @param eventLosses what the results folder keeps of each event's losses (and so which ORD tables it can hold)
 */
public record InsuranceSpec(Path portfolio, EventDefinition events, List<Layer> reinsurance, OrdSpec ord, EventLosses eventLosses) {

    /** The scenario key of {@link #eventLosses}, as messages name it. */
    public static final String EVENT_LOSSES_KEY = "insurance.event_losses";

    public static InsuranceSpec defaults() {
        return new InsuranceSpec(null, EventDefinition.CAMPAIGN, List.of(), OrdSpec.defaults(), EventLosses.EVENTS);
    }

    /** The same with the ORD tables' return periods replaced (as {@code run --return-periods} gives them; null: the market grid). */
    public InsuranceSpec withReturnPeriods(List<Double> periods) {
        return new InsuranceSpec(portfolio, events, reinsurance, new OrdSpec(periods == null ? null : List.copyOf(periods), ord.quantile(), ord.version()),
                eventLosses);
    }

    /** The same keeping {@code keep} of the events' losses (as {@code run --event-losses} gives it). */
    public InsuranceSpec withEventLosses(EventLosses keep) {
        return new InsuranceSpec(portfolio, events, reinsurance, ord, keep);
    }

    /**
     * What a results folder keeps of each event's losses. Every event of every year under every policy
     * is a row per summary group, so {@code events.csv} grows with years × policies × events (about
     * 400 MB for japan-manufacturing's 9 policies over 1,000 years); an insurer who needs only the
     * exceedance curves and average losses keeps each year's figures instead, and one who needs neither
     * keeps nothing.
     */
    public enum EventLosses implements Labelled {
        /** {@code events.csv} (and with a book {@code portfolio_losses.csv}): every ORD table, SELT and SPLT included. */
        EVENTS("events"),
        /**
         * {@code year_losses.csv}: each year's total and largest event per summary group and perspective; the ORD
         * PALT, EPT, PSEPT and summary-info files, the same as with {@code events}, but no SELT or SPLT (and no
         * {@code portfolio_losses.csv}).
         */
        YEARS("years"),
        /** No event file and no {@code ord/} folder: the market's figures (replicates.csv and its summaries) only. */
        NONE("none");

        private final String label;
        EventLosses(String label) { this.label = label; }
        @Override public String label() { return label; }

        /** Whether the folder holds the ORD event tables (SELT, SPLT). */
        public boolean eventTables() { return this == EVENTS; }

        /** Whether the folder holds any ORD table. */
        public boolean ord() { return this != NONE; }
    }

    /**
     * Return periods in years separated by commas, as {@code run --return-periods} takes them: each above 1
     * and at most 1e9, none twice; sorted.
     *
     * @throws BadInputException naming the option and what is wrong
     */
    public static List<Double> returnPeriodsOption(String option, String text) throws BadInputException {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String t = part.trim();
            double x;
            try {
                x = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw BadInputException.option(option, "expected return periods in years separated by commas (e.g. 10,50,100,250), found '"
                        + YamlValue.abbreviate(t) + "'");
            }
            if (!(x > 1 && x <= 1e9)) throw BadInputException.option(option, "a return period is a number of years above 1 (and at most 1e9), found " + t);
            if (out.contains(x)) throw BadInputException.option(option, "return period " + t + " is listed twice");
            out.add(x);
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** Whether the scenario gives the insurer's own book. */
    public boolean hasPortfolio() { return portfolio != null; }

    /**
     * What counts as one event.
     *
     * @param windowHours null: each campaign (and each stress-test seed) is an event; else the campaigns of one
     *                    actor that start within this many hours of the event's first campaign are one event
     *                    (the "hours clause" of event definitions), each with all its compromises
     */
    public record EventDefinition(Double windowHours) {
        public static final EventDefinition CAMPAIGN = new EventDefinition(null);

        public boolean byCampaign() { return windowHours == null; }

        /** The label written in the scenario: {@code campaign} or {@code actor-window}. */
        public String label() { return byCampaign() ? "campaign" : "actor-window"; }
    }

    /** A reinsurance layer's kind. */
    public enum LayerKind implements Labelled {
        /** Excess of loss per event: pays {@code share × min(max(event loss − attachment, 0), limit)} for each event. */
        PER_EVENT("per-event"),
        /** Annual aggregate stop-loss: pays {@code share × min(max(year's loss − attachment, 0), limit)}, event by event as it accrues. */
        AGGREGATE("aggregate");

        private final String label;
        LayerKind(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    /** One reinsurance layer: {@code attachment} xs, {@code limit}, {@code share} of it placed. */
    public record Layer(LayerKind kind, double attachmentYen, double limitYen, double share) {}

    /** Which quantile an exceedance table gives at a return period. */
    public enum Quantile implements Labelled {
        /** WeakLink's: {@code x_(⌈(1 − 1/T)n⌉)}, the type-1 quantile (docs/OUTPUTS.md). */
        TYPE1("type1"),
        /** ktools' (Oasis): the {@code n/T}-th largest loss, linearly interpolated in return period between ranks. */
        KTOOLS("ktools");

        private final String label;
        Quantile(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    /**
     * How the ORD tables are written.
     *
     * @param returnPeriods the return periods of the EPT and PSEPT, or null for the market grid (2, 5, 10, 20,
     *                      25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000 … as far as the years support)
     * @param quantile      the quantile convention of the EPT and PSEPT
     * @param version       ORD version of the column names and codes: 1 (Oasis' v1 files) or 2
     */
    public record OrdSpec(List<Double> returnPeriods, Quantile quantile, int version) {
        public static OrdSpec defaults() { return new OrdSpec(null, Quantile.TYPE1, 1); }
    }

    /**
     * What a run of {@code days} days keeps by default: every event when a replicate is one year; none
     * otherwise, since an ORD period is one year and a replicate of another length is not one
     * (docs/OUTPUTS.md: its aggregate is not an annual aggregate, whatever the period weights).
     */
    public static EventLosses defaultEventLosses(int days) {
        return days == ORD_PERIOD_DAYS ? EventLosses.EVENTS : EventLosses.NONE;
    }

    /** The days of one ORD period: one year. */
    public static final int ORD_PERIOD_DAYS = 365;

    static InsuranceSpec read(YamlValue block, Path scenarioDir, int days) throws BadInputException {
        if (block == null || block.isNull()) return defaults().withEventLosses(defaultEventLosses(days));
        YamlMap m = block.asMap();
        String file = m.string("portfolio", null);
        Path portfolio = file == null ? null : scenarioDir.resolve(file);
        EventDefinition events = readEvents(m.get("events"));
        List<Layer> layers = new ArrayList<>();
        List<YamlValue> layerValues = m.list("reinsurance");
        for (YamlValue v : layerValues) layers.add(readLayer(v.asMap()));
        checkOverlaps(layers, layerValues);
        if (!layers.isEmpty() && portfolio == null) {
            throw m.require("reinsurance").error("reinsurance applies to the insurer's own book: give 'portfolio' (a CSV of insured firms) too");
        }
        OrdSpec ord = readOrd(m.get("ord"));
        EventLosses keep = Labelled.read(m, "event_losses", EventLosses.class, defaultEventLosses(days));
        if (keep.ord() && days != ORD_PERIOD_DAYS) {
            throw m.require("event_losses").error("keeps event losses for the ORD tables, whose period is one year, but a replicate here runs days: "
                    + days + "; its losses are not a year's (an aggregate over " + days + " days is not an annual aggregate, whatever the period weights):"
                    + " run days: 365 for ORD tables, or set event_losses: none");
        }
        if (!keep.ord() && m.has("ord")) {
            throw m.require("ord").error("no ORD table is written with event_losses: none" + (m.has("event_losses") ? "" : " (the default when days is"
                    + " not 365: an ORD period is one year)") + ", so these settings would do nothing; remove 'ord', or keep event_losses: years"
                    + " (exceedance curves and average losses) or events (every table)" + (days == ORD_PERIOD_DAYS ? "" : " with days: 365"));
        }
        m.done();
        return new InsuranceSpec(portfolio, events, List.copyOf(layers), ord, keep);
    }

    private static EventDefinition readEvents(YamlValue v) throws BadInputException {
        if (v == null || v.isNull()) return EventDefinition.CAMPAIGN;
        YamlMap m = v.asMap();
        String definition = m.choice("definition", "campaign", List.of("campaign", "actor-window"));
        EventDefinition out;
        if (definition.equals("campaign")) {
            if (m.has("hours")) throw m.require("hours").error("'hours' belongs to definition: actor-window; a campaign is one event whatever its length");
            out = EventDefinition.CAMPAIGN;
        } else {
            out = new EventDefinition(m.requireNumber("hours", 1, 24.0 * 3650));
        }
        m.done();
        return out;
    }

    private static Layer readLayer(YamlMap m) throws BadInputException {
        LayerKind kind = Labelled.read(m, "type", LayerKind.class, null);
        double attachment = m.money("attachment_yen", 0);
        double limit = m.money("limit_yen", 0);
        if (!m.has("limit_yen")) m.require("limit_yen");
        if (!(limit > 0)) throw m.require("limit_yen").error("a layer's limit must be above 0, found " + limit);
        double share = m.probability("share", 1.0);
        if (!(share > 0)) throw m.require("share").error("the share of the layer placed must be above 0");
        m.done();
        return new Layer(kind, attachment, limit, share);
    }

    /** Refuses layers of one kind whose shares add up to more than 1 somewhere they overlap: that loss would be ceded twice. */
    private static void checkOverlaps(List<Layer> layers, List<YamlValue> at) throws BadInputException {
        for (int i = 0; i < layers.size(); i++) {
            Layer a = layers.get(i);
            // the share placed at a's attachment point and at every other layer's attachment inside a
            for (int j = 0; j < layers.size(); j++) {
                Layer b = layers.get(j);
                if (b.kind() != a.kind()) continue;
                double point = b.attachmentYen();
                if (point < a.attachmentYen() || point >= a.attachmentYen() + a.limitYen()) continue;
                double placed = 0;
                for (Layer c : layers) {
                    if (c.kind() == a.kind() && point >= c.attachmentYen() && point < c.attachmentYen() + c.limitYen()) placed += c.share();
                }
                if (placed > 1 + 1e-9) {
                    throw at.get(j).error("layers of type " + a.kind().label() + " overlap at " + weaklink.io.Csv.number(point) + " with shares adding up to "
                            + weaklink.io.Csv.number(placed)
                            + "; a loss can be ceded at most once (shares of overlapping layers add up to at most 1)");
                }
            }
        }
    }

    private static OrdSpec readOrd(YamlValue v) throws BadInputException {
        OrdSpec d = OrdSpec.defaults();
        if (v == null || v.isNull()) return d;
        YamlMap m = v.asMap();
        List<Double> periods = null;
        YamlValue rp = m.get("return_periods");
        if (rp != null && !rp.isNull()) periods = returnPeriods(rp);
        Quantile quantile = Labelled.read(m, "quantile", Quantile.class, d.quantile());
        int version = (int) m.integer("version", d.version(), 1, 2);
        m.done();
        return new OrdSpec(periods, quantile, version);
    }

    /** A list of return periods in years, or the same as text separated by commas (as {@code run --return-periods} gives it). */
    static List<Double> returnPeriods(YamlValue v) throws BadInputException {
        List<Double> out = new ArrayList<>();
        if (v.isList()) {
            for (YamlValue x : v.asList()) out.add(returnPeriod(x, x.asDouble()));
        } else {
            for (String part : v.asString().split(",", -1)) {
                String t = part.trim();
                double x;
                try {
                    x = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw v.error("expected return periods in years separated by commas (e.g. 10,50,100,250), found '" + YamlValue.abbreviate(t) + "'");
                }
                out.add(returnPeriod(v, x));
            }
        }
        if (out.isEmpty()) throw v.error("give at least one return period");
        List<Double> sorted = new ArrayList<>(out);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) throw v.error("return period " + YamlValue.abbreviate(Double.toString(sorted.get(i))) + " is listed twice");
        }
        return List.copyOf(sorted);
    }

    private static double returnPeriod(YamlValue at, double x) throws BadInputException {
        if (!(x > 1 && x <= 1e9)) throw at.error("a return period is a number of years above 1 (and at most 1e9), found " + x);
        return x;
    }
}
