package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.InputFile;
import weaklink.network.NetworkCsv;
import weaklink.network.SupplyNetwork;
import weaklink.robustness.BadInputCorpusTest.Outcome;
import weaklink.scenario.ScenarioLoader;

/**
 * Network files that are not regular files, that are far larger than the heap, or that hold
 * something else entirely (a system file, an environment dump): each is refused with exit code 2,
 * promptly, in bounded memory, echoing at most a short prefix of what it read.
 */
class HostileNetworkFileTest {
    @TempDir Path tmp;

    Path scenario(String firms, String links) throws Exception {
        Path s = tmp.resolve("s.yaml");
        Files.writeString(s, "name: hostile\nnetwork: {files: {firms: '" + firms + "', links: '" + links + "'}}\nactors: [{mode: opportunistic}]\n");
        return s;
    }

    void writeLinks() throws Exception {
        Files.writeString(tmp.resolve("links.csv"), "kind,source,target\nsupply,1,0\n");
    }

    @Test
    void devZeroAsFirmsFileIsRefusedWithoutReadingIt() throws Exception {
        writeLinks();
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BadInputCorpusTest.cli("validate", scenario("/dev/zero", "links.csv").toString()));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("/dev/zero: is not a regular file"), o.err());
        BadInputCorpusTest.assertNoStackTrace(o.err());
    }

    @Test
    void fifoAsLinksFileIsRefusedWithoutOpeningIt() throws Exception {
        Files.writeString(tmp.resolve("firms.csv"), "id\n0\n1\n");
        Path fifo = tmp.resolve("links.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path out = tmp.resolve("out");
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> BadInputCorpusTest.cli("run", scenario("firms.csv", "links.csv").toString(), "--out", out.toString(), "--replicates", "2"));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(fifo + ": is not a regular file"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSystemFileNamedAsFirmsFileIsEchoedOnlyAsAShortPrefix() throws Exception {
        String secret = "root:x:0:0:root:/root:/bin/bash;AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY;PASSWORD=hunter2";
        Files.writeString(tmp.resolve("firms.csv"), secret + "\n" + secret + "\n");
        writeLinks();
        Outcome o = BadInputCorpusTest.cli("validate", scenario("firms.csv", "links.csv").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("unknown column 'root:x:0:0:root:/root...'"), o.err());
        assertFalse(o.err().contains("SECRET") || o.err().contains("hunter2") || o.err().contains("/bin/bash"), o.err());
    }

    @Test
    void aLongCellInALinkRowIsEchoedOnlyAsAShortPrefix() throws Exception {
        Files.writeString(tmp.resolve("firms.csv"), "id\n0\n1\n");
        Files.writeString(tmp.resolve("links.csv"), "kind,source,target\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:TOKEN=abcdef0123456789,1,0\n");
        Outcome o = BadInputCorpusTest.cli("validate", scenario("firms.csv", "links.csv").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("unknown link kind 'PATH=/usr/local/sbin:...'"), o.err());
        assertFalse(o.err().contains("TOKEN"), o.err());
    }

    @Test
    void aLineLongerThanAMegabyteIsRefusedWithItsLineNumber() throws Exception {
        Files.writeString(tmp.resolve("firms.csv"), "id,name\n0,a\n1," + "x".repeat(3 << 20) + "\n");
        writeLinks();
        Outcome o = BadInputCorpusTest.cli("validate", scenario("firms.csv", "links.csv").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(tmp.resolve("firms.csv") + ":3: the line is longer than 1048576 characters"), o.err());
        assertTrue(o.err().length() < 400, o.err());
    }

    /**
     * A firms.csv of short id-only rows: the file size / 48 guess let it through, then the read ran out
     * of memory. Counted rows refuse it in a 32 MB heap, and the -Xmx the message advises is enough.
     */
    @Test
    void idOnlyFirmsFileTooLargeForTheHeapIsRefusedAndTheAdvisedHeapIsEnough() throws Exception {
        Path firms = tmp.resolve("firms.csv");
        try (BufferedWriter w = Files.newBufferedWriter(firms, StandardCharsets.UTF_8)) {
            w.write("id\n");
            for (int i = 0; i < 400_000; i++) w.write(i + "\n");
        }
        writeLinks();
        Path s = scenario("firms.csv", "links.csv");
        ChildJvm.Outcome small = ChildJvm.run(tmp, List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"), 120, "validate", s.toString());
        assertEquals(2, small.code(), small.err());
        assertTrue(small.err().contains("network.files: a network of about"), small.err());
        assertTrue(small.err().contains("rows read so far of " + firms), small.err());
        BadInputCorpusTest.assertNoStackTrace(small.err());
        Matcher advice = Pattern.compile("java (-Xmx\\d+g) -jar").matcher(small.err());
        assertTrue(advice.find(), small.err());

        ChildJvm.Outcome advised = ChildJvm.run(tmp, List.of(advice.group(1), "-XX:TieredStopAtLevel=1"), 120, "validate", s.toString());
        assertEquals(0, advised.code(), advised.err());
        assertTrue(advised.out().contains("400,000 firms") || advised.out().contains("400000 firms"), advised.out());
    }

    @Test
    void theNetworkCarriesTheDigestsOfTheBytesItWasReadFrom() throws Exception {
        Files.writeString(tmp.resolve("firms.csv"), "id,name\n0,Buyer\n1,Supplier\n");
        writeLinks();
        Path s = scenario("firms.csv", "links.csv");
        SupplyNetwork net = NetworkCsv.read(tmp.resolve("firms.csv"), tmp.resolve("links.csv"), ScenarioLoader.load(s), 0);
        List<InputFile.Digest> d = net.sources();
        assertEquals(2, d.size());
        assertEquals(weaklink.io.Sha256.of(Files.readAllBytes(tmp.resolve("firms.csv"))), d.get(0).sha256());
        assertEquals(weaklink.io.Sha256.of(Files.readAllBytes(tmp.resolve("links.csv"))), d.get(1).sha256());
        assertEquals(Files.size(tmp.resolve("links.csv")), d.get(1).bytes());
    }
}
