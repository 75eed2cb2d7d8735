package weaklink.network;

/**
 * Finds a firm's index from its id in O(1) when ids equal indices (generated networks and their
 * exports), else in O(log n) by binary search over the ids in ascending order. Holds no object
 * per firm: for unsorted ids, one sorted copy of the ids and the matching indices.
 */
final class FirmIndex {
    /** Ids in ascending order, or null when {@code ids[i] == i} for every firm. */
    private final long[] sortedIds;
    /** Index of the firm with {@code sortedIds[k]}, or null when the ids were already ascending. */
    private final int[] sortedIndex;
    private final int count;
    private final long duplicate;

    private FirmIndex(long[] sortedIds, int[] sortedIndex, int count, long duplicate) {
        this.sortedIds = sortedIds;
        this.sortedIndex = sortedIndex;
        this.count = count;
        this.duplicate = duplicate;
    }

    /** Indexes the first {@code n} ids. */
    static FirmIndex of(long[] ids, int n) {
        boolean identity = true, ascending = true;
        for (int i = 0; i < n && (identity || ascending); i++) {
            if (ids[i] != i) identity = false;
            if (i > 0 && ids[i] <= ids[i - 1]) ascending = false;
        }
        if (identity) return new FirmIndex(null, null, n, -1);
        if (ascending) return new FirmIndex(ids, null, n, -1);
        int[] order = orderBy(ids, n);
        long[] sorted = new long[n];
        long duplicate = -1;
        for (int k = 0; k < n; k++) {
            sorted[k] = ids[order[k]];
            if (k > 0 && sorted[k] == sorted[k - 1]) {
                // the sort is stable, so order[k - 1] < order[k]; keep the earliest second occurrence
                if (duplicate < 0 || order[k] < (int) duplicate) duplicate = (long) order[k - 1] << 32 | order[k];
            }
        }
        return new FirmIndex(sorted, order, n, duplicate);
    }

    /**
     * Two firms with the same id, as {@code first << 32 | second} ({@code first < second}, the
     * earliest such second), or -1 when every id differs. A lookup of a duplicated id finds one of them.
     */
    long duplicate() { return duplicate; }

    /** Index of the firm with this id, or -1. */
    int indexOf(long id) {
        if (sortedIds == null) return id >= 0 && id < count ? (int) id : -1;
        int lo = 0, hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = sortedIds[mid];
            if (v < id) lo = mid + 1;
            else if (v > id) hi = mid - 1;
            else return sortedIndex == null ? mid : sortedIndex[mid];
        }
        return -1;
    }

    long estimatedBytes() {
        return (sortedIndex == null ? 0 : 12L * count);
    }

    /** Indices {@code 0..n-1} sorted by key, ties by index (an iterative merge sort: O(n log n), stable). */
    static int[] orderBy(long[] ids, int n) {
        int[] a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = ids[a[j]] < ids[a[i]] ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
