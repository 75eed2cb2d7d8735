package weaklink.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.random.Seeds;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioOverrides;
import weaklink.scenario.ScenarioSource;
import weaklink.scenario.UncertaintySpec;

/**
 * A run of a scenario with an {@code uncertainty:} block: {@code draws} outer draws of the
 * uncertain inputs, each an ordinary run of the scenario's replicates × policies (common random
 * numbers across policies within a draw) in {@code draws/dNNNN/}. Draw {@code d}'s values are the
 * inverse CDFs of the uniforms {@link Seeds#uncertaintyParameter}{@code (d, j)}, written into the
 * scenario by {@link ScenarioOverrides} (so every check of the loader applies); with
 * {@code network_draws} its master seed is {@link Seeds#uncertaintyDraw}{@code (d)} — a network and
 * attack streams of its own — and otherwise the run's master seed, so draws share the network and
 * the attacks and differ by their inputs alone (as a sweep's points do).
 *
 * <p>A draw depends only on (scenario, master seed, replicates, policies, d): shards are contiguous
 * blocks of draws ({@code --shard I/N}), and {@link UncertaintyMerge#merge} copies the shards' draw folders into one
 * folder, which is then summarised by the same code as an unsharded run, so the results are the same
 * bytes at any split. Resumable: finished draws are kept, an interrupted draw resumes from its checkpoint.
 */
public final class UncertaintyRun {
    /** The manifest's {@code kind} of an uncertainty run's top folder. */
    public static final String KIND = "uncertainty";
    public static final String DRAWS = "draws";

    /**
     * What a resumed uncertainty run continues with unless the command line says otherwise: the
     * defaults its top folder's manifest records.
     */
    public record Previous(long seed, int replicates, Shard shard, List<String> policies) {
        /** Reads them from {@code dir}'s manifest. */
        public static Previous read(Path dir) throws IOException, BadInputException {
            JsonNode m = readTop(dir);
            List<String> policies = new ArrayList<>();
            m.path("policies").forEach(p -> policies.add(p.asText()));
            return new Previous(m.path("seed").asLong(), m.path("replicates").asInt(),
                    new Shard(m.path("shard").path("index").asInt(1), m.path("shard").path("count").asInt(1)), policies);
        }
    }

    /**
     * One outer draw, ready to run.
     *
     * @param index  d, from 0
     * @param values the uncertain inputs' values (key path -> value as written into the scenario)
     * @param plan   its run
     */
    public record Draw(int index, Map<String, String> values, RunPlan plan) {}

    private final Scenario scenario;
    private final Path scenarioFile;
    /** SHA-256 of the scenario file's bytes, as read once for every draw. */
    private final String scenarioSha256;
    private final long seed;
    private final int replicates;
    private final List<String> policyNames;
    private final Shard shard;
    private final int threads;
    private final Path outDir;
    private final List<Draw> draws;

