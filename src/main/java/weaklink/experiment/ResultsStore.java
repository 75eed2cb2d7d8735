package weaklink.experiment;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import weaklink.io.AtomicFile;
import weaklink.io.Json;
import weaklink.io.Sha256;
import weaklink.io.WrittenFiles;
import weaklink.scenario.BadInputException;
import weaklink.stats.RunningMean;

/**
 * A results folder, held by one command from start to end: the one owner of its write sequence —
 * create, append rows, checkpoint, finish the rows, summarise, complete — used by the local
 * {@link Runner}, {@link Merger} and the Spark runner alike, so every way of running writes the same
 * files in the same order. It is also where a folder is kept safe:
 * <ul>
 *   <li>an exclusive lock for the whole command ({@link FolderLock}): a second command is refused
 *       naming the process that holds the folder;</li>
 *   <li>a new run goes only into an absent or empty folder, or with {@code --overwrite} into a folder
 *       whose every file WeakLink's own manifest lists as written by it (and holding none of the
 *       run's inputs); only those files are removed ({@link ResultsFolder});</li>
 *   <li>rows are appended to {@code replicates.csv.partial}; a checkpoint ({@code accumulators.json})
 *       records how many bytes hold the replicates done and their SHA-256, and is written only after
 *       those bytes are forced to disk; a resumed run continues only from a checkpoint the file still
 *       matches, and otherwise refuses, naming the file;</li>
 *   <li>the manifest lists every file with its SHA-256 and row count, and says {@code complete} only
 *       after everything else, charts and report included, is written.</li>
 * </ul>
 * The summaries come from {@code weaklink.report} (a later stage), handed in as a {@link Summariser}.
 *
 * <p>Why one class of about 530 lines: its guarantee is an order of writes under one lock (rows and
 * event streams forced before the checkpoint that covers them, the checkpoint before the manifest,
 * {@code complete} last). {@link Rows} and its streams are views of the store's own files that may
 * only be written in that order; apart, the order would be a convention between classes. What can
 * be checked without the lock already lives apart ({@link ResultsFolder}, {@link RunIdentity},
 * {@link Checkpoint}).
 */
public final class ResultsStore implements AutoCloseable {
    public static final String MANIFEST = Manifest.FILE;
    public static final String REPLICATES = "replicates.csv";
    public static final String PARTIAL = "replicates.csv.partial";
    public static final String ACCUMULATORS = "accumulators.json";
    /**
     * The event files, streamed, checkpointed, resumed and merged with the rows ({@link EventRows}):
     * {@code events.csv} and with an insurer's book {@code portfolio_losses.csv}, or {@code year_losses.csv},
     * or none, as the scenario's {@code insurance.event_losses} says.
     */
    public static final List<String> STREAMS = List.of(EventRows.EVENTS, EventRows.PORTFOLIO, EventRows.YEARS);
    /** Suffix of a streamed file while it is written. */
    static final String PARTIAL_SUFFIX = ".partial";
    /** The files a run writes before its summaries, in the manifest's order. */
    static final List<String> ROW_FILES = List.of(REPLICATES, EventRows.EVENTS, EventRows.PORTFOLIO, EventRows.YEARS, ACCUMULATORS, PARTIAL,
            EventRows.EVENTS + PARTIAL_SUFFIX, EventRows.PORTFOLIO + PARTIAL_SUFFIX, EventRows.YEARS + PARTIAL_SUFFIX);

    /** What makes a folder's derived files (summaries, tables, charts, report) from its rows and sums. */
    public interface Summariser {
        /** Every file it may write, relative to the folder with '/', so the manifest names them before they exist. */
        List<String> outputs();

        /** Every file it may write for the run {@code m} describes (with files named after its policies); by default {@link #outputs()}. */
        default List<String> outputs(Manifest m) { return outputs(); }

        /**
         * The threads of a pool it or the store may start for the folder (the summaries' writers, the charts,
         * the hashing of the files when the folder is complete): the command's {@code --threads}.
         */
        int threads();

        /** Writes them from the folder's {@code manifest.json}, {@code replicates.csv} and {@code accumulators.json}. */
        void summarise(Path dir) throws IOException, BadInputException;

