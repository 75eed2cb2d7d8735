package weaklink.scenario;

/**
 * How production stops and restarts in the contingent-business-interruption cascade
 * (weaklink.production.ProductionCascade); read from the {@code economics} section.
 *
 * @param spareCapacity  share of its normal deliveries a supplier that produces normally can add to
 *                       cover another supplier of the same input type ({@code spare_capacity})
 * @param demandSide     whether a firm whose production falls buys less from its direct suppliers,
 *                       who lose those sales ({@code demand_side}; the upstream effect)
 * @param catchUp        whether a firm makes up production lost for want of inputs once its inputs
 *                       return ({@code catch_up})
 * @param catchUpShare   extra output, as a share of normal production, while catching up ({@code catch_up_share})
 * @param catchUpDays    days at most of catching up after each episode ({@code catch_up_days})
 */
public record ProductionSpec(double spareCapacity, boolean demandSide, boolean catchUp, double catchUpShare, double catchUpDays) {

    public static ProductionSpec defaults() {
        // spare_capacity 0.1: assumption. Japan publishes capacity utilisation only as an index (METI,
        // 2020 = 100), not as a level; 10 % is what a plant adds with overtime and extra shifts.
        // catch_up_share 0.1 and catch_up_days 30: assumptions of the same order (overtime for a month).
        return new ProductionSpec(0.1, false, false, 0.1, 30);
    }

    /** Reads the production keys of the economics section (the caller checks for unknown keys). */
    static ProductionSpec read(YamlMap m) throws BadInputException {
        ProductionSpec d = defaults();
        return new ProductionSpec(
                m.number("spare_capacity", d.spareCapacity(), 0, 10),
                m.bool("demand_side", d.demandSide()),
                m.bool("catch_up", d.catchUp()),
                m.number("catch_up_share", d.catchUpShare(), 0, 10),
                m.number("catch_up_days", d.catchUpDays(), 0, 3650));
    }
}
