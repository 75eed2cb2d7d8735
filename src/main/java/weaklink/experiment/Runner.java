package weaklink.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import weaklink.io.InputFile;
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
    /**
     * Finished replicates that may wait, per thread, for the one before them to be written (rows are
     * written in replicate order): while one long replicate (a large outbreak) runs, the other workers
     * go on with the next ones. With a window of 4 per thread, and no handing out while the main thread
     * waited, the two workers of a japan-manufacturing run were parked about 8 % of the replicate phase
     * (docs/BENCHMARKS.md, "Fifth pass").
     */
    static final int WINDOW_PER_THREAD = 32;
    /**
     * Replicates handed out and not yet finished, per thread: enough queued work (tens of milliseconds)
     * that the workers do not wait while the main thread writes a checkpoint.
     */
    static final int AHEAD_PER_THREAD = 8;
    /**
     * No further replicate is handed out while the finished ones waiting to be written hold more than
     * this many bytes of rows (a replicate of japan-national keeps about 1 MB of event rows).
     */
    static final long WINDOW_BYTES = 16L << 20;

    private final RunPlan plan;
    private final ProgressListener progress;
    private final long checkpointMillis;
    private final long windowBytes;
    /** Bytes of event rows the run may hold for its ORD export; negative: as the engine counts them ({@link HeldEvents}). */
    private long heldEventsBudget = -1;

    public Runner(RunPlan plan, ProgressListener progress) {
        this(plan, progress, CHECKPOINT_MILLIS);
    }

    /** {@code checkpointMillis}: how often the checkpoint is written (tests use a short interval). */
    public Runner(RunPlan plan, ProgressListener progress, long checkpointMillis) {
        this(plan, progress, checkpointMillis, WINDOW_BYTES);
    }

    /** {@code windowBytes}: the bytes of rows finished replicates may hold while they wait to be written (tests use tiny ones). */
    Runner(RunPlan plan, ProgressListener progress, long checkpointMillis, long windowBytes) {
        this.plan = plan;
        this.progress = progress;
        this.checkpointMillis = checkpointMillis;
        this.windowBytes = windowBytes;
    }

    /** For tests: the run holds at most {@code bytes} of event rows for its ORD export (0: none, it reads {@code events.csv}). */
    Runner heldEventsBudget(long bytes) {
        this.heldEventsBudget = bytes;
        return this;
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
        FolderOpening folder = new FolderOpening(sources -> ResultsStore.create(dir, Manifest.create(plan, Instant.now(), "local", sources),
                overwrite, inputs, summariser, "weaklink run"));
        ReplicateEngine engine;
        try {
            engine = ReplicateEngine.of(plan, folder::open); // bad input is refused while the network is built, before anything is written
        } catch (BadInputException | RuntimeException | Error e) {
            folder.abandon(e);
            throw e;
        }
        try (ResultsStore store = folder.await()) {
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
        // the event rows for the ORD export, held while they fit when this process writes all of them (else it reads the file)
        HeldEvents held = doneBefore == 0 && rows.streams().contains(EventRows.EVENTS)
                ? new HeldEvents(engine.policyNames(), heldEventsBudget < 0 ? engine.heldEventsBudget() : heldEventsBudget) : null;
        try (rows) {
            ReplicateWindow<ReplicateEngine.ReplicateResult> window = new ReplicateWindow<>(engine::run, ReplicateEngine.ReplicateResult::rowBytes,
                    pool, first + done, end, Math.max(1, plan.threads()), windowBytes, held == null ? () -> false : held::holding);
            long lastCheckpoint = System.currentTimeMillis();
            progress.progress(done, total);
            while (window.hasMore()) {
                ReplicateEngine.ReplicateResult result = window.take();
                rows.append(result.csvBytes());
                result.appendEvents(rows);
                if (held != null) held.add(result.heldEvents());
                result.releaseHeldEvents(); // copied into the slabs: its part goes to a later replicate
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
        summariseAndComplete(store, held != null && held.holding() ? held : null);
    }

    /** Summaries, tables, charts and report, then the manifest says {@code complete}: last of all. */
    private void summariseAndComplete(ResultsStore store) throws IOException, BadInputException {
        summariseAndComplete(store, null);
    }

    /** As above, the ORD export fed the event rows {@code held} (null: it reads {@code events.csv}). */
    private void summariseAndComplete(ResultsStore store, HeldEvents held) throws IOException, BadInputException {
        PhaseTimer timer = new PhaseTimer();
        store.summarise(held);
        store.complete();
        progress.phase(timer.lapWithPools("summaries and charts"));
    }

    /**
     * The results folder of a new run, created ({@link ResultsStore#create}: its lock, the previous run's files removed with
     * {@code --overwrite}, the declared files, the manifest forced to disk) on a thread of its own from the moment the
     * network is built — nothing refuses bad input after that — while the run's thread computes the firms' decisions and
     * the policies' funding. Creating it mostly waits on the disk: japan-manufacturing's 517 files (179 MB) removed and the
     * manifest's {@code fsync}s took 0.06–0.37 s of wall between the funding and the first replicate when the run's own
     * thread did it (docs/BENCHMARKS.md, "Thirteenth pass"). A failure is thrown where the folder is first needed, as before.
     */
    private static final class FolderOpening {
        interface Create {
            ResultsStore create(List<InputFile.Digest> networkSources) throws IOException, BadInputException;
        }

        private final Create create;
        private FutureTask<ResultsStore> task;

        FolderOpening(Create create) { this.create = create; }

        /** Starts creating the folder, its manifest naming the network files {@code networkSources}. */
        void open(List<InputFile.Digest> networkSources) {
            task = new FutureTask<>(() -> create.create(networkSources));
            Thread t = new Thread(task, "weaklink-folder");
            t.setDaemon(true);
            t.start();
        }

        /** The folder, once created; what creating it threw is thrown here. */
        ResultsStore await() throws IOException, BadInputException {
            if (task == null) throw new IllegalStateException("the results folder was never opened");
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the results folder was created", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) throw io;
                if (c instanceof BadInputException bad) throw bad;
                if (c instanceof RuntimeException r) throw r;
                if (c instanceof Error err) throw err;
                throw new IllegalStateException(c);
            }
        }

        /**
         * The run failed after the folder was opened (out of memory in the funding): the folder is released as a run stopped
         * before its first checkpoint leaves it (its manifest says running; {@code --resume} starts it again from its first replicate).
         */
        void abandon(Throwable failure) {
            if (task == null) return;
            try {
                await().close();
            } catch (IOException | BadInputException | RuntimeException | Error e) {
                failure.addSuppressed(e);
            }
        }
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


}
