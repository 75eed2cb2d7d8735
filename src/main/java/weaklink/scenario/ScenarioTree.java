package weaklink.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved {@link Scenario} written back as the tree of keys and values a scenario file holds —
 * the keys {@link ScenarioLoader} reads (snake_case, labels for enums), every default filled in —
 * so that the tree, written as YAML or JSON, loads back through the loader to an equal scenario.
 * A results folder's manifest keeps the scenario this way. Values are {@code String}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code List} and {@code Map} (in the order the loader documents).
 * Network files are written relative to the scenario's folder, as the loader resolves them, so no
 * absolute path of the machine that ran the scenario is kept.
 *
 * <p>Whoever adds a scenario key adds it here too: {@code ScenarioTreeTest} loads every shipped
 * scenario and a scenario setting every key to a value other than its default back through the
 * loader, and counts the components of the scenario's records, so that a new key cannot be left out
 * unnoticed.
 */
public final class ScenarioTree {
    private ScenarioTree() {}

    /**
     * The tree of {@code s}.
     *
     * @param baseDir the folder the scenario's relative paths start from (its file's folder)
     */
    public static Map<String, Object> of(Scenario s, Path baseDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("currency", s.currency());
        m.put("days", (long) s.days());
        m.put("seed", s.seed());
        m.put("replicates", (long) s.replicates());
        m.put("baseline_policy", s.baselinePolicy());
        m.put("network", network(s.network(), baseDir));
        Map<String, Object> classes = new LinkedHashMap<>();
        for (SizeClass c : SizeClass.values()) classes.put(c.label(), firmDefaults(s.defaults(c)));
        m.put("size_classes", classes);
        Map<String, Object> trust = new LinkedHashMap<>();
        for (TrustType t : TrustType.values()) trust.put(t.label(), Map.of("daily_probability", s.trustDailyProbability().get(t)));
        m.put("trust_types", trust);
        List<Object> actors = new ArrayList<>();
        for (ActorSpec a : s.actors()) actors.add(actor(a));
        m.put("actors", actors);
        List<Object> initial = new ArrayList<>();
        for (InitialCompromise ic : s.initialCompromises()) initial.add(initialCompromise(ic));
        m.put("initial_compromises", initial);
        Map<String, Object> standards = new LinkedHashMap<>();
        for (Map.Entry<String, StandardSpec> e : s.standards().entrySet()) {
            Map<String, Object> standard = new LinkedHashMap<>(); // in a fixed order: the manifest's bytes must not depend on the JVM
            standard.put("max_vulnerability", e.getValue().maxVulnerability());
            standard.put("certification_yen", e.getValue().certificationYen());
            standards.put(e.getKey(), standard);
        }
        m.put("standards", standards);
        m.put("economics", economics(s.economics()));
        List<Object> policies = new ArrayList<>();
        for (PolicySpec p : s.policies()) policies.add(policy(p));
        m.put("policies", policies);
        if (s.uncertainty() != null) m.put("uncertainty", uncertainty(s.uncertainty()));
        m.put("insurance", insurance(s.insurance(), baseDir));
        return m;
    }

    /** The insurer's block: the book (relative to the scenario's folder), event definition, reinsurance layers, ORD settings. */
    private static Map<String, Object> insurance(InsuranceSpec ins, Path baseDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (ins.portfolio() != null) m.put("portfolio", relative(baseDir, ins.portfolio()));
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("definition", ins.events().label());
        if (!ins.events().byCampaign()) events.put("hours", ins.events().windowHours());
        m.put("events", events);
        List<Object> layers = new ArrayList<>();
        for (InsuranceSpec.Layer l : ins.reinsurance()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("type", l.kind().label());
            layer.put("attachment_yen", l.attachmentYen());
            layer.put("limit_yen", l.limitYen());
            layer.put("share", l.share());
            layers.add(layer);
        }
        m.put("reinsurance", layers);
        Map<String, Object> ord = new LinkedHashMap<>();
        if (ins.ord().returnPeriods() != null) ord.put("return_periods", new ArrayList<>(ins.ord().returnPeriods()));
        ord.put("quantile", ins.ord().quantile().label());
        ord.put("version", (long) ins.ord().version());
        if (ins.eventLosses().ord()) m.put("ord", ord);
        m.put("event_losses", ins.eventLosses().label());
        return m;
    }

