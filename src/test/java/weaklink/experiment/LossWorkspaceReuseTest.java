package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weaklink.economics.EventLosses;
import weaklink.economics.LossModel;
import weaklink.economics.ReplicateLosses;
import weaklink.economics.ReplicateLosses.FirmLosses;
import weaklink.model.ReplicateRecord;
import weaklink.random.RandomStreams;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The loss model lends its ledgers and direct-loss arrays to one replicate at a time and reuses them
 * from replicate to replicate, whichever thread ran before: a replicate's losses must be those of a
 * loss model that never ran before, to the bit, whatever ran earlier and on however many threads. On the insurer's book
 * (waiting periods, the book's claims, several ransomware actors, so several compromises per firm
 * and CBI) and on the same with one actor stealing data instead (records with and without outages). Also: the
 * losses without those by firm are the full losses, by firm aside.
 */
class LossWorkspaceReuseTest {
    static final int REPLICATES = 12;

    static Scenario scenario(boolean withDataTheft) throws Exception {
        Path file = Path.of("scenarios/insurer-book.yaml");
        String yaml = Files.readString(file);
        if (withDataTheft) {
            int at = yaml.indexOf("effect: ransomware");
            yaml = yaml.substring(0, at) + "effect: data-theft" + yaml.substring(at + "effect: ransomware".length());
        }
        return ScenarioLoader.parse(file.toString(), yaml, file.getParent());
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void aReplicatesLossesAreThoseOfAFreshLossModelWhateverItsThreadRanBefore(int threads) throws Exception {
        for (boolean withDataTheft : new boolean[] {false, true}) {
            Scenario s = scenario(withDataTheft);
            RunContext context = RunContext.of(s, s.seed());
            var posture = context.funding(s.policies().get(0)).posture();
            ReplicateRecord[] records = new ReplicateRecord[REPLICATES];
            int withOutages = 0, withoutOutages = 0, severalPerFirm = 0;
            for (int r = 0; r < REPLICATES; r++) {
                records[r] = context.model(posture, context.streams(r)).run();
                if (records[r].size() == 0) continue;
                if (records[r].outages() > 0) withOutages++;
                if (records[r].outages() < records[r].size()) withoutOutages++;
                if (records[r].distinctFirmsCompromised() < records[r].size()) severalPerFirm++;
            }
            assertEquals(true, withOutages > 0 && severalPerFirm > 0, "the fixture has outages and firms hit more than once");
            if (withDataTheft) assertEquals(true, withoutOutages > 0, "the fixture has compromises without outages");
            int cells = context.lossModel().summarySets().cells();
            String[] fresh = new String[REPLICATES];
            for (int r = 0; r < REPLICATES; r++) {
                LossModel once = new LossModel(s, context.network(), context.book());
                fresh[r] = fingerprint(once.losses(records[r], context.streams(r)), cells);
            }
            LossModel shared = context.lossModel();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                // every thread runs all replicates, in its own order: each replicate after different ones on each thread
                List<Future<String[]>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int shift = 7 * t;
                    boolean backwards = t % 2 == 1;
                    runs.add(pool.submit(() -> {
                        String[] got = new String[REPLICATES];
                        for (int i = 0; i < REPLICATES; i++) {
                            int r = Math.floorMod((backwards ? -i : i) + shift, REPLICATES);
                            got[r] = fingerprint(shared.losses(records[r], context.streams(r)), cells);
                        }
                        return got;
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    String[] got = runs.get(t).get();
                    for (int r = 0; r < REPLICATES; r++) {
                        assertEquals(fresh[r], got[r], "replicate " + r + " on thread " + t + (withDataTheft ? ", with data theft" : ""));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A replicate's losses without those by firm ({@code LossModel.losses(record, streams, false)}, as the engine asks
     * for every policy but a mutual pool) are the full losses' to the bit, by firm aside, and have none by firm: on records
     * with and without outages, several compromises per firm, the book's claims and waiting periods.
     */
    @ParameterizedTest(name = "data theft {0}")
    @ValueSource(booleans = {false, true})
    void lossesWithoutThoseByFirmAreTheFullLossesToTheBit(boolean withDataTheft) throws Exception {
        Scenario s = scenario(withDataTheft);
        RunContext context = RunContext.of(s, s.seed());
        var posture = context.funding(s.policies().get(0)).posture();
        LossModel model = context.lossModel();
        int cells = model.summarySets().cells(), firmsWithLosses = 0;
        for (int r = 0; r < REPLICATES; r++) {
            ReplicateRecord record = context.model(posture, context.streams(r)).run();
            ReplicateLosses full = model.losses(record, context.streams(r));
            ReplicateLosses partial = model.losses(record, context.streams(r), false);
            assertNull(partial.firms(), "replicate " + r + ": no losses by firm");
            assertEquals(fingerprint(full, cells, false), fingerprint(partial, cells, false), "replicate " + r);
            assertEquals(fingerprint(full, cells), fingerprint(model.losses(record, context.streams(r), true), cells), "replicate " + r);
            firmsWithLosses += full.firms().size();
        }
        assertTrue(firmsWithLosses > 100, "the fixture's replicates have losses (" + firmsWithLosses + " firm-replicates)");
    }

    /** Every number of a replicate's losses, as the bits of each double: equal strings are equal losses to the bit. */
    static String fingerprint(ReplicateLosses l, int cells) {
        return fingerprint(l, cells, true);
    }

    /** {@link #fingerprint(ReplicateLosses, int)}, with or without the losses by firm. */
    static String fingerprint(ReplicateLosses l, int cells, boolean byFirm) {
        StringBuilder b = new StringBuilder();
        for (double x : new double[] {l.incidentYen(), l.ransomYen(), l.breachYen(), l.biYen(), l.cbiYen(), l.insuredYen(), l.largestEventYen()}) bits(b, x);
        for (double x : l.groupLossYen()) bits(b, x);
        for (double[] row : l.groupComponentYen()) for (double x : row) bits(b, x);
        FirmLosses f = byFirm ? l.firms() : null;
        for (int k = 0; f != null && k < f.size(); k++) {
            b.append(f.firm()[k]).append(':');
            for (double[] c : f.componentYen()) bits(b, c[k]);
            bits(b, f.insuredYen()[k]);
        }
        EventLosses e = l.events();
        for (int k = 0; k < e.size(); k++) {
            b.append('e').append(e.id(k)).append(',').append(e.day(k)).append(',').append(e.actor(k)).append(':');
            for (int cell = 0; cell < cells; cell++) {
                bits(b, e.gul(k, cell));
                bits(b, e.gulExposure(k, cell));
                bits(b, e.il(k, cell));
                bits(b, e.ilExposure(k, cell));
            }
        }
        EventLosses.Claims claims = e.claims();
        if (claims != null) {
            for (int k = 0; k < claims.size(); k++) {
                b.append('c').append(claims.event(k)).append(',').append(claims.firm(k)).append(':');
                for (int field = 0; field < EventLosses.Claims.FIELDS; field++) bits(b, claims.yen(k, field));
            }
        }
        return b.toString();
    }

    private static void bits(StringBuilder b, double x) {
        b.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(',');
    }
}
