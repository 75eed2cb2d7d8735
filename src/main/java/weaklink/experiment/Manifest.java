package weaklink.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weaklink.io.Json;
import weaklink.io.Sha256;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.ScenarioTree;

/**
 * {@code manifest.json}: what a results folder holds and how it was made (DESIGN §4; every key in
 * docs/OUTPUTS.md). The one place that knows the file's keys: everything else reads a manifest
 * through this record. The resolved scenario is kept as the tree a scenario file holds
 * ({@link ScenarioTree}), so it loads back through the scenario loader ({@link #loadScenario}).
 *
 * @param tool            always {@value #TOOL}: folders WeakLink did not make are never treated as its own
 * @param version         the tool's version
 * @param format          the manifest's format, {@value #FORMAT} since 0.2.0 (absent, read as 1, before)
 * @param status          {@code running} until every file is written, then {@code complete}
 * @param scenarioName    the scenario's name
 * @param scenarioFile    the scenario file as given on the command line
 * @param scenarioSha256  the identity of the scenario the rows come from: the file's SHA-256 (a sweep point's also covers its overrides)
 * @param inputs          every file the run read, with its SHA-256: the scenario, any network files and an insurer's book
 * @param seed            master seed
 * @param replicates      replicates of the whole run (the maximum with {@code --target-ci})
 * @param targetCiPercent {@code --target-ci} in percent, or null
 * @param policies        policies compared, in the rows' order
 * @param baseline        the policy differences are taken against
 * @param currency        the scenario's currency
 * @param days            simulated days per replicate
 * @param shard           which replicates this folder holds
 * @param started         when the run started (ISO-8601)
 * @param finished        when it was completed, or null
 * @param javaVersion     the Java that ran it
 * @param os              the operating system that ran it
 * @param threads         worker threads (Spark: blocks)
 * @param engine          {@code local}, {@code merge} or {@code spark <version> <master>}
 * @param mergedFrom      the shard folders a merge combined (empty otherwise)
 * @param replicatesRun   replicates of this folder's share actually computed, once its rows are all written; else null
 * @param stopReason      {@code all_replicates} or {@code target_ci_reached}, once known; else null
 * @param uncertaintyDraw   for one draw of an uncertainty run ({@link UncertaintyRun}): its number from 1; else null
 * @param uncertaintyValues for such a draw: the uncertain inputs' values (key path -> value); else null
 * @param files           the files WeakLink wrote into the folder, with their SHA-256 once complete
 * @param scenario        the resolved scenario as a scenario file's tree (snake_case keys, every default filled in)
 */
