package weaklink.production;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

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
        return merge(a, b, Math::max);
    }

    /** The pointwise sum (what several suppliers of one input type leave undelivered together). */
    public static ShortfallProfile sum(ShortfallProfile a, ShortfallProfile b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return merge(a, b, Double::sum);
    }

    /**
     * What a short supplier leaves its buyer without, in shares of the buyer's inputs, together
     * with the spare capacity the buyer can no longer draw from it (Inoue &amp; Todo 2019, Nature
     * Sustainability 2:841–847, substitution within an input type):
     * <pre>
     *   gap(t) = share · ( x(t) · (1 − substitutionShare · [t ≥ episode start + substitutionDays]) + spare · [x(t) &gt; 0] )
     * </pre>
     * where {@code x} is this (the supplier's) shortfall and an episode is a maximal run of
     * {@code x > 0}: from {@code substitutionDays} after an episode starts, new suppliers cover
     * {@code substitutionShare} of what is undelivered. The second term is the supplier's own spare
     * capacity, which the buyer could have used to cover other suppliers of the type while this one
     * produced normally; {@link #missingShareOfType} subtracts the spare capacity of the whole type.
     *
     * @param share             the link's share of the buyer's inputs
     * @param substitutionDays  days from the start of an episode until new suppliers deliver
     * @param substitutionShare share of the undelivered input the new suppliers cover
     * @param spareCapacity     share of its normal deliveries a supplier producing normally can add
     */
    public ShortfallProfile deliveryGap(double share, double substitutionDays, double substitutionShare, double spareCapacity) {
        if (isEmpty() || share <= 0) return NONE;
        Steps out = new Steps(values.length + 2);
        double episodeStart = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            double a = times[i], b = times[i + 1], x = values[i];
            if (x <= 0) {
                episodeStart = Double.NaN;
                continue;
            }
            if (Double.isNaN(episodeStart)) episodeStart = a;
            double substituted = episodeStart + substitutionDays;
            double before = share * (x + spareCapacity), after = share * (x * (1 - substitutionShare) + spareCapacity);
            if (substituted > a && substituted < b) {
                out.append(a, substituted, before);
                out.append(substituted, b, after);
            } else {
                out.append(a, b, a >= substituted ? after : before);
            }
        }
        return out.build();
    }

    /**
     * The share of an input type's normal use that the buyer misses, from the summed
     * {@link #deliveryGap}s {@code G(t)} of the type's short suppliers:
     * {@code min(1, max(0, G(t) − spare · typeShare) / typeShare)}. The subtraction is the spare
     * capacity of the type's suppliers that produce normally ({@code spare × their shares}), which
     * covers what the short ones leave undelivered; a type with one supplier has none, so its
     * supplier's outage binds in full.
     */
    public ShortfallProfile missingShareOfType(double typeShare, double spareCapacity) {
        if (isEmpty() || typeShare <= 0) return NONE;
        double level = spareCapacity * typeShare;
        Steps out = new Steps(values.length);
        for (int i = 0; i < values.length; i++) {
            out.append(times[i], times[i + 1], Math.min(1, Math.max(0, values[i] - level) / typeShare));
        }
        return out.build();
    }

    /**
     * What remains of this missing share of an input type once the buyer's stock of the type has
     * done what it can (Inoue &amp; Todo 2019): the buyer holds {@code inventoryDays} of normal use
     * of the type, draws it down at the missing rate {@code m(t)} during an episode (a maximal run
     * of {@code m > 0}) and misses {@code m(t)} once it is empty. Stock is restocked between
     * episodes (assumption: suppliers catch up once they deliver normally again). Values below
     * {@code cutoff} are dropped.
     */
    public ShortfallProfile afterInventory(double inventoryDays, double cutoff) {
        if (isEmpty()) return NONE;
        if (inventoryDays <= 0 && cutoff <= 0) return this;
        Steps out = new Steps(values.length + 2);
        double inventory = 0;
        boolean inEpisode = false;
        for (int i = 0; i < values.length; i++) {
            double a = times[i], b = times[i + 1], d = values[i];
            if (d <= 0) {
                inEpisode = false;
                continue;
            }
            if (!inEpisode) {
                inEpisode = true;
                inventory = inventoryDays;
            }
            double needed = d * (b - a);
            if (inventory >= needed) {
                inventory -= needed;
                continue;
            }
            double emptyAt = a + inventory / d;
            inventory = 0;
            if (d >= cutoff) out.append(emptyAt, b, d);
        }
        return out.build();
    }

    /**
     * Whether {@code missingShareOfType(typeShare, spare).afterInventory(inventoryDays, cutoff)} is
     * empty, computed in one pass without building either profile: the cascade's test for a
     * supplier's gap that its buyer's stock and the type's spare capacity absorb (most of them).
     */
    public boolean absorbedByType(double typeShare, double spareCapacity, double inventoryDays, double cutoff) {
        if (isEmpty() || typeShare <= 0) return true;
        double level = spareCapacity * typeShare;
        double inventory = 0;
        boolean inEpisode = false;
        for (int i = 0; i < values.length; i++) {
            double m = Math.min(1, Math.max(0, values[i] - level) / typeShare);
            if (!(m > 0)) {
                inEpisode = false;
                continue;
            }
            if (!inEpisode) {
                inEpisode = true;
                inventory = inventoryDays;
            }
            double needed = m * (times[i + 1] - times[i]);
            if (inventory >= needed) {
                inventory -= needed;
                continue;
            }
            if (m >= cutoff) return false;
            inventory = 0;
        }
        return true;
    }

    /**
     * Lost sales for want of demand: {@code min(lostDemand(t), 1 − shortfall(t))} where positive — a
     * firm cannot lose sales of what it could not have produced anyway.
     */
    public static ShortfallProfile demandBeyondShortfall(ShortfallProfile lostDemand, ShortfallProfile shortfall) {
        if (lostDemand.isEmpty() || shortfall.isEmpty()) return lostDemand;
        return merge(lostDemand, shortfall, (z, y) -> Math.max(0, Math.min(z, 1 - y)));
    }

    /** This profile times {@code k} (≥ 0). */
    public ShortfallProfile scaled(double k) {
        if (isEmpty() || k == 1) return this;
        Steps out = new Steps(values.length);
        for (int i = 0; i < values.length; i++) out.append(times[i], times[i + 1], values[i] * k);
        return out.build();
    }

    /**
     * Production made up after the shortfall, given the part {@code own} of this profile that the
     * firm's own outages caused: after each episode (a maximal run of shortfall) the firm produces
     * {@code extraShare} of its normal output on top for at most {@code days} days, until it has
     * made up what it lost in the episode for want of inputs; returns the days-equivalent made up,
     * {@code Σ over episodes of min(∫ (shortfall − own) dt, extraShare × days)}.
     */
    public double caughtUpDays(ShortfallProfile own, double extraShare, double days) {
        double cap = extraShare * days;
        if (isEmpty() || cap <= 0) return 0;
        double total = 0;
        for (int i = 0; i < values.length; ) {
            if (values[i] <= 0) {
                i++;
                continue;
            }
            // zero steps separate episodes: [times[i], times[j + 1]) is one
            int j = i;
            while (j + 1 < values.length && values[j + 1] > 0) j++;
            double lost = integralBetween(times[i], times[j + 1]) - own.integralBetween(times[i], times[j + 1]);
            total += Math.min(Math.max(0, lost), cap);
            i = j + 1;
        }
        return total;
    }

    /** {@code ∫ shortfall(t) dt} over {@code [from, to)}. */
    public double integralBetween(double from, double to) {
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            double a = Math.max(from, times[i]), b = Math.min(to, times[i + 1]);
            if (b > a) s += values[i] * (b - a);
        }
        return s;
    }

    /** The pointwise {@code op} of two non-empty profiles (zero outside their segments). */
    private static ShortfallProfile merge(ShortfallProfile a, ShortfallProfile b, DoubleBinaryOperator op) {
        double[] ts = mergeTimes(a.times, b.times);
        Steps out = new Steps(ts.length);
        int ia = 0, ib = 0;
        for (int k = 0; k + 1 < ts.length; k++) {
            double x = ts[k];
            while (ia < a.values.length && a.times[ia + 1] <= x) ia++;
            while (ib < b.values.length && b.times[ib + 1] <= x) ib++;
            double va = ia < a.values.length && a.times[ia] <= x ? a.values[ia] : 0;
            double vb = ib < b.values.length && b.times[ib] <= x ? b.values[ib] : 0;
            out.append(x, ts[k + 1], op.applyAsDouble(va, vb));
        }
        return out.build();
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
