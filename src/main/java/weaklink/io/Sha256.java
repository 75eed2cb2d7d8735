package weaklink.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests, in lower-case hex, of bytes and of files (streamed, so any size). */
public final class Sha256 {
    private Sha256() {}

    /** A fresh digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) { return HexFormat.of().formatHex(digest.digest()); }

    /** The digest of what {@code digest} has taken so far, leaving it to take more (a running hash). */
    public static String hexSoFar(MessageDigest digest) {
        try {
            return hex((MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned on every Java we run on", e);
        }
    }

    public static String of(byte[] bytes) {
        MessageDigest md = digest();
        md.update(bytes);
        return hex(md);
    }

    /** The digest of a file's bytes, read once in blocks. */
    public static String of(Path file) throws IOException {
        return of(file, Long.MAX_VALUE);
    }

    /** The digest of the first {@code limit} bytes of a file (all of it if shorter). */
    public static String of(Path file, long limit) throws IOException {
        MessageDigest md = digest();
        update(md, file, limit);
        return hex(md);
    }

    /**
     * Adds the first {@code limit} bytes of {@code file} to {@code md}.
     *
     * @return how many bytes were added
     */
    public static long update(MessageDigest md, Path file, long limit) throws IOException {
        long done = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            while (done < limit) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, limit - done));
                if (n < 0) break;
                md.update(buf, 0, n);
                done += n;
            }
        }
        return done;
    }
}