        /**
         * As {@link #summarise(Path)}, with the rows of {@code events.csv} the run holds ({@link HeldEvents}, all
         * of the file's rows in its order), which may be used instead of reading the file; by default they are not.
         */
        default void summarise(Path dir, HeldEvents events) throws IOException, BadInputException { summarise(dir); }
    }

    private final Path dir;
    private final FolderLock lock;
    private final Summariser summariser;
    private Manifest manifest;
    /** The summaries' files as they were written, from {@link #summarise} to {@link #complete}, so the manifest lists them without reading them back. */
    private WrittenFiles.Recording written;

    private ResultsStore(Path dir, FolderLock lock, Summariser summariser, Manifest manifest) {
        this.dir = dir;
        this.lock = lock;
        this.summariser = summariser;
        this.manifest = manifest;
    }

    public Path dir() { return dir; }

    public Manifest manifest() { return manifest; }

    // ---- opening -------------------------------------------------------------------------------

    /**
     * Checks, before any work, that a new run may be written to {@code dir}: absent, empty, or (with
     * {@code overwrite}) holding only files WeakLink's manifest says it wrote and none of {@code inputs}.
     * Writes nothing; {@link #create} checks again under the lock.
     */
    public static void checkCanCreate(Path dir, boolean overwrite, List<Path> inputs) throws IOException, BadInputException {
        ResultsFolder.checkOutPath(dir);
        if (!Files.isDirectory(dir) || ResultsFolder.emptyButOurs(dir)) return;
        if (!overwrite) {
            throw ResultsFolder.notEmpty(dir);
        }
        ResultsFolder.removableFiles(dir, inputs);
    }

