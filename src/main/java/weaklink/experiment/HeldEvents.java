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
 * main thread in replicate order, as the file is written.
 */
public final class HeldEvents {
    /** Whole numbers of a row held: policy, replicate, event, actor, day, summary set, summary id. */
    private static final int INTS = 7;
    /** Amounts of a row held: ground-up loss and exposure, insured loss and exposure, ceded, retained. */
    private static final int AMOUNTS = 6;
    /** Bytes of one row held. */
    static final int ROW_BYTES = INTS * Integer.BYTES + AMOUNTS * Double.BYTES;
    /** Bytes of a part besides its rows (the object and its two arrays' headers). */
    static final int PART_BYTES = 64;
    /** Amounts from here on are not written as whole cents below 2^53 (see {@link #asRead}). */
    private static final double FAST_LIMIT = 9.0e13;

    private final List<String> policies;
    private final long budget;
    private final List<Part> parts = new ArrayList<>();
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
     * Adds the next replicate's part (in replicate order, on one thread). A missing part (the worker
     * saw the rows let go) or one beyond the budget lets every row go: the export reads the file.
     */
    public void add(Part part) {
        if (!holding) return;
        if (part == null) {
            letGo();
            return;
        }
        long more = PART_BYTES + (long) part.size * ROW_BYTES;
        if (bytes + more > budget) {
            letGo();
            return;
        }
        parts.add(part);
        bytes += more;
        rows += part.size;
    }

    private void letGo() {
        holding = false;
        parts.clear();
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

    /** One replicate's rows, as {@link EventRows#append} writes them; made and filled on one worker thread. */
    public static final class Part {
        private int[] ints = new int[INTS * 16];
        private double[] amounts = new double[AMOUNTS * 16];
        private int size;

        /** Adds the row written for policy number {@code policy} (in the run's order): its numbers as the file's reader gets them. */
        public void add(int policy, EventRow r) {
            if (size * INTS == ints.length) {
                ints = java.util.Arrays.copyOf(ints, 2 * ints.length);
                amounts = java.util.Arrays.copyOf(amounts, 2 * amounts.length);
            }
            int i = size * INTS, a = size * AMOUNTS;
            ints[i] = policy;
            ints[i + 1] = r.replicate();
            ints[i + 2] = r.event();
            ints[i + 3] = r.actor();
            ints[i + 4] = r.day();
            ints[i + 5] = r.summarySet();
            ints[i + 6] = r.summaryId();
            amounts[a] = asRead(r.gulLoss());
            amounts[a + 1] = asRead(r.gulExposure());
            amounts[a + 2] = asRead(r.ilLoss());
            amounts[a + 3] = asRead(r.ilExposure());
            amounts[a + 4] = asRead(r.cededLoss());
            amounts[a + 5] = asRead(r.retainedLoss());
            size++;
        }

        /** Rows in the part. */
        int size() { return size; }

        /**
         * A new part holding this one's rows in arrays of their size (a part waiting in the window, and held, has
         * no slack); this one is left as it is, to be {@link #clear}ed and filled again.
         */
        public Part copy() {
            Part out = new Part();
            out.ints = java.util.Arrays.copyOf(ints, size * INTS);
            out.amounts = java.util.Arrays.copyOf(amounts, size * AMOUNTS);
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
        private int part, row;
        private long line = 1;

        /** The next row, or null after the last. */
        public EventRow next() {
            while (part < parts.size() && row == parts.get(part).size) {
                parts.set(part, null); // read: let it go
                part++;
                row = 0;
            }
            if (part == parts.size()) return null;
            Part p = parts.get(part);
            int i = row * INTS, a = row * AMOUNTS;
            row++;
            line++;
            int[] n = p.ints;
            double[] x = p.amounts;
            return new EventRow(policies.get(n[i]), n[i + 1], n[i + 2], n[i + 3], n[i + 4], n[i + 5], n[i + 6], x[a], x[a + 1],
                    x[a + 2], x[a + 3], x[a + 4], x[a + 5]);
        }

        /** The line of the file the last row came from (the header is line 1). */
        public int line() { return Math.toIntExact(line); }
    }
}
