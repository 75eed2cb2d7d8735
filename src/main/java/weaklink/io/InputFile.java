package weaklink.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;

/**
 * Reads an input file (a scenario, a network CSV) exactly once, from a regular file only, with a
 * cap on the bytes read, and hashes those same bytes: what is parsed is what the manifest's
 * SHA-256 describes, and a file that changes while it is read cannot give a hash of one version
 * and a parse of another.
 *
 * <p>Devices ({@code /dev/zero}, {@code /dev/urandom}), FIFOs and process substitution
 * ({@code <(...)}, a pipe under {@code /dev/fd}) are refused before they are opened: they have no
 * size, may never end, and opening a FIFO blocks. The cap counts the bytes actually read, not the
 * size the file system reports, so a file that claims 0 bytes (such as those under {@code /proc})
 * is still bounded.
 */
public final class InputFile {
    private InputFile() {}

    /** A file as it was read: its name as given, the bytes read and their SHA-256 (hex). */
    public record Digest(String file, long bytes, String sha256) {}

    /** The whole content of a small file and its digest. */
    public record Contents(byte[] bytes, Digest digest) {}

    /** An input refused before or while reading; {@link #reason()} is phrased for the user. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final String reason;

        Refused(Path file, String reason) {
            super(file + ": " + reason);
            this.file = file.toString();
            this.reason = reason;
        }

        public String file() { return file; }
        public String reason() { return reason; }
    }

    /** Reads all of {@code file}, refusing it when it holds more than {@code maxBytes} bytes. */
    public static Contents readAll(Path file, long maxBytes) throws IOException {
        try (Hashing in = open(file, maxBytes)) {
            byte[] bytes = in.readAllBytes();
            return new Contents(bytes, in.digest());
        }
    }

    /**
     * Opens {@code file} to be read once as a stream, refusing a file that is not regular and,
     * while reading, one longer than {@code maxBytes}. Read it to the end, then take its {@link Hashing#digest()}.
     */
    public static Hashing open(Path file, long maxBytes) throws IOException {
        requireRegularFile(file);
        return new Hashing(file, Files.newInputStream(file), maxBytes);
    }

    /** Refuses a missing file, a folder and anything that is not a regular file, without opening it. */
    public static void requireRegularFile(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) throw new Refused(file, "is a link to a file that does not exist");
            throw e;
        }
        if (a.isDirectory()) throw new Refused(file, "is a folder, not a file");
        if (!a.isRegularFile()) {
            throw new Refused(file, "is not a regular file (a device, a pipe such as <(...) or /dev/stdin, or a FIFO); "
                    + "WeakLink reads its inputs from files: save the content to a file first");
        }
    }

    /** A stream that counts and hashes what passes through it and refuses more than its cap. */
    public static final class Hashing extends FilterInputStream {
        private final Path file;
        private final long maxBytes;
        private final MessageDigest md = Sha256.digest();
        private long count;
        private boolean ended;
        private Digest digest;

        Hashing(Path file, InputStream in, long maxBytes) {
            super(in);
            this.file = file;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) ended = true;
            else counted(1).update((byte) b);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) ended = true;
            else if (n > 0) counted(n).update(buf, off, n);
            return n;
        }

        @Override public long skip(long n) { throw new UnsupportedOperationException("an input is hashed whole: read it, do not skip"); }
        @Override public boolean markSupported() { return false; }

        private MessageDigest counted(int n) throws Refused {
            count += n;
            if (count > maxBytes) throw new Refused(file, "is larger than " + describeBytes(maxBytes) + ", the most WeakLink reads from such a file");
            return md;
        }

        /** Bytes read so far. */
        public long bytesRead() { return count; }

        /** The digest of the whole file; only once it has been read to its end. */
        public Digest digest() {
            if (!ended) throw new IllegalStateException(file + " has not been read to its end");
            if (digest == null) digest = new Digest(file.toString(), count, Sha256.hex(md));
            return digest;
        }
    }

    /** {@code 4 MiB}, {@code 512 KiB} or {@code 100 bytes}. */
    static String describeBytes(long n) {
        if (n >= 1L << 20 && n % (1L << 20) == 0) return (n >> 20) + " MiB";
        if (n >= 1L << 10 && n % (1L << 10) == 0) return (n >> 10) + " KiB";
        return n + " bytes";
    }
}
