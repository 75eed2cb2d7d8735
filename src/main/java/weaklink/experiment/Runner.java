package weaklink.experiment;

import weaklink.io.Json;
import weaklink.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import weaklink.scenario.BadInputException;
import weaklink.stats.RunningMean;

/**
 * Runs a {@link RunPlan}: builds the network once, computes each policy's funding once, then
 * runs the shard's replicates on worker threads, every policy of a replicate on the same random
 * streams (common random numbers). Rows are streamed to {@code replicates.csv.partial} in
 * replicate order whatever the thread count, so memory does not grow with replicates, and a
 * checkpoint ({@code accumulators.json}: replicates done, bytes of rows written, sums) is
 * written atomically every few seconds. A killed run resumes from its checkpoint and ends with the
 * same bytes as an uninterrupted one.
 *
 * <p>With a {@code targetCi} in the plan the run stops early, at the first multiple of
 * {@link #CI_CHECK_EVERY} replicates where every policy's 95 % confidence half-width of mean
 * annual loss is at most that share of its mean; the manifest records {@code replicates_run} and
 * {@code stop_reason}.
 *
 * <p>Files written: {@code manifest.json}, {@code replicates.csv}, {@code accumulators.json} (see docs/OUTPUTS.md).
 * Summaries and charts are made from these by {@code weaklink.report}.
 */
public final class Runner {
    public static final String MANIFEST = "manifest.json";
    public static final String REPLICATES = "replicates.csv";
    public static final String PARTIAL = "replicates.csv.partial";
    public static final String ACCUMULATORS = "accumulators.json";
    static final long CHECKPOINT_MILLIS = 2000;
    /**
     * With {@code --target-ci}, the stopping rule is checked only when the replicates done (in
     * replicate order) reach a multiple of this, so where a run stops depends on the results, never
     * on thread timing.
     */
    public static final int CI_CHECK_EVERY = 100;
    /** Why a run ended, as written to the manifest's {@code stop_reason}. */
    public static final String ALL_REPLICATES = "all_replicates", TARGET_CI_REACHED = "target_ci_reached";

    private final RunPlan plan;
    private final ProgressListener progress;
    private final long checkpointMillis;

    public Runner(RunPlan plan, ProgressListener progress) {
        this(plan, progress, CHECKPOINT_MILLIS);
    }

    /** {@code checkpointMillis}: how often the checkpoint is written (tests use a short interval). */
    public Runner(RunPlan plan, ProgressListener progress, long checkpointMillis) {
        this.plan = plan;
        this.progress = progress;
        this.checkpointMillis = checkpointMillis;
    }

