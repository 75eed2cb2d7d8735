package weaklink.scenario;

/**
 * A kind of threat actor (DESIGN §1 "Threat actors").
 *
 * @param name               label used in outputs
 * @param mode               how campaigns choose their entry points
 * @param effect             what a compromise does: ransomware causes an outage, data theft a breach cost
 * @param campaignsPerYear   mean of the Poisson number of campaigns in a year
 * @param attemptProbability opportunistic: probability that a campaign attempts each firm
 * @param capability         multiplier on every vulnerability the actor meets (1 = as the scenario states), capped at probability 1
 * @param dwellDays          days from compromise to detection (ransomware: detonation), before posture
 * @param reconHops          targeted: how many trust hops around the objective are reconnoitred
 * @param reconProbability   targeted: probability that the actor enters through the weakest firm found rather than the objective itself
 * @param technology         mass-exploit: the technology tag whose flaw is exploited
 * @param adaptive           whether the actor chooses where to get in by what firms chose this year (their posture)
 *                           rather than by their base vulnerability (docs/ODD.md, "Attackers who adapt")
 */
public record ActorSpec(String name, Mode mode, Effect effect, double campaignsPerYear, double attemptProbability,
                        double capability, DistributionSpec dwellDays, int reconHops, double reconProbability,
                        String technology, boolean adaptive) {

    public enum Mode implements Labelled {
        OPPORTUNISTIC("opportunistic"), TARGETED("targeted"), MASS_EXPLOIT("mass-exploit");
        private final String label;
        Mode(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    public enum Effect implements Labelled {
        RANSOMWARE("ransomware"), DATA_THEFT("data-theft");
        private final String label;
        Effect(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    static ActorSpec read(YamlMap m, int index) throws BadInputException {
        String name = m.name("name", "actor-" + index, "");
        Mode mode = Labelled.read(m, "mode", Mode.class, null);
        Effect effect = Labelled.read(m, "effect", Effect.class, Effect.RANSOMWARE);
        double rate = m.number("campaigns_per_year", 1, 0, 1e6);
        double attempt = m.probability("attempt_probability", mode == Mode.OPPORTUNISTIC ? 0.01 : 1.0);
        double capability = m.number("capability", 1.0, 0, 1e6);
        DistributionSpec dwell = DistributionSpec.read(m, "dwell_days", DistributionSpec.lognormal(10, 0.8));
        int hops = (int) m.integer("recon_hops", 2, 0, 100);
        double recon = m.probability("recon_probability", 0.5);
        String technology = m.string("technology", null);
        if (mode == Mode.MASS_EXPLOIT && technology == null) m.require("technology");
        boolean adaptive = m.bool("adaptive", false);
        m.done();
        return new ActorSpec(name, mode, effect, rate, attempt, capability, dwell, hops, recon, technology, adaptive);
    }
}
