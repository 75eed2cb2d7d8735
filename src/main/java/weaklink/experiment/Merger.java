package weaklink.experiment;

import weaklink.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import weaklink.scenario.BadInputException;

/**
 * Combines the results folders of the shards of one run ({@code run --shard I/N}) into the
 * folder the unsharded run would have written. Replicates are contiguous blocks per shard, their
 * rows depend only on the replicate index, and the sums are exact integers, so concatenating the
 * rows in shard order and adding the sums gives the same bytes as one run; the summary and the
 * other derived files are then made by the same code as after a run.
 *
 * <p>Everything is checked before anything is written: every folder must be a complete shard of
 * the same run (scenario SHA-256, seed, replicates, policies, baseline, days, tool version, shard
 * count), and shards 1..N must each be given exactly once.
 */
public final class Merger {
    /** The keys of {@code manifest.json} on which all shards of one run agree. */
    static final List<String> SAME_RUN_KEYS = List.of("scenario_sha256", "seed", "replicates", "policies", "baseline", "days", "version");

    private Merger() {}

    /** A shard's folder with its manifest, checked. */
    private record ShardFolder(Path dir, JsonNode manifest, Shard shard, Accumulators sums) {}

    /**
     * Merges {@code shardDirs} (in any order) into {@code out}, which must be absent or empty.
     *
     * @return the merged manifest
     */
    public static ObjectNode merge(List<Path> shardDirs, Path out) throws IOException, BadInputException {
        if (shardDirs.isEmpty()) throw BadInputException.option("DIR", "give the shard folders to merge");
        List<ShardFolder> shards = new ArrayList<>();
        for (Path dir : shardDirs) shards.add(read(dir));
        ShardFolder first = shards.get(0);
        for (ShardFolder s : shards.subList(1, shards.size())) checkSameRun(first, s);
        List<ShardFolder> ordered = inShardOrder(shards);
        checkOut(out, shardDirs);

        Accumulators sums = null;
        for (ShardFolder s : ordered) {
            if (sums == null) sums = s.sums();
            else sums.add(s.sums());
        }
        int replicates = first.manifest().path("replicates").asInt();
        Files.createDirectories(out);
        ObjectNode manifest = mergedManifest(ordered, replicates);
        Json.write(out.resolve(Runner.MANIFEST), manifest);
        try (OutputStream rows = Files.newOutputStream(out.resolve(Runner.PARTIAL), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            rows.write((ReplicateRow.header() + "\n").getBytes(StandardCharsets.UTF_8));
            for (ShardFolder s : ordered) copyBody(s.dir().resolve(Runner.REPLICATES), rows);
        }
        Runner.complete(out, replicates, sums);
        return (ObjectNode) Json.read(out.resolve(Runner.MANIFEST));
    }

    private static ShardFolder read(Path dir) throws IOException, BadInputException {
        JsonNode m = Manifest.readFor(dir);
        String where = dir.resolve(Runner.MANIFEST).toString();
        if (!"complete".equals(m.path("status").asText())) {
            throw new BadInputException(where, 0, 0, "status", "the shard is not complete (status '" + m.path("status").asText()
                    + "'); finish it with 'run ... --resume " + dir + "' before merging");
        }
        Shard shard;
        int replicates = m.path("replicates").asInt(-1);
        JsonNode sh = m.path("shard");
        try {
            shard = new Shard(sh.path("index").asInt(), sh.path("count").asInt());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where, 0, 0, "shard", "expected index and count with 1 <= index <= count, found " + sh);
        }
        if (replicates < 1 || sh.path("first_replicate").asInt(-1) != shard.start(replicates) || sh.path("end_replicate").asInt(-1) != shard.end(replicates)) {
            throw new BadInputException(where, 0, 0, "shard", "replicate range [" + sh.path("first_replicate") + ", " + sh.path("end_replicate")
                    + ") is not shard " + shard + " of " + replicates + " replicates");
        }
        Path replicatesFile = dir.resolve(Runner.REPLICATES), accFile = dir.resolve(Runner.ACCUMULATORS);
        for (Path f : List.of(replicatesFile, accFile)) {
            if (!Files.isRegularFile(f)) throw new BadInputException(f.toString(), 0, 0, null, "missing: the shard folder is incomplete");
        }
        checkRows(replicatesFile, shard, replicates);
        Accumulators sums;
        try {
            sums = Accumulators.fromJson(Json.read(accFile).get("sums"));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(accFile.toString(), 0, 0, "sums", "is not a WeakLink accumulators file: " + e.getMessage());
        }
        for (Map.Entry<String, Accumulators.PolicySums> e : sums.policies().entrySet()) {
            if (e.getValue().replicates != shard.end(replicates) - shard.start(replicates)) {
                throw new BadInputException(accFile.toString(), 0, 0, "sums.policies." + e.getKey() + ".replicates",
                        "holds " + e.getValue().replicates + " replicates, shard " + shard + " has " + (shard.end(replicates) - shard.start(replicates)));
            }
        }
        return new ShardFolder(dir, m, shard, sums);
    }

