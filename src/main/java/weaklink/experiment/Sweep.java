package weaklink.experiment;

import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioOverrides;
import weaklink.scenario.ScenarioSource;

/**
 * A sweep: one full run per design point, each the base scenario with the point's parameter
 * values, all on the same master seed so that points are compared with common random numbers.
 * Each point's results go to {@code points/pNNNN/} (an ordinary results folder), the design to
 * {@code sweep.json}, and the headline figures of every point and policy to {@code sweep.csv}.
 * Resumable: finished points are kept, an interrupted point resumes from its checkpoint.
 */
public final class Sweep {
    public static final String DESIGN = "sweep.json";
    public static final String TABLE = "sweep.csv";
    /** Columns of each point's summary.csv copied into sweep.csv. */
    public static final List<String> FIGURES = List.of("mean_loss", "ci95_low", "ci95_high", "var_99_5", "tvar_99_5",
            "mean_security_spend", "mean_policy_cost", "mean_societal_cost", "diff_vs_baseline", "diff_ci95_low", "diff_ci95_high",
            "mean_paid_by_self", "mean_paid_by_buyers", "mean_paid_by_government", "mean_paid_by_pool", "mean_premiums",
            "mean_certification_cost", "mean_excess_burden", "mean_lost_business", "share_meeting_standard", "share_budget_bound");

    /**
     * @param scenarioFile the base scenario
     * @param parameters   swept parameters, in column order
     * @param design       the design's name (for the record)
     * @param samples      the design's size parameter
     * @param points       each point's values, one per parameter
     * @param seed         master seed shared by all points
     * @param replicates   replicates per point
     * @param policyNames  policies (null: the scenario's)
     * @param threads      worker threads
     * @param outDir       the sweep's folder
     */
    public record Plan(Path scenarioFile, List<SweepDesign.Parameter> parameters, String design, int samples,
                       List<List<String>> points, long seed, int replicates, List<String> policyNames, int threads, Path outDir) {}

    private Sweep() {}