    /**
     * Creates (or, with {@code overwrite}, replaces) the results folder {@code dir} for a run
     * described by {@code manifest}, and holds it until {@link #close}.
     *
     * @param inputs  the run's input files: never inside a folder that is overwritten
     * @param command what holds the folder, for the message a second command prints
     */
    public static ResultsStore create(Path dir, Manifest manifest, boolean overwrite, List<Path> inputs, Summariser summariser, String command)
            throws IOException, BadInputException {
        ResultsFolder.checkOutPath(dir);
        Files.createDirectories(dir);
        FolderLock lock = FolderLock.acquire(dir, command);
        try {
            if (!ResultsFolder.emptyButOurs(dir)) {
                if (!overwrite) {
                    throw ResultsFolder.notEmpty(dir);
                }
                ResultsFolder.clear(dir, ResultsFolder.removableFiles(dir, inputs));
            }
            ResultsFolder.removeTemporaries(dir);
            List<Manifest.OutputFile> declared = new ArrayList<>();
            for (String f : declaredFiles(summariser, manifest)) declared.add(new Manifest.OutputFile(f, null, null, null));
            ResultsStore store = new ResultsStore(dir, lock, summariser, manifest.withStatus(Manifest.RUNNING).withFiles(declared));
            store.writeManifest();
            return store;
        } catch (IOException | BadInputException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Holds an existing results folder (to resume it, or to redraw its charts). */
    public static ResultsStore open(Path dir, Summariser summariser, String command) throws IOException, BadInputException {
        if (!Files.isDirectory(dir)) throw BadInputException.option(dir.toString(), "is not a WeakLink results folder (no such folder)");
        FolderLock lock = FolderLock.acquire(dir, command);
        try {
            Manifest m = Manifest.read(dir);
            ResultsFolder.removeTemporaries(dir);
            return new ResultsStore(dir, lock, summariser, m);
        } catch (IOException | BadInputException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static List<String> declaredFiles(Summariser summariser, Manifest manifest) {
        Set<String> all = new LinkedHashSet<>(ROW_FILES);
        all.addAll(summariser.outputs(manifest));
        return List.copyOf(all);
    }

    // ---- rows ----------------------------------------------------------------------------------

    /**
     * Starts the rows file ({@code replicates.csv.partial}) with its header, for a run that starts
     * from its first replicate, and each of {@code streams} (event files, {@link #STREAMS}) beside it.
     */
    public Rows startRows(List<String> streams) throws IOException {
        Streamed main = Streamed.start(dir.resolve(PARTIAL), ReplicateRow.header());
        List<Streamed> extra = new ArrayList<>();
        for (String name : streams) extra.add(Streamed.start(dir.resolve(name + PARTIAL_SUFFIX), EventRows.header(name)));
        return new Rows(main, extra);
    }

    /** Starts the rows file alone (no event files). */
    public Rows startRows() throws IOException { return startRows(List.of()); }

    /** Where a resumed run continues. */
    record Resumed(Checkpoint from, Rows rows) {
        /** Every row is already written (and the rows file finished). */
        boolean rowsDone() { return rows == null; }
    }

    /**
     * Finds where an interrupted run continues: the checkpoint in {@code accumulators.json}, once
     * the rows file and each event file are checked to still hold the bytes it covers (size and
     * SHA-256); rows written after it are cut off. A run whose every row was written is finished
     * here. Nothing is changed when a file does not match: the refusal names it.
     *
     * @param total   replicates in this folder's share
     * @param streams the event files the run writes ({@link EventRows#files}): a checkpoint of other files is refused
     * @return the checkpoint to continue from, or null to start from the first replicate (no checkpoint yet)
     */
    Resumed resumeRows(int total, List<String> streams) throws IOException, BadInputException {
        Path accFile = dir.resolve(ACCUMULATORS);
        if (!Files.exists(accFile)) {
            // killed before its first checkpoint: nothing was kept, so nothing is lost by starting again
            return null;
        }
        Checkpoint c = Checkpoint.read(accFile);
        List<String> kept = c.streams().stream().map(Checkpoint.Mark::file).toList();
        if (!kept.equals(streams)) {
            throw new BadInputException(accFile, 0, 0, weaklink.scenario.InsuranceSpec.EVENT_LOSSES_KEY, "the run in " + dir + " kept the event files "
                    + kept + ", this command would write " + streams + ": one run cannot mix what it keeps of the events' losses; nothing was"
                    + " changed: resume with the run's " + weaklink.scenario.InsuranceSpec.EVENT_LOSSES_KEY + ", or start a new run");
        }
        if (c.partialSha256() == null) {
            throw new BadInputException(accFile, 0, 0, "partial_sha256", "the checkpoint does not record the hash of the rows it covers,"
                    + " so they cannot be checked; start the run again with --overwrite");
        }
        boolean allWritten = c.stopReason() != null || c.done() == total;
        // check every file before changing any
        MessageDigest mainMd = checkPrefix(accFile, c, PARTIAL, REPLICATES, c.bytes(), c.partialSha256(), allWritten);
        List<MessageDigest> streamMds = new ArrayList<>();
        for (Checkpoint.Mark m : c.streams()) {
            streamMds.add(checkPrefix(accFile, c, m.file() + PARTIAL_SUFFIX, m.file(), m.bytes(), m.sha256(), allWritten));
        }
        if (!Files.exists(dir.resolve(PARTIAL))) {
            // killed after renaming the finished rows file (the event files are renamed before it): only the manifest is left to update
            finishRows(c, null, List.of(), c.stopReason() != null ? c.stopReason() : Runner.ALL_REPLICATES, mainMd, c.bytes());
            return new Resumed(c, null);
        }
        Streamed main = Streamed.resume(dir.resolve(PARTIAL), c.bytes(), mainMd, c.done());
        List<Streamed> extra = new ArrayList<>();
        for (int i = 0; i < c.streams().size(); i++) {
            Checkpoint.Mark m = c.streams().get(i);
            Path partial = dir.resolve(m.file() + PARTIAL_SUFFIX);
            // an event file already renamed into place is finished: kept as it is, recorded from its mark
            extra.add(Files.exists(partial) ? Streamed.resume(partial, m.bytes(), streamMds.get(i), m.rows()) : Streamed.finished(dir.resolve(m.file()), m));
        }
        Rows r = new Rows(main, extra);
        if (allWritten) {
            r.finish(c.done(), c.sums(), c.losses(), c.stopReason(), c.stopReason() != null ? c.stopReason() : Runner.ALL_REPLICATES);
            return new Resumed(c, null);
        }
        return new Resumed(c, r);
    }

    /**
     * Checks that a streamed file ({@code partialName} while written, {@code finalName} once renamed,
     * which only a run whose rows were all written may be) holds at least the {@code bytes} the
     * checkpoint covers, with its SHA-256; returns the digest of those bytes.
     */
    private MessageDigest checkPrefix(Path accFile, Checkpoint c, String partialName, String finalName, long bytes, String sha256, boolean allWritten)
            throws IOException, BadInputException {
        Path partial = dir.resolve(partialName), done = dir.resolve(finalName);
        Path file = Files.exists(partial) ? partial : allWritten && Files.exists(done) ? done : null;
        if (file == null) {
            throw new BadInputException(partial, 0, 0, null, "is missing, but the checkpoint in " + accFile + " covers " + c.done()
                    + " replicates in it; nothing was changed: restore the file, or start the run again with --overwrite");
        }
        long size = Files.size(file);
        if (size < bytes || (file.equals(done) && size != bytes)) {
            throw new BadInputException(file, 0, 0, null, "holds " + size + " bytes, but the checkpoint in " + accFile + " covers " + bytes
                    + " bytes of it (" + c.done() + " replicates): the file was cut or changed after the run stopped; nothing was changed:"
                    + " restore it, or start the run again with --overwrite");
        }
        MessageDigest md = Sha256.digest();
        Sha256.update(md, file, bytes);
        String sha = Sha256.hexSoFar(md);
        if (!sha.equals(sha256)) {
            throw new BadInputException(file, 0, 0, null, "its first " + bytes + " bytes do not have the SHA-256 the checkpoint in " + accFile
                    + " recorded (" + sha256 + ", found " + sha + "): the rows were changed after the run stopped; nothing was"
                    + " changed: restore the file, or start the run again with --overwrite");
        }
        return md;
    }

    /**
     * One streamed file while it is written: every byte appended goes into its running SHA-256, so a
     * checkpoint records the hash of what it covers without reading the file again.
     */
    private static final class Streamed {
        private final Path file;
        private final OutputStream out;
        private final MessageDigest md;
        /** The SHA-256 of a file finished before a resume (then {@code md} is null). */
        private final String finishedSha;
        private long bytes, rows;

        private Streamed(Path file, long bytes, MessageDigest md, long rows, String finishedSha) throws IOException {
            this.file = file;
            this.bytes = bytes;
            this.md = md;
            this.rows = rows;
            this.finishedSha = finishedSha;
            this.out = md != null ? new java.io.BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND), 1 << 16) : null;
        }

        /** A new file holding {@code header}. */
        static Streamed start(Path file, String header) throws IOException {
            byte[] h = (header + "\n").getBytes(StandardCharsets.UTF_8);
            MessageDigest md = Sha256.digest();
            Files.write(file, h);
            md.update(h);
            return new Streamed(file, h.length, md, 0, null);
        }

        /** A file cut to the {@code bytes} a checkpoint covers ({@code md} their digest), continued. */
        static Streamed resume(Path file, long bytes, MessageDigest md, long rows) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(bytes);
            }
            return new Streamed(file, bytes, md, rows, null);
        }

        /** A file already finished and renamed into place; nothing more is written to it. */
        static Streamed finished(Path file, Checkpoint.Mark m) throws IOException {
            return new Streamed(file, m.bytes(), null, m.rows(), m.sha256());
        }

        String name() {
            String n = file.getFileName().toString();
            return n.endsWith(PARTIAL_SUFFIX) ? n.substring(0, n.length() - PARTIAL_SUFFIX.length()) : n;
        }

        void append(byte[] data) throws IOException {
            long lines = 0;
            for (byte b : data) if (b == '\n') lines++;
            append(data, lines);
        }

        /** Appends {@code data}, which holds {@code lines} line ends (counted where it was made). */
        void append(byte[] data, long lines) throws IOException {
            if (out == null) throw new IllegalStateException(file + " is already finished");
            out.write(data);
            md.update(data);
            bytes += data.length;
            rows += lines;
        }

        String sha() { return md == null ? finishedSha : Sha256.hexSoFar(md); }

        void sync() throws IOException {
            if (out == null) return;
            out.flush();
            AtomicFile.force(file);
        }

        void close() throws IOException {
            if (out != null) out.close();
        }
    }

