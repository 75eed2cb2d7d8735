package weaklink.model;

import java.util.Arrays;

/**
 * Arrays of {@code int} given back when a day's bucket has been processed and taken again for a
 * later day, so that an outbreak's day buckets are allocated (and grown) about once rather than
 * on every day. The most recently returned array comes back first: it is usually the largest (the
 * busiest days are consecutive) and still in the cache.
 */
final class IntArrayPool {
    private int[][] free = new int[16][];
    private int count;

    /** A returned array, or a new one of {@code length}; its contents are stale. */
    int[] take(int length) {
        if (count == 0) return new int[length];
        int[] a = free[--count];
        free[count] = null;
        return a;
    }

    /** Gives {@code a} back for reuse; the caller no longer reads or writes it. */
    void give(int[] a) {
        if (count == free.length) free = Arrays.copyOf(free, 2 * count);
        free[count++] = a;
    }
}
