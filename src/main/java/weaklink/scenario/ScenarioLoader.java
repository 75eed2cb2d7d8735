package weaklink.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario YAML file strictly into a {@link Scenario}: unknown keys are refused with a
 * suggestion, every value is type- and range-checked, and every error carries file:line:column
 * and the key path. The format is documented key by key in docs/SCENARIOS.md.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    /**
     * METI's supply-chain security evaluation levels as maximum vulnerability and annual
     * certification cost. The levels are cited: METI, "Interim Report on Discussions to Establish a
     * Cybersecurity Measures Evaluation System for Strengthening Supply Chains" (14 April 2025,
     * https://www.meti.go.jp/english/press/2025/0414_003.html) and the draft policy of December 2025:
     * ★3 "basic" (measures against common threats, 25 requirement items, self-assessed), ★4
     * "standard" (also limits spread inside and outwards and supports business continuity, about 44
     * items, third-party assessed), ★5 (advanced, under discussion), above IPA's SECURITY ACTION
     * ★1/★2. The numbers are an ASSUMPTION: the scheme sets controls, not probabilities; we map each
     * level to the share of attack attempts that still succeed — ★3 0.30 (the built-in base
     * vulnerability of a large firm), ★4 half that, ★5 a sixth of it — and certification to a year's
     * staff time for a self-assessment (★3 ¥100,000), of the order of a small organisation's ISMS
     * surveillance audit for a third-party assessment (★4 ¥500,000; ISMS application fees alone are
     * about ¥110,000 for a 30-person site) and a larger audit for ★5 (¥2,000,000).
     */
    public static final Map<String, StandardSpec> STANDARD_PRESETS = presets();

    /** The name under which a policy applies METI's rule per supplier and buyer (★4 or ★3); not a standard of its own. */
    public static final String METI = "meti";

    /** In a fixed order (Map.of's order changes from one JVM to the next, and the manifest lists them). */
    private static Map<String, StandardSpec> presets() {
        Map<String, StandardSpec> m = new LinkedHashMap<>();
        m.put("star3", new StandardSpec(0.30, 1.0e5));
        m.put("star4", new StandardSpec(0.15, 5.0e5));
        m.put("star5", new StandardSpec(0.05, 2.0e6));
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Scenario load(Path file) throws BadInputException {
        return load(ScenarioSource.read(file));
    }

    /** The scenario of a file already read (whose digest the caller records). */
    public static Scenario load(ScenarioSource source) throws BadInputException {
        return read(YamlDocument.parse(source.name(), source.text()), source.file().toAbsolutePath().getParent());
    }

    public static Scenario parse(String name, String text, Path baseDir) throws BadInputException {
        return read(YamlDocument.parse(name, text), baseDir);
    }

    static Scenario read(YamlMap root, Path dir) throws BadInputException {
        String name = root.requireString("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw root.require("name").error("must be 1-64 letters, digits, '.', '_' or '-' (it names result folders), found '" + YamlValue.abbreviate(name) + "'");
        }
        String description = root.string("description", "");
        String currency = root.name("currency", "JPY", "");
        int days = (int) root.integer("days", 365, 1, 3650);
        long seed = root.integer("seed", 1, 0, Scenario.MAX_SEED);
        int replicates = (int) root.integer("replicates", 100, 1, Scenario.MAX_REPLICATES);

        NetworkSpec network = NetworkSpec.read(root.map("network"), dir);

        Map<SizeClass, FirmDefaults> classes = new EnumMap<>(SizeClass.class);
        YamlMap classMap = root.mapOrEmpty("size_classes");
        for (SizeClass s : SizeClass.values()) {
            YamlValue v = classMap.get(s.label());
            classes.put(s, v == null ? FirmDefaults.builtIn(s) : FirmDefaults.read(v.asMap(), FirmDefaults.builtIn(s)));
        }
        classMap.done();

        Map<TrustType, Double> trust = new EnumMap<>(TrustType.class);
        YamlMap trustMap = root.mapOrEmpty("trust_types");
        for (TrustType t : TrustType.values()) {
            YamlValue v = trustMap.get(t.label());
            double def = defaultTrustProbability(t);
            if (v == null) {
                trust.put(t, def);
            } else {
                YamlMap tm = v.asMap();
                trust.put(t, tm.probability("daily_probability", def));
                tm.done();
            }
        }
        trustMap.done();

        List<ActorSpec> actors = new ArrayList<>();
        List<YamlValue> actorValues = root.list("actors");
        Set<String> actorNames = new HashSet<>();
        for (int i = 0; i < actorValues.size(); i++) {
            ActorSpec a = ActorSpec.read(actorValues.get(i).asMap(), i);
            if (!actorNames.add(a.name())) throw actorValues.get(i).error("duplicate actor name '" + a.name() + "'");
            actors.add(a);
        }

        List<InitialCompromise> initial = new ArrayList<>();
        for (YamlValue v : root.list("initial_compromises")) {
            InitialCompromise ic = InitialCompromise.read(v.asMap(), days);
            // generated networks number their firms 0..n-1, so a reference can be checked here, with its location
            if (!network.fromFiles() && ic.firmId() >= network.generator().totalFirms()) {
                throw v.asMap().require("firm").error("no firm with id " + ic.firmId() + ": the generated network has firms 0 to "
                        + (network.generator().totalFirms() - 1));
            }
            initial.add(ic);
        }

        Map<String, StandardSpec> standards = new LinkedHashMap<>(STANDARD_PRESETS);
        YamlMap standardMap = root.mapOrEmpty("standards");
        for (String key : standardMap.keys()) {
            Names.check(standardMap.keyValue(key), key, "");
            YamlValue v = standardMap.require(key);
            if (key.equals(METI)) throw v.error("'" + METI + "' is METI's rule (★4 or ★3 per supplier and buyer), not a standard's name; choose another name");
            standards.put(key, StandardSpec.read(v, STANDARD_PRESETS.get(key)));
        }
        standardMap.done();

        EconomicsSpec economics = EconomicsSpec.read(root.mapOrEmpty("economics"));

        List<PolicySpec> policies = new ArrayList<>();
        Set<String> policyNames = new HashSet<>();
        List<YamlValue> policyValues = root.list("policies");
        for (YamlValue v : policyValues) {
            PolicySpec p = PolicySpec.read(v.asMap(), standards.keySet());
            if (!policyNames.add(p.name())) throw v.error("duplicate policy name '" + p.name() + "'; give each variant its own 'name'");
            policies.add(p);
        }
        if (policies.isEmpty()) policies.add(new PolicySpec.None("none"));
        String baseline = root.string("baseline_policy", policies.get(0).name());
        if (!policyNames.isEmpty() && !policyNames.contains(baseline)) {
            YamlValue v = root.get("baseline_policy");
            String suggestion = Suggest.closest(baseline, policyNames);
            throw v.error("no policy named '" + baseline + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
        }
        if (actors.isEmpty() && initial.isEmpty()) {
            throw root.error("the scenario has neither 'actors' nor 'initial_compromises': nothing would ever be attacked");
        }
        UncertaintySpec uncertainty = UncertaintySpec.read(root.get("uncertainty"));
        InsuranceSpec insurance = InsuranceSpec.read(root.get("insurance"), dir, days);
        root.done();
        return new Scenario(name, description, currency, days, seed, replicates, network, classes, trust,
                List.copyOf(actors), List.copyOf(initial), java.util.Collections.unmodifiableMap(standards), economics, List.copyOf(policies), baseline, uncertainty, insurance);
    }

    /**
     * Default daily lateral-movement probabilities per trust type. Assumption: ordered by the
     * privilege each access grants (EDI exchanges files, remote access gives a foothold, a
     * managed-service provider holds administrator rights, as at Kaseya 2021).
     */
    static double defaultTrustProbability(TrustType t) {
        return switch (t) {
            case EDI -> 0.002;
            case REMOTE_ACCESS -> 0.02;
            case MANAGED_SERVICE -> 0.05;
        };
    }
}
