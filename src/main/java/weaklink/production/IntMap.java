package weaklink.production;

import java.util.Arrays;

/**
 * Open-addressing map from non-negative int keys to int values; -1 when absent. The cascade's
 * firm-to-node and link-to-entry index, and the firm-to-slot index of the economics ledger.
 */
public final class IntMap {
    private int[] keys;
    private int[] values;
    private int size;

    public IntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new int[cap];
        values = new int[cap];
        Arrays.fill(keys, -1);
    }

    public int get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) return values[i];
            if (keys[i] < 0) return -1;
        }
    }

    public void put(int key, int value) {
        if (2 * (size + 1) > keys.length) grow();
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] >= 0 && keys[i] != key) i = (i + 1) & mask;
        if (keys[i] < 0) size++;
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        int[] k = keys, v = values;
        keys = new int[k.length * 2];
        values = new int[k.length * 2];
        Arrays.fill(keys, -1);
        size = 0;
        for (int i = 0; i < k.length; i++) if (k[i] >= 0) put(k[i], v[i]);
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
