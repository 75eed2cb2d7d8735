package weaklink.economics;

import java.util.Arrays;

/**
 * A firm's production shortfall over time, as a step function: the share of its normal output
 * (0 = producing normally, 1 = stopped) that it cannot produce, constant on each of a few
 * intervals and 0 outside them. Times are in days from the start of the year, as in
 * {@link weaklink.model.ReplicateRecord}; outages start at fractional days, so the arithmetic is
 * over intervals rather than whole days, and its cost grows with the number of steps, not with days.
 *
 * <p>Immutable. Segments are contiguous ({@code [times[i], times[i+1])} has value {@code values[i]}),
 * adjacent segments have different values, and the first and last segments are non-zero.
 */
public final class ShortfallProfile {
    /** No shortfall at any time. */
    public static final ShortfallProfile NONE = new ShortfallProfile(new double[0], new double[0]);

    private final double[] times;
    private final double[] values;
    /** {@code ∫ shortfall(t) dt}, summed once here (the cascade asks for it many times). */
    private final double integral;

    private ShortfallProfile(double[] times, double[] values) {
        this.times = times;
        this.values = values;
        double s = 0;
        for (int i = 0; i < values.length; i++) s += values[i] * (times[i + 1] - times[i]);
        this.integral = s;
    }

    /** A shortfall of {@code value} on {@code [start, end)}; {@link #NONE} if the interval or value is empty. */
    public static ShortfallProfile interval(double start, double end, double value) {
        Steps s = new Steps(2);
        s.append(start, end, value);
        return s.build();
    }

    /** Number of constant segments. */
    public int segments() { return values.length; }

    public boolean isEmpty() { return values.length == 0; }

    /** Start of the first non-zero segment (NaN when empty). */
    public double start() { return isEmpty() ? Double.NaN : times[0]; }

    /** End of the last non-zero segment (NaN when empty). */
    public double end() { return isEmpty() ? Double.NaN : times[times.length - 1]; }

    /** The shortfall at time {@code t}. */
    public double valueAt(double t) {
        int i = Arrays.binarySearch(times, t);
        int seg = i >= 0 ? i : -i - 2;
        return seg >= 0 && seg < values.length ? values[seg] : 0;
    }

    /** Lost production in days-equivalent: {@code ∫ shortfall(t) dt}. */
    public double integral() { return integral; }

    /** Whether two profiles have the same steps, up to {@code tolerance} in times and values. */
    public boolean sameAs(ShortfallProfile o, double tolerance) {
        if (o.values.length != values.length) return false;
        for (int i = 0; i < values.length; i++) if (Math.abs(values[i] - o.values[i]) > tolerance) return false;
        for (int i = 0; i < times.length; i++) if (Math.abs(times[i] - o.times[i]) > tolerance) return false;
        return true;
    }

    /** The pointwise maximum: the binding shortfall when several constraints act at once (Leontief). */
    public static ShortfallProfile max(ShortfallProfile a, ShortfallProfile b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        double[] ts = mergeTimes(a.times, b.times);
        Steps out = new Steps(ts.length);
        int ia = 0, ib = 0;
        for (int k = 0; k + 1 < ts.length; k++) {
            double x = ts[k];
            while (ia < a.values.length && a.times[ia + 1] <= x) ia++;
            while (ib < b.values.length && b.times[ib + 1] <= x) ib++;
            double va = ia < a.values.length && a.times[ia] <= x ? a.values[ia] : 0;
            double vb = ib < b.values.length && b.times[ib] <= x ? b.values[ib] : 0;
            out.append(x, ts[k + 1], Math.max(va, vb));
        }
        return out.build();
    }

