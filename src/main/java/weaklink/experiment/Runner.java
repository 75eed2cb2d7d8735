package weaklink.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import weaklink.economics.CostSharingPolicy;
import weaklink.economics.LossModel;
import weaklink.economics.ReplicateLosses;
import weaklink.economics.SecurityFunding;
import weaklink.model.RandomStreams;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.network.Networks;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.BadInputException;
import weaklink.scenario.PolicySpec;

/**
 * Runs a {@link RunPlan}: builds the network once, computes each policy's funding once, then
 * runs the shard's replicates on worker threads, every policy of a replicate on the same random
 * streams (common random numbers). Rows are streamed to {@code replicates.csv.partial} in
 * replicate order whatever the thread count, so memory does not grow with replicates, and a
 * checkpoint ({@code accumulators.json}: replicates done, bytes of rows written, sums) is
 * written atomically every few seconds. A killed run resumes from its checkpoint and ends with the
 * same bytes as an uninterrupted one.
 *
 * <p>Files written: {@code manifest.json}, {@code replicates.csv}, {@code accumulators.json}.
 * Summaries and charts are made from these by {@code weaklink.report}.
 */
public final class Runner {
    public static final String MANIFEST = "manifest.json";
    public static final String REPLICATES = "replicates.csv";
    public static final String PARTIAL = "replicates.csv.partial";
    public static final String ACCUMULATORS = "accumulators.json";
    static final long CHECKPOINT_MILLIS = 2000;

    private final RunPlan plan;
    private final ProgressListener progress;