    private static Map<String, Object> uncertainty(UncertaintySpec u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("draws", (long) u.draws());
        m.put("network_draws", u.networkDraws());
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (UncertaintySpec.Parameter p : u.parameters()) parameters.put(p.path(), distribution(p.distribution()));
        m.put("parameters", parameters);
        return m;
    }

    /** A policy as the scenario states it: {@code id}, {@code name}, then its parameters. */
    public static Map<String, Object> policy(PolicySpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.kind().label());
        m.put("name", p.name());
        // a switch expression over the kinds: a new kind does not compile until it is written here
        Runnable parameters = switch (p.kind()) {
            case NONE, PLANNER -> () -> { };
            case BUYER_SHARE -> () -> {
                PolicySpec.BuyerShare b = (PolicySpec.BuyerShare) p;
                m.put("phi", b.phi());
                m.put("tiers", (long) b.tiers());
                m.put("standard", b.standard());
                m.put("requirement", b.requirement());
                m.put("enforcement", b.enforcement());
                m.put("payment", b.payment());
            };
            case MANDATE -> () -> {
                PolicySpec.Mandate d = (PolicySpec.Mandate) p;
                m.put("standard", d.standard());
                m.put("min_tier", (long) d.minTier());
                m.put("compliance_rate", d.complianceRate());
                m.put("penalty_yen", d.penaltyYen());
            };
            case SUBSIDY -> () -> {
                PolicySpec.Subsidy d = (PolicySpec.Subsidy) p;
                m.put("sigma", d.sigma());
                m.put("budget_yen", d.budgetYen());
                m.put("standard", d.standard());
                m.put("requirement", d.requirement());
                m.put("administration_share", d.administrationShare());
            };
            case MUTUAL_POOL -> () -> {
                PolicySpec.MutualPool d = (PolicySpec.MutualPool) p;
                m.put("premium_rate", d.premiumRate());
                m.put("retention_yen", d.retentionYen());
                m.put("prevention_share", d.preventionShare());
                m.put("capital_yen", d.capitalYen());
                m.put("administration_share", d.administrationShare());
            };
            case TARGETED -> () -> {
                PolicySpec.Targeted d = (PolicySpec.Targeted) p;
                m.put("budget_yen", d.budgetYen());
                m.put("payer", d.payer());
                m.put("administration_share", d.administrationShare());
            };
        };
        parameters.run();
        return m;
    }

    private static Map<String, Object> network(NetworkSpec n, Path baseDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (n.fromFiles()) {
            Map<String, Object> files = new LinkedHashMap<>();
            files.put("firms", relative(baseDir, n.firmsFile()));
            files.put("links", relative(baseDir, n.linksFile()));
            m.put("files", files);
        } else {
            NetworkSpec.TieredSpec g = n.generator();
            Map<String, Object> gen = new LinkedHashMap<>();
            List<Object> tiers = new ArrayList<>();
            for (NetworkSpec.TierSpec t : g.tiers()) {
                Map<String, Object> tier = new LinkedHashMap<>();
                tier.put("firms", (long) t.firms());
                Map<String, Object> mix = new LinkedHashMap<>();
                for (SizeClass c : SizeClass.values()) if (t.sizeMix().containsKey(c)) mix.put(c.label(), t.sizeMix().get(c));
                tier.put("size_mix", mix);
                tier.put("role", t.role().label());
                tier.put("suppliers_per_buyer", t.suppliersPerBuyer());
                if (t.revenueYen() != null) tier.put("revenue_yen", distribution(t.revenueYen()));
                tier.put("sole_sourcing", t.soleSourcing());
                tiers.add(tier);
            }
            gen.put("tiers", tiers);
            gen.put("attachment", g.attachment());
            gen.put("shared_supplier_share", g.sharedSupplierShare());
            gen.put("fan_in_revenue_elasticity", g.fanInRevenueElasticity());
            gen.put("size_by_degree", g.sizeByDegree());
            gen.put("trust_probability", byTrustType(g.trustProbability()));
            gen.put("reverse_trust_probability", byTrustType(g.reverseTrustProbability()));
            gen.put("msp_firms", (long) g.mspFirms());
            gen.put("msp_clients_mean", g.mspClientsMean());
            gen.put("logistics_firms", (long) g.logisticsFirms());
            gen.put("logistics_clients_mean", g.logisticsClientsMean());
            gen.put("sectors", (long) g.sectors());
            gen.put("input_types_per_buyer", (long) g.inputTypesPerBuyer());
            m.put("generator", gen);
        }
        m.put("technologies", new LinkedHashMap<>(n.technologies()));
        return m;
    }

    /** {@code file} relative to {@code baseDir}, with '/' separators (as a scenario file writes it). */
    static String relative(Path baseDir, Path file) {
        Path rel = baseDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }

    private static Map<String, Object> byTrustType(Map<TrustType, Double> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TrustType t : TrustType.values()) m.put(t.label(), p.get(t));
        return m;
    }

    private static Map<String, Object> firmDefaults(FirmDefaults d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revenue_yen", distribution(d.revenueYen()));
        m.put("value_added_share", d.valueAddedShare());
        m.put("budget_share", d.budgetShare());
        m.put("vulnerability", d.vulnerability());
        m.put("gl_alpha", d.glAlpha());
        m.put("gl_beta", d.glBeta());
        m.put("gl_class", (long) d.glClass());
        m.put("inventory_days", d.inventoryDays());
        m.put("recovery_days", distribution(d.recoveryDays()));
        m.put("workaround_share", d.workaroundShare());
        m.put("manual_operation_days", d.manualOperationDays());
        m.put("manual_operation_share", d.manualOperationShare());
        m.put("ransom_propensity", d.ransomPropensity());
        m.put("ransom_revenue_share", d.ransomRevenueShare());
        m.put("incident_fixed_yen", d.incidentFixedYen());
        m.put("incident_revenue_share", d.incidentRevenueShare());
        m.put("incident_sigma", d.incidentSigma());
        m.put("records", d.records());
        m.put("insured_share", d.insuredShare());
        m.put("deductible_yen", d.deductibleYen());
        m.put("limit_yen", d.limitYen());
        m.put("cbi_covered", d.cbiCovered());
        return m;
    }

    private static Map<String, Object> actor(ActorSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("mode", a.mode().label());
        m.put("effect", a.effect().label());
        m.put("campaigns_per_year", a.campaignsPerYear());
        m.put("attempt_probability", a.attemptProbability());
        m.put("capability", a.capability());
        m.put("dwell_days", distribution(a.dwellDays()));
        m.put("recon_hops", (long) a.reconHops());
        m.put("recon_probability", a.reconProbability());
        if (a.technology() != null) m.put("technology", a.technology());
        m.put("adaptive", a.adaptive());
        return m;
    }

    private static Map<String, Object> initialCompromise(InitialCompromise ic) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firm", ic.firmId());
        m.put("day", (long) ic.day());
        m.put("effect", ic.effect().label());
        if (ic.dwellDays() != null) m.put("dwell_days", distribution(ic.dwellDays()));
        return m;
    }

    private static Map<String, Object> economics(EconomicsSpec e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cost_per_record_yen", e.costPerRecordYen());
        m.put("substitution_days", e.substitutionDays());
        m.put("substitution_share", e.substitutionShare());
        m.put("cascade", e.cascade());
        m.put("marginal_cost_of_public_funds", e.marginalCostOfPublicFunds());
        ProductionSpec p = e.production();
        m.put("spare_capacity", p.spareCapacity());
        m.put("demand_side", p.demandSide());
        m.put("catch_up", p.catchUp());
        m.put("catch_up_share", p.catchUpShare());
        m.put("catch_up_days", p.catchUpDays());
        m.put("decisions", e.decisions().label());
        m.put("equilibrium_tolerance", e.equilibriumTolerance());
        m.put("equilibrium_max_iterations", (long) e.equilibriumMaxIterations());
        return m;
    }

    /** A distribution as its mapping ({@code type} and parameters, see {@link DistributionSpec}). */
    static Map<String, Object> distribution(DistributionSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.kind().label());
        switch (d.kind()) {
            case FIXED -> m.put("value", d.a());
            case EXPONENTIAL -> m.put("mean", d.a());
            case LOGNORMAL -> {
                m.put("median", d.a());
                m.put("sigma", d.b());
            }
            case GAMMA -> {
                m.put("shape", d.a());
                m.put("scale", d.b());
            }
            case UNIFORM -> {
                m.put("min", d.a());
                m.put("max", d.b());
            }
            case EMPIRICAL -> {
                List<Object> values = new ArrayList<>();
                for (double v : d.values()) values.add(v);
                m.put("values", values);
            }
        }
        return m;
    }
}