    /**
     * Builds every draw of the shard and validates its scenario before anything runs.
     *
     * @param policyNames the policies selected ({@code --policies}); null or empty: the scenario's
     */
    public UncertaintyRun(Scenario scenario, Path scenarioFile, long seed, int replicates, List<String> policyNames, Shard shard, int threads,
                          Path outDir) throws IOException, BadInputException {
        if (scenario.uncertainty() == null) throw new IllegalArgumentException("the scenario has no uncertainty block");
        this.scenario = scenario;
        this.scenarioFile = scenarioFile;
        this.seed = seed;
        this.replicates = replicates;
        this.policyNames = scenario.policiesNamed(policyNames).stream().map(PolicySpec::name).toList();
        this.shard = shard;
        this.threads = threads;
        this.outDir = outDir;
        UncertaintySpec u = scenario.uncertainty();
        ScenarioSource source = ScenarioSource.read(scenarioFile); // read once for every draw and the hash
        String baseSha = source.digest().sha256();
        this.scenarioSha256 = baseSha;
        Seeds seeds = new Seeds(seed);
        List<Draw> out = new ArrayList<>();
        for (int d = shard.start(u.draws()); d < shard.end(u.draws()); d++) {
            Map<String, String> values = values(u, seeds, d);
            Scenario s;
            try {
                s = ScenarioOverrides.load(source, values);
            } catch (BadInputException e) {
                throw new BadInputException(e.file(), e.line(), e.column(), e.key(), "at uncertainty draw " + (d + 1) + " " + values
                        + " (uncertainty.parameters, " + locations(u) + "): " + e.problem());
            }
            List<PolicySpec> policies = s.policiesNamed(this.policyNames);
            String sha = Manifest.sha256((baseSha + "\ndraw " + d + "\n" + values).getBytes(StandardCharsets.UTF_8));
            long drawSeed = u.networkDraws() ? seeds.uncertaintyDraw(d) : seed;
            out.add(new Draw(d, values, new RunPlan(s, scenarioFile, sha, drawSeed, replicates, policies, Shard.WHOLE, threads, drawDir(outDir, d))));
        }
        this.draws = List.copyOf(out);
    }

