package weaklink.experiment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import weaklink.io.Json;
import weaklink.io.Sha256;
import weaklink.scenario.BadInputException;

/**
 * Combines the results folders of the shards of one run ({@code run --shard I/N}) into the
 * folder the unsharded run would have written. Replicates are contiguous blocks per shard, their
 * rows depend only on the replicate index, and the sums are exact integers, so concatenating the
 * rows in shard order and adding the sums gives the same bytes as one run; the summary and the
 * other derived files are then made by the same code as after a run.
 *
 * <p>Everything is checked before anything is written: every folder must be a complete shard of
 * the same run (scenario SHA-256, every input file's SHA-256, seed, replicates, policies, baseline,
 * days, tool version, shard count); shards 1..N must each be given exactly once; each shard's
 * {@code replicates.csv}, {@code accumulators.json} and event files ({@code events.csv}, {@code portfolio_losses.csv})
 * must have the size, SHA-256 (and row count) its manifest recorded when it finished; its rows must hold each (policy, replicate) of the shard
 * exactly once; and its sums must agree with its rows (replicates, losses and security spending).
 */
public final class Merger {
    private Merger() {}

    /** A shard's folder, checked. */
    private record ShardFolder(Path dir, Manifest manifest, Accumulators sums) {
        Shard shard() { return manifest.shardOf(); }

        Path manifestFile() { return dir.resolve(Manifest.FILE); }
    }

