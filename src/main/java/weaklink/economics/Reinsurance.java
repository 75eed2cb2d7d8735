package weaklink.economics;

import java.util.List;
import weaklink.scenario.InsuranceSpec.Layer;
import weaklink.scenario.InsuranceSpec.LayerKind;

/**
 * The reinsurance of an insurer's book (the scenario's {@code insurance.reinsurance}), applied to
 * the book's event losses of one year in the order they occur:
 * <ul>
 *   <li>a per-event excess-of-loss layer {@code (A, L, s)} recovers {@code s × min(max(x − A, 0), L)}
 *       of each event's loss {@code x} (no annual cap: reinstatements unlimited and free);</li>
 *   <li>an annual aggregate stop-loss layer {@code (A, L, s)} recovers {@code s × min(max(X − A, 0), L)}
 *       of the year's loss {@code X} net of the per-event layers (they inure to its benefit), credited to
 *       the events as it accrues: event {@code e} is ceded {@code s × (f(X_e) − f(X_{e−1}))}, {@code X_e}
 *       the year's net loss up to and including {@code e}, {@code f} the layer's payout.</li>
 * </ul>
 * So ceded + retained = the book's loss, event by event, and the year's ceded total is the layers'
 * payout on the year (Anderson &amp; Brown 2005, "Risk and Insurance", Society of Actuaries study note
 * P-21-05, §6 on excess-of-loss and aggregate stop-loss covers). Layers are checked when the scenario
 * is read so that no loss is ceded more than once (overlapping layers' shares add up to at most 1).
 */
public final class Reinsurance {
    private final List<Layer> layers;

    public Reinsurance(List<Layer> layers) { this.layers = List.copyOf(layers); }

    /** Whether there is any layer. */
    public boolean any() { return !layers.isEmpty(); }

    /** A layer's payout on loss {@code x}, before its share: {@code min(max(x − A, 0), L)}. */
    static double payout(Layer layer, double x) {
        return Math.min(Math.max(x - layer.attachmentYen(), 0), layer.limitYen());
    }

    /**
     * The ceded part of each event's loss.
     *
     * @param losses the book's loss per event, in the order the events occurred
     * @return the ceded loss per event, same order; never more than the event's loss
     */
    public double[] ceded(double[] losses) {
        double[] ceded = new double[losses.length];
        for (int e = 0; e < losses.length; e++) {
            for (Layer l : layers) if (l.kind() == LayerKind.PER_EVENT) ceded[e] += l.share() * payout(l, losses[e]);
        }
        double net = 0;
        for (int e = 0; e < losses.length; e++) {
            double before = net;
            net += losses[e] - ceded[e];
            for (Layer l : layers) {
                if (l.kind() == LayerKind.AGGREGATE) ceded[e] += l.share() * (payout(l, net) - payout(l, before));
            }
            ceded[e] = Math.min(ceded[e], losses[e]);
        }
        return ceded;
    }
}
