package weaklink.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Writes a file under a temporary name in the same folder and renames it into place, so a
 * failed or interrupted run never leaves a half-written file where a finished one is expected.
 * Temporary names are unique to the process and the write ({@code .NAME.PID-N.tmp}), so two
 * writers never share one. A durable write also forces the bytes to disk before the rename and the
 * rename itself after it, for files a resumed run trusts (checkpoints, manifests).
 */
public final class AtomicFile {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.\\d+-\\d+\\.tmp");

    private AtomicFile() {}

    /** Something that writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /** Writes and renames into place with both forced to disk: after it returns, a power cut leaves the new file. */
    public static void writeDurably(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, Content content, boolean durable) throws IOException {
        Pending p = new Pending(target, false, 8192);
        try {
            content.writeTo(p.writer());
        } catch (IOException | RuntimeException e) {
            p.discard();
            throw e;
        }
        p.commit(durable);
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        Path tmp = temporaryFor(target);
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        WrittenFiles.Recording r = WrittenFiles.recordingFor(target);
        WrittenFiles.Description d = r == null ? null : WrittenFiles.of(bytes);
        moveIntoPlace(tmp, target);
        if (r != null) r.record(target, d);
    }

    /**
     * Starts writing {@code target} as text in UTF-8 under a temporary name, for a writer that keeps
     * it open while it streams rows ({@link Pending#commit} renames it into place, {@link Pending#discard}
     * removes it). Unmappable characters are refused, as {@link Files#newBufferedWriter} refuses them.
     */
    public static Pending open(Path target, int bufferChars) throws IOException {
        return new Pending(target, true, bufferChars);
    }

    /**
     * Starts writing {@code target} as bytes under a temporary name, for a writer that encodes its own
     * text in large blocks ({@link Pending#stream}; unbuffered: give it blocks, not bytes).
     */
    public static Pending openStream(Path target) throws IOException {
        return new Pending(target, true, 0);
    }

    /**
     * A file being written under its temporary name. Bytes written into a folder {@link WrittenFiles}
     * watches are described on their way to the disk, and the description recorded once the file is
     * in place.
     */
    public static final class Pending {
        private final Path target, tmp;
        private final WrittenFiles.Recording recording;
        private final WrittenFiles.Describing described;
        private final OutputStream stream;
        /** The text writer (buffered) over {@code stream}, or null for a file written as bytes. */
        private final Writer writer;
        private boolean closed;

        /** {@code bufferChars} 0: written as bytes, no writer. */
        private Pending(Path target, boolean strict, int bufferChars) throws IOException {
            this.target = target;
            this.tmp = temporaryFor(target);
            this.recording = WrittenFiles.recordingFor(target);
            OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.described = recording == null ? null : new WrittenFiles.Describing(os);
            this.stream = described != null ? described : os;
            this.writer = bufferChars == 0 ? null : new java.io.BufferedWriter(strict ? new OutputStreamWriter(stream, StandardCharsets.UTF_8.newEncoder())
                    : new OutputStreamWriter(stream, StandardCharsets.UTF_8), bufferChars);
        }

        /** Where the text goes (buffered), for a file opened as text. */
        public Writer writer() {
            if (writer == null) throw new IllegalStateException(target + " was opened as bytes");
            return writer;
        }

        /** Where the bytes go (unbuffered), for a file opened with {@link AtomicFile#openStream}. */
        public OutputStream stream() {
            if (writer != null) throw new IllegalStateException(target + " was opened as text");
            return stream;
        }

        /**
         * Writes {@code len} bytes of a file opened with {@link AtomicFile#openStream} that hold
         * {@code lines} line ends ({@code '\n'} bytes), counted by the caller as it made them, so a
         * watched file's description need not count them again.
         */
        public void write(byte[] b, int off, int len, long lines) throws IOException {
            if (writer != null) throw new IllegalStateException(target + " was opened as text");
            if (described != null) described.write(b, off, len, lines);
            else stream.write(b, off, len);
        }

        /** Closes the file and renames it into place. */
        public void commit() throws IOException { commit(false); }

        void commit(boolean durable) throws IOException {
            try {
                closeFile();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            if (durable) force(tmp);
            moveIntoPlace(tmp, target);
            if (recording != null) recording.record(target, described.description());
            if (durable) syncFolder(target.toAbsolutePath().getParent());
        }

        /** Closes and removes the temporary file of a write that failed (nothing if it was committed). */
        public void discard() throws IOException {
            try {
                closeFile();
            } catch (IOException | RuntimeException e) {
                // the file is removed below either way
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        /** Writes out what is buffered and closes the file, under its temporary name still (once; {@link #commit} does it if not done). */
        public void closeFile() throws IOException {
            if (closed) return;
            closed = true;
            if (writer != null) writer.close();
            else stream.close();
        }
    }

    /** A temporary name for writing {@code target}, unique to this process and this write. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + ".tmp");
    }

    /** Whether a file name is one of {@link #temporaryFor}'s (of any process): a write that never finished if it outlived its writer. */
    public static boolean isTemporary(String fileName) {
        return TEMPORARY.matcher(fileName).matches();
    }

    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a file's bytes to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Forces a folder's entries (a rename into it) to disk, where the system allows it. */
    public static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some systems cannot open a folder for syncing; the rename is then as durable as they make it
        }
    }
}
