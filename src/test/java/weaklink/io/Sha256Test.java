package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @BeforeAll
    static void nativeProviderLoaded() throws InterruptedException {
        Sha256.Native.await();
    }

    @Test
    void theStandardsTestVectorsHashAsFips180Says() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]));
        byte[] million = new byte[1_000_000];
        java.util.Arrays.fill(million, (byte) 'a');
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.of(million));
        MessageDigest byByte = Sha256.digest();
        for (byte b : million) byByte.update(b);
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.hex(byByte));
    }

    @Test
    void whereTheSystemHasNssItsProviderHashesLargeInputs() throws Exception {
        Path dir = Sha256.Native.directory();
        Provider p = Sha256.Native.await();
        if (dir == null) {
            assertNull(p, "no NSS found, so no native provider");
            return;
        }
        assertNotNull(p, "NSS is in " + dir + " but its provider did not load");
        Sha256.Buffered md = (Sha256.Buffered) Sha256.digest();
        md.update(new byte[Sha256.BLOCK]);
        assertEquals(p.getName(), md.innerProvider());
    }

    @Test
    void aDirectoryWithoutNssLeavesTheJdksDigest(@TempDir Path empty) throws Exception {
        assertNull(Sha256.Native.load(empty));
        Files.writeString(empty.resolve("libsoftokn3.so"), "not a library");
        assertNull(Sha256.Native.load(empty));
    }

    @Test
    void everyChunkingAndEveryRunningHashGivesTheJdksDigest() throws Exception {
        SplittableRandom rnd = new SplittableRandom(26);
        int[] sizes = {0, 1, 2, 63, 64, 255, 256, 4095, Sha256.BLOCK - 1, Sha256.BLOCK, Sha256.BLOCK + 1, 3 * Sha256.BLOCK + 17, 1 << 20};
        for (int round = 0; round < 400; round++) {
            MessageDigest ours = Sha256.digest(), jdk = Sha256.jdk();
            int parts = rnd.nextInt(1, 8);
            for (int k = 0; k < parts; k++) {
                byte[] b = new byte[sizes[rnd.nextInt(sizes.length)] + rnd.nextInt(3)];
                rnd.nextBytes(b);
                int off = b.length == 0 ? 0 : rnd.nextInt(b.length);
                if (rnd.nextInt(4) == 0) {
                    for (int i = off; i < b.length; i++) ours.update(b[i]);
                } else {
                    ours.update(b, off, b.length - off);
                }
                jdk.update(b, off, b.length - off);
                if (rnd.nextBoolean()) assertEquals(Sha256.hexSoFar(jdk), Sha256.hexSoFar(ours), "running hash, round " + round);
            }
            assertEquals(HexFormat.of().formatHex(jdk.digest()), Sha256.hex(ours), "round " + round);
            byte[] again = new byte[rnd.nextInt(2 * Sha256.BLOCK)];
            rnd.nextBytes(again);
            ours.update(again);
            jdk.update(again);
            assertEquals(HexFormat.of().formatHex(jdk.digest()), Sha256.hex(ours), "a digest used again after digest(), round " + round);
        }
    }

    @Test
    void digestsOnFourThreadsAtOnceAreEachTheJdks() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    byte[] b = new byte[5 * Sha256.BLOCK + (int) seed * 1001];
                    new SplittableRandom(seed).nextBytes(b);
                    MessageDigest ours = Sha256.digest(), jdk = Sha256.jdk();
                    for (int off = 0; off < b.length; off += 7777) {
                        int len = Math.min(7777, b.length - off);
                        ours.update(b, off, len);
                        jdk.update(b, off, len);
                    }
                    return new String[] {HexFormat.of().formatHex(jdk.digest()), Sha256.hex(ours)};
                }));
            }
            for (Future<String[]> f : done) {
                String[] pair = f.get();
                assertEquals(pair[0], pair[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileHashesAsItsBytes(@TempDir Path dir) throws Exception {
        byte[] b = new byte[3 * Sha256.BLOCK + 5];
        new SplittableRandom(7).nextBytes(b);
        Path f = dir.resolve("f.bin");
        Files.write(f, b);
        MessageDigest jdk = Sha256.jdk();
        jdk.update(b, 0, 100_000);
        assertEquals(HexFormat.of().formatHex(jdk.digest()), Sha256.of(f, 100_000));
        assertEquals(Sha256.of(b), Sha256.of(f));
        assertTrue(Sha256.of(f).matches("[0-9a-f]{64}"));
    }
}
