package weaklink.experiment;

import weaklink.io.Csv;
import weaklink.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * {@code manifest.json}: what a results folder holds and how it was made (DESIGN §4): tool
 * version, the resolved scenario and its SHA-256, master seed, replicates, policies, shard,
 * start and end time, Java version, threads.
 */
public final class Manifest {
    private Manifest() {}

    /** The manifest of a run that starts now ({@code status: running}). */
    public static ObjectNode create(RunPlan plan, Instant started) {
        ObjectNode m = Json.object();
        m.put("tool", "weaklink");
        m.put("version", Version.VALUE);
        m.put("status", "running");
        m.put("scenario_name", plan.scenario().name());
        m.put("scenario_file", plan.scenarioFile() == null ? "" : plan.scenarioFile().toString());
        m.put("scenario_sha256", plan.scenarioSha256());
        m.put("seed", plan.seed());
        m.put("replicates", plan.replicates());
        if (plan.stopsEarly()) m.put("target_ci_percent", plan.targetCi() * 100);
        else m.putNull("target_ci_percent");
        m.set("policies", Runner.names(plan.policyNames()));
        m.put("baseline", plan.baseline());
        m.put("currency", plan.scenario().currency());
        m.put("days", plan.scenario().days());
        ObjectNode shard = m.putObject("shard");
        shard.put("index", plan.shard().index());
        shard.put("count", plan.shard().count());
        shard.put("first_replicate", plan.shard().start(plan.replicates()));
        shard.put("end_replicate", plan.shard().end(plan.replicates()));
        m.put("started", started.toString());
        m.putNull("finished");
        m.put("java_version", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("threads", plan.threads());
        m.set("scenario", resolvedScenario(plan.scenario()));
        return m;
    }

    /**
     * Marks a run complete: {@code replicates_run} replicates of this folder's share were computed,
     * and {@code stop_reason} says why it ended ({@code all_replicates} or {@code target_ci_reached}).
     */
    static void complete(ObjectNode manifest, Instant finished, int replicatesRun, String stopReason) {
        manifest.put("status", "complete");
        manifest.put("finished", finished.toString());
        manifest.put("replicates_run", replicatesRun);
        manifest.put("stop_reason", stopReason);
    }

    /** The resolved scenario as JSON (every default filled in). */
    public static ObjectNode resolvedScenario(Scenario s) {
        ObjectNode node = Json.MAPPER.valueToTree(s);
        ArrayNode policies = (ArrayNode) node.get("policies");
        for (int i = 0; i < s.policies().size(); i++) {
            ObjectNode p = (ObjectNode) policies.get(i);
            PolicySpec spec = s.policies().get(i);
            ObjectNode withId = Json.object();
            withId.put("id", spec.kind().label());
            withId.setAll(p);
            policies.set(i, withId);
        }
        return node;
    }

    /** Reads the manifest of a results folder, refusing folders that are not one. */
    public static JsonNode readFor(Path dir) throws BadInputException, IOException {
        Path file = dir.resolve(Runner.MANIFEST);
        if (!Files.isRegularFile(file)) throw BadInputException.option(dir.toString(), "is not a WeakLink results folder (no " + Runner.MANIFEST + ")");
        try {
            return Json.read(file);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadInputException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), null, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Refuses to resume a folder whose run differs from {@code plan} in anything that changes results. */
    static void checkSameRun(JsonNode m, RunPlan plan, Path dir) throws BadInputException {
        String where = dir.resolve(Runner.MANIFEST).toString();
        check(where, "scenario_sha256", m.path("scenario_sha256").asText(), plan.scenarioSha256());
        check(where, "seed", m.path("seed").asText(), Long.toString(plan.seed()));
        check(where, "replicates", m.path("replicates").asText(), Integer.toString(plan.replicates()));
        List<String> policies = new java.util.ArrayList<>();
        m.path("policies").forEach(p -> policies.add(p.asText()));
        check(where, "policies", String.join(",", policies), String.join(",", plan.policyNames()));
        check(where, "shard", m.path("shard").path("index").asText() + "/" + m.path("shard").path("count").asText(), plan.shard().toString());
        check(where, "version", m.path("version").asText(), Version.VALUE);
        check(where, "target_ci_percent", m.path("target_ci_percent").isNumber() ? Csv.number(m.path("target_ci_percent").asDouble()) : "none",
                plan.stopsEarly() ? Csv.number(plan.targetCi() * 100) : "none");
    }

    private static void check(String file, String key, String found, String expected) throws BadInputException {
        if (!found.equals(expected)) {
            throw new BadInputException(file, 0, 0, key, "the folder holds a run with " + key + " " + found
                    + ", this command asks for " + expected + "; resume with the same scenario and options, or start a new run");
        }
    }

    /** SHA-256 of a file's bytes, hex. */
    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** SHA-256 of bytes, hex. */
    static String sha256(byte[] bytes) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