    /**
     * The rows file and the event files while they are written, checkpointed together: a checkpoint
     * records, for each, how many bytes hold the replicates done and their SHA-256.
     */
    public final class Rows implements Closeable {
        private final Streamed main;
        private final List<Streamed> extra;
        /** The event files' names (asked for by every replicate written). */
        private final List<String> streams;

        private Rows(Streamed main, List<Streamed> extra) {
            this.main = main;
            this.extra = extra;
            this.streams = extra.stream().map(Streamed::name).toList();
        }

        /** Appends rows (whole lines) to {@code replicates.csv}. */
        public void append(byte[] rows) throws IOException {
            main.append(rows);
        }

        /** As {@link #append(byte[])}, the rows' line ends counted where they were made. */
        void append(RowBytes rows) throws IOException {
            main.append(rows.bytes(), rows.lines());
        }

        /** Appends rows (whole lines) to the event file {@code name}, one of those the rows were started with. */
        public void append(String name, byte[] rows) throws IOException {
            stream(name).append(rows);
        }

        /** As {@link #append(String, byte[])}, the rows' line ends counted where they were made. */
        void append(String name, RowBytes rows) throws IOException {
            stream(name).append(rows.bytes(), rows.lines());
        }

        private Streamed stream(String name) {
            for (Streamed s : extra) if (s.name().equals(name)) return s;
            throw new IllegalArgumentException("no stream " + name + " in this results folder");
        }

