package weaklink.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weaklink.io.Json;
import weaklink.scenario.BadInputException;

/**
 * Merges the shards of one {@link UncertaintyRun}: each shard holds a contiguous block of draws,
 * each draw an ordinary results folder; the merge checks everything first (one run, every shard
 * once, every draw complete, its rows and sums as recorded, all read from the same inputs), then
 * copies the draws' folders byte for byte and summarises the whole as an unsharded run is.
 */
public final class UncertaintyMerge {
    private UncertaintyMerge() {}

    /** The manifest keys on which all shards of one uncertainty run agree. */
    static final List<String> SAME_RUN_KEYS = List.of("kind", "scenario_sha256", "seed", "replicates", "draws", "policies", "baseline", "version");

    /**
     * Merges the shards of one uncertainty run into {@code out} (absent or empty): every shard must
     * be complete, of the same run, and shards 1..N given once; their draw folders are copied byte
     * for byte (each checked first against the hashes its manifest recorded), and {@code out} is
     * summarised with {@code topSummariser} as after an unsharded run, then marked complete.
     */
    public static void merge(List<Path> shardDirs, Path out, ResultsStore.Summariser topSummariser) throws IOException, BadInputException {
        if (shardDirs.isEmpty()) throw BadInputException.option("DIR", "give the shard folders to merge");
        List<JsonNode> manifests = new ArrayList<>();
        for (Path d : shardDirs) {
            JsonNode m = UncertaintyRun.readTop(d);
            String where = d.resolve(Runner.MANIFEST).toString();
            if (!UncertaintyRun.KIND.equals(m.path("kind").asText())) throw new BadInputException(where, 0, 0, "kind", "is not a shard of an uncertainty run; merge only the shards of one run");
            if (!"complete".equals(m.path("status").asText())) {
                throw new BadInputException(where, 0, 0, "status", "the shard is not complete; finish it with 'run ... --resume " + d + "' before merging");
            }
            for (String key : SAME_RUN_KEYS) {
                if (!m.path(key).toString().equals((manifests.isEmpty() ? m.path(key) : manifests.get(0).path(key)).toString())) {
                    throw new BadInputException(where, 0, 0, key, "this shard has " + key + " " + m.path(key) + ", but " + shardDirs.get(0)
                            + " has " + manifests.get(0).path(key) + "; merge only the shards of one run");
                }
            }
            manifests.add(m);
        }
        int count = manifests.get(0).path("shard").path("count").asInt();
        Map<Integer, Path> byIndex = new java.util.TreeMap<>();
        for (int i = 0; i < shardDirs.size(); i++) {
            JsonNode sh = manifests.get(i).path("shard");
            if (sh.path("count").asInt() != count) {
                throw new BadInputException(shardDirs.get(i).resolve(Runner.MANIFEST).toString(), 0, 0, "shard.count", "belongs to a run cut into "
                        + sh.path("count").asInt() + " shards, not " + count + "; merge only the shards of one run");
            }
            Path earlier = byIndex.putIfAbsent(sh.path("index").asInt(), shardDirs.get(i));
            if (earlier != null) throw BadInputException.option(shardDirs.get(i).toString(), "duplicated shard " + sh.path("index").asInt() + "/" + count + ": " + earlier + " holds it too");
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) if (!byIndex.containsKey(i)) missing.add(i + "/" + count);
        if (!missing.isEmpty()) throw BadInputException.option("DIR", "missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " of the run");
        for (Path d : shardDirs) {
            if (d.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) throw BadInputException.option("--out", out + " is one of the shards being merged");
        }
        ResultsStore.checkCanCreate(out, false, List.of());
        int draws = manifests.get(0).path("draws").asInt();
        // every draw is checked (complete, its rows and sums as its manifest recorded them, read from the same inputs) before anything is written
        Manifest firstDraw = null;
        String firstDrawWhere = null;
        for (Map.Entry<Integer, Path> e : byIndex.entrySet()) {
            Shard s = new Shard(e.getKey(), count);
            for (int d = s.start(draws); d < s.end(draws); d++) {
                Path from = UncertaintyRun.drawDir(e.getValue(), d);
                if (!Files.isRegularFile(from.resolve(Runner.REPLICATES)) || !Files.isRegularFile(from.resolve(Runner.MANIFEST))) {
                    throw new BadInputException(from.toString(), 0, 0, null, "draw " + (d + 1) + " is missing from shard " + s + "; rerun the shard with --resume");
                }
                try (ResultsStore draw = ResultsStore.open(from, null, "weaklink merge")) {
                    if (!draw.manifest().complete()) {
                        throw new BadInputException(from.resolve(Runner.MANIFEST), 0, 0, "status", "draw " + (d + 1) + " of shard " + s
                                + " is not complete; rerun the shard with --resume");
                    }
                    draw.verifyComplete();
                    if (firstDraw == null) {
                        firstDraw = draw.manifest();
                        firstDrawWhere = "draw " + (d + 1) + " in " + from;
                    } else {
                        RunIdentity.checkSameInputs(firstDraw, firstDrawWhere, draw.manifest(), from.resolve(Runner.MANIFEST).toString());
                    }
                }
            }
        }
        Files.createDirectories(out);
        try (FolderLock lock = FolderLock.acquire(out, "weaklink merge")) {
            if (!ResultsFolder.emptyButOurs(out)) throw BadInputException.option("--out", "results folder " + out + " is not empty; choose another --out");
            for (Map.Entry<Integer, Path> e : byIndex.entrySet()) {
                Shard s = new Shard(e.getKey(), count);
                for (int d = s.start(draws); d < s.end(draws); d++) copyTree(UncertaintyRun.drawDir(e.getValue(), d), UncertaintyRun.drawDir(out, d));
            }
            ObjectNode merged = merged(manifests.get(0), draws, byIndex);
            merged.put("status", "running");
            merged.putNull("finished");
            Json.write(out.resolve(Runner.MANIFEST), merged);
            topSummariser.summarise(out);
            merged.put("status", "complete");
            merged.put("finished", Instant.now().toString());
            Json.write(out.resolve(Runner.MANIFEST), merged);
        }
    }

    private static ObjectNode merged(JsonNode first, int draws, Map<Integer, Path> byIndex) {
        ObjectNode merged = ((ObjectNode) first).deepCopy();
        ObjectNode sh = (ObjectNode) merged.get("shard");
        sh.put("index", 1);
        sh.put("count", 1);
        sh.put("first_draw", 0);
        sh.put("end_draw", draws);
        ArrayNode from = merged.putArray("merged_from");
        for (Path d : byIndex.values()) from.add(d.toString());
        return merged;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
