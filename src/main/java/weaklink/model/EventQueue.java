package weaklink.model;

import java.util.Arrays;

/**
 * Pending compromises as a binary min-heap of primitive keys {@code day << 32 | sequence}: no
 * object per event, and events of one day come out in the order they were pushed, so processing
 * is deterministic. Payloads sit in parallel arrays indexed by sequence number.
 */
final class EventQueue {
    private long[] heap = new long[64];
    private int size;
    private int pushed;
    private int[] firm = new int[64];
    private int[] campaign = new int[64];
    private int[] source = new int[64];
    private int[] link = new int[64];

    boolean isEmpty() { return size == 0; }

    /** The day of the earliest pending event; the queue must not be empty. */
    int peekDay() { return (int) (heap[0] >>> 32); }

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
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        long key = ((long) day << 32) | id;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= key) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
    }

    /** Removes the earliest event and returns its id; read it with the accessors. */
    int pop() {
        long top = heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && heap[child + 1] < heap[child]) child++;
            if (heap[child] >= last) break;
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) heap[i] = last;
        return (int) (top & 0xFFFFFFFFL);
    }

    int firm(int id) { return firm[id]; }
    int campaign(int id) { return campaign[id]; }
    int source(int id) { return source[id]; }
    int link(int id) { return link[id]; }
}