        /** The event files being written, by name. */
        public List<String> streams() { return streams; }

        /** Bytes of the file so far, header included. */
        public long bytes() { return main.bytes; }

        private List<Checkpoint.Mark> marks() {
            List<Checkpoint.Mark> out = new ArrayList<>();
            for (Streamed s : extra) out.add(new Checkpoint.Mark(s.name(), s.bytes, s.sha(), s.rows));
            return out;
        }

        /**
         * Records a checkpoint: {@code done} replicates are in the files. Their bytes are forced to
         * disk first, then the checkpoint is written (durably) with their counts and SHA-256.
         */
        void checkpoint(int done, Accumulators sums, RunningMean[] losses) throws IOException {
            sync();
            Json.writeDurably(dir.resolve(ACCUMULATORS), new Checkpoint(done, main.bytes, main.sha(), sums, losses, null, marks()).toJson());
        }

        private void sync() throws IOException {
            main.sync();
            for (Streamed s : extra) s.sync();
        }

        /**
         * Ends the rows: every one of the {@code done} replicates is written. Records the final
         * checkpoint, renames the event files and then the rows file into place, records them in the
         * manifest and leaves {@code accumulators.json} in its finished form.
         *
         * @param checkpointStopReason the stop reason the sums file keeps (only runs with {@code --target-ci} keep one)
         * @param stopReason           why the run ended, for the manifest
         */
        public void finish(int done, Accumulators sums, RunningMean[] losses, String checkpointStopReason, String stopReason) throws IOException {
            sync();
            Checkpoint last = new Checkpoint(done, main.bytes, main.sha(), sums, losses, checkpointStopReason, marks());
            Json.writeDurably(dir.resolve(ACCUMULATORS), last.toJson());
            close();
            List<Path> partials = new ArrayList<>();
            for (Streamed s : extra) if (s.out != null) partials.add(s.file);
            finishRows(last, main.file, partials, stopReason, main.md, main.bytes);
        }

        @Override
        public void close() throws IOException {
            main.close();
            for (Streamed s : extra) s.close();
        }
    }

