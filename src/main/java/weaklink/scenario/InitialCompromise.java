package weaklink.scenario;

/**
 * A firm compromised at a given day with no actor needed: the "what if firm X is hit" stress test.
 *
 * @param firmId    the firm's id in the network
 * @param day       day of compromise (0 = first day)
 * @param effect    ransomware (outage) or data theft
 * @param dwellDays days until detection (detonation); null = the first actor's, else fixed 0
 */
public record InitialCompromise(long firmId, int day, ActorSpec.Effect effect, DistributionSpec dwellDays) {

    static InitialCompromise read(YamlMap m, int days) throws BadInputException {
        long firm = m.integer("firm", 0, 0, Long.MAX_VALUE / 4);
        if (!m.has("firm")) m.require("firm");
        int day = (int) m.integer("day", 0, 0, days - 1);
        ActorSpec.Effect effect = Labelled.read(m, "effect", ActorSpec.Effect.class, ActorSpec.Effect.RANSOMWARE);
        DistributionSpec dwell = DistributionSpec.read(m, "dwell_days", DistributionSpec.fixed(0));
        m.done();
        return new InitialCompromise(firm, day, effect, dwell);
    }
}