public record Manifest(String tool, String version, int format, String status, String scenarioName, String scenarioFile,
                       String scenarioSha256, List<InputFile> inputs, long seed, int replicates, Double targetCiPercent,
                       List<String> policies, String baseline, String currency, int days, ShardRange shard, String started,
                       String finished, String javaVersion, String os, int threads, String engine, List<String> mergedFrom,
                       Integer replicatesRun, String stopReason, Integer uncertaintyDraw, Map<String, Double> uncertaintyValues,
                       List<OutputFile> files, JsonNode scenario) {
    public static final String FILE = "manifest.json";
    public static final String TOOL = "weaklink";
    /** The manifest format this version writes. */
    public static final int FORMAT = 2;
    public static final String RUNNING = "running", COMPLETE = "complete";

    public Manifest {
        inputs = List.copyOf(inputs);
        policies = List.copyOf(policies);
        mergedFrom = List.copyOf(mergedFrom);
        files = List.copyOf(files);
        uncertaintyValues = uncertaintyValues == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(uncertaintyValues));
    }

    /**
     * A file the run read.
     *
     * @param role   {@code scenario}, {@code firms} or {@code links}
     * @param path   the scenario as given; network files relative to the scenario's folder (as the scenario names them)
     * @param bytes  its size
     * @param sha256 its SHA-256
     */
    public record InputFile(String role, String path, long bytes, String sha256) {}

    /**
     * A file WeakLink wrote into the folder.
     *
     * @param path   relative to the folder, with '/'
     * @param bytes  its size, once complete (else null)
     * @param sha256 its SHA-256, once complete (else null)
     * @param rows   data rows of a CSV file (header excluded), once complete; null for other files
     */
    public record OutputFile(String path, Long bytes, String sha256, Long rows) {}

    /**
     * Which replicates a folder holds: shard {@code index} of {@code count}, replicates
     * {@code [firstReplicate, endReplicate)}.
     */
    public record ShardRange(int index, int count, int firstReplicate, int endReplicate) {
        public Shard shard() { return new Shard(index, count); }

        public int size() { return endReplicate - firstReplicate; }
    }

    public boolean complete() { return COMPLETE.equals(status); }

    public Shard shardOf() { return shard.shard(); }

    /** The manifest of a run that starts now ({@code status: running}), its network files hashed now. */
    public static Manifest create(RunPlan plan, Instant started, String engine) throws IOException, BadInputException {
        return create(plan, started, engine, List.of());
    }

    /**
     * The manifest of a run that starts now ({@code status: running}).
     *
     * @param networkSources the network files as the run read them (the hash of the bytes it parsed); when empty
     *                       for a network read from files, they are hashed now
     */
    public static Manifest create(RunPlan plan, Instant started, String engine, List<weaklink.io.InputFile.Digest> networkSources)
            throws IOException, BadInputException {
        Shard sh = plan.shard();
        Path scenarioDir = plan.scenarioFile().toAbsolutePath().getParent();
        JsonNode tree = Json.MAPPER.valueToTree(ScenarioTree.of(plan.scenario(), scenarioDir));
        return new Manifest(TOOL, Version.VALUE, FORMAT, RUNNING, plan.scenario().name(), plan.scenarioFile().toString(),
                plan.scenarioSha256(), RunIdentity.inputsOf(plan, networkSources), plan.seed(), plan.replicates(), plan.stopsEarly() ? plan.targetCi() * 100 : null,
                plan.policyNames(), plan.baseline(), plan.scenario().currency(), plan.scenario().days(),
                new ShardRange(sh.index(), sh.count(), sh.start(plan.replicates()), sh.end(plan.replicates())), started.toString(), null,
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"), plan.threads(),
                engine, List.of(), null, null, null, null, List.of(), tree);
    }

    /** The resolved scenario, loaded back through the scenario loader; relative network paths start from {@code baseDir}. */
    public Scenario loadScenario(Path baseDir) throws BadInputException {
        if (format < FORMAT || scenario == null || !scenario.isObject()) {
            throw new BadInputException(FILE, 0, 0, "scenario", "was written by weaklink " + version + " in a format this version cannot read back");
        }
        try {
            return ScenarioLoader.parse(FILE + " (scenario)", Json.MAPPER.writeValueAsString(scenario), baseDir);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This manifest with another status. */
    public Manifest withStatus(String newStatus) {
        return new Manifest(tool, version, format, newStatus, scenarioName, scenarioFile, scenarioSha256, inputs, seed, replicates,
                targetCiPercent, policies, baseline, currency, days, shard, started, finished, javaVersion, os, threads, engine, mergedFrom,
                replicatesRun, stopReason, uncertaintyDraw, uncertaintyValues, files, scenario);
    }

    /** This manifest once every row is written: {@code replicatesRun} computed, ended for {@code stopReason}. */
    public Manifest withRowsDone(int newReplicatesRun, String newStopReason) {
        return new Manifest(tool, version, format, status, scenarioName, scenarioFile, scenarioSha256, inputs, seed, replicates,
                targetCiPercent, policies, baseline, currency, days, shard, started, finished, javaVersion, os, threads, engine, mergedFrom,
                newReplicatesRun, newStopReason, uncertaintyDraw, uncertaintyValues, files, scenario);
    }

    /** This manifest with the files written so far. */
    public Manifest withFiles(List<OutputFile> newFiles) {
        return new Manifest(tool, version, format, status, scenarioName, scenarioFile, scenarioSha256, inputs, seed, replicates,
                targetCiPercent, policies, baseline, currency, days, shard, started, finished, javaVersion, os, threads, engine, mergedFrom,
                replicatesRun, stopReason, uncertaintyDraw, uncertaintyValues, newFiles, scenario);
    }

    /** This manifest of one draw of an uncertainty run: its number (from 1) and its inputs' values. */
    public Manifest withUncertaintyDraw(int draw, Map<String, Double> values) {
        return new Manifest(tool, version, format, status, scenarioName, scenarioFile, scenarioSha256, inputs, seed, replicates,
                targetCiPercent, policies, baseline, currency, days, shard, started, finished, javaVersion, os, threads, engine, mergedFrom,
                replicatesRun, stopReason, draw, values, files, scenario);
    }

    /** Marks it complete at {@code at}. */
    public Manifest completed(Instant at) {
        return new Manifest(tool, version, format, COMPLETE, scenarioName, scenarioFile, scenarioSha256, inputs, seed, replicates,
                targetCiPercent, policies, baseline, currency, days, shard, started, at.toString(), javaVersion, os, threads, engine, mergedFrom,
                replicatesRun, stopReason, uncertaintyDraw, uncertaintyValues, files, scenario);
    }

    /**
     * The manifest of the merged run: shard 1/1 over all replicates, started when the first shard
     * started, made by {@code merge} from {@code from}.
     */
    public Manifest mergedFrom(List<String> from, String firstStarted) {
        return new Manifest(tool, version, format, RUNNING, scenarioName, scenarioFile, scenarioSha256, inputs, seed, replicates,
                targetCiPercent, policies, baseline, currency, days, new ShardRange(1, 1, 0, replicates), firstStarted, null, javaVersion,
                os, threads, "merge", from, null, null, uncertaintyDraw, uncertaintyValues, List.of(), scenario);
    }

    // ---- the file ------------------------------------------------------------------------------

    /** Writes {@code dir/manifest.json}. */
    public void write(Path dir) throws IOException {
        Json.write(dir.resolve(FILE), toJson());
    }

    /** The JSON object, keys in the documented order (the resolved scenario last, being the longest). */
    public ObjectNode toJson() {
        ObjectNode m = Json.object();
        m.put("tool", tool);
        m.put("version", version);
        m.put("format", format);
        m.put("status", status);
        m.put("scenario_name", scenarioName);
        m.put("scenario_file", scenarioFile);
        m.put("scenario_sha256", scenarioSha256);
        ArrayNode in = m.putArray("inputs");
        for (InputFile f : inputs) {
            ObjectNode o = in.addObject();
            o.put("role", f.role());
            o.put("path", f.path());
            o.put("bytes", f.bytes());
            o.put("sha256", f.sha256());
        }
        m.put("seed", seed);
        m.put("replicates", replicates);
        if (targetCiPercent == null) m.putNull("target_ci_percent");
        else m.put("target_ci_percent", targetCiPercent);
        ArrayNode ps = m.putArray("policies");
        policies.forEach(ps::add);
        m.put("baseline", baseline);
        m.put("currency", currency);
        m.put("days", days);
        ObjectNode sh = m.putObject("shard");
        sh.put("index", shard.index());
        sh.put("count", shard.count());
        sh.put("first_replicate", shard.firstReplicate());
        sh.put("end_replicate", shard.endReplicate());
        m.put("started", started);
        m.put("finished", finished);
        m.put("java_version", javaVersion);
        m.put("os", os);
        m.put("threads", threads);
        m.put("engine", engine);
        ArrayNode mf = m.putArray("merged_from");
        mergedFrom.forEach(mf::add);
        if (replicatesRun == null) m.putNull("replicates_run");
        else m.put("replicates_run", replicatesRun);
        m.put("stop_reason", stopReason);
        if (uncertaintyDraw != null) {
            m.put("uncertainty_draw", uncertaintyDraw);
            ObjectNode v = m.putObject("uncertainty_values");
            uncertaintyValues.forEach(v::put);
        }
        ArrayNode fs = m.putArray("files");
        for (OutputFile f : files) {
            ObjectNode o = fs.addObject();
            o.put("path", f.path());
            if (f.bytes() == null) o.putNull("bytes");
            else o.put("bytes", f.bytes());
            o.put("sha256", f.sha256());
            if (f.rows() == null) o.putNull("rows");
            else o.put("rows", f.rows());
        }
        m.set("scenario", scenario);
        return m;
    }

    /** Reads the manifest of a results folder, refusing folders that are not one. */
    public static Manifest read(Path dir) throws BadInputException, IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) throw BadInputException.option(dir.toString(), "is not a WeakLink results folder (no " + FILE + ")");
        JsonNode m;
        try {
            m = Json.read(file);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadInputException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), null, "is not valid JSON: " + e.getOriginalMessage());
        }
        return fromJson(m, file.toString());
    }

    /** The manifest in {@code m}; bad input naming {@code where} and the key when a key is missing or of the wrong type. */
    static Manifest fromJson(JsonNode m, String where) throws BadInputException {
        Keys k = new Keys(m, where);
        if (!m.isObject()) throw new BadInputException(where, 0, 0, null, "is not a JSON object");
        String tool = k.text("tool");
        if (!TOOL.equals(tool)) throw new BadInputException(where, 0, 0, "tool", "names '" + tool + "', not " + TOOL + ": not a WeakLink manifest");
        List<InputFile> inputs = new ArrayList<>();
        for (JsonNode i : m.path("inputs")) {
            inputs.add(new InputFile(i.path("role").asText(), i.path("path").asText(), i.path("bytes").asLong(), i.path("sha256").asText()));
        }
        List<OutputFile> files = new ArrayList<>();
        for (JsonNode f : m.path("files")) {
            files.add(new OutputFile(f.path("path").asText(), f.path("bytes").isNumber() ? f.path("bytes").asLong() : null,
                    f.path("sha256").isTextual() ? f.path("sha256").asText() : null, f.path("rows").isNumber() ? f.path("rows").asLong() : null));
        }
        JsonNode sh = k.node("shard");
        ShardRange shard = new ShardRange(k.integer(sh, "shard.index"), k.integer(sh, "shard.count"),
                k.integer(sh, "shard.first_replicate"), k.integer(sh, "shard.end_replicate"));
        List<String> policies = k.texts("policies");
        return new Manifest(tool, k.text("version"), m.path("format").asInt(1), k.text("status"), m.path("scenario_name").asText(""),
                m.path("scenario_file").asText(""), k.text("scenario_sha256"), inputs, k.number("seed").longValue(),
                k.integer(m, "replicates"), m.path("target_ci_percent").isNumber() ? m.path("target_ci_percent").asDouble() : null, policies,
                m.path("baseline").asText(policies.isEmpty() ? "" : policies.get(0)), m.path("currency").asText("JPY"),
                m.path("days").asInt(365), shard, m.path("started").asText(""), m.path("finished").isTextual() ? m.path("finished").asText() : null,
                m.path("java_version").asText(""), m.path("os").asText(""), m.path("threads").asInt(0), m.path("engine").asText("local"),
                textsOrEmpty(m.path("merged_from")), m.path("replicates_run").isNumber() ? m.path("replicates_run").asInt() : null,
                m.path("stop_reason").isTextual() ? m.path("stop_reason").asText() : null,
                m.path("uncertainty_draw").isNumber() ? m.path("uncertainty_draw").asInt() : null, uncertaintyValues(m.path("uncertainty_values")), files,
                m.has("scenario") ? m.get("scenario") : null);
    }

    private static Map<String, Double> uncertaintyValues(JsonNode v) {
        if (!v.isObject()) return null;
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    private static List<String> textsOrEmpty(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Required keys, each refused with its name when missing or of the wrong type. */
    private record Keys(JsonNode m, String where) {
        JsonNode node(String key) throws BadInputException {
            JsonNode n = m.get(key);
            if (n == null || n.isNull()) throw missing(key);
            return n;
        }

        String text(String key) throws BadInputException {
            JsonNode n = node(key);
            if (!n.isTextual()) throw new BadInputException(where, 0, 0, key, "expected text, found " + n);
            return n.asText();
        }

        Number number(String key) throws BadInputException {
            JsonNode n = node(key);
            if (!n.isNumber()) throw new BadInputException(where, 0, 0, key, "expected a number, found " + n);
            return n.numberValue();
        }

        int integer(JsonNode parent, String key) throws BadInputException {
            String last = key.substring(key.lastIndexOf('.') + 1);
            JsonNode n = parent.get(last);
            if (n == null || !n.canConvertToInt()) throw new BadInputException(where, 0, 0, key, "expected a whole number, found " + n);
            return n.asInt();
        }

        List<String> texts(String key) throws BadInputException {
            JsonNode n = node(key);
            if (!n.isArray()) throw new BadInputException(where, 0, 0, key, "expected a list, found " + n);
            return textsOrEmpty(n);
        }

        BadInputException missing(String key) {
            return new BadInputException(where, 0, 0, key, "missing: the file is not a complete WeakLink manifest");
        }
    }

    // ---- checks (the rest of a run's identity: RunIdentity) ----------------------------------------

    /**
     * Refuses to continue this run with another scenario file than the one it was started with,
     * naming both (checked first, so a resume with the wrong scenario says so).
     */
    /** The return periods the run's ORD exceedance tables are written at ({@code scenario.insurance.ord.return_periods}), or null for the market grid. */
    public List<Double> returnPeriods() {
        JsonNode rp = scenario == null ? null : scenario.path("insurance").path("ord").get("return_periods");
        if (rp == null || !rp.isArray()) return null;
        List<Double> out = new java.util.ArrayList<>();
        for (JsonNode x : rp) out.add(x.asDouble());
        return List.copyOf(out);
    }

    /**
     * This manifest with the ORD return periods replaced in its resolved scenario (null: the market grid).
     * Only the exceedance tables depend on them, never the simulation, so a resumed run may change them.
     */
    public Manifest withReturnPeriods(List<Double> periods) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = scenario.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode insurance = tree.has("insurance") && tree.get("insurance").isObject()
                ? (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("insurance") : tree.putObject("insurance");
        com.fasterxml.jackson.databind.node.ObjectNode ord = insurance.has("ord") && insurance.get("ord").isObject()
                ? (com.fasterxml.jackson.databind.node.ObjectNode) insurance.get("ord") : insurance.putObject("ord");
        // return_periods first, as ScenarioTree writes it
        com.fasterxml.jackson.databind.node.ObjectNode rebuilt = Json.object();
        if (periods != null) {
            com.fasterxml.jackson.databind.node.ArrayNode a = rebuilt.putArray("return_periods");
            periods.forEach(a::add);
        }
        ord.fields().forEachRemaining(e -> { if (!e.getKey().equals("return_periods")) rebuilt.set(e.getKey(), e.getValue()); });
        insurance.set("ord", rebuilt);
        return new Manifest(tool, version, format, status, scenarioName, scenarioFile, scenarioSha256, inputs, seed, replicates,
                targetCiPercent, policies, baseline, currency, days, shard, started, finished, javaVersion, os, threads, engine, mergedFrom,
                replicatesRun, stopReason, uncertaintyDraw, uncertaintyValues, files, tree);
    }

    /**
     * What the run keeps of the events' losses: its resolved scenario's {@code insurance.event_losses}
     * ({@code events} where the manifest does not say, as 0.10.0's never did).
     */
    public weaklink.scenario.InsuranceSpec.EventLosses eventLosses() {
        JsonNode v = scenario == null ? null : scenario.path("insurance").get("event_losses");
        if (v == null || !v.isTextual()) return weaklink.scenario.InsuranceSpec.EventLosses.EVENTS;
        for (var k : weaklink.scenario.InsuranceSpec.EventLosses.values()) if (k.label().equals(v.asText())) return k;
        throw new IllegalArgumentException("manifest.json: scenario.insurance.event_losses '" + v.asText() + "' is none of events, years, none");
    }

    public void checkScenario(Path file, String sha256, Path dir) throws BadInputException {
        if (!scenarioSha256.equals(sha256)) {
            throw new BadInputException(file.toString(), 0, 0, null, "is not the scenario the run in " + dir + " was started with ("
                    + scenarioFile + ", SHA-256 " + scenarioSha256 + "; this file's is " + sha256
                    + "): resume with that scenario, unchanged, or start a new run");
        }
    }

    /** SHA-256 of a file's bytes, hex. */
    public static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }

    /** SHA-256 of bytes, hex. */
    static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
