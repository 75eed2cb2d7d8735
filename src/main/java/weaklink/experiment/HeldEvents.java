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
 * main thread in replicate order, as the file is written: copied into slabs of up to {@link #SLAB_WORDS}
 * words, the part then given back to be filled by a later replicate ({@code ReplicateEngine.ReplicateResult#releaseHeldEvents}).
 * A row keeps only its amounts that are not 0 (see {@link #WORDS}).
 */
public final class HeldEvents {
    /**
     * Words (longs) of a row held, at most: its head of two or four words, then the bits of those of its six amounts
     * (ground-up loss and exposure, insured loss and exposure, ceded, retained) that are not {@code +0.0}, in that order.
     * The head's first word holds the summary id, a bit for each amount kept and whether the row is narrow; its second
     * the event and the replicate. A narrow row (policy number below 64, summary set below 32, day below 512, actor from
     * -16 to 15: every row of the shipped scenarios) keeps its other four numbers in the first word's upper bits; any
     * other row keeps them in two more words. Most rows of a network with few insured firms keep two amounts: 4 words,
     * not 10 (6 before 0.12.0's nineteenth pass).
     * Each word of a slab is first touched in the replicate phase, on the main thread, where in this machine's
     * virtual machine a new page of the old generation is dear: the kernel's zeroing of the held rows' huge pages
     * was a third of that thread's CPU, the biggest item of the work it takes from the two workers
     * (docs/BENCHMARKS.md, "Fourteenth pass" and "Nineteenth pass"). One array of words, not one of ints and one of doubles, so a full
     * slab is one array well above the size from which the README's options make arrays in the old generation, and
     * most of the charts' rasters (2–3 MB, short-lived) well below it.
     */
    private static final int WORDS = 10;
    /** Words of a narrow row's head, and of any other row's. */
    private static final int NARROW_HEAD = 2, WIDE_HEAD = 4;
    /** The first word's bits: the amounts kept (6 bits from bit 32) and, above them, whether the row is narrow. */
    private static final int KEPT_SHIFT = 32, NARROW_BIT = 38;
    /** Where a narrow row's policy number (6 bits), summary set (5), day (9) and actor plus 16 (5) sit in its first word. */
    private static final int POLICY_SHIFT = 39, SET_SHIFT = 45, DAY_SHIFT = 50, ACTOR_SHIFT = 59;
    /** Bytes of one row held, at most (a row with every amount not 0). */
    static final int ROW_BYTES = WORDS * Long.BYTES;
    /** Bytes of a slab besides its rows (its array's header and its place in the list). */
    static final int SLAB_BYTES = 32;
    /** Words of the first slab (80 kB): a run of few events holds little more than its rows, not a full slab. */
    static final int FIRST_SLAB_WORDS = (1 << 10) * WORDS;
    /**
     * Words of a full slab (5 MB): slabs double up to this, so a large run holds its rows in a few dozen arrays,
     * which the README's {@code -XX:PretenureSizeThreshold=4m} has the serial collector make in the old
     * generation, where no young collection copies them. Held as a part per replicate, they were copied up to
     * four times, through the survivor spaces and into the old generation, inside the pauses
     * (docs/BENCHMARKS.md, "Twelfth pass").
     */
    static final int SLAB_WORDS = (1 << 16) * WORDS;
    /** Amounts from here on are not written as whole cents below 2^53 (see {@link #asRead}). */
    private static final double FAST_LIMIT = 9.0e13;

    private final List<String> policies;
    private final long budget;
    /** The rows held, in order, whole rows to a slab. */
    private final List<long[]> slabs = new ArrayList<>();
    /** Words used of each slab (rows of up to {@link #WORDS} words fill a slab to within as many of its end). */
    private int[] used = new int[16];
    /** Words used of the last slab. */
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
        while (from < part.used) {
            long[] slab = slabs.isEmpty() ? null : slabs.get(slabs.size() - 1);
            // the part's rows from `from` on that fit the last slab: all of them, or up to the last whole row before its end
            int to = part.used;
            if (slab == null || to - from > slab.length - fill) {
                to = from;
                if (slab != null) while (to < part.used && to + rowWords(part.words, to) - from <= slab.length - fill) to += rowWords(part.words, to);
                if (to == from) {
                    if (!newSlab(rowWords(part.words, from))) {
                        letGo();
                        return;
                    }
                    continue;
                }
            }
            System.arraycopy(part.words, from, slab, fill, to - from);
            fill += to - from;
            used[slabs.size() - 1] = fill;
            from = to;
        }
        rows += part.size;
    }

    /** Words of the row starting at {@code at} in {@code words}: its head and the amounts its first word says are kept. */
    private static int rowWords(long[] words, int at) {
        long first = words[at];
        return headWords(first) + Integer.bitCount(kept(first));
    }

    /** Words of the head of the row whose first word is {@code first}. */
    private static int headWords(long first) { return (first >>> NARROW_BIT & 1) != 0 ? NARROW_HEAD : WIDE_HEAD; }

    /** The amounts kept by the row whose first word is {@code first}: bit k for the k-th amount. */
    private static int kept(long first) { return (int) (first >>> KEPT_SHIFT) & 63; }

    /**
     * Adds an empty slab, twice the last one's words up to {@link #SLAB_WORDS}, and no more than the budget has
     * left: false when that is not the {@code need} words of the next row. The rows are held while their
     * slabs' bytes fit the budget.
     */
    private boolean newSlab(int need) {
        long want = slabs.isEmpty() ? FIRST_SLAB_WORDS : Math.min(2L * slabs.get(slabs.size() - 1).length, SLAB_WORDS);
        long n = Math.min(want, (budget - bytes - SLAB_BYTES) / Long.BYTES);
        if (n < need) return false;
        slabs.add(new long[(int) n]);
        if (used.length < slabs.size()) used = java.util.Arrays.copyOf(used, 2 * used.length);
        bytes += SLAB_BYTES + n * Long.BYTES;
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
        /** Rows, and words they take. */
        private int size, used;

        /** Adds the row written for policy number {@code policy} (in the run's order): its numbers as the file's reader gets them. */
        public void add(int policy, EventRow r) {
            if (used + WORDS > words.length) words = java.util.Arrays.copyOf(words, 2 * words.length);
            int w = used, day = r.day(), set = r.summarySet(), actor = r.actor();
            boolean narrow = policy >>> 6 == 0 && set >>> 5 == 0 && day >>> 9 == 0 && actor + 16 >>> 5 == 0;
            long first = r.summaryId() & 0xFFFF_FFFFL;
            if (narrow) {
                first |= 1L << NARROW_BIT | (long) policy << POLICY_SHIFT | (long) set << SET_SHIFT | (long) day << DAY_SHIFT
                        | (long) (actor + 16) << ACTOR_SHIFT;
            } else {
                words[w + 2] = pair(policy, actor);
                words[w + 3] = pair(day, set);
            }
            words[w + 1] = pair(r.event(), r.replicate());
            // the amounts held as +0.0 (all bits 0) are left out; a bit for each kept, above the summary id
            int a = w + (narrow ? NARROW_HEAD : WIDE_HEAD), kept = 0;
            long b;
            if ((b = heldBits(r.gulLoss())) != 0) { words[a++] = b; kept |= 1; }
            if ((b = heldBits(r.gulExposure())) != 0) { words[a++] = b; kept |= 2; }
            if ((b = heldBits(r.ilLoss())) != 0) { words[a++] = b; kept |= 4; }
            if ((b = heldBits(r.ilExposure())) != 0) { words[a++] = b; kept |= 8; }
            if ((b = heldBits(r.cededLoss())) != 0) { words[a++] = b; kept |= 16; }
            if ((b = heldBits(r.retainedLoss())) != 0) { words[a++] = b; kept |= 32; }
            words[w] = first | (long) kept << KEPT_SHIFT;
            used = a;
            size++;
        }

        /** The bits of the amount a reader of {@code x}'s cell gets. */
        private static long heldBits(double x) { return Double.doubleToRawLongBits(asRead(x)); }

        /** Rows in the part. */
        int size() { return size; }

        /** Words its rows take (as they take in a slab). */
        int words() { return used; }

        /**
         * Empties the part, keeping its arrays: a replicate worker fills a part grown once to a replicate's rows,
         * which the run's writer gives back once it is {@linkplain HeldEvents#add added}, instead of growing a new
         * part by doubling every replicate.
         */
        public void clear() {
            size = 0;
            used = 0;
        }
    }

    /** Reads the rows held, in order: the row of each line of {@code events.csv} after its header, as its reader makes it. */
    public final class Reader {
        /** The slab being read, the words of it used and where the next row starts in it. */
        private int slab = -1, size, next;
        private long[] words;
        private long line = 1;
        /** Where the row moved to starts in {@link #words}. */
        private int at;
        /** The bits of the row's six amounts (0 for an amount not kept). */
        private long gul, gulExposure, il, ilExposure, ceded, retained;

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
            while (next == size) {
                if (slab >= 0) { // read: let it go
                    slabs.set(slab, null);
                    words = null;
                }
                if (slab + 1 == slabs.size()) return false;
                slab++;
                words = slabs.get(slab);
                size = used[slab];
                next = 0;
            }
            at = next;
            long first = words[at];
            int kept = kept(first), a = at + headWords(first);
            gul = (kept & 1) != 0 ? words[a++] : 0;
            gulExposure = (kept & 2) != 0 ? words[a++] : 0;
            il = (kept & 4) != 0 ? words[a++] : 0;
            ilExposure = (kept & 8) != 0 ? words[a++] : 0;
            ceded = (kept & 16) != 0 ? words[a++] : 0;
            retained = (kept & 32) != 0 ? words[a++] : 0;
            next = a;
            line++;
            return true;
        }

        public String policy() { return policies.get(narrow() ? (int) (words[at] >>> POLICY_SHIFT) & 63 : high(words[at + 2])); }

        public int replicate() { return low(words[at + 1]); }

        public int event() { return high(words[at + 1]); }

        public int actor() { return narrow() ? (int) (words[at] >>> ACTOR_SHIFT) - 16 : low(words[at + 2]); }

        public int day() { return narrow() ? (int) (words[at] >>> DAY_SHIFT) & 511 : high(words[at + 3]); }

        public int summarySet() { return narrow() ? (int) (words[at] >>> SET_SHIFT) & 31 : low(words[at + 3]); }

        public int summaryId() { return (int) words[at]; }

        private boolean narrow() { return (words[at] >>> NARROW_BIT & 1) != 0; }

        public double gulLoss() { return Double.longBitsToDouble(gul); }

        public double gulExposure() { return Double.longBitsToDouble(gulExposure); }

        public double ilLoss() { return Double.longBitsToDouble(il); }

        public double ilExposure() { return Double.longBitsToDouble(ilExposure); }

        public double cededLoss() { return Double.longBitsToDouble(ceded); }

        public double retainedLoss() { return Double.longBitsToDouble(retained); }

        /** The line of the file the last row came from (the header is line 1). */
        public int line() { return Math.toIntExact(line); }
    }
}
