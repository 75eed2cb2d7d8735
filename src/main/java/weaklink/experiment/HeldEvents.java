package weaklink.experiment;

import java.util.ArrayList;
import java.util.List;
import weaklink.experiment.EventRows.EventRow;
import weaklink.io.CsvFormat;

/**
 * The rows of {@code events.csv} a run has written, kept in memory as the numbers a reader of the
 * file gets back (each amount as its cell reads, to the cent), in the file's order, so that the ORD
 * export of a {@code run} takes them from here instead of parsing the file again (the reader was
 * about 0.5 s of CPU on japan-manufacturing's 1,000 replicates, docs/BENCHMARKS.md "Eighth pass").
 *
 * <p>Held only while they fit: within {@code budget} bytes (half the heap a run has left beyond what
 * {@link RunMemory} counts for it, and at most an eighth of the heap). A run whose rows outgrow it lets
 * them go at once and its export reads the file, as {@code resume}, {@code merge} and every other path
 * starting from a folder does; the files are the same bytes either way (HeldEventsOrdTest).
 *
 * <p>Rows are made on the worker threads, one {@link Part} per replicate, and added here on the run's
 * main thread in replicate order, as the file is written: copied into slabs of up to {@link #SLAB_ROWS}
 * rows, the part left to the collector.
 */
public final class HeldEvents {
    /**
     * Words (longs) of a row held: its seven whole numbers two to a word (policy and replicate, event and actor,
     * day and summary set, summary id), then its six amounts' bits (ground-up loss and exposure, insured loss
     * and exposure, ceded, retained). One array of words, not one of ints and one of doubles, so a full slab is
     * one array well above the size from which the README's options make arrays in the old generation, and
     * most of the charts' rasters (2–3 MB, short-lived) well below it.
     */
    private static final int WORDS = 10;
    /** Bytes of one row held. */
    static final int ROW_BYTES = WORDS * Long.BYTES;
    /** Bytes of a slab besides its rows (its array's header and its place in the list). */
    static final int SLAB_BYTES = 32;
    /** Rows of the first slab (80 kB): a run of few events holds little more than its rows, not a full slab. */
    static final int FIRST_SLAB_ROWS = 1 << 10;
    /**
     * Rows of a full slab (5 MB): slabs double up to this, so a large run holds its rows in a few dozen arrays,
     * which the README's {@code -XX:PretenureSizeThreshold=4m} has the serial collector make in the old
     * generation, where no young collection copies them. Held as a part per replicate, they were copied up to
     * four times, through the survivor spaces and into the old generation, inside the pauses
     * (docs/BENCHMARKS.md, "Twelfth pass").
     */
    static final int SLAB_ROWS = 1 << 16;
    /** Amounts from here on are not written as whole cents below 2^53 (see {@link #asRead}). */
    private static final double FAST_LIMIT = 9.0e13;

    private final List<String> policies;
    private final long budget;
    /** The rows held, in order: slab k holds rows from the sum of the earlier slabs' lengths on; all but the last are full. */
    private final List<long[]> slabs = new ArrayList<>();
    /** Rows in the last slab. */
    private int fill;
    private long bytes, rows;
    /** False once the rows outgrew the budget (they are let go) or a replicate came without its part. */
    private volatile boolean holding = true;

    /**
     * Rows of a run of these policies (in the engine's order, which is the manifest's), held within
     * {@code budget} bytes.
     */
    public HeldEvents(List<String> policies, long budget) {
        this.policies = List.copyOf(policies);
        this.budget = budget;
        if (budget <= 0) holding = false;
    }

    /** Whether rows are still held: the workers make parts only while they are. */
    public boolean holding() { return holding; }

    /** The rows held, once the run has added every replicate's part. */
    public long rows() { return rows; }

    /**
     * Adds the next replicate's part (in replicate order, on one thread), copying its rows into the slabs.
     * A missing part (the worker saw the rows let go) or one beyond the budget lets every row go: the
     * export reads the file.
     */
    public void add(Part part) {
        if (!holding) return;
        if (part == null) {
            letGo();
            return;
        }
        int from = 0;
        while (from < part.size) {
            if ((slabs.isEmpty() || fill == slabRows(slabs.size() - 1)) && !newSlab()) {
                letGo();
                return;
            }
            int last = slabs.size() - 1, n = Math.min(part.size - from, slabRows(last) - fill);
            System.arraycopy(part.words, from * WORDS, slabs.get(last), fill * WORDS, n * WORDS);
            fill += n;
            from += n;
            rows += n;
        }
    }

    /** Rows slab {@code k} holds when full. */
    private int slabRows(int k) { return slabs.get(k).length / WORDS; }

    /**
     * Adds an empty slab, twice the last one's rows up to {@link #SLAB_ROWS}, and no more than the budget has
     * left: false when that is not one row. Every earlier slab is full, so the rows are held exactly while
     * their bytes and their slabs' fit the budget.
     */
    private boolean newSlab() {
        long want = slabs.isEmpty() ? FIRST_SLAB_ROWS : Math.min(2L * slabRows(slabs.size() - 1), SLAB_ROWS);
        long n = Math.min(want, (budget - bytes - SLAB_BYTES) / ROW_BYTES);
        if (n < 1) return false;
        slabs.add(new long[(int) n * WORDS]);
        bytes += SLAB_BYTES + n * ROW_BYTES;
        fill = 0;
        return true;
    }

