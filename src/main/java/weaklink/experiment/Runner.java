package weaklink.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * streams (common random numbers). Rows are streamed to the results folder in replicate order
 * whatever the thread count, so memory does not grow with replicates, and a checkpoint is written
 * every few seconds ({@link ResultsStore} owns the folder: its lock, checkpoints, verification and
 * the order its files are written in). A killed run resumes from its checkpoint and ends with the
 * same bytes as an uninterrupted one.
 *
 * <p>With a {@code targetCi} in the plan the run stops early, at the first multiple of
 * {@link #CI_CHECK_EVERY} replicates where every policy's 95 % confidence half-width of mean
 * annual loss is at most that share of its mean; the manifest records {@code replicates_run} and
 * {@code stop_reason}.
 *
 * <p>Files written: {@code manifest.json}, {@code replicates.csv}, {@code events.csv} (with an
 * insurer's book also {@code portfolio_losses.csv}), {@code accumulators.json} (see
 * docs/OUTPUTS.md), then whatever the {@link ResultsStore.Summariser} makes from them.
 */
public final class Runner {
    public static final String MANIFEST = ResultsStore.MANIFEST;
    public static final String REPLICATES = ResultsStore.REPLICATES;
    public static final String PARTIAL = ResultsStore.PARTIAL;
    public static final String ACCUMULATORS = ResultsStore.ACCUMULATORS;
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
     * Starts a new run in an absent or empty folder (with {@code overwrite}, in place of the files a
     * previous run of WeakLink wrote there), runs it, summarises it with {@code summariser} and marks
     * it complete. Bad input is refused before anything is written.
     */
    public void start(boolean overwrite, ResultsStore.Summariser summariser) throws IOException, BadInputException {
        Path dir = plan.outDir();
        List<Path> inputs = inputPaths();
        ResultsStore.checkCanCreate(dir, overwrite, inputs);
        ReplicateEngine engine = ReplicateEngine.of(plan); // bad input is refused here, before anything is written
        Manifest manifest = Manifest.create(plan, Instant.now(), "local", engine.networkSources());
        try (ResultsStore store = ResultsStore.create(dir, manifest, overwrite, inputs, summariser, "weaklink run")) {
            Accumulators acc = engine.newAccumulators();
            RunningMean[] losses = plan.stopsEarly() ? newLosses(plan.policies().size()) : null;
            ResultsStore.Rows rows = store.startRows(EventRows.files(plan.scenario()));
            rows.checkpoint(0, acc, losses);
            execute(engine, store, rows, 0, acc, losses);
        }
    }

    /**
     * Continues the run in {@code plan.outDir()}; its manifest must describe the same run, on the same
     * input files. Rows written after the last checkpoint are cut off and recomputed; everything before
     * it is kept, once checked against the checkpoint's size and hash.
     */
    public void resume(ResultsStore.Summariser summariser) throws IOException, BadInputException {
        Path dir = plan.outDir();
        try (ResultsStore store = ResultsStore.open(dir, summariser, "weaklink run --resume")) {
            Manifest manifest = store.manifest();
            RunIdentity.checkSameRun(manifest, plan, dir);
            int total = manifest.shard().size();
            List<Double> periods = plan.scenario().insurance().ord().returnPeriods();
            if (!java.util.Objects.equals(periods, manifest.returnPeriods())) {
                // other return periods change only the exceedance tables' rows, never the simulation: recorded now, written at the end
                boolean complete = manifest.complete();
                if (complete) store.verifyComplete();
                store.updateManifest(m -> m.withReturnPeriods(periods).withStatus(complete ? Manifest.RUNNING : m.status()));
                if (complete) {
                    // summarised again from the folder's own rows (a run killed in here resumes into the same steps)
                    progress.finished(manifest.replicatesRun() != null ? manifest.replicatesRun() : total);
                    summariseAndComplete(store);
                    return;
                }
                manifest = store.manifest();
            }
            if (manifest.complete()) {
                store.verifyComplete();
                progress.finished(manifest.replicatesRun() != null ? manifest.replicatesRun() : total);
                return;
            }
            if (manifest.replicatesRun() != null) {
                // killed after its rows were finished: only the summaries and the completion are left
                store.recoverFinishedRows();
                progress.finished(manifest.replicatesRun());
                summariseAndComplete(store);
                return;
            }
            ResultsStore.Resumed from = store.resumeRows(total, EventRows.files(plan.scenario()));
            if (from != null && from.rowsDone()) {
                progress.finished(from.from().done());
                summariseAndComplete(store);
                return;
            }
            ReplicateEngine engine = ReplicateEngine.of(plan);
            if (from == null) {
                Accumulators acc = engine.newAccumulators();
                RunningMean[] losses = plan.stopsEarly() ? newLosses(plan.policies().size()) : null;
                ResultsStore.Rows rows = store.startRows(EventRows.files(plan.scenario()));
                rows.checkpoint(0, acc, losses);
                execute(engine, store, rows, 0, acc, losses);
            } else {
                Checkpoint c = from.from();
                RunningMean[] losses = plan.stopsEarly() ? (c.losses() != null ? c.losses() : newLosses(plan.policies().size())) : null;
                execute(engine, store, from.rows(), c.done(), c.sums(), losses);
            }
        }
    }

    /** The files the run reads: the scenario and its network files (never inside a folder it overwrites). */
    private List<Path> inputPaths() {
        List<Path> out = new java.util.ArrayList<>(List.of(plan.scenarioFile()));
        if (plan.scenario().network().fromFiles()) {
            out.add(plan.scenario().network().firmsFile());
            out.add(plan.scenario().network().linksFile());
        }
        if (plan.scenario().insurance().hasPortfolio()) out.add(plan.scenario().insurance().portfolio());
        return out;
    }

    private void execute(ReplicateEngine engine, ResultsStore store, ResultsStore.Rows rows, int doneBefore, Accumulators acc,
                         RunningMean[] losses) throws IOException, BadInputException {
        engine.setupPhases().forEach(progress::phase);
        PhaseTimer timer = new PhaseTimer();
        int first = plan.shard().start(plan.replicates()), end = plan.shard().end(plan.replicates());
        int total = end - first;
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.threads()), r -> {
            Thread t = new Thread(r, "weaklink-replicate");
            t.setDaemon(true);
            workers.add(t);
            return t;
        });
        int done = doneBefore;
        String stopReason = ALL_REPLICATES;
        try (rows) {
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
                rows.append(result.csv().getBytes(StandardCharsets.UTF_8));
                result.appendEvents(rows);
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
                    rows.checkpoint(done, acc, losses);
                    lastCheckpoint = now;
                }
                progress.progress(done, total);
            }
            progress.phase(timer.lap("replicates", workers));
        } finally {
            pool.shutdownNow();
        }
        // the final checkpoint comes first, so a run killed from here on only has the renaming left
        rows.finish(done, acc, losses, plan.stopsEarly() ? stopReason : null, stopReason);
        progress.finished(done);
        summariseAndComplete(store);
    }

    /** Summaries, tables, charts and report, then the manifest says {@code complete}: last of all. */
    private void summariseAndComplete(ResultsStore store) throws IOException, BadInputException {
        PhaseTimer timer = new PhaseTimer();
        store.summarise();
        store.complete();
        progress.phase(timer.lap("summaries and charts"));
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

}
