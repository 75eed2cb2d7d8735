package weaklink.model;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.function.Supplier;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The order in which MASON's {@link sim.engine.Schedule} steps a model, for a model that is run to its end
 * ({@link ReplicateModel#run()}) rather than stepped by a display. It keeps MASON's binary heap step for step
 * ({@code sim.util.Heap}: the same sift-up on adding, the same swap-last-to-root and sift-down on extracting,
 * so steps with equal keys come out in the same order), MASON's bump of a step scheduled at the current time to
 * the next double, and MASON's Fisher–Yates shuffle ({@code Bag.shuffle}) of each group of steps with equal
 * time and ordering, drawing from the same generator. So a run steps the same steps in the same order as
 * {@code Schedule.step} would, and its record is the same (ReplicateModelTest compares both ways, RunScheduleTest
 * the two schedules on random timetables).
 *
 * <p>Why not MASON's own: per step it takes three locks, allocates a key object per scheduled step and compares
 * keys through an interface call; under the README's C1-only JIT that machinery (a model steps every day's end,
 * 365 a year, for every policy of every replicate) cost about a fifth of the replicate workers' CPU on
 * japan-manufacturing. Here keys are a {@code double} and an {@code int} in arrays.
 */
final class RunSchedule {
    /** MASON's {@code Schedule.BEFORE_SIMULATION}: the time before the first step. */
    static final double BEFORE_SIMULATION = -1.0;

    private double[] times = new double[32];
    private int[] orderings = new int[32];
    private Steppable[] steps = new Steppable[32];
    private int size;
    private Steppable[] current = new Steppable[8];
    private double time = BEFORE_SIMULATION;
    /** The generator of the shuffles, asked for at the first group that needs one (MASON primes it at start: costly, and most runs never shuffle). */
    private final Supplier<MersenneTwisterFast> random;

    RunSchedule(Supplier<MersenneTwisterFast> random) {
        this.random = random;
    }

    /** The time of the steps being stepped (MASON's {@code Schedule.getTime()}). */
    double time() { return time; }

    /**
     * Schedules {@code step} once at {@code at} with {@code ordering}, as {@code Schedule.scheduleOnce(at, ordering,
     * step)}: a time equal to the current one becomes the next double above it (so it is stepped after the
     * current steps); an infinite time is not scheduled.
     */
    void scheduleOnce(double at, int ordering, Steppable step) {
        if (at == time && at != Double.POSITIVE_INFINITY) at = Double.longBitsToDouble(Double.doubleToRawLongBits(at) + 1L);
        if (at >= Double.POSITIVE_INFINITY) return;
        if (!(at >= 0) || at < time) throw new IllegalArgumentException("a step scheduled at " + at + " at time " + time);
        if (size == steps.length) grow();
        int i = ++size; // MASON's heap counts from 1
        while (i > 1 && less(at, ordering, times[i / 2 - 1], orderings[i / 2 - 1])) {
            times[i - 1] = times[i / 2 - 1];
            orderings[i - 1] = orderings[i / 2 - 1];
            steps[i - 1] = steps[i / 2 - 1];
            i /= 2;
        }
        times[i - 1] = at;
        orderings[i - 1] = ordering;
        steps[i - 1] = step;
    }

    /**
     * Steps everything scheduled at the earliest time, as {@code Schedule.step}: each group of equal time and
     * ordering taken from the heap in turn (ordering ascending) and shuffled; false when nothing is left.
     */
    boolean step(SimState state) {
        if (size == 0) {
            time = Double.POSITIVE_INFINITY;
            return false;
        }
        time = times[0];
        int count = 0;
        while (size > 0 && times[0] == time) {
            int ordering = orderings[0];
            int first = count;
            do {
                if (count == current.length) current = Arrays.copyOf(current, 2 * count);
                current[count++] = extractMin();
            } while (size > 0 && times[0] == time && orderings[0] == ordering);
            if (count - first > 1) shuffle(first, count);
        }
        for (int k = 0; k < count; k++) {
            Steppable s = current[k];
            current[k] = null;
            s.step(state);
        }
        return true;
    }

    /** {@code Bag.shuffle}: from the last position down to the second, a swap with a position drawn at or below it. */
    private void shuffle(int from, int to) {
        MersenneTwisterFast rng = random.get();
        for (int x = to - from - 1; x >= 1; x--) {
            int j = rng.nextInt(x + 1);
            Steppable t = current[from + x];
            current[from + x] = current[from + j];
            current[from + j] = t;
        }
    }

    /** {@code Heap.extractMin()}: the root out, the last element to the root, sifted down. */
    private Steppable extractMin() {
        Steppable min = steps[0];
        int last = size - 1;
        times[0] = times[last];
        orderings[0] = orderings[last];
        steps[0] = steps[last];
        steps[last] = null;
        size = last;
        if (size > 1) siftDown();
        return min;
    }

    /** {@code Heap.heapify(1, size)}, counting from 1 as it does. */
    private void siftDown() {
        int i = 1;
        while (true) {
            int l = 2 * i, r = l + 1;
            int smallest = l <= size && less(times[l - 1], orderings[l - 1], times[i - 1], orderings[i - 1]) ? l : i;
            if (r <= size && less(times[r - 1], orderings[r - 1], times[smallest - 1], orderings[smallest - 1])) smallest = r;
            if (smallest == i) return;
            double t = times[i - 1];
            times[i - 1] = times[smallest - 1];
            times[smallest - 1] = t;
            int o = orderings[i - 1];
            orderings[i - 1] = orderings[smallest - 1];
            orderings[smallest - 1] = o;
            Steppable s = steps[i - 1];
            steps[i - 1] = steps[smallest - 1];
            steps[smallest - 1] = s;
            i = smallest;
        }
    }

    /** {@code Schedule.Key.compareTo(...) < 0}: earlier time, or the same time and a lower ordering. */
    private static boolean less(double t, int o, double otherT, int otherO) {
        return t == otherT ? o < otherO : t < otherT;
    }

    private void grow() {
        int n = 2 * steps.length + 1;
        times = Arrays.copyOf(times, n);
        orderings = Arrays.copyOf(orderings, n);
        steps = Arrays.copyOf(steps, n);
    }
}