    private void letGo() {
        holding = false;
        slabs.clear();
        fill = 0;
        bytes = 0;
        rows = 0;
    }

    /** A reader of the rows held, in the file's order; the rows are let go as it reads them. */
    public Reader reader() {
        if (!holding) throw new IllegalStateException("the event rows were not held");
        return new Reader();
    }

    /** The value a reader of the written cell of amount {@code x} gets ({@code MONEY.read(MONEY.write(x))}). */
    static double asRead(double x) {
        // |x| < 9e13: the cell is the whole cents below 2^53, which a double divided by 100 gives correctly rounded, as the reader does
        if (Math.abs(x) < FAST_LIMIT) return Math.round(x * 100.0) / 100.0;
        return CsvFormat.MONEY.read(CsvFormat.MONEY.write(x));
    }

    /** Two whole numbers in one word: {@code high} in its upper half, {@code low} in its lower (read back by {@link #high}, {@link #low}). */
    private static long pair(int high, int low) { return (long) high << 32 | (low & 0xFFFF_FFFFL); }

    private static int high(long word) { return (int) (word >> 32); }

    private static int low(long word) { return (int) word; }

    /** One replicate's rows, as {@link EventRows#append} writes them; made and filled on one worker thread. */
    public static final class Part {
        private long[] words = new long[WORDS * 16];
        private int size;

        /** Adds the row written for policy number {@code policy} (in the run's order): its numbers as the file's reader gets them. */
        public void add(int policy, EventRow r) {
            if (size * WORDS == words.length) words = java.util.Arrays.copyOf(words, 2 * words.length);
            int w = size * WORDS;
            words[w] = pair(policy, r.replicate());
            words[w + 1] = pair(r.event(), r.actor());
            words[w + 2] = pair(r.day(), r.summarySet());
            words[w + 3] = r.summaryId();
            words[w + 4] = Double.doubleToRawLongBits(asRead(r.gulLoss()));
            words[w + 5] = Double.doubleToRawLongBits(asRead(r.gulExposure()));
            words[w + 6] = Double.doubleToRawLongBits(asRead(r.ilLoss()));
            words[w + 7] = Double.doubleToRawLongBits(asRead(r.ilExposure()));
            words[w + 8] = Double.doubleToRawLongBits(asRead(r.cededLoss()));
            words[w + 9] = Double.doubleToRawLongBits(asRead(r.retainedLoss()));
            size++;
        }

        /** Rows in the part. */
        int size() { return size; }

        /**
         * A new part holding this one's rows in arrays of their size (a part waiting in the window has no slack);
         * this one is left as it is, to be {@link #clear}ed and filled again.
         */
        public Part copy() {
            Part out = new Part();
            out.words = java.util.Arrays.copyOf(words, size * WORDS);
            out.size = size;
            return out;
        }

        /**
         * Empties the part, keeping its arrays: a replicate worker fills one part, grown once to a replicate's
         * rows, and hands on a {@link #copy}, instead of growing a new part by doubling every replicate.
         */
        public void clear() { size = 0; }
    }

    /** Reads the rows held, in order: the row of each line of {@code events.csv} after its header, as its reader makes it. */
    public final class Reader {
        /** The slab being read, its rows and the next row's number in it. */
        private int slab = -1, size, row;
        private long[] words;
        private long line = 1;
        /** Where the row moved to starts in {@link #words}. */
        private int at;

        /** The next row, or null after the last. */
        public EventRow next() {
            if (!advance()) return null;
            return new EventRow(policy(), replicate(), event(), actor(), day(), summarySet(), summaryId(), gulLoss(), gulExposure(), ilLoss(),
                    ilExposure(), cededLoss(), retainedLoss());
        }

        /**
         * Moves to the next row without making its object (false after the last): its numbers are then read one by one
         * below, those {@link #next} gives (the ORD export takes a million rows so, without a million objects).
         */
        public boolean advance() {
            while (row == size) {
                if (slab >= 0) { // read: let it go
                    slabs.set(slab, null);
                    words = null;
                }
                if (slab + 1 == slabs.size()) return false;
                slab++;
                words = slabs.get(slab);
                size = slab == slabs.size() - 1 ? fill : words.length / WORDS;
                row = 0;
            }
            at = row * WORDS;
            row++;
            line++;
            return true;
        }

        public String policy() { return policies.get(high(words[at])); }

        public int replicate() { return low(words[at]); }

        public int event() { return high(words[at + 1]); }

        public int actor() { return low(words[at + 1]); }

        public int day() { return high(words[at + 2]); }

        public int summarySet() { return low(words[at + 2]); }

        public int summaryId() { return (int) words[at + 3]; }

        public double gulLoss() { return Double.longBitsToDouble(words[at + 4]); }

        public double gulExposure() { return Double.longBitsToDouble(words[at + 5]); }

        public double ilLoss() { return Double.longBitsToDouble(words[at + 6]); }

        public double ilExposure() { return Double.longBitsToDouble(words[at + 7]); }

        public double cededLoss() { return Double.longBitsToDouble(words[at + 8]); }

        public double retainedLoss() { return Double.longBitsToDouble(words[at + 9]); }

        /** The line of the file the last row came from (the header is line 1). */
        public int line() { return Math.toIntExact(line); }
    }
}