    /** Runs (or, with {@code resume}, continues) the sweep. Every point's scenario is validated before anything is written. */
    public static void run(Plan plan, boolean resume, ResultsStore.Summariser summariser, ProgressListener progress)
            throws IOException, BadInputException {
        List<RunPlan> runs = new ArrayList<>();
        ScenarioSource source = ScenarioSource.read(plan.scenarioFile()); // read once for every point and the hash
        String baseSha = source.digest().sha256();
        for (int i = 0; i < plan.points().size(); i++) {
            Map<String, String> overrides = overrides(plan, i);
            Scenario s;
            try {
                s = ScenarioOverrides.load(source, overrides);
            } catch (BadInputException e) {
                throw new BadInputException(e.file(), e.line(), e.column(), e.key(), "at sweep point " + (i + 1) + " " + overrides + ": " + e.problem());
            }
            List<PolicySpec> policies = s.policiesNamed(plan.policyNames());
            String sha = Manifest.sha256((baseSha + "\n" + overrides).getBytes(StandardCharsets.UTF_8));
            runs.add(new RunPlan(s, plan.scenarioFile(), sha, plan.seed(), plan.replicates(), policies, Shard.WHOLE, plan.threads(), pointDir(plan.outDir(), i)));
        }
        Path dir = plan.outDir();
        ObjectNode design = designJson(plan, baseSha);
        if (resume) {
            Path file = dir.resolve(DESIGN);
            if (!Files.isRegularFile(file)) throw BadInputException.option(dir.toString(), "is not a sweep folder (no " + DESIGN + ")");
        } else {
            refuseNonEmpty(dir);
            Files.createDirectories(dir);
        }
        try (FolderLock lock = FolderLock.acquire(dir, "weaklink sweep")) {
            if (resume) {
                Path file = dir.resolve(DESIGN);
                JsonNode old = Json.read(file);
                if (!old.equals(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(design)))) throw new BadInputException(file.toString(), 0, 0, null, "the folder holds a different sweep (scenario, parameters, design, seed, replicates or policies differ); start a new one with another --out");
            } else {
                refuseNonEmpty(dir);
                Json.write(dir.resolve(DESIGN), design);
            }
            Files.createDirectories(dir.resolve("points"));
            checkStartedPointsReadTheseInputs(runs);
            for (int i = 0; i < runs.size(); i++) {
                RunPlan run = runs.get(i);
                Path pd = run.outDir();
                boolean started = Files.isRegularFile(pd.resolve(Runner.MANIFEST));
                boolean complete = started && Manifest.read(pd).complete();
                if (!complete) {
                    Runner runner = new Runner(run, ProgressListener.SILENT);
                    if (started) runner.resume(summariser);
                    else runner.start(false, summariser);
                }
                progress.progress(i + 1, runs.size());
            }
            writeTable(plan, runs);
            progress.finished(runs.size());
        }
    }

    /**
     * Refuses to continue a sweep whose finished (or started) points read other inputs than the files
     * now hold (a network file edited between them), before any point runs: a finished point is not
     * run again, so this is the only check it gets.
     */
    private static void checkStartedPointsReadTheseInputs(List<RunPlan> runs) throws IOException, BadInputException {
        List<Manifest.InputFile> now = null;
        for (RunPlan run : runs) {
            Path pd = run.outDir();
            if (!Files.isRegularFile(pd.resolve(Runner.MANIFEST))) continue;
            if (now == null) now = RunIdentity.inputsOf(run);
            RunIdentity.checkInputs(Manifest.read(pd), now, pd.toString());
        }
    }

    private static void refuseNonEmpty(Path dir) throws IOException, BadInputException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw BadInputException.option("--out", dir + " exists and is not a folder");
        if (Files.isDirectory(dir) && !ResultsFolder.emptyButOurs(dir)) {
            throw BadInputException.option("--out", "sweep folder " + dir + " is not empty; use --resume to continue the sweep in it, or another --out");
        }
    }

    static Path pointDir(Path dir, int i) { return dir.resolve("points").resolve(String.format("p%04d", i + 1)); }

    private static Map<String, String> overrides(Plan plan, int i) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int j = 0; j < plan.parameters().size(); j++) o.put(plan.parameters().get(j).path(), plan.points().get(i).get(j));
        return o;
    }

    private static ObjectNode designJson(Plan plan, String baseSha) {
        ObjectNode d = Json.object();
        d.put("tool_version", Version.VALUE);
        d.put("scenario_sha256", baseSha);
        d.put("design", plan.design());
        d.put("samples", plan.samples());
        d.put("seed", plan.seed());
        d.put("replicates", plan.replicates());
        ArrayNode pol = d.putArray("policies");
        if (plan.policyNames() != null) plan.policyNames().forEach(pol::add);
        ArrayNode params = d.putArray("parameters");
        for (SweepDesign.Parameter p : plan.parameters()) {
            ObjectNode n = params.addObject();
            n.put("path", p.path());
            if (p.isRange()) {
                n.put("low", p.low());
                n.put("high", p.high());
            } else {
                ArrayNode v = n.putArray("values");
                p.values().forEach(v::add);
            }
        }
        ArrayNode points = d.putArray("points");
        for (List<String> pt : plan.points()) {
            ArrayNode a = points.addArray();
            pt.forEach(a::add);
        }
        return d;
    }

    /** sweep.csv: point, the parameters' values, policy, then {@link #FIGURES} from the point's summary.csv. */
    private static void writeTable(Plan plan, List<RunPlan> runs) throws IOException {
        StringBuilder sb = new StringBuilder("point");
        for (SweepDesign.Parameter p : plan.parameters()) sb.append(',').append(Csv.text(p.path()));
        sb.append(",policy");
        for (String f : FIGURES) sb.append(',').append(f);
        sb.append('\n');
        for (int i = 0; i < runs.size(); i++) {
            List<String> lines = Files.readAllLines(runs.get(i).outDir().resolve("summary.csv"), StandardCharsets.UTF_8);
            List<String> header = Csv.split(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = Csv.split(line);
                sb.append(i + 1);
                for (String v : plan.points().get(i)) sb.append(',').append(Csv.text(v));
                sb.append(',').append(Csv.text(cells.get(header.indexOf("policy"))));
                for (String f : FIGURES) {
                    int col = header.indexOf(f);
                    sb.append(',').append(col < 0 ? "" : cells.get(col));
                }
                sb.append('\n');
            }
        }
        AtomicFile.writeString(plan.outDir().resolve(TABLE), sb.toString());
    }
}