    /**
     * The part of a buyer's production that this supplier's shortfall stops, after the buyer's
     * inventory and a substitute have done what they can (Inoue &amp; Todo 2019, Nature
     * Sustainability 2:841–847, with the input's share in place of their per-sector inputs).
     *
     * <p>An episode is a maximal run of non-zero shortfall {@code x(t)} of the supplier. From
     * {@code substitutionDays} after the episode starts, a substitute covers {@code substitutionShare}
     * of what is missing, so the undelivered share of the input is
     * {@code d(t) = x(t) · (1 − substitutionShare)} then and {@code x(t)} before. The buyer's
     * inventory of the input, {@code inventoryDays} of normal use, is drawn down at rate {@code d(t)};
     * once it is empty the buyer misses {@code share · d(t)} of its inputs, which is the returned
     * profile. Inventory is restocked between episodes (assumption: the supplier catches up once it
     * produces normally again). Values below {@code cutoff} are dropped.
     *
     * @param share             the link's share of the buyer's inputs
     * @param inventoryDays     days of normal use of this input the buyer holds
     * @param substitutionDays  days from the start of an episode until a substitute delivers
     * @param substitutionShare share of the missing input the substitute covers
     * @param cutoff            smallest missing share worth propagating
     */
    public ShortfallProfile throughLink(double share, double inventoryDays, double substitutionDays,
                                        double substitutionShare, double cutoff) {
        if (isEmpty() || share <= 0) return NONE;
        Steps out = new Steps(times.length + 4);
        double episodeStart = Double.NaN;
        double inventory = 0;
        for (int i = 0; i < values.length; i++) {
            double a = times[i], b = times[i + 1], x = values[i];
            if (x <= 0) {
                episodeStart = Double.NaN;
                continue;
            }
            if (Double.isNaN(episodeStart)) {
                episodeStart = a;
                inventory = inventoryDays;
            }
            double substituted = episodeStart + substitutionDays;
            if (substituted > a && substituted < b) {
                inventory = drawDown(out, a, substituted, x, inventory, share, cutoff);
                inventory = drawDown(out, substituted, b, x * (1 - substitutionShare), inventory, share, cutoff);
            } else {
                double d = a >= substituted ? x * (1 - substitutionShare) : x;
                inventory = drawDown(out, a, b, d, inventory, share, cutoff);
            }
        }
        return out.build();
    }

    /** Uses inventory at rate {@code d} over {@code [a, b)}; appends the uncovered part; returns what is left. */
    private static double drawDown(Steps out, double a, double b, double d, double inventory, double share, double cutoff) {
        if (d <= 0) return inventory;
        double needed = d * (b - a);
        if (inventory >= needed) return inventory - needed;
        double emptyAt = a + inventory / d;
        if (share * d >= cutoff) out.append(emptyAt, b, share * d);
        return 0;
    }

    private static double[] mergeTimes(double[] x, double[] y) {
        double[] out = new double[x.length + y.length];
        int i = 0, j = 0, n = 0;
        while (i < x.length || j < y.length) {
            double t = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
            if (n == 0 || t > out[n - 1]) out[n++] = t;
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ShortfallProfile[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append('[').append(times[i]).append(", ").append(times[i + 1]).append("): ").append(values[i]);
        }
        return sb.append(']').toString();
    }

    /**
     * Appends segments in time order, filling gaps with zero and merging equal neighbours. The
     * arrays are allocated at the first segment, so a result that stays empty (most links a
     * shortfall passes through, thanks to inventories) costs no arrays.
     */
    static final class Steps {
        private final int capacity;
        private double[] times;
        private double[] values;
        private int n;

        Steps(int capacity) {
            this.capacity = capacity;
        }

        /** Appends {@code [a, b)} at {@code value}; {@code a} must not precede the end of the last segment. */
        void append(double a, double b, double value) {
            if (!(b > a) || !(value > 0)) return;
            if (n > 0) {
                double last = times[n];
                if (a < last) throw new IllegalArgumentException("segments out of order: " + a + " < " + last);
                if (a > last) push(a, 0);
                if (values[n - 1] == value) {
                    times[n] = b;
                    return;
                }
            } else {
                times = new double[Math.max(2, capacity + 1)];
                values = new double[Math.max(1, capacity)];
                times[0] = a;
            }
            push(b, value);
        }

        private void push(double end, double value) {
            if (n + 1 >= times.length) {
                times = Arrays.copyOf(times, times.length * 2);
                values = Arrays.copyOf(values, times.length - 1);
            }
            values[n] = value;
            times[n + 1] = end;
            n++;
        }

        ShortfallProfile build() {
            if (n == 0) return NONE;
            return new ShortfallProfile(times.length == n + 1 ? times : Arrays.copyOf(times, n + 1),
                    values.length == n ? values : Arrays.copyOf(values, n));
        }
    }
}