    /** Draw {@code d}'s value of each uncertain input, as text (9 significant digits, no exponent). */
    static Map<String, String> values(UncertaintySpec u, Seeds seeds, int d) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int j = 0; j < u.parameters().size(); j++) {
            UncertaintySpec.Parameter p = u.parameters().get(j);
            values.put(p.path(), Csv.number(p.distribution().quantile(seeds.uncertaintyParameter(d, j))));
        }
        return values;
    }

    private static String locations(UncertaintySpec u) {
        List<String> l = new ArrayList<>();
        for (UncertaintySpec.Parameter p : u.parameters()) l.add(p.path() + " at " + p.location());
        return String.join("; ", l);
    }

    public List<Draw> draws() { return draws; }

    /** The folder of draw {@code d} (from 0): {@code draws/d0001} for the first. */
    public static Path drawDir(Path dir, int d) { return dir.resolve(DRAWS).resolve(String.format("d%04d", d + 1)); }

    /**
     * Runs (or, with {@code resume}, continues) the shard's draws, summarising each with
     * {@code drawSummariser}; a whole run (shard 1/1) is then summarised with {@code topSummariser}
     * before its manifest says complete. The top folder is held for the whole command (as a results
     * folder is); {@code overwrite} removes only what an earlier uncertainty run wrote there.
     */
    public void run(boolean resume, boolean overwrite, ResultsStore.Summariser drawSummariser, ResultsStore.Summariser topSummariser,
                    ProgressListener progress) throws IOException, BadInputException {
        Path manifestFile = outDir.resolve(Runner.MANIFEST);
        ObjectNode manifest = manifest(Instant.now());
        if (resume) {
            if (!Files.isDirectory(outDir)) throw BadInputException.option(outDir.toString(), "is not a WeakLink results folder (no such folder)");
        } else {
            ResultsFolder.checkOutPath(outDir);
            if (Files.isDirectory(outDir) && !ResultsFolder.emptyButOurs(outDir) && !overwrite) {
                throw ResultsFolder.notEmpty(outDir);
            }
            Files.createDirectories(outDir);
        }
        try (FolderLock lock = FolderLock.acquire(outDir, "weaklink run (uncertainty)")) {
            if (resume) {
                JsonNode old = readTop(outDir);
                for (String key : List.of("kind", "scenario_sha256", "seed", "replicates", "draws", "policies", "shard", "version")) {
                    if (!old.path(key).toString().equals(manifest.path(key).toString())) { // as written: an int and a long seed are one seed
                        throw new BadInputException(manifestFile.toString(), 0, 0, key, "the folder holds an uncertainty run with " + key + " "
                                + old.path(key) + ", this command asks for " + manifest.path(key) + "; resume with the same scenario and options");
                    }
                }
                manifest = (ObjectNode) old;
            } else {
                if (!ResultsFolder.emptyButOurs(outDir)) {
                    if (!overwrite) {
                        throw ResultsFolder.notEmpty(outDir);
                    }
                    ResultsFolder.clearNested(outDir, topSummariser.outputs(), DRAWS, inputs(), UncertaintyRun::isOurs);
                }
                Json.write(manifestFile, manifest);
            }
            Files.createDirectories(outDir.resolve(DRAWS));
            checkStartedDrawsReadTheseInputs();
            int done = 0;
            progress.progress(0, draws.size());
            for (Draw d : draws) {
                Path dir = d.plan().outDir();
                boolean started = Files.isRegularFile(dir.resolve(Runner.MANIFEST));
                if (!started || !Manifest.read(dir).complete()) {
                    Runner runner = new Runner(d.plan(), ProgressListener.SILENT);
                    if (started) runner.resume(drawSummariser);
                    else runner.start(false, drawSummariser);
                }
                recordValues(d);
                progress.progress(++done, draws.size());
            }
            if (shard.count() == 1) topSummariser.summarise(outDir);
            manifest.put("status", "complete");
            manifest.put("finished", Instant.now().toString());
            Json.write(manifestFile, manifest);
            progress.finished(draws.size());
        }
    }

    /**
     * Refuses to continue a run whose finished (or started) draws read other inputs than the files
     * now hold: the scenario's network files are hashed once and compared with every draw's manifest,
     * before any draw runs. A draw that is complete is not run again, so this is the only check it gets.
     */
    private void checkStartedDrawsReadTheseInputs() throws IOException, BadInputException {
        List<Manifest.InputFile> now = null;
        for (Draw d : draws) {
            Path dir = d.plan().outDir();
            if (!Files.isRegularFile(dir.resolve(Runner.MANIFEST))) continue;
            if (now == null) now = RunIdentity.inputsOf(d.plan());
            RunIdentity.checkInputs(Manifest.read(dir), now, dir.toString());
        }
    }

    /** The files a run of this scenario reads: never inside a folder it overwrites. */
    private List<Path> inputs() {
        List<Path> out = new ArrayList<>(List.of(scenarioFile));
        if (scenario.network().fromFiles()) {
            out.add(scenario.network().firmsFile());
            out.add(scenario.network().linksFile());
        }
        return out;
    }

    /** Whether {@code dir}'s manifest is an uncertainty run's, written by WeakLink. */
    private static boolean isOurs(Path dir) {
        try {
            JsonNode m = Json.read(dir.resolve(Runner.MANIFEST));
            return Manifest.TOOL.equals(m.path("tool").asText()) && KIND.equals(m.path("kind").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The top folder's manifest (an uncertainty run's own format; its draws' folders have ordinary manifests). */
    static JsonNode readTop(Path dir) throws IOException, BadInputException {
        Path file = dir.resolve(Runner.MANIFEST);
        if (!Files.isRegularFile(file)) throw BadInputException.option(dir.toString(), "is not a WeakLink results folder (no " + Runner.MANIFEST + ")");
        try {
            return Json.read(file);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadInputException(file.toString(), 0, 0, null, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Adds the draw's number and input values to its folder's manifest (the report reads them there). */
    public static void recordValues(Draw d) throws IOException, BadInputException {
        Path dir = d.plan().outDir();
        if (Manifest.read(dir).uncertaintyDraw() != null) return;
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : d.values().entrySet()) values.put(e.getKey(), Double.parseDouble(e.getValue()));
        try (ResultsStore store = ResultsStore.open(dir, null, "weaklink run (uncertainty draw)")) {
            store.updateManifest(m -> m.withUncertaintyDraw(d.index() + 1, values));
        }
    }

    /**
     * Holds the top folder (absent or empty) for a run whose draws another engine computes (Spark)
     * and writes its manifest, running; {@link #writeCompleteManifest} ends it.
     */
    public AutoCloseable holdTop(String command) throws IOException, BadInputException {
        ResultsStore.checkCanCreate(outDir, false, List.of());
        Files.createDirectories(outDir);
        FolderLock lock = FolderLock.acquire(outDir, command);
        try {
            if (!ResultsFolder.emptyButOurs(outDir)) throw BadInputException.option("--out", "results folder " + outDir + " is not empty; choose another --out");
            Json.write(outDir.resolve(Runner.MANIFEST), manifest(Instant.now()));
            Files.createDirectories(outDir.resolve(DRAWS));
        } catch (IOException | BadInputException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    /**
     * Writes draw {@code d}, whose rows and sums another engine computed, into its results folder as a
     * local run writes it (the same store, so the same bytes), summarised with {@code summariser}.
     */
    public static void writeDraw(Draw d, byte[] rows, Map<String, byte[]> events, Accumulators sums, String engine, ResultsStore.Summariser summariser)
            throws IOException, BadInputException {
        Manifest m = Manifest.create(d.plan(), Instant.now(), engine);
        try (ResultsStore store = ResultsStore.create(d.plan().outDir(), m, false, List.of(), summariser, "weaklink-spark (uncertainty draw)")) {
            try (ResultsStore.Rows r = store.startRows(List.copyOf(events.keySet()))) {
                r.append(rows);
                for (Map.Entry<String, byte[]> e : events.entrySet()) r.append(e.getKey(), e.getValue());
                r.finish(d.plan().replicates(), sums, null, null, Runner.ALL_REPLICATES);
            }
            store.summarise();
            store.complete();
        }
        recordValues(d);
    }

    /** Writes the top folder's manifest, complete, for a run whose draws another engine computed (Spark). */
    public void writeCompleteManifest(String engine) throws IOException {
        ObjectNode m = manifest(Instant.now());
        m.put("engine", engine);
        m.put("status", "complete");
        m.put("finished", Instant.now().toString());
        Json.write(outDir.resolve(Runner.MANIFEST), m);
    }

    /** The top folder's manifest: the run, its uncertain inputs and the shard's draws. */
    private ObjectNode manifest(Instant started) {
        UncertaintySpec u = scenario.uncertainty();
        ObjectNode m = Json.object();
        m.put("tool", "weaklink");
        m.put("version", Version.VALUE);
        m.put("kind", KIND);
        m.put("status", "running");
        m.put("scenario_name", scenario.name());
        m.put("scenario_file", scenarioFile.toString());
        m.put("scenario_sha256", scenarioSha256);
        m.put("seed", seed);
        m.put("replicates", replicates);
        m.put("draws", u.draws());
        m.put("network_draws", u.networkDraws());
        ArrayNode params = m.putArray("parameters");
        for (UncertaintySpec.Parameter p : u.parameters()) {
            ObjectNode o = params.addObject();
            o.put("path", p.path());
            o.set("distribution", Json.MAPPER.valueToTree(p.distribution()));
        }
        ArrayNode ps = m.putArray("policies");
        policyNames.forEach(ps::add);
        String b = scenario.baselinePolicy();
        m.put("baseline", policyNames.contains(b) ? b : policyNames.get(0));
        m.put("currency", scenario.currency());
        m.put("days", scenario.days());
        ObjectNode sh = m.putObject("shard");
        sh.put("index", shard.index());
        sh.put("count", shard.count());
        sh.put("first_draw", shard.start(u.draws()));
        sh.put("end_draw", shard.end(u.draws()));
        m.put("started", started.toString());
        m.putNull("finished");
        m.put("java_version", System.getProperty("java.version"));
        m.put("threads", threads);
        return m;
    }

    /** Whether {@code dir} holds an uncertainty run (its manifest's {@code kind}). */
    public static boolean isUncertaintyRun(Path dir) {
        return Files.isRegularFile(dir.resolve(Runner.MANIFEST)) && isOurs(dir);
    }
}
