package weaklink.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SHA-256 digests, in lower-case hex, of bytes and of files (streamed, so any size).
 *
 * <p>A run hashes every file it writes (180 MB on 1,000 replicates of japan-manufacturing). The JDK's own SHA-256
 * is Java code, which the C1 compiler the README runs with (no SHA instructions) takes through at about 140 MB/s:
 * more than a second of CPU on such a run. Where the system has Mozilla's NSS (Debian's {@code libnss3}), the
 * bytes go instead to NSS through the JDK's PKCS#11 provider (SunPKCS11), which uses the processor's SHA
 * instructions: about 1.5 GB/s. The digest is the same either way (SHA-256 is SHA-256; the provider is checked
 * against the JDK's when it is loaded and is not used if they differ); only the time differs.
 *
 * <p>The provider is loaded once per process (about a tenth of a second of one thread): by {@code cli.WarmUp} on its
 * own thread while a run of two or more threads starts, else by the first digest that fills a block. A digest whose
 * first block fills while another thread is still loading it, or on a system without NSS, uses the JDK's. A digest also keeps its first 64 KiB and single bytes to itself, so small inputs (a scenario, a
 * checkpoint) and byte-at-a-time streams never pay for a native call. The system property {@code weaklink.nss}
 * names the directory of NSS's {@code libsoftokn3} where it is not in a usual place, or {@code off}.
 */
public final class Sha256 {
    private Sha256() {}

    /** Bytes a digest gathers before it hands them on: a native digest costs a session and a call (~20 µs). */
    static final int BLOCK = 1 << 16;

    /** A fresh digest. */
    public static MessageDigest digest() { return new Buffered(); }

    /**
     * Loads the native provider on the calling thread, once per process (a tenth of a second); returns at once when
     * another thread has already begun. {@code cli.WarmUp} calls it on its own thread while a run starts.
     */
    public static void prepare() { Native.loadOnce(); }

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
        byte[] buf = new byte[BLOCK];
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

