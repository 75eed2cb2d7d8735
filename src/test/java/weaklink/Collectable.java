package weaklink;

import java.lang.ref.WeakReference;
import java.util.List;

/** For tests that something is no longer held: asks the collector to run until every reference is cleared, or gives up. */
public final class Collectable {
    private Collectable() {}

    /**
     * Whether every one of {@code refs} is cleared after at most 50 requested collections (a full collection
     * each under the serial and G1 collectors, as the suite runs), 20 ms apart: an object still reachable
     * is never cleared, so a false here means something still holds it.
     */
    public static boolean cleared(List<? extends WeakReference<?>> refs) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (refs.stream().allMatch(r -> r.get() == null)) return true;
            System.gc();
            Thread.sleep(20);
        }
        return refs.stream().allMatch(r -> r.get() == null);
    }
}
