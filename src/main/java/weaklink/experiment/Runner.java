package weaklink.experiment;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import weaklink.scenario.BadInputException;

/**
 * Runs a {@link RunPlan}: builds the network once, computes each policy's funding once, then
 * runs the shard's replicates on worker threads, every policy of a replicate on the same random
 * streams (common random numbers). Rows are streamed to {@code replicates.csv.partial} in
 * replicate order whatever the thread count, so memory does not grow with replicates, and a
 * checkpoint ({@code accumulators.json}: replicates done, bytes of rows written, sums) is
 * written atomically every few seconds. A killed run resumes from its checkpoint and ends with the
 * same bytes as an uninterrupted one.
 *
 * <p>Files written: {@code manifest.json}, {@code replicates.csv}, {@code accumulators.json}.
 * Summaries and charts are made from these by {@code weaklink.report}.
 */
public final class Runner {
    public static final String MANIFEST = "manifest.json";
    public static final String REPLICATES = "replicates.csv";
    public static final String PARTIAL = "replicates.csv.partial";
    public static final String ACCUMULATORS = "accumulators.json";
    static final long CHECKPOINT_MILLIS = 2000;

    private final RunPlan plan;
    private final ProgressListener progress;

    public Runner(RunPlan plan, ProgressListener progress) {
        this.plan = plan;
        this.progress = progress;
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
        execute(engine, 0, 0, null);
    }

    /** Continues the run in {@code plan.outDir()}; its manifest must describe the same run. */
    public void resume() throws IOException, BadInputException {
        Path dir = plan.outDir();
        JsonNode manifest = Manifest.readFor(dir);
        Manifest.checkSameRun(manifest, plan, dir);
        if (Files.exists(dir.resolve(REPLICATES)) && "complete".equals(manifest.path("status").asText())) {
            progress.finished(plan.shard().end(plan.replicates()) - plan.shard().start(plan.replicates()));
            return;
        }
        int done = 0;
        long bytes = 0;
        Accumulators acc = null;
        Path accFile = dir.resolve(ACCUMULATORS);
        if (Files.exists(accFile) && Files.exists(dir.resolve(PARTIAL))) {
            JsonNode state = Json.read(accFile);
            done = state.path("replicates_done").asInt();
            bytes = state.path("partial_bytes").asLong();
            acc = Accumulators.fromJson(state.get("sums"));
        }
        execute(ReplicateEngine.of(plan), done, bytes, acc);
    }

    private void execute(ReplicateEngine engine, int alreadyDone, long partialBytes, Accumulators resumed) throws IOException {
        Path dir = plan.outDir();
        Accumulators acc = resumed != null ? resumed : engine.newAccumulators();

        int first = plan.shard().start(plan.replicates()), end = plan.shard().end(plan.replicates());
        int total = end - first;
        Path partial = dir.resolve(PARTIAL);
        if (alreadyDone == 0) {
            Files.writeString(partial, ReplicateRow.header() + "\n", StandardCharsets.UTF_8);
            partialBytes = Files.size(partial);
            writeCheckpoint(dir, 0, partialBytes, acc);
        } else {
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.truncate(partialBytes);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.threads()), r -> {
            Thread t = new Thread(r, "weaklink-replicate");
            t.setDaemon(true);
            return t;
        });
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
            ArrayDeque<Future<ReplicateEngine.ReplicateResult>> window = new ArrayDeque<>();
            int next = first + alreadyDone;
            int windowSize = Math.max(4, plan.threads() * 4);
            int done = alreadyDone;
            long bytes = partialBytes;
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
                long now = System.currentTimeMillis();
                if (now - lastCheckpoint >= CHECKPOINT_MILLIS || done == total) {
                    out.flush();
                    writeCheckpoint(dir, done, bytes, acc);
                    lastCheckpoint = now;
                }
                progress.progress(done, total);
            }
        } finally {
            pool.shutdownNow();
        }
        complete(dir, total, acc);
        progress.finished(total);
    }

    /**
     * Ends a run whose rows are all in {@code replicates.csv.partial}: renames it to
     * {@code replicates.csv}, writes the final sums and marks the manifest complete. Every way of
     * making a results folder (a local run, a merge of shards, a distributed run) ends here, so
     * their files agree byte for byte.
     */
    public static void complete(Path dir, int replicates, Accumulators acc) throws IOException {
        AtomicFile.moveIntoPlace(dir.resolve(PARTIAL), dir.resolve(REPLICATES));
        writeCheckpoint(dir, replicates, Files.size(dir.resolve(REPLICATES)), acc);
        ObjectNode manifest = (ObjectNode) Json.read(dir.resolve(MANIFEST));
        Manifest.complete(manifest, Instant.now());
        Json.write(dir.resolve(MANIFEST), manifest);
    }

    private static void writeCheckpoint(Path dir, int done, long bytes, Accumulators acc) throws IOException {
        ObjectNode state = Json.object();
        state.put("replicates_done", done);
        state.put("partial_bytes", bytes);
        state.set("sums", acc.toJson());
        Json.write(dir.resolve(ACCUMULATORS), state);
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