    /**
     * Merges {@code shardDirs} (in any order) into {@code out}, which must be absent or empty, and
     * summarises the result with {@code summariser}.
     *
     * @return the merged manifest
     */
    public static Manifest merge(List<Path> shardDirs, Path out, ResultsStore.Summariser summariser) throws IOException, BadInputException {
        if (shardDirs.isEmpty()) throw BadInputException.option("DIR", "give the shard folders to merge");
        checkOut(out, shardDirs);
        List<FolderLock> locks = new ArrayList<>();
        try {
            // the shards are held too, so none is resumed or overwritten while it is read
            java.util.Set<Path> held = new java.util.HashSet<>();
            for (Path dir : shardDirs) {
                if (Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(Manifest.FILE)) && held.add(dir.toRealPath())) {
                    locks.add(FolderLock.acquire(dir, "weaklink merge"));
                }
            }
            List<ShardFolder> shards = new ArrayList<>();
            for (Path dir : shardDirs) shards.add(read(dir));
            ShardFolder first = shards.get(0);
            for (ShardFolder s : shards.subList(1, shards.size())) checkSameRun(first, s);
            List<ShardFolder> ordered = inShardOrder(shards);
            for (ShardFolder s : ordered) checkFiles(s);
            List<String> streams = streams(ordered.get(0));
            for (ShardFolder s : ordered) checkStreams(s, streams, ordered.get(0));

            Accumulators sums = null;
            for (ShardFolder s : ordered) {
                if (sums == null) sums = s.sums();
                else sums.add(s.sums());
            }
            int replicates = first.manifest().replicates();
            String started = ordered.stream().map(s -> s.manifest().started()).min(Comparator.naturalOrder()).orElseThrow();
            Manifest merged = ordered.get(0).manifest().mergedFrom(ordered.stream().map(s -> s.dir().toString()).toList(), started);
            try (ResultsStore store = ResultsStore.create(out, merged, false, List.of(), summariser, "weaklink merge")) {
                try (ResultsStore.Rows rows = store.startRows(streams)) {
                    for (ShardFolder s : ordered) appendBody(s.dir().resolve(ResultsStore.REPLICATES), rows, null);
                    for (String stream : streams) {
                        for (ShardFolder s : ordered) appendBody(s.dir().resolve(stream), rows, stream);
                    }
                    rows.finish(replicates, sums, null, null, Runner.ALL_REPLICATES);
                }
                store.summarise();
                store.complete();
                return store.manifest();
            }
        } finally {
            for (FolderLock l : locks) l.close();
        }
    }

    private static ShardFolder read(Path dir) throws IOException, BadInputException {
        Manifest m = Manifest.read(dir);
        String where = dir.resolve(Manifest.FILE).toString();
        if (!m.complete()) {
            throw new BadInputException(where, 0, 0, "status", "the shard is not complete (status '" + m.status()
                    + "'); finish it with 'run ... --resume " + dir + "' before merging");
        }
        if (m.format() < Manifest.FORMAT) {
            throw new BadInputException(where, 0, 0, "format", "was written by weaklink " + m.version() + ", whose manifest does not record"
                    + " the hashes of its files; rerun the shard with this version");
        }
        Manifest.ShardRange sh = m.shard();
        Shard shard;
        try {
            shard = sh.shard();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where, 0, 0, "shard", "expected index and count with 1 <= index <= count, found " + sh.index() + "/" + sh.count());
        }
        int replicates = m.replicates();
        if (replicates < 1 || sh.firstReplicate() != shard.start(replicates) || sh.endReplicate() != shard.end(replicates)) {
            throw new BadInputException(where, 0, 0, "shard", "replicate range [" + sh.firstReplicate() + ", " + sh.endReplicate()
                    + ") is not shard " + shard + " of " + replicates + " replicates");
        }
        if (m.replicatesRun() == null || m.replicatesRun() != sh.size()) {
            throw new BadInputException(where, 0, 0, "replicates_run", "is " + m.replicatesRun() + ", shard " + shard + " has " + sh.size()
                    + " replicates");
        }
        Path accFile = dir.resolve(ResultsStore.ACCUMULATORS);
        for (Path f : List.of(dir.resolve(ResultsStore.REPLICATES), accFile)) {
            if (!Files.isRegularFile(f)) throw new BadInputException(f.toString(), 0, 0, null, "missing: the shard folder is incomplete");
        }
        Accumulators sums;
        try {
            sums = Accumulators.fromJson(Json.read(accFile).get("sums"));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(accFile.toString(), 0, 0, "sums", "is not a WeakLink accumulators file: " + e.getMessage());
        }
        return new ShardFolder(dir, m, sums);
    }

    /**
     * The shard's data files are the ones it finished with (size, SHA-256 and row count as its
     * manifest recorded them), its rows hold each (policy, replicate) of the shard exactly once, and
     * its sums agree with its rows.
     */
    private static void checkFiles(ShardFolder s) throws IOException, BadInputException {
        Manifest m = s.manifest();
        Manifest.OutputFile rowsEntry = recorded(s, ResultsStore.REPLICATES), sumsEntry = recorded(s, ResultsStore.ACCUMULATORS);
        Path accFile = s.dir().resolve(ResultsStore.ACCUMULATORS);
        String accSha = Sha256.of(accFile);
        if (Files.size(accFile) != sumsEntry.bytes() || !accSha.equals(sumsEntry.sha256())) {
            throw changed(accFile, sumsEntry, Files.size(accFile), accSha);
        }
        Path rowsFile = s.dir().resolve(ResultsStore.REPLICATES);
        RowTotals totals = new RowTotals(m.policies());
        ReplicateRows.Digest d = ReplicateRows.read(rowsFile, m.policies(), m.shard().firstReplicate(), m.shard().endReplicate(), totals::add);
        if (d.bytes() != rowsEntry.bytes() || !d.sha256().equals(rowsEntry.sha256())) throw changed(rowsFile, rowsEntry, d.bytes(), d.sha256());
        if (!Objects.equals(rowsEntry.rows(), d.rows())) {
            throw new BadInputException(rowsFile, 0, 0, null, "holds " + d.rows() + " rows; the manifest recorded " + rowsEntry.rows());
        }
        crossCheck(s, totals);
    }

    /** The event files a shard recorded when it finished (every shard of a run has the same). */
    private static List<String> streams(ShardFolder s) {
        List<String> out = new ArrayList<>();
        for (Manifest.OutputFile f : s.manifest().files()) if (ResultsStore.STREAMS.contains(f.path()) && f.sha256() != null) out.add(f.path());
        return out;
    }

    /** Each event file is the one the shard finished with (size and SHA-256 as its manifest recorded them). */
    private static void checkStreams(ShardFolder s, List<String> streams, ShardFolder first) throws IOException, BadInputException {
        if (!streams(s).equals(streams)) {
            throw new BadInputException(s.manifestFile(), 0, 0, "files", "shard " + s.shard() + " records the event files " + streams(s)
                    + ", but shard " + first.shard() + " in " + first.dir() + " records " + streams + "; merge only the shards of one run");
        }
        for (String stream : streams) {
            Manifest.OutputFile entry = recorded(s, stream);
            Path file = s.dir().resolve(stream);
            if (!Files.isRegularFile(file)) throw new BadInputException(file.toString(), 0, 0, null, "missing: the shard folder is incomplete");
            String sha = Sha256.of(file);
            if (Files.size(file) != entry.bytes() || !sha.equals(entry.sha256())) throw changed(file, entry, Files.size(file), sha);
        }
    }

    private static Manifest.OutputFile recorded(ShardFolder s, String path) throws BadInputException {
        for (Manifest.OutputFile f : s.manifest().files()) {
            if (f.path().equals(path) && f.sha256() != null && f.bytes() != null) return f;
        }
        throw new BadInputException(s.manifestFile(), 0, 0, "files", "does not record the size and SHA-256 of " + path);
    }

    private static BadInputException changed(Path file, Manifest.OutputFile entry, long bytes, String sha) {
        return new BadInputException(file, 0, 0, null, "is not the file the shard finished with: its manifest records " + entry.bytes()
                + " bytes with SHA-256 " + entry.sha256() + ", the folder holds " + bytes + " bytes with SHA-256 " + sha
                + "; it was changed after the run: rerun the shard ('run ... --shard ... --overwrite') and merge again");
    }

    /** Per policy, from the rows: replicates, total loss in cents, and the security columns (the same every replicate). */
    private static final class RowTotals {
        private final Map<String, long[]> byPolicy = new LinkedHashMap<>();
        private final Map<String, double[]> funding = new LinkedHashMap<>();
        /** The rows' columns that {@code accumulators.json} also sums by group, with the group array that must add up to them. */
        static final List<ReplicateColumn> FUNDING = List.of(ReplicateColumn.SECURITY_SPEND, ReplicateColumn.PAID_BY_SELF,
                ReplicateColumn.PAID_BY_BUYERS, ReplicateColumn.PAID_BY_GOVERNMENT, ReplicateColumn.PAID_BY_POOL, ReplicateColumn.PREMIUMS);
        private String fundingChangesIn;

        RowTotals(List<String> policies) {
            for (String p : policies) byPolicy.put(p, new long[2]);
        }

        void add(ReplicateRow row) {
            long[] t = byPolicy.get(row.policy());
            t[0]++;
            t[1] += Math.round(row.value(ReplicateColumn.TOTAL_LOSS) * 100);
            double[] f = new double[FUNDING.size()];
            for (int i = 0; i < f.length; i++) f[i] = row.value(FUNDING.get(i));
            double[] before = funding.putIfAbsent(row.policy(), f);
            if (before != null && !java.util.Arrays.equals(before, f) && fundingChangesIn == null) {
                fundingChangesIn = "policy '" + row.policy() + "', replicate " + row.replicate();
            }
        }
    }

    /**
     * The sums must belong to the rows: as many replicates per policy; losses by group that add up
     * to the rows' total loss (each group's loss is rounded to whole currency units per replicate,
     * so they may differ by half a unit per group and replicate); security spending by group that is
     * the same every replicate and adds up to the rows' spending by payer (to the same rounding).
     */
    private static void crossCheck(ShardFolder s, RowTotals rows) throws BadInputException {
        Path accFile = s.dir().resolve(ResultsStore.ACCUMULATORS);
        if (rows.fundingChangesIn != null) {
            throw new BadInputException(s.dir().resolve(ResultsStore.REPLICATES), 0, 0, null, "the security spending of " + rows.fundingChangesIn
                    + " differs from the policy's other replicates; it is the same every replicate, so the rows were changed");
        }
        int groups = s.sums().groups().size();
        for (Map.Entry<String, Accumulators.PolicySums> e : s.sums().policies().entrySet()) {
            String policy = e.getKey();
            Accumulators.PolicySums sums = e.getValue();
            long[] r = rows.byPolicy.get(policy);
            String key = "sums.policies." + policy;
            if (r == null) throw new BadInputException(accFile, 0, 0, key, "is a policy the manifest does not list");
            long n = r[0];
            if (sums.replicates != n) {
                throw new BadInputException(accFile, 0, 0, key + ".replicates", "holds " + sums.replicates + " replicates; replicates.csv has "
                        + n + " rows for policy '" + policy + "'");
            }
            double rowTotal = r[1] / 100.0, groupTotal = sum(sums.groupLoss);
            double slack = n * (0.5 * groups + 0.01) + 1e-9 * Math.abs(rowTotal);
            if (Math.abs(groupTotal - rowTotal) > slack) {
                throw new BadInputException(accFile, 0, 0, key + ".group_loss", "adds up to " + (long) groupTotal + ", but the rows of policy '"
                        + policy + "' in replicates.csv add up to " + String.format("%.2f", rowTotal) + " (rounding allows " + String.format("%.2f", slack)
                        + "): the sums do not belong to the rows");
            }
            long[][] perReplicate = {sums.groupFirms, sums.groupSecuritySpend, sums.groupPaidBySelf, sums.groupPaidByBuyers, sums.groupPaidByGovernment,
                    sums.groupPaidByPool, sums.groupPaidForSuppliers, sums.groupPremiums};
            List<String> names = List.of("group_firms", "group_security_spend", "group_paid_by_self", "group_paid_by_buyers",
                    "group_paid_by_government", "group_paid_by_pool", "group_paid_for_suppliers", "group_premiums");
            for (int k = 0; k < perReplicate.length; k++) {
                for (long x : perReplicate[k]) {
                    if (n > 0 && x % n != 0) {
                        throw new BadInputException(accFile, 0, 0, key + "." + names.get(k), "holds " + x
                                + ", not a multiple of the " + n + " replicates: it adds the same amount every replicate, so it was changed");
                    }
                }
            }
            double[] funding = rows.funding.get(policy);
            long[][] byPayer = {sums.groupSecuritySpend, sums.groupPaidBySelf, sums.groupPaidByBuyers, sums.groupPaidByGovernment,
                    sums.groupPaidByPool, sums.groupPremiums};
            for (int k = 0; n > 0 && funding != null && k < byPayer.length; k++) {
                double perYear = sum(byPayer[k]) / n, row = funding[k];
                if (Math.abs(perYear - row) > 0.5 * groups + 0.01 + 1e-9 * Math.abs(row)) {
                    throw new BadInputException(accFile, 0, 0, key + "." + names.get(k == 5 ? 7 : k + 1), "adds up to "
                            + (long) perYear + " a year, but replicates.csv's " + RowTotals.FUNDING.get(k).header() + " of policy '" + policy
                            + "' is " + String.format("%.2f", row) + ": the sums do not belong to the rows");
                }
            }
        }
    }

    private static double sum(long[] xs) {
        double s = 0;
        for (long x : xs) s += x;
        return s;
    }

    private static void checkSameRun(ShardFolder a, ShardFolder b) throws BadInputException {
        Map<String, Function<Manifest, Object>> keys = new LinkedHashMap<>();
        keys.put("scenario_sha256", Manifest::scenarioSha256);
        keys.put("seed", Manifest::seed);
        keys.put("replicates", Manifest::replicates);
        keys.put("policies", Manifest::policies);
        keys.put("baseline", Manifest::baseline);
        keys.put("days", Manifest::days);
        keys.put("version", Manifest::version);
        keys.put(weaklink.scenario.InsuranceSpec.EVENT_LOSSES_KEY, m -> m.eventLosses().label());
        for (Map.Entry<String, Function<Manifest, Object>> k : keys.entrySet()) {
            Object x = k.getValue().apply(a.manifest()), y = k.getValue().apply(b.manifest());
            if (!x.equals(y)) {
                throw new BadInputException(b.manifestFile().toString(), 0, 0, k.getKey(), "shard " + b.shard() + " has " + k.getKey() + " " + y
                        + ", but shard " + a.shard() + " in " + a.dir() + " has " + x + "; merge only the shards of one run");
            }
        }
        for (Manifest.InputFile in : b.manifest().inputs()) {
            Manifest.InputFile other = a.manifest().inputs().stream().filter(i -> i.role().equals(in.role())).findFirst().orElse(null);
            if (other == null || !other.sha256().equals(in.sha256())) {
                throw new BadInputException(b.manifestFile().toString(), 0, 0, "inputs", "shard " + b.shard() + " was run on " + in.path()
                        + " with SHA-256 " + in.sha256() + ", but shard " + a.shard() + " in " + a.dir() + (other == null ? " did not read a "
                        + in.role() + " file" : " on " + other.path() + " with SHA-256 " + other.sha256())
                        + ": the shards were run on different inputs; rerun them on the same files");
            }
        }
        if (a.shard().count() != b.shard().count()) {
            throw new BadInputException(b.manifestFile().toString(), 0, 0, "shard.count", "shard " + b.shard()
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
        return new ArrayList<>(byIndex.values());
    }

    private static void checkOut(Path out, List<Path> shardDirs) throws IOException, BadInputException {
        for (Path d : shardDirs) {
            if (d.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw BadInputException.option("--out", out + " is one of the shards being merged; choose another folder");
            }
        }
        ResultsStore.checkCanCreate(out, false, List.of());
    }

    /** Appends a replicates.csv (or, {@code stream} given, that event file) without its header line. */
    private static void appendBody(Path file, ResultsStore.Rows rows, String stream) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                // skip the header
            }
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                if (n == 0) continue;
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                if (stream == null) rows.append(chunk);
                else rows.append(stream, chunk);
            }
        }
    }
}