    /** The rows must have the current header and cover exactly the shard's replicates. */
    private static void checkRows(Path file, Shard shard, int replicates) throws IOException, BadInputException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (!ReplicateRow.header().equals(header)) {
                throw new BadInputException(file.toString(), 1, 0, null, "unexpected header; expected " + ReplicateRow.header());
            }
            int lineNo = 1, lastReplicate = shard.start(replicates) - 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                int replicate;
                try {
                    replicate = ReplicateRow.parse(line).replicate();
                } catch (RuntimeException e) {
                    throw new BadInputException(file.toString(), lineNo, 0, null, "not a replicate row: " + e.getMessage());
                }
                if (replicate < lastReplicate || replicate > lastReplicate + 1 || replicate >= shard.end(replicates)) {
                    throw new BadInputException(file.toString(), lineNo, 0, "replicate", "replicate " + replicate + " is out of order or outside shard " + shard);
                }
                lastReplicate = replicate;
            }
            if (lastReplicate != shard.end(replicates) - 1) {
                throw new BadInputException(file.toString(), lineNo, 0, null, "ends at replicate " + lastReplicate + ", shard " + shard
                        + " ends at " + (shard.end(replicates) - 1));
            }
        }
    }

    private static void checkSameRun(ShardFolder a, ShardFolder b) throws BadInputException {
        for (String key : SAME_RUN_KEYS) {
            String x = a.manifest().path(key).toString(), y = b.manifest().path(key).toString();
            if (!x.equals(y)) {
                throw new BadInputException(b.dir().resolve(Runner.MANIFEST).toString(), 0, 0, key, "shard " + b.shard() + " has " + key + " " + y
                        + ", but shard " + a.shard() + " in " + a.dir() + " has " + x + "; merge only the shards of one run");
            }
        }
        if (a.shard().count() != b.shard().count()) {
            throw new BadInputException(b.dir().resolve(Runner.MANIFEST).toString(), 0, 0, "shard.count", "shard " + b.shard()
                    + " belongs to a run cut into " + b.shard().count() + " shards, but " + a.dir() + " is shard " + a.shard()
                    + "; merge only the shards of one run");
        }
    }

    /** Shards 1..N, each once; otherwise names the duplicated and the missing ones. */
    private static List<ShardFolder> inShardOrder(List<ShardFolder> shards) throws BadInputException {
        int count = shards.get(0).shard().count();
        Map<Integer, ShardFolder> byIndex = new TreeMap<>();
        for (ShardFolder s : shards) {
            ShardFolder earlier = byIndex.putIfAbsent(s.shard().index(), s);
            if (earlier != null) {
                throw BadInputException.option(s.dir().toString(), "duplicated shard " + s.shard() + ": " + earlier.dir() + " holds it too; give each shard once");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) if (!byIndex.containsKey(i)) missing.add(i + "/" + count);
        if (!missing.isEmpty()) {
            throw BadInputException.option("DIR", "missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " of the run (given: " + byIndex.values().stream().map(s -> s.shard() + " in " + s.dir()).reduce((x, y) -> x + ", " + y).orElse("") + ")");
        }
        List<ShardFolder> ordered = new ArrayList<>(byIndex.values());
        ordered.sort(Comparator.comparingInt(s -> s.shard().index()));
        return ordered;
    }

    private static void checkOut(Path out, List<Path> shardDirs) throws IOException, BadInputException {
        for (Path d : shardDirs) {
            if (d.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw BadInputException.option("--out", out + " is one of the shards being merged; choose another folder");
            }
        }
        ResultsFolder.requireAbsentOrEmpty(out);
    }

    /**
     * Shard 1's manifest, made whole: shard 1/1 over all replicates, started when the first shard
     * started, and the folders merged.
     */
    private static ObjectNode mergedManifest(List<ShardFolder> ordered, int replicates) {
        ObjectNode m = ((ObjectNode) ordered.get(0).manifest()).deepCopy();
        m.put("status", "running");
        ObjectNode shard = (ObjectNode) m.get("shard");
        shard.put("index", 1);
        shard.put("count", 1);
        shard.put("first_replicate", 0);
        shard.put("end_replicate", replicates);
        String started = ordered.stream().map(s -> s.manifest().path("started").asText()).min(Comparator.naturalOrder()).orElse(Instant.now().toString());
        m.put("started", started);
        m.putNull("finished");
        ArrayNode from = m.putArray("merged_from");
        for (ShardFolder s : ordered) from.add(s.dir().toString());
        return m;
    }

    /** Appends a replicates.csv without its header line. */
    private static void copyBody(Path file, OutputStream out) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                // skip the header
            }
            in.transferTo(out);
        }
    }
}