    public Runner(RunPlan plan, ProgressListener progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * Starts a new run in an empty (or absent) folder; {@code overwrite} first removes the files
     * a previous run left there.
     */
    public void start(boolean overwrite) throws IOException, BadInputException {
        Path dir = plan.outDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw BadInputException.option("--out", dir + " exists and is not a folder");
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!overwrite) {
                throw BadInputException.option("--out", "results folder " + dir + " is not empty; use --resume " + dir
                        + " to continue the run in it, --overwrite to replace it, or another --out");
            }
            ResultsFolder.clear(dir);
        }
        Prepared prepared = prepare(); // bad input is refused here, before anything is written
        Files.createDirectories(dir);
        Json.write(dir.resolve(MANIFEST), Manifest.create(plan, Instant.now()));
        execute(prepared, 0, 0, null);
    }

    /** What every replicate shares: the network, each policy's funding and the loss model. */
    private record Prepared(SupplyNetwork net, SecurityFunding[] funding, LossModel lossModel) {}

    private Prepared prepare() throws BadInputException {
        SupplyNetwork net = Networks.build(plan.scenario(), RandomStreams.derive(plan.seed(), -1, RandomStreams.Stream.NETWORK));
        List<PolicySpec> policies = plan.policies();
        SecurityFunding[] funding = new SecurityFunding[policies.size()];
        for (int p = 0; p < funding.length; p++) funding[p] = CostSharingPolicy.of(policies.get(p)).fund(plan.scenario(), net);
        return new Prepared(net, funding, new LossModel(plan.scenario(), net));
    }

    /** Continues the run in {@code plan.outDir()}; its manifest must describe the same run. */
    public void resume() throws IOException, BadInputException {
        Path dir = plan.outDir();
        JsonNode manifest = Manifest.readFor(dir);
        Manifest.checkSameRun(manifest, plan, dir);
        if (Files.exists(dir.resolve(REPLICATES)) && "complete".equals(manifest.path("status").asText())) {
            progress.finished(plan.shard().end(plan.replicates()) - plan.shard().start(plan.replicates()));
            return;
        }
        int done = 0;
        long bytes = 0;
        Accumulators acc = null;
        Path accFile = dir.resolve(ACCUMULATORS);
        if (Files.exists(accFile) && Files.exists(dir.resolve(PARTIAL))) {
            JsonNode state = Json.read(accFile);
            done = state.path("replicates_done").asInt();
            bytes = state.path("partial_bytes").asLong();
            acc = Accumulators.fromJson(state.get("sums"));
        }
        execute(prepare(), done, bytes, acc);
    }

    private void execute(Prepared prepared, int alreadyDone, long partialBytes, Accumulators resumed) throws IOException {
        Path dir = plan.outDir();
        SupplyNetwork net = prepared.net();
        SecurityFunding[] funding = prepared.funding();
        LossModel lossModel = prepared.lossModel();
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < lossModel.groupCount(); g++) groups.add("tier" + LossModel.groupTier(g) + "-" + LossModel.groupSize(g).label());
        Accumulators acc = resumed != null ? resumed : new Accumulators(plan.scenario().days(), groups, plan.policyNames());
        long[][][] groupSecurity = groupSecurity(net, lossModel, funding);

        int first = plan.shard().start(plan.replicates()), end = plan.shard().end(plan.replicates());
        int total = end - first;
        Path partial = dir.resolve(PARTIAL);
        if (alreadyDone == 0) {
            Files.writeString(partial, ReplicateRow.header() + "\n", StandardCharsets.UTF_8);
            partialBytes = Files.size(partial);
            writeCheckpoint(dir, 0, partialBytes, acc);
        } else {
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.truncate(partialBytes);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.threads()), r -> {
            Thread t = new Thread(r, "weaklink-replicate");
            t.setDaemon(true);
            return t;
        });
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.APPEND)) {
            ArrayDeque<Future<ReplicateResult>> window = new ArrayDeque<>();
            int next = first + alreadyDone;
            int windowSize = Math.max(4, plan.threads() * 4);
            int done = alreadyDone;
            long bytes = partialBytes;
            long lastCheckpoint = System.currentTimeMillis();
            progress.progress(done, total);
            while (next < end || !window.isEmpty()) {
                while (next < end && window.size() < windowSize) {
                    final int r = next++;
                    window.add(pool.submit(() -> runReplicate(r, net, funding, lossModel)));
                }
                ReplicateResult result = await(window.poll());
                byte[] rows = result.csv.getBytes(StandardCharsets.UTF_8);
                out.write(rows);
                bytes += rows.length;
                result.addTo(acc, plan.policyNames(), groupSecurity);
                done++;
                long now = System.currentTimeMillis();
                if (now - lastCheckpoint >= CHECKPOINT_MILLIS || done == total) {
                    out.flush();
                    writeCheckpoint(dir, done, bytes, acc);
                    lastCheckpoint = now;
                }
                progress.progress(done, total);
            }
        } finally {
            pool.shutdownNow();
        }
        AtomicFile.moveIntoPlace(partial, dir.resolve(REPLICATES));
        writeCheckpoint(dir, total, Files.size(dir.resolve(REPLICATES)), acc);
        ObjectNode manifest = (ObjectNode) Json.read(dir.resolve(MANIFEST));
        Manifest.complete(manifest, Instant.now());
        Json.write(dir.resolve(MANIFEST), manifest);
        progress.finished(total);
    }

    private ReplicateResult runReplicate(int replicate, SupplyNetwork net, SecurityFunding[] funding, LossModel lossModel) {
        RandomStreams streams = new RandomStreams(plan.seed(), replicate);
        List<PolicySpec> policies = plan.policies();
        ReplicateResult result = new ReplicateResult(policies.size());
        StringBuilder csv = new StringBuilder(256 * policies.size());
        for (int p = 0; p < policies.size(); p++) {
            ReplicateRecord record = new ReplicateModel(plan.scenario(), net, funding[p].posture(), streams).run();
            ReplicateLosses losses = lossModel.losses(record, streams);
            ReplicateRow row = new ReplicateRow(policies.get(p).name(), replicate, losses.totalYen(), losses.directYen(),
                    losses.biYen(), losses.cbiYen(), losses.insuredYen(), funding[p].totalSpend(), funding[p].policyCost(),
                    record.distinctFirmsCompromised(), record.distinctFirmsDown(), losses.incidentYen(), losses.ransomYen(),
                    losses.breachYen(), losses.largestEventYen(), record.campaigns());
            csv.append(row.toCsv()).append('\n');
            result.daily[p][0] = record.dailyCompromised();
            result.daily[p][1] = record.dailyDown();
            result.groupLoss[p] = losses.groupLossYen();
        }
        result.csv = csv.toString();
        return result;
    }

    /** Security spending by group and payer, per policy, rounded to whole currency units: [policy][payer][group]. */
    private static long[][][] groupSecurity(SupplyNetwork net, LossModel lossModel, SecurityFunding[] funding) {
        long[][][] out = new long[funding.length][][];
        for (int p = 0; p < funding.length; p++) {
            SecurityFunding f = funding[p];
            double[][] payer = {f.investmentYen(), f.paidBySelf(), f.paidByBuyers(), f.paidByGovernment(), f.paidByPool(), f.paidForSuppliers(), f.premiumYen()};
            double[][] sums = new double[payer.length + 1][lossModel.groupCount()];
            for (int i = 0; i < net.firmCount(); i++) {
                int g = lossModel.group(i);
                sums[0][g] += 1;
                for (int k = 0; k < payer.length; k++) sums[k + 1][g] += payer[k][i];
            }
            out[p] = new long[sums.length][lossModel.groupCount()];
            for (int k = 0; k < sums.length; k++) for (int g = 0; g < sums[k].length; g++) out[p][k][g] = Math.round(sums[k][g]);
        }
        return out;
    }

    private static void writeCheckpoint(Path dir, int done, long bytes, Accumulators acc) throws IOException {
        ObjectNode state = Json.object();
        state.put("replicates_done", done);
        state.put("partial_bytes", bytes);
        state.set("sums", acc.toJson());
        Json.write(dir.resolve(ACCUMULATORS), state);
    }

    private static ReplicateResult await(Future<ReplicateResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** One replicate's results for every policy, before they are written. */
    private static final class ReplicateResult {
        String csv;
        final int[][][] daily;
        final double[][] groupLoss;

        ReplicateResult(int policies) {
            daily = new int[policies][2][];
            groupLoss = new double[policies][];
        }

        void addTo(Accumulators acc, List<String> policyNames, long[][][] groupSecurity) {
            for (int p = 0; p < policyNames.size(); p++) {
                Accumulators.PolicySums s = acc.policy(policyNames.get(p));
                s.replicates++;
                int[] c = daily[p][0], d = daily[p][1];
                for (int t = 0; t < c.length; t++) {
                    s.compromisedSum[t] += c[t];
                    s.compromisedSumSq[t] += (long) c[t] * c[t];
                    s.downSum[t] += d[t];
                    s.downSumSq[t] += (long) d[t] * d[t];
                }
                long[][] sec = groupSecurity[p];
                for (int g = 0; g < groupLoss[p].length; g++) {
                    s.groupLoss[g] += Math.round(groupLoss[p][g]);
                    s.groupFirms[g] += sec[0][g];
                    s.groupSecuritySpend[g] += sec[1][g];
                    s.groupPaidBySelf[g] += sec[2][g];
                    s.groupPaidByBuyers[g] += sec[3][g];
                    s.groupPaidByGovernment[g] += sec[4][g];
                    s.groupPaidByPool[g] += sec[5][g];
                    s.groupPaidForSuppliers[g] += sec[6][g];
                    s.groupPremiums[g] += sec[7][g];
                }
            }
        }
    }

    static ArrayNode names(List<String> xs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        xs.forEach(a::add);
        return a;
    }
}
