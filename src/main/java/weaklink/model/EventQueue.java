package weaklink.model;

import java.util.Arrays;

/**
 * Pending compromises in day order; events of one day come out in the order they were pushed,
 * so processing is deterministic. No object per event: payloads sit in parallel arrays indexed by
 * an event id, and days are a bucket queue (one growable array of ids per day, O(1) per push and
 * pop) — a binary heap costs a logarithmic climb per push here, because new events keep landing
 * just after today while the heap holds the next ⌊dwell⌋ days. Events more than
 * {@link #BUCKET_DAYS} days out (only with absurdly long dwell times) wait in a small heap keyed
 * {@code day << 32 | id}, which keeps the same order.
 */
final class EventQueue {
    static final int BUCKET_DAYS = 1 << 16;

    private int[][] bucket = new int[64][];
    private int[] bucketSize = new int[64];
    private int[] bucketRead = new int[64];
    /** No bucket below this day holds an unread event. */
    private int cursor;
    private int size;
    private long[] far = new long[8];
    private int farSize;
    private int pushed;
    private int[] firm = new int[64];
    private int[] campaign = new int[64];
    private int[] source = new int[64];
    private int[] link = new int[64];

    boolean isEmpty() { return size == 0; }

    /** The day of the earliest pending event; the queue must not be empty. */
    int peekDay() {
        int limit = Math.min(bucket.length, BUCKET_DAYS);
        while (cursor < limit && bucketRead[cursor] == bucketSize[cursor]) cursor++;
        if (cursor < limit) return cursor;
        return (int) (far[0] >>> 32);
    }

    void push(int day, int f, int c, int src, int l) {
        if (pushed == firm.length) {
            int n = pushed * 2;
            firm = Arrays.copyOf(firm, n);
            campaign = Arrays.copyOf(campaign, n);
            source = Arrays.copyOf(source, n);
            link = Arrays.copyOf(link, n);
        }
        int id = pushed++;
        firm[id] = f;
        campaign[id] = c;
        source[id] = src;
        link[id] = l;
        size++;
        if (day >= BUCKET_DAYS) {
            pushFar((long) day << 32 | id);
            return;
        }
        if (day >= bucket.length) {
            int n = Math.min(BUCKET_DAYS, Math.max(day + 1, bucket.length * 2));
            bucket = Arrays.copyOf(bucket, n);
            bucketSize = Arrays.copyOf(bucketSize, n);
            bucketRead = Arrays.copyOf(bucketRead, n);
        }
        int[] b = bucket[day];
        if (b == null) b = bucket[day] = new int[16];
        else if (bucketSize[day] == b.length) b = bucket[day] = Arrays.copyOf(b, b.length * 2);
        b[bucketSize[day]++] = id;
        if (day < cursor) cursor = day;
    }

    /** Removes the earliest event and returns its id; read it with the accessors. */
    int pop() {
        int day = peekDay();
        size--;
        if (day >= BUCKET_DAYS || day >= bucket.length) return popFar();
        int id = bucket[day][bucketRead[day]++];
        if (bucketRead[day] == bucketSize[day]) {
            bucket[day] = null;
            bucketRead[day] = 0;
            bucketSize[day] = 0;
        }
        return id;
    }

    private void pushFar(long key) {
        if (farSize == far.length) far = Arrays.copyOf(far, farSize * 2);
        int i = farSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (far[parent] <= key) break;
            far[i] = far[parent];
            i = parent;
        }
        far[i] = key;
    }

    private int popFar() {
        long top = far[0];
        long last = far[--farSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= farSize) break;
            if (child + 1 < farSize && far[child + 1] < far[child]) child++;
            if (far[child] >= last) break;
            far[i] = far[child];
            i = child;
        }
        if (farSize > 0) far[i] = last;
        return (int) (top & 0xFFFFFFFFL);
    }

    int firm(int id) { return firm[id]; }
    int campaign(int id) { return campaign[id]; }
    int source(int id) { return source[id]; }
    int link(int id) { return link[id]; }
}
