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

    @Test
    void shardWithLostRowsIsRefusedNamingTheFile() throws Exception {
        Path cut = copyOf(shards.get(1), "cut");
        List<String> lines = Files.readAllLines(cut.resolve("replicates.csv"));
        Files.write(cut.resolve("replicates.csv"), lines.subList(0, lines.size() - 1));
        StringWriter err = new StringWriter();
        assertEquals(2, merge(err, dir.resolve("merged"), shards.get(0), cut, shards.get(2)));
        assertTrue(err.toString().contains(cut.resolve("replicates.csv").toString()), err.toString());
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

    private Path copyOf(Path shard, String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(shard)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }
}
