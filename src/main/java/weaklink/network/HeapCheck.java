package weaklink.network;

import java.util.Locale;
import weaklink.scenario.BadInputException;

/**
 * Refuses work that would not fit in this JVM's heap before allocating it, with the estimated need
 * and an {@code -Xmx} that is enough. A check compares what the whole of a piece of work will hold
 * (estimated from counted rows or known sizes, never from a file's byte size alone) with the heap
 * that was free when the work began ({@link Runtime#maxMemory()} minus what was then in use).
 *
 * <p>A user who knows better may skip every check with {@code -Dweaklink.heapCheck=off}; a run that
 * then runs out of memory ends with exit code 1 and the phase it was in.
 */
public final class HeapCheck {
    /** The system property that turns the checks off ({@code off}). */
    public static final String SKIP_PROPERTY = "weaklink.heapCheck";

    private final long baseline;

    private HeapCheck(long baseline) { this.baseline = baseline; }

    /**
     * A check against the heap free now. When {@code likelyNeed} might not fit in what looks free,
     * garbage is collected first, so that the baseline is what is really in use; small work (most
     * of the tests) skips that collection.
     */
    public static HeapCheck fromNow(long likelyNeed) {
        if (likelyNeed > Runtime.getRuntime().maxMemory() - used()) System.gc();
        return new HeapCheck(used());
    }

    /** Heap in use now. */
    static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** What this check may still use: the maximum heap minus what was in use when it began. */
    public long budget() { return Runtime.getRuntime().maxMemory() - baseline; }

    /**
     * Refuses, naming {@code key}, when {@code neededBytes} (everything the work will hold at its
     * peak) exceed {@link #budget()}; {@code what} says what needs it ("a network of 1,000 firms ...").
     */
    public void require(String key, long neededBytes, String what) throws BadInputException {
        if (neededBytes > budget()) refuse(key, neededBytes, what);
    }

    /** Refuses (unless the checks are off): {@code what} needs {@code neededBytes}, more than {@link #budget()}. */
    public void refuse(String key, long neededBytes, String what) throws BadInputException {
        if ("off".equals(System.getProperty(SKIP_PROPERTY))) return;
        Runtime rt = Runtime.getRuntime();
        throw BadInputException.option(key, String.format(Locale.ROOT,
                "%s needs about %,d MB of heap, but this Java has only %,d MB free (maximum heap %,d MB); run it with more, e.g. java %s -jar target/weaklink.jar ...",
                what, mb(neededBytes), mb(budget()), mb(rt.maxMemory()), xmxFor(neededBytes + baseline)));
    }

    /** An {@code -Xmx} option in whole GB that leaves room above {@code bytes} (half as much again, plus 256 MB for the JVM itself). */
    public static String xmxFor(long bytes) {
        long gb = Math.max(1, (long) Math.ceil((bytes * 1.5 + (256L << 20)) / (double) (1L << 30)));
        return "-Xmx" + gb + "g";
    }

    static long mb(long bytes) { return Math.max(0, bytes) >> 20; }
}