    /**
     * The steps after the last checkpoint: rename the event files and then the rows file into place
     * (those not yet renamed), record {@code replicates.csv}, the event files and the finished
     * {@code accumulators.json} in the manifest (with the replicates run and why the run ended), then
     * write that finished file. A run killed anywhere in here resumes into the same steps.
     */
    private void finishRows(Checkpoint last, Path partial, List<Path> streamPartials, String stopReason, MessageDigest md, long bytes)
            throws IOException {
        Path rows = dir.resolve(REPLICATES);
        for (Path p : streamPartials) {
            String n = p.getFileName().toString();
            if (Files.exists(p)) AtomicFile.moveIntoPlace(p, dir.resolve(n.substring(0, n.length() - PARTIAL_SUFFIX.length())));
        }
        if (partial != null) {
            AtomicFile.moveIntoPlace(partial, rows);
        }
        AtomicFile.syncFolder(dir);
        byte[] sums = Json.bytes(last.finished().toJson());
        long rowCount = (long) last.done() * manifest.policies().size();
        List<Manifest.OutputFile> files = new ArrayList<>();
        for (Manifest.OutputFile f : manifest.files()) {
            Checkpoint.Mark mark = last.streams().stream().filter(m -> m.file().equals(f.path())).findFirst().orElse(null);
            if (f.path().equals(REPLICATES)) files.add(new Manifest.OutputFile(REPLICATES, bytes, Sha256.hexSoFar(md), rowCount));
            else if (f.path().equals(ACCUMULATORS)) files.add(new Manifest.OutputFile(ACCUMULATORS, (long) sums.length, Sha256.of(sums), null));
            else if (mark != null) files.add(new Manifest.OutputFile(mark.file(), mark.bytes(), mark.sha256(), mark.rows()));
            else files.add(f);
        }
        manifest = manifest.withRowsDone(last.done(), stopReason).withFiles(files);
        writeManifest();
        AtomicFile.writeBytes(dir.resolve(ACCUMULATORS), sums);
    }

    /**
     * For a folder whose rows were all written before it was interrupted ({@code replicates_run} in
     * the manifest, not yet complete): checks {@code replicates.csv} and the event files against the
     * hashes the manifest recorded and brings {@code accumulators.json} to its finished form.
     */
    void recoverFinishedRows() throws IOException, BadInputException {
        Manifest.OutputFile rows = listed(REPLICATES), sums = listed(ACCUMULATORS);
        verify(rows);
        for (Manifest.OutputFile f : recordedStreams()) verify(f);
        Path accFile = dir.resolve(ACCUMULATORS);
        byte[] finished = Json.bytes(Checkpoint.read(accFile).finished().toJson());
        if (!Sha256.of(finished).equals(sums.sha256())) {
            throw new BadInputException(accFile, 0, 0, null, "its sums are not those the manifest recorded when the rows were finished"
                    + " (SHA-256 " + sums.sha256() + "): the file was changed; nothing was changed: restore it, or start the run again with --overwrite");
        }
        AtomicFile.writeBytes(accFile, finished);
    }

    /** Checks the rows, event files and sums of a complete folder against the hashes its manifest recorded. */
    void verifyComplete() throws IOException, BadInputException {
        verify(listed(REPLICATES));
        for (Manifest.OutputFile f : recordedStreams()) verify(f);
        verify(listed(ACCUMULATORS));
    }

    /** The event files the manifest records as finished (with their SHA-256). */
    List<Manifest.OutputFile> recordedStreams() {
        List<Manifest.OutputFile> out = new ArrayList<>();
        for (Manifest.OutputFile f : manifest.files()) if (STREAMS.contains(f.path()) && f.sha256() != null) out.add(f);
        return out;
    }

    private Manifest.OutputFile listed(String path) throws BadInputException {
        for (Manifest.OutputFile f : manifest.files()) if (f.path().equals(path) && f.sha256() != null) return f;
        throw new BadInputException(dir.resolve(MANIFEST), 0, 0, "files", "does not record the SHA-256 of " + path);
    }

    /** Refuses a file of this folder whose size or SHA-256 is not what the manifest recorded, naming it. */
    void verify(Manifest.OutputFile f) throws IOException, BadInputException {
        ResultsFolder.verify(dir, f);
    }

    // ---- summaries and completion --------------------------------------------------------------

    /** Makes the derived files (summaries, tables, charts, report) from the finished rows and sums. */
    public void summarise() throws IOException, BadInputException {
        summarise(null);
    }

    /** As {@link #summarise()}, with the rows of {@code events.csv} the run holds (or null: the summaries read the file). */
    public void summarise(HeldEvents events) throws IOException, BadInputException {
        if (written == null) written = WrittenFiles.watch(dir);
        if (events == null) summariser.summarise(dir);
        else summariser.summarise(dir, events);
    }

