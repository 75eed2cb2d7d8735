package weaklink.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link AtomicFile} wrote into a watched folder, described as it was written: its size, its
 * SHA-256 and how many line ends it holds, taken from the bytes on their way to the disk, so a
 * results folder's manifest can list the files of its summaries (a hundred megabytes with the ORD
 * export) without reading them back and hashing them again.
 *
 * <p>A description is handed out only for the file it was taken of: the file's size, time of last
 * change and identity (its inode, where the system has one) are noted when it is renamed into
 * place and checked again when the description is taken; a file written, replaced or changed by
 * anything else since is described by reading it ({@link Recording#take} returns null). Files
 * outside every watched folder are not digested at all.
 */
public final class WrittenFiles {
    /** Watched folders (absolute, normalised) and their recordings. */
    private static final Map<Path, Recording> WATCHED = new ConcurrentHashMap<>();

    private WrittenFiles() {}

    /** A file as written: its size in bytes, its SHA-256 (lower-case hex) and its count of line ends ({@code '\n'} bytes). */
    public record Description(long bytes, String sha256, long newlines) {}

    /**
     * Starts describing every file {@link AtomicFile} writes under {@code dir} (at any depth, unless a
     * folder below is watched too: a file goes to the nearest), until the recording is closed.
     */
    public static Recording watch(Path dir) {
        Recording r = new Recording(key(dir));
        WATCHED.put(r.dir, r);
        return r;
    }

    /** The recording a file written to {@code target} goes to, or null when no folder above it is watched. */
    static Recording recordingFor(Path target) {
        if (WATCHED.isEmpty()) return null;
        for (Path p = key(target).getParent(); p != null; p = p.getParent()) {
            Recording r = WATCHED.get(p);
            if (r != null) return r;
        }
        return null;
    }

    private static Path key(Path p) { return p.toAbsolutePath().normalize(); }

    /** The descriptions of the files written under one watched folder. */
    public static final class Recording implements AutoCloseable {
        private final Path dir;
        private final Map<Path, Entry> files = new ConcurrentHashMap<>();

        private Recording(Path dir) { this.dir = dir; }

        /** Notes that {@code target} now holds what {@code d} describes (called once it is in place). */
        void record(Path target, Description d) throws IOException {
            Path file = key(target);
            files.put(file, new Entry(d, Stamp.of(file)));
        }

        /**
         * The description of {@code file} as it was written, or null: never written while watched, or
         * changed, replaced or removed since (then read it to describe it).
         */
        public Description take(Path file) throws IOException {
            Path k = key(file);
            Entry e = files.remove(k);
            if (e == null || !Files.isRegularFile(k, LinkOption.NOFOLLOW_LINKS) || !e.stamp.equals(Stamp.of(k))) return null;
            return e.description;
        }

        /** Stops describing the folder's files and forgets those described. */
        @Override
        public void close() {
            WATCHED.remove(dir, this);
            files.clear();
        }
    }

    private record Entry(Description description, Stamp stamp) {}

    /** What identifies one version of a file without reading it. */
    private record Stamp(long size, long modifiedNanos, Object fileKey) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.fileKey());
        }
    }

    /** Passes bytes on to a file while taking their size, SHA-256 and line ends. */
    static final class Describing extends FilterOutputStream {
        private final MessageDigest md = Sha256.digest();
        private long bytes, newlines;

        Describing(OutputStream out) { super(out); }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            md.update((byte) b);
            bytes++;
            if (b == '\n') newlines++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            take(b, off, len);
        }

        /** Writes {@code len} bytes known to hold {@code lines} line ends (their writer counted them). */
        void write(byte[] b, int off, int len, long lines) throws IOException {
            out.write(b, off, len);
            md.update(b, off, len);
            bytes += len;
            newlines += lines;
        }

        void take(byte[] b, int off, int len) {
            md.update(b, off, len);
            bytes += len;
            long n = 0;
            for (int i = off, end = off + len; i < end; i++) if (b[i] == '\n') n++;
            newlines += n;
        }

        Description description() { return new Description(bytes, Sha256.hex(md), newlines); }
    }

    /** The description of {@code bytes}. */
    static Description of(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) if (b == '\n') n++;
        return new Description(bytes.length, Sha256.of(bytes), n);
    }
}
