package weaklink.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import weaklink.Collectable;
import weaklink.model.Posture;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.network.FirmAttribute;
import weaklink.network.SupplyNetwork;
import weaklink.random.RandomStreams;
import weaklink.scenario.Scenario;

/**
 * The loss model's working arrays ({@code LossModel.Workspace}) are lent to one {@link LossModel#losses}
 * call at a time and given back to the model, not kept by the thread: reused from call to call, and gone
 * with the model.
 */
class LossWorkspacesTest {
    /** The loss model's test fixture: supplier 1's outage on day 10 stops OEM 0 (direct losses, BI and CBI). */
    static Scenario scenario() throws Exception { return LossModelTest.scenario("  - {firm: 1, day: 10}\n"); }

    static ReplicateRecord record(Scenario s, SupplyNetwork net) {
        return new ReplicateModel(s, net, Posture.base(net.column(FirmAttribute.VULNERABILITY)), new RandomStreams(1, 0)).run();
    }

    @Test
    void callsOneAfterAnotherReuseOneWorkspace() throws Exception {
        Scenario s = scenario();
        SupplyNetwork net = LossModelTest.soleSupplier().build();
        LossModel model = new LossModel(s, net);
        ReplicateRecord record = record(s, net);
        model.losses(record, new RandomStreams(1, 0));
        List<Object> held = model.heldWorkspaces();
        assertEquals(1, held.size());
        assertEquals(18, model.losses(record, new RandomStreams(1, 0)).totalYen(), 1e-6);
        assertEquals(1, model.heldWorkspaces().size());
        assertSame(held.get(0), model.heldWorkspaces().get(0), "the second call used the first one's workspace");
    }

    /**
     * On a pool whose threads outlive runs (a Spark executor's task threads, one JVM's sweep points), a loss
     * model's workspaces, however many threads used it, are collected with it while the threads live on.
     */
    @Test
    void aLossModelsWorkspacesGoWithItNotWithTheThreadsThatUsedIt() throws Exception {
        ExecutorService kept = Executors.newFixedThreadPool(2);
        try {
            List<WeakReference<Object>> refs = runOn(kept);
            assertTrue(refs.size() >= 2);
            kept.invokeAll(List.of(() -> 0, () -> 0)); // the threads live on and have run something since
            assertTrue(Collectable.cleared(refs), "the loss model and its workspaces are collected while the threads that used it live on");
        } finally {
            kept.shutdownNow();
        }
    }

    /** A loss model used on both threads of {@code pool} at once: weak references to it and to the workspaces it holds after. */
    private static List<WeakReference<Object>> runOn(ExecutorService pool) throws Exception {
        Scenario s = scenario();
        SupplyNetwork net = LossModelTest.soleSupplier().build();
        LossModel model = new LossModel(s, net);
        ReplicateRecord record = record(s, net);
        List<Callable<ReplicateLosses>> calls = List.of(() -> model.losses(record, new RandomStreams(1, 0)), () -> model.losses(record, new RandomStreams(1, 0)));
        for (Future<ReplicateLosses> f : pool.invokeAll(calls)) {
            assertEquals(18, f.get().totalYen(), 1e-6, "the same losses on either thread");
        }
        List<WeakReference<Object>> refs = new ArrayList<>();
        for (Object w : model.heldWorkspaces()) refs.add(new WeakReference<>(w));
        refs.add(new WeakReference<>(model));
        return refs;
    }
}
