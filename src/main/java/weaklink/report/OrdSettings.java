package weaklink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import weaklink.scenario.InsuranceSpec.EventLosses;
import weaklink.stats.ReturnPeriodLosses.Convention;

/**
 * How a results folder's ORD tables are written, as the run's scenario said in its
 * {@code insurance:} block (kept in the manifest): return periods, quantile convention, ORD version,
 * whether the insurer's book is reinsured (then the {@code ri} and {@code rl} perspectives are written),
 * and what the folder keeps of the events' losses (so which tables it can make: {@code insurance.event_losses}).
 *
 * @param returnPeriods the return periods asked for, or null for the market grid
 */
record OrdSettings(List<Double> returnPeriods, Convention quantile, int version, boolean reinsured, EventLosses eventLosses) {
    static final OrdSettings DEFAULT = new OrdSettings(null, Convention.TYPE1, 1, false, EventLosses.EVENTS);

    /**
     * The settings in the manifest's resolved scenario ({@code scenario.insurance}), whether it is
     * written with the scenario file's keys or the record's; the defaults where it says nothing.
     */
    static OrdSettings of(JsonNode scenario) {
        JsonNode insurance = scenario == null ? null : scenario.get("insurance");
        if (insurance == null || insurance.isNull()) return DEFAULT;
        JsonNode ord = insurance.path("ord");
        List<Double> periods = null;
        JsonNode rp = ord.has("return_periods") ? ord.get("return_periods") : ord.get("returnPeriods");
        if (rp != null && rp.isArray()) {
            periods = new ArrayList<>();
            for (JsonNode x : rp) periods.add(x.asDouble());
        }
        String q = ord.path("quantile").asText("type1");
        Convention convention = q.equalsIgnoreCase("ktools") ? Convention.KTOOLS : Convention.TYPE1;
        int version = ord.path("version").asInt(1);
        boolean reinsured = insurance.path("reinsurance").isArray() && insurance.path("reinsurance").size() > 0;
        EventLosses keep = EventLosses.EVENTS;
        String k = insurance.path("event_losses").asText(keep.label());
        for (EventLosses e : EventLosses.values()) if (e.label().equals(k)) keep = e;
        return new OrdSettings(periods == null ? null : List.copyOf(periods), convention, version, reinsured, keep);
    }
}