    /**
     * Marks the folder complete, last of all: every file it lists now exists with the SHA-256, size
     * and (for CSV files) row count recorded.
     */
    public void complete() throws IOException {
        List<Manifest.OutputFile> files = described(manifest.files(), summariser.threads());
        stopRecording();
        manifest = manifest.withFiles(files).completed(Instant.now());
        writeManifest();
    }

    private void stopRecording() {
        if (written != null) written.close();
        written = null;
    }

    /** Rewrites the manifest with {@code change} applied (e.g. an uncertainty draw's values), keeping its status. */
    public void updateManifest(java.util.function.UnaryOperator<Manifest> change) throws IOException {
        manifest = change.apply(manifest);
        writeManifest();
    }

    /** Records, after a command redrew them, the hashes of the files of a complete folder again. */
    public void refreshFiles(List<String> rewritten) throws IOException {
        if (!manifest.complete()) return;
        List<Manifest.OutputFile> files = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Manifest.OutputFile f : manifest.files()) {
            seen.add(f.path());
            files.add(rewritten.contains(f.path()) && Files.isRegularFile(dir.resolve(f.path())) ? ResultsFolder.describe(dir.resolve(f.path()), f.path()) : f);
        }
        for (String r : rewritten) if (!seen.contains(r) && Files.isRegularFile(dir.resolve(r))) files.add(ResultsFolder.describe(dir.resolve(r), r));
        manifest = manifest.withFiles(files);
        writeManifest();
    }

    /**
     * The files of {@code listed} the folder holds, in that order, each described: the replicates, the
     * sums and the streams as they were recorded where they were written (see summarise), any other as
     * written files recorded it or else read and hashed, on up to {@code threads} threads (daemons, so a
     * failure does not wait for the others); the first failure in the list's order is the one thrown,
     * as on one thread.
     */
    private List<Manifest.OutputFile> described(List<Manifest.OutputFile> listed, int threads) throws IOException {
        List<Manifest.OutputFile> present = listed.stream().filter(f -> Files.isRegularFile(dir.resolve(f.path()), LinkOption.NOFOLLOW_LINKS)).toList();
        List<Callable<Manifest.OutputFile>> each = new ArrayList<>();
        for (Manifest.OutputFile f : present) {
            boolean recorded = f.sha256() != null && (f.path().equals(REPLICATES) || f.path().equals(ACCUMULATORS) || STREAMS.contains(f.path()));
            each.add(() -> recorded ? f : describe(dir.resolve(f.path()), f.path(), written));
        }
        int k = Math.min(threads, each.size());
        ExecutorService pool = k <= 1 ? null : Executors.newFixedThreadPool(k, r -> PhaseTimer.poolThread(r, "weaklink-hashing"));
        try {
            List<Future<Manifest.OutputFile>> futures = new ArrayList<>();
            for (Callable<Manifest.OutputFile> c : each) futures.add(pool == null ? completed(c) : pool.submit(c));
            List<Manifest.OutputFile> out = new ArrayList<>();
            for (Future<Manifest.OutputFile> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the results folder's files were hashed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** {@code c} run on this thread, as a future that holds its value or what it threw. */
    private static <T> Future<T> completed(Callable<T> c) {
        FutureTask<T> task = new FutureTask<>(c);
        task.run();
        return task;
    }

    /** {@code file} as {@code written} described it while it was written, or else as read from disk. */
    private static Manifest.OutputFile describe(Path file, String path, WrittenFiles.Recording written) {
        try {
            WrittenFiles.Description d = written == null ? null : written.take(file);
            if (d == null) return ResultsFolder.describe(file, path);
            return new Manifest.OutputFile(path, d.bytes(), d.sha256(), ResultsFolder.dataRows(path, d.newlines()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeManifest() throws IOException {
        Json.writeDurably(dir.resolve(MANIFEST), manifest.toJson());
    }

    /** Releases the folder. */
    @Override
    public void close() throws IOException {
        stopRecording();
        lock.close();
    }
}