    /**
     * Starts a new run in an empty (or absent) folder; {@code overwrite} first removes the files
     * a previous run left there.
     */
    public void start(boolean overwrite) throws IOException, BadInputException {
        Path dir = plan.outDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw BadInputException.option("--out", dir + " exists and is not a folder");
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!overwrite) {
                throw BadInputException.option("--out", "results folder " + dir + " is not empty; use --resume " + dir
                        + " to continue the run in it, --overwrite to replace it, or another --out");
            }
            ResultsFolder.clear(dir);
        }
        ReplicateEngine engine = ReplicateEngine.of(plan); // bad input is refused here, before anything is written
        Files.createDirectories(dir);
        Json.write(dir.resolve(MANIFEST), Manifest.create(plan, Instant.now()));
        execute(engine, new Checkpoint(0, 0, null, null, null));
    }

    /**
     * Continues the run in {@code plan.outDir()}; its manifest must describe the same run. Rows
     * written after the last checkpoint are cut off and recomputed; everything before it is kept.
     */
    public void resume() throws IOException, BadInputException {
        Path dir = plan.outDir();
        JsonNode manifest = Manifest.readFor(dir);
        Manifest.checkSameRun(manifest, plan, dir);
        Path accFile = dir.resolve(ACCUMULATORS), partial = dir.resolve(PARTIAL), rows = dir.resolve(REPLICATES);
        if (Files.exists(rows) && "complete".equals(manifest.path("status").asText())) {
            progress.finished(manifest.path("replicates_run").asInt(plan.shard().end(plan.replicates()) - plan.shard().start(plan.replicates())));
            return;
        }
        Checkpoint state = Files.exists(accFile) ? Checkpoint.read(accFile) : new Checkpoint(0, 0, null, null, null);
        int total = plan.shard().end(plan.replicates()) - plan.shard().start(plan.replicates());
        boolean allRowsWritten = state.sums() != null && (state.stopReason() != null || state.done() == total);
        if (allRowsWritten && (Files.exists(partial) || Files.exists(rows))) {
            // killed while finishing: every row is written, only the renaming and the manifest are left
            if (Files.exists(partial)) AtomicFile.moveIntoPlace(partial, rows);
            markComplete(dir, state.done(), state.stopReason() != null ? state.stopReason() : ALL_REPLICATES);
            progress.finished(state.done());
            return;
        }
        if (!Files.exists(partial) || state.sums() == null) state = new Checkpoint(0, 0, null, null, null);
        execute(ReplicateEngine.of(plan), state);
    }

    private void execute(ReplicateEngine engine, Checkpoint from) throws IOException {
        engine.setupPhases().forEach(progress::phase);
        PhaseTimer timer = new PhaseTimer();
        Path dir = plan.outDir();
        Accumulators acc = from.sums() != null ? from.sums() : engine.newAccumulators();
        RunningMean[] losses = null;
        if (plan.stopsEarly()) losses = from.losses() != null ? from.losses() : newLosses(plan.policies().size());

        int first = plan.shard().start(plan.replicates()), end = plan.shard().end(plan.replicates());
        int total = end - first;
        Path partial = dir.resolve(PARTIAL);
        long bytes;
        if (from.done() == 0) {
            Files.writeString(partial, ReplicateRow.header() + "\n", StandardCharsets.UTF_8);
            bytes = Files.size(partial);
            writeCheckpoint(dir, new Checkpoint(0, bytes, acc, losses, null));
        } else {
            bytes = from.bytes();
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.truncate(bytes);
            }
        }
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.threads()), r -> {
            Thread t = new Thread(r, "weaklink-replicate");
            t.setDaemon(true);
            workers.add(t);
            return t;
        });
        int done = from.done();
        String stopReason = ALL_REPLICATES;
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
            ArrayDeque<Future<ReplicateEngine.ReplicateResult>> window = new ArrayDeque<>();
            int next = first + done;
            int windowSize = Math.max(4, plan.threads() * 4);
            long lastCheckpoint = System.currentTimeMillis();
            progress.progress(done, total);
            while (next < end || !window.isEmpty()) {
                while (next < end && window.size() < windowSize) {
                    final int r = next++;
                    window.add(pool.submit(() -> engine.run(r)));
                }
                ReplicateEngine.ReplicateResult result = await(window.poll());
                byte[] rows = result.csv().getBytes(StandardCharsets.UTF_8);
                out.write(rows);
                bytes += rows.length;
                result.addTo(acc);
                done++;
                if (losses != null) {
                    for (int p = 0; p < losses.length; p++) losses[p].add(result.totalLoss(p));
                    if (done % CI_CHECK_EVERY == 0 && done < total && allPrecise(losses, plan.targetCi())) {
                        stopReason = TARGET_CI_REACHED;
                        break;
                    }
                }
                long now = System.currentTimeMillis();
                if (now - lastCheckpoint >= checkpointMillis && done < total) {
                    out.flush();
                    writeCheckpoint(dir, new Checkpoint(done, bytes, acc, losses, null));
                    lastCheckpoint = now;
                }
                progress.progress(done, total);
            }
            progress.phase(timer.lap("replicates", workers));
        } finally {
            pool.shutdownNow();
        }
        // the final checkpoint comes first, so a run killed from here on only has the renaming left
        writeCheckpoint(dir, new Checkpoint(done, bytes, acc, losses, plan.stopsEarly() ? stopReason : null));
        AtomicFile.moveIntoPlace(partial, dir.resolve(REPLICATES));
        markComplete(dir, done, stopReason);
        progress.finished(done);
    }

    private static RunningMean[] newLosses(int policies) {
        RunningMean[] out = new RunningMean[policies];
        for (int p = 0; p < policies; p++) out[p] = new RunningMean();
        return out;
    }

    private static boolean allPrecise(RunningMean[] losses, double relative) {
        for (RunningMean m : losses) if (!m.precise(relative)) return false;
        return true;
    }

    /**
     * Ends a run whose rows are all in {@code replicates.csv.partial}: renames it to
     * {@code replicates.csv}, writes the final sums and marks the manifest complete. Every way of
     * making a results folder (a local run, a merge of shards, a distributed run) ends here or in
     * the same steps, so their files agree byte for byte.
     */
    public static void complete(Path dir, int replicates, Accumulators acc) throws IOException {
        AtomicFile.moveIntoPlace(dir.resolve(PARTIAL), dir.resolve(REPLICATES));
        writeCheckpoint(dir, new Checkpoint(replicates, Files.size(dir.resolve(REPLICATES)), acc, null, null));
        markComplete(dir, replicates, ALL_REPLICATES);
    }

    private static void markComplete(Path dir, int replicatesRun, String stopReason) throws IOException {
        ObjectNode manifest = (ObjectNode) Json.read(dir.resolve(MANIFEST));
        Manifest.complete(manifest, Instant.now(), replicatesRun, stopReason);
        Json.write(dir.resolve(MANIFEST), manifest);
    }

    private static void writeCheckpoint(Path dir, Checkpoint c) throws IOException {
        Json.write(dir.resolve(ACCUMULATORS), c.toJson());
    }

    /**
     * The content of {@code accumulators.json}: replicates done (in order from the shard's first),
     * bytes of {@code replicates.csv.partial} that hold them, the exact sums, and — for a run with
     * {@code --target-ci} — each policy's running mean of total loss and, once it has ended, why.
     */
    record Checkpoint(int done, long bytes, Accumulators sums, RunningMean[] losses, String stopReason) {
        ObjectNode toJson() {
            ObjectNode state = Json.object();
            state.put("replicates_done", done);
            state.put("partial_bytes", bytes);
            state.set("sums", sums.toJson());
            if (losses != null) {
                ArrayNode a = state.putArray("total_loss_running_mean");
                for (RunningMean m : losses) {
                    ObjectNode o = a.addObject();
                    o.put("n", m.count());
                    o.put("mean", m.count() == 0 ? 0 : m.mean());
                    o.put("m2", m.sumOfSquaredDeviations());
                }
            }
            if (stopReason != null) state.put("stop_reason", stopReason);
            return state;
        }

        static Checkpoint read(Path file) throws IOException {
            JsonNode state = Json.read(file);
            RunningMean[] losses = null;
            if (state.has("total_loss_running_mean")) {
                JsonNode a = state.get("total_loss_running_mean");
                losses = new RunningMean[a.size()];
                for (int p = 0; p < losses.length; p++) {
                    JsonNode o = a.get(p);
                    losses[p] = new RunningMean(o.path("n").asLong(), o.path("mean").asDouble(), o.path("m2").asDouble());
                }
            }
            return new Checkpoint(state.path("replicates_done").asInt(), state.path("partial_bytes").asLong(),
                    state.has("sums") ? Accumulators.fromJson(state.get("sums")) : null, losses,
                    state.has("stop_reason") ? state.get("stop_reason").asText() : null);
        }
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof OutOfMemoryError oom && !(c instanceof PhaseOutOfMemoryError)) throw new PhaseOutOfMemoryError("running the replicates", oom);
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static ArrayNode names(List<String> xs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        xs.forEach(a::add);
        return a;
    }
}
