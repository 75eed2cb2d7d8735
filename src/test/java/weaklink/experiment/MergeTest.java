package weaklink.experiment;

import weaklink.io.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weaklink.cli.Main;
import weaklink.cluster.SameResults;

class MergeTest {
    static final String QUICKSTART = "src/test/resources/scenarios/small-network.yaml";
    static final String REPLICATES = "31"; // not a multiple of 3: the shards are of unequal size

    @TempDir static Path runs;
    static Path whole;
    static final List<Path> shards = new ArrayList<>();

    @TempDir Path dir;

    @BeforeAll
    static void runWholeAndInThreeShards() {
        whole = runs.resolve("whole");
        assertEquals(0, cli(new StringWriter(), "run", QUICKSTART, "--replicates", REPLICATES, "--out", whole.toString(), "--quiet"));
        for (int i = 1; i <= 3; i++) {
            Path shard = runs.resolve("shard" + i);
            assertEquals(0, cli(new StringWriter(), "run", QUICKSTART, "--replicates", REPLICATES, "--shard", i + "/3",
                    "--threads", Integer.toString(i), "--out", shard.toString(), "--quiet"));
            shards.add(shard);
        }
    }

    static int cli(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    static int merge(StringWriter err, Path out, Path... from) {
        List<String> args = new ArrayList<>(List.of("merge", "--quiet", "--out", out.toString()));
        for (Path p : from) args.add(p.toString());
        return cli(err, args.toArray(String[]::new));
    }

    @Test
    void mergedShardsEqualTheUnshardedRunByteForByte() throws Exception {
        Path merged = dir.resolve("merged");
        assertEquals(0, merge(new StringWriter(), merged, shards.get(2), shards.get(0), shards.get(1)));
        SameResults.assertSameResults(whole, merged);
    }

    @Test
    void mergedManifestIsOneCompleteShardListingTheMergedFolders() throws Exception {
        Path merged = dir.resolve("merged");
        assertEquals(0, merge(new StringWriter(), merged, shards.get(1), shards.get(0), shards.get(2)));
        JsonNode m = Json.read(merged.resolve("manifest.json"));
        assertEquals("complete", m.path("status").asText());
        assertEquals(1, m.path("shard").path("index").asInt());
        assertEquals(1, m.path("shard").path("count").asInt());
        assertEquals(31, m.path("shard").path("end_replicate").asInt());
        List<String> from = new ArrayList<>();
        m.path("merged_from").forEach(n -> from.add(n.asText()));
        assertEquals(shards.stream().map(Path::toString).toList(), from);
    }

    @Test
    void missingShardIsNamedAndNothingIsWritten() {
        Path merged = dir.resolve("merged");
        StringWriter err = new StringWriter();
        assertEquals(2, merge(err, merged, shards.get(0), shards.get(2)));
        assertTrue(err.toString().contains("missing shard 2/3"), err.toString());
        assertFalse(Files.exists(merged));
    }

    @Test
    void duplicatedShardIsNamed() throws Exception {
        Path copy = copyOf(shards.get(1), "again");
        StringWriter err = new StringWriter();
        assertEquals(2, merge(err, dir.resolve("merged"), shards.get(0), shards.get(1), copy, shards.get(2)));
        assertTrue(err.toString().contains("duplicated shard 2/3"), err.toString());
        assertTrue(err.toString().contains(copy.toString()), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario_sha256", "seed", "replicates", "policies", "version"})
    void shardOfAnotherRunIsRefusedNamingTheKey(String key) throws Exception {
        Path other = copyOf(shards.get(1), "other");
        ObjectNode m = (ObjectNode) Json.read(other.resolve("manifest.json"));
        if (key.equals("policies")) m.putArray("policies").add("none").add("buyer-share");
        else if (key.equals("replicates")) m.put("replicates", 32);
        else m.put(key, m.path(key).asText() + "0");
        Json.write(other.resolve("manifest.json"), m);
        StringWriter err = new StringWriter();
        Path merged = dir.resolve("merged");
        assertEquals(2, merge(err, merged, shards.get(0), other, shards.get(2)));
        assertTrue(err.toString().contains(key), err.toString());
        assertTrue(err.toString().contains(other.resolve("manifest.json").toString()), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(merged));
    }

    @Test
    void unfinishedShardIsRefused() throws Exception {
        Path running = copyOf(shards.get(1), "running");
        ObjectNode m = (ObjectNode) Json.read(running.resolve("manifest.json"));
        m.put("status", "running");
        Json.write(running.resolve("manifest.json"), m);
        StringWriter err = new StringWriter();
        assertEquals(2, merge(err, dir.resolve("merged"), shards.get(0), running, shards.get(2)));
        assertTrue(err.toString().contains("not complete"), err.toString());
        assertTrue(err.toString().contains("--resume"), err.toString());
    }

    /** Issue #18, item 3: one deleted row gave exit 1 with no location and a half-written output. */
    @Test
    void shardWithADeletedRowIsRefusedNamingTheFileAndNothingIsWritten() throws Exception {
        Path cut = copyOf(shards.get(1), "cut");
        List<String> lines = Files.readAllLines(cut.resolve("replicates.csv"));
        lines.remove(3);
        Files.write(cut.resolve("replicates.csv"), lines);
        assertRefused(cut.resolve("replicates.csv"), "", shards.get(0), cut, shards.get(2));
    }

    @Test
    void nonEmptyOutputFolderIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("full"));
        Files.writeString(out.resolve("precious.txt"), "keep me");
        StringWriter err = new StringWriter();
        assertEquals(2, merge(err, out, shards.toArray(Path[]::new)));
        assertTrue(err.toString().contains("not empty"), err.toString());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
    }

    /** A shard with one digit of one row changed (issue #18, item 3: merged with exit 0 and changed numbers). */
    @Test
    void aShardWithOneChangedDigitIsRefusedAndNothingIsWritten() throws Exception {
        Path changed = copyOf(shards.get(1), "changed");
        List<String> lines = Files.readAllLines(changed.resolve("replicates.csv"));
        String row = lines.get(2);
        int at = row.indexOf(',', row.indexOf(',') + 1) + 1; // the first digit of total_loss
        lines.set(2, row.substring(0, at) + (row.charAt(at) == '9' ? '8' : (char) (row.charAt(at) + 1)) + row.substring(at + 1));
        Files.write(changed.resolve("replicates.csv"), lines);
        assertRefused(changed.resolve("replicates.csv"), "changed after the run", shards.get(0), changed, shards.get(2));
    }

    @Test
    void aShardWithAChangedEventRowIsRefusedAndNothingIsWritten() throws Exception {
        Path changed = copyOf(shards.get(1), "changed");
        List<String> lines = Files.readAllLines(changed.resolve(EventRows.EVENTS));
        String row = lines.get(1);
        int at = row.lastIndexOf(',') + 1; // the first digit of retained_loss
        lines.set(1, row.substring(0, at) + (row.charAt(at) == '9' ? '8' : (char) (row.charAt(at) + 1)) + row.substring(at + 1));
        Files.write(changed.resolve(EventRows.EVENTS), lines);
        assertRefused(changed.resolve(EventRows.EVENTS), "changed after the run", shards.get(0), changed, shards.get(2));
    }

    @Test
    void aShardWithAFlippedDigitInItsSumsIsRefused() throws Exception {
        Path changed = copyOf(shards.get(0), "changed");
        String sums = Files.readString(changed.resolve("accumulators.json"));
        int at = sums.indexOf("\"group_loss\" : [ ") + 17;
        char d = sums.charAt(at);
        Files.writeString(changed.resolve("accumulators.json"), sums.substring(0, at) + (d == '9' ? '8' : (char) (d + 1)) + sums.substring(at + 1));
        assertRefused(changed.resolve("accumulators.json"), "changed after the run", changed, shards.get(1), shards.get(2));
    }

    @Test
    void aShardWhoseReplicateRowsWereReplacedByAnothersIsRefused() throws Exception {
        Path changed = copyOf(shards.get(2), "changed");
        List<String> lines = Files.readAllLines(changed.resolve("replicates.csv"));
        lines.set(2, lines.get(1));
        Files.write(changed.resolve("replicates.csv"), lines);
        assertRefused(changed.resolve("replicates.csv"), "", shards.get(0), shards.get(1), changed);
    }

    /** Sums edited together with the hash the manifest keeps of them are still caught: they must agree with the rows. */
    @Test
    void sumsThatDoNotBelongToTheRowsAreRefusedEvenWithAMatchingHash() throws Exception {
        Path changed = copyOf(shards.get(1), "changed");
        ObjectNode acc = (ObjectNode) Json.read(changed.resolve("accumulators.json"));
        com.fasterxml.jackson.databind.node.ArrayNode loss = (com.fasterxml.jackson.databind.node.ArrayNode) acc.get("sums").get("policies")
                .get("none").get("group_loss");
        loss.set(0, loss.get(0).asLong() + 5_000_000);
        Json.write(changed.resolve("accumulators.json"), acc);
        rehash(changed, "accumulators.json");
        assertRefused(changed.resolve("accumulators.json"), "group_loss", shards.get(0), changed, shards.get(2));
    }

    /** Records a file's present size and hash in its folder's manifest, as if the shard had finished with it. */
    static void rehash(Path dir, String file) throws Exception {
        ObjectNode m = (ObjectNode) Json.read(dir.resolve("manifest.json"));
        for (JsonNode f : m.get("files")) {
            if (f.get("path").asText().equals(file)) {
                ((ObjectNode) f).put("bytes", Files.size(dir.resolve(file)));
                ((ObjectNode) f).put("sha256", weaklink.io.Sha256.of(dir.resolve(file)));
            }
        }
        Json.write(dir.resolve("manifest.json"), m);
    }

    private void assertRefused(Path file, String why, Path... from) throws Exception {
        StringWriter err = new StringWriter();
        Path merged = dir.resolve("merged");
        assertEquals(2, merge(err, merged, from), err.toString());
        assertTrue(err.toString().contains(file.toString()) && err.toString().contains(why), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(merged), "nothing is written");
    }

    private Path copyOf(Path shard, String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(shard)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }
}
