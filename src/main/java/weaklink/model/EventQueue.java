package weaklink.model;

import java.util.Arrays;

/**
 * Pending compromises in day order; events of one day come out in the order they were pushed,
 * so processing is deterministic. No object per event: days are a bucket queue, one growable
 * {@code int} array per day (recycled through an {@link IntArrayPool} once the day is over, and by a run's next
 * queues when the run lends the pool: {@link ModelWorkspaces}) holding each event's four fields (firm, campaign, source firm, trust
 * link) one after the other, so a push and a pop each touch one place in memory. A binary heap
 * costs a logarithmic climb per push here, because new events keep landing just after today while
 * the heap holds the next ⌊dwell⌋ days. Events more than {@link #BUCKET_DAYS} days out (only with
 * absurdly long dwell times) wait in a small heap keyed {@code day << 32 | sequence}, which keeps
 * the same order.
 */
final class EventQueue {
    static final int BUCKET_DAYS = 1 << 16;
    private static final int FIELDS = 4;

    private final IntArrayPool pool;
    private int[][] bucket;
    /** Per day, the number of ints written to its bucket and the number read. */
    private int[] bucketSize;
    private int[] bucketRead;
    /** No bucket below this day holds an unread event. */
    private int cursor;
    private int size;
    private long[] far = new long[8];
    private int farSize;
    private int[] farFields = new int[FIELDS * 8];
    private int farPushed;
    private int firm, campaign, source, link;

    /** An empty queue with day arrays of its own. */
    EventQueue() {
        this(new IntArrayPool());
    }

    /** An empty queue whose day arrays come from and go back to {@code pool} (lent to this queue alone while it is used). */
    EventQueue(IntArrayPool pool) {
        this(pool, 64);
    }

    /**
     * As above, with room for days {@code 0 … days − 1} from the start (more are added as events come for them): a
     * run's model knows its days, and its queue grew its three arrays by doubling from 64 days in every model, a
     * replicate's policies each; the copies of the array of day arrays were 0.5 % of the replicate workers' CPU on
     * japan-manufacturing under the README's C1-only JIT.
     */
    EventQueue(IntArrayPool pool, int days) {
        this.pool = pool;
        int n = Math.min(BUCKET_DAYS, Math.max(1, days));
        bucket = new int[n][];
        bucketSize = new int[n];
        bucketRead = new int[n];
    }

    boolean isEmpty() { return size == 0; }

    /** The day of the earliest pending event; the queue must not be empty. */
    int peekDay() {
        int limit = Math.min(bucket.length, BUCKET_DAYS);
        while (cursor < limit && bucketRead[cursor] == bucketSize[cursor]) cursor++;
        if (cursor < limit) return cursor;
        return (int) (far[0] >>> 32);
    }

    void push(int day, int f, int c, int src, int l) {
        size++;
        if (day >= BUCKET_DAYS) {
            pushFar(day, f, c, src, l);
            return;
        }
        if (day >= bucket.length) {
            int n = Math.min(BUCKET_DAYS, Math.max(day + 1, bucket.length * 2));
            bucket = Arrays.copyOf(bucket, n);
            bucketSize = Arrays.copyOf(bucketSize, n);
            bucketRead = Arrays.copyOf(bucketRead, n);
        }
        int[] b = bucket[day];
        int n = bucketSize[day];
        if (b == null) b = bucket[day] = pool.take(16 * FIELDS);
        else if (n == b.length) b = bucket[day] = Arrays.copyOf(b, b.length * 2);
        b[n] = f;
        b[n + 1] = c;
        b[n + 2] = src;
        b[n + 3] = l;
        bucketSize[day] = n + FIELDS;
        if (day < cursor) cursor = day;
    }

    /** Removes the earliest event; read its fields with {@link #firm()}, {@link #campaign()}, {@link #source()}, {@link #link()}. */
    void pop() {
        int day = peekDay();
        size--;
        if (day >= BUCKET_DAYS || day >= bucket.length) {
            popFar();
            return;
        }
        int[] b = bucket[day];
        int r = bucketRead[day];
        firm = b[r];
        campaign = b[r + 1];
        source = b[r + 2];
        link = b[r + 3];
        r += FIELDS;
        if (r == bucketSize[day]) {
            pool.give(b);
            bucket[day] = null;
            bucketRead[day] = 0;
            bucketSize[day] = 0;
        } else {
            bucketRead[day] = r;
        }
    }

    private void pushFar(int day, int f, int c, int src, int l) {
        int seq = farPushed++;
        if (FIELDS * farPushed > farFields.length) farFields = Arrays.copyOf(farFields, farFields.length * 2);
        farFields[FIELDS * seq] = f;
        farFields[FIELDS * seq + 1] = c;
        farFields[FIELDS * seq + 2] = src;
        farFields[FIELDS * seq + 3] = l;
        long key = (long) day << 32 | seq;
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

    private void popFar() {
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
        int seq = (int) (top & 0xFFFFFFFFL);
        firm = farFields[FIELDS * seq];
        campaign = farFields[FIELDS * seq + 1];
        source = farFields[FIELDS * seq + 2];
        link = farFields[FIELDS * seq + 3];
    }

    /** The firm of the event last popped. */
    int firm() { return firm; }
    /** Its campaign. */
    int campaign() { return campaign; }
    /** The firm it came from, or -1. */
    int source() { return source; }
    /** The trust link it came over, or -1. */
    int link() { return link; }
}
