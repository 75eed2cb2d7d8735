package weaklink.scenario;

/**
 * A security standard as the scenario states it (DESIGN §1): the highest vulnerability a firm
 * meeting it may have, and what certifying it costs a firm a year (a self-assessment for METI's
 * ★3, a third-party assessment for ★4; docs/POLICIES.md). Certification counts as security spending.
 *
 * @param maxVulnerability highest probability that one attempt succeeds, in (0, 1]
 * @param certificationYen annual cost of certifying the standard, per firm
 */
public record StandardSpec(double maxVulnerability, double certificationYen) {

    /**
     * Reads a standard: a plain number (its maximum vulnerability, keeping {@code base}'s
     * certification cost, or 0 for a new standard) or a mapping {@code {max_vulnerability,
     * certification_yen}}.
     */
    static StandardSpec read(YamlValue v, StandardSpec base) throws BadInputException {
        if (v.isScalar()) return new StandardSpec(maxVulnerability(v), base == null ? 0 : base.certificationYen());
        YamlMap m = v.asMap();
        YamlValue max = m.get("max_vulnerability");
        double maxVulnerability;
        if (max != null) maxVulnerability = maxVulnerability(max);
        else if (base != null) maxVulnerability = base.maxVulnerability();
        else maxVulnerability = maxVulnerability(m.require("max_vulnerability"));
        double certification = m.money("certification_yen", base == null ? 0 : base.certificationYen());
        m.done();
        return new StandardSpec(maxVulnerability, certification);
    }

    private static double maxVulnerability(YamlValue v) throws BadInputException {
        double max = v.asDouble();
        if (!(max > 0 && max <= 1)) throw v.error("a standard's maximum vulnerability must be above 0 and at most 1, found " + max);
        return max;
    }
}