    /** The JDK's own SHA-256 (provider SUN). */
    static MessageDigest jdk() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * A SHA-256 digest that gathers its input in blocks of {@link #BLOCK} bytes and hands them to the fastest
     * digest ready when its first block is full; an input that never fills a block is hashed by the JDK's.
     */
    static final class Buffered extends MessageDigest implements Cloneable {
        private byte[] buf = new byte[256];
        private int n;
        /** Where full blocks go; null until the first is full. */
        private MessageDigest inner;

        Buffered() { super("SHA-256"); }

        @Override
        protected void engineUpdate(byte b) {
            if (n == buf.length) grow(n + 1);
            buf[n++] = b;
            if (n == BLOCK) spill();
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            while (len > 0) {
                if (n == 0 && len >= BLOCK) {
                    inner().update(b, off, len);
                    return;
                }
                int k = Math.min(len, BLOCK - n);
                if (n + k > buf.length) grow(n + k);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
                if (n == BLOCK) spill();
            }
        }

        @Override
        protected byte[] engineDigest() {
            MessageDigest md = inner != null ? inner : jdk();
            md.update(buf, 0, n);
            byte[] d = md.digest();
            engineReset();
            return d;
        }

        @Override
        protected void engineReset() {
            n = 0;
            inner = null;
        }

        @Override
        protected int engineGetDigestLength() { return 32; }

        @Override
        public Object clone() throws CloneNotSupportedException {
            Buffered c = (Buffered) super.clone();
            c.buf = buf.clone();
            if (inner != null) c.inner = (MessageDigest) inner.clone();
            return c;
        }

        /** The digest full blocks go to, chosen when the first is. */
        String innerProvider() { return inner == null ? null : inner.getProvider().getName(); }

        private MessageDigest inner() {
            if (inner == null) inner = Native.digestOrNull();
            if (inner == null) inner = jdk();
            return inner;
        }

        private void spill() {
            inner().update(buf, 0, n);
            n = 0;
        }

        private void grow(int need) {
            buf = Arrays.copyOf(buf, Math.min(BLOCK, Math.max(need, buf.length * 2)));
        }
    }

    /** NSS through the JDK's PKCS#11 provider, loaded once per process, by the first thread that asks. */
    static final class Native {
        private Native() {}

        /** Where Debian, Ubuntu, Fedora, Alpine and Homebrew put {@code libsoftokn3}. */
        private static final List<String> PLACES = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/usr/lib64", "/usr/lib", "/usr/local/lib", "/opt/homebrew/lib", "/usr/local/opt/nss/lib");
        private static final AtomicBoolean started = new AtomicBoolean();
        private static final CountDownLatch loaded = new CountDownLatch(1);
        private static volatile Provider provider;

        /**
         * Loads the provider on the calling thread if no thread has started to; returns it, or null when it is
         * missing or another thread is still loading it.
         */
        static Provider loadOnce() {
            if (started.compareAndSet(false, true)) {
                try {
                    provider = load(directory());
                } finally {
                    loaded.countDown();
                }
            }
            return provider;
        }

        /** A native digest if the provider is loaded (by this call if no thread has begun to), else null. */
        static MessageDigest digestOrNull() {
            Provider p = provider != null ? provider : loadOnce();
            if (p == null) return null;
            try {
                return MessageDigest.getInstance("SHA-256", p);
            } catch (NoSuchAlgorithmException e) {
                return null;
            }
        }

        /** Waits until the provider is loaded or known to be missing; the provider, or null. */
        static Provider await() throws InterruptedException {
            loadOnce();
            loaded.await();
            return provider;
        }

        /** The directory of NSS's {@code libsoftokn3}: the property {@code weaklink.nss}, else the first usual place that has it; null for none. */
        static Path directory() {
            String asked = System.getProperty("weaklink.nss");
            if (asked != null) return asked.isBlank() || asked.equals("off") ? null : Path.of(asked);
            for (String place : PLACES) {
                Path dir = Path.of(place);
                if (Files.isRegularFile(dir.resolve("libsoftokn3.so")) || Files.isRegularFile(dir.resolve("libsoftokn3.dylib"))) return dir;
            }
            return null;
        }

        /**
         * SunPKCS11 configured for the NSS in {@code dir} without a key database, if it loads and its SHA-256
         * gives the JDK's digests (of a block and a half of bytes, whole and through a clone); else null.
         */
        static Provider load(Path dir) {
            if (dir == null) return null;
            try {
                Provider base = Security.getProvider("SunPKCS11");
                if (base == null) return null;
                String quoted = dir.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
                Provider p = base.configure("--name = WeakLinkNSS\nnssLibraryDirectory = \"" + quoted + "\"\nnssDbMode = noDb\nattributes = compatibility\n");
                return agreesWithTheJdk(p) ? p : null;
            } catch (RuntimeException | LinkageError | NoSuchAlgorithmException | CloneNotSupportedException e) {
                return null; // no NSS there, or not one the JDK can use: the JDK's own digest serves
            }
        }

        private static boolean agreesWithTheJdk(Provider p) throws NoSuchAlgorithmException, CloneNotSupportedException {
            byte[] bytes = new byte[BLOCK + BLOCK / 2];
            long x = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < bytes.length; i++) {
                x ^= x << 13; x ^= x >>> 7; x ^= x << 17;
                bytes[i] = (byte) x;
            }
            MessageDigest nss = MessageDigest.getInstance("SHA-256", p), own = jdk();
            nss.update(bytes, 0, BLOCK);
            own.update(bytes, 0, BLOCK);
            byte[] half = ((MessageDigest) nss.clone()).digest();
            nss.update(bytes, BLOCK, bytes.length - BLOCK);
            own.update(bytes, BLOCK, bytes.length - BLOCK);
            return Arrays.equals(nss.digest(), own.digest()) && Arrays.equals(half, jdkOf(bytes, BLOCK));
        }

        private static byte[] jdkOf(byte[] bytes, int len) {
            MessageDigest md = jdk();
            md.update(bytes, 0, len);
            return md.digest();
        }
    }
}
