package weaklink.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import weaklink.scenario.BadInputException;
import weaklink.scenario.NetworkSpec;

/**
 * The heap check of reading a network from files (one per read). The rows of each file are counted as they are read; whenever the
 * builder's arrays are full, the whole file is projected from them (rows per character so far ×
 * the file's size) and the arrays grow once to the projection when it fits the heap. A file is
 * refused when the rows already counted (with the arrays they are about to grow into) do not fit,
 * or when the projection does not fit once a quarter of the file has been read: early rows can
 * be shorter than later ones (ids grow longer), so an early projection may only size the arrays,
 * never refuse. Every figure comes from counted rows, never from the file's size alone.
 */
final class NetworkReadMemory {
    /**
     * Heap that reading and building a network from files holds at its peak: the builder's arrays
     * and the network's ({@link Networks#bytesToBuild}, every link counted as a supply link, the
     * dearer kind), each row's line number, the firm index and its sort, the per-buyer share sums,
     * and the names' strings.
     */
    static long bytesToRead(long firms, long links, boolean names) {
        return Networks.bytesToBuild(firms, links, 0, names) + 4 * (firms + links) + 32 * firms + (names ? 56 * firms : 0);
    }

    /** Rows the arrays hold at first; the first check comes when they are full. */
    static final int FIRST_ROWS = 1024;

    /** Room for a projected number of rows: 3 % above the projection, and at least half again what is held. */
    static int capacity(double projected, long held) {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(projected * 1.03, held + held / 2.0) + 16);
    }

    /** The share of a file read before its projected size may refuse it. */
    static final double SURE_FRACTION = 0.25;
    /** Builder bytes per firm held while its arrays are copied into larger ones. */
    static final long BUILDER_FIRM_BYTES = 8 + 4 + 1 + 1 + 8 + 8L * FirmAttribute.values().length + 4;
    /** Builder bytes per link held while its arrays are copied (a supply link, the larger). */
    static final long BUILDER_LINK_BYTES = 5 * 4 + 4;

    final Path firmsFile, linksFile;
    final long firmsBytes, linksBytes;
    final HeapCheck heap;

    NetworkReadMemory(Path firmsFile, Path linksFile) {
        this.firmsFile = firmsFile;
        this.linksFile = linksFile;
        this.firmsBytes = sizeOrZero(firmsFile);
        this.linksBytes = sizeOrZero(linksFile);
        // the most the files could need: id-only rows of about 8 bytes, links of about 12
        this.heap = HeapCheck.fromNow(bytesToRead(firmsBytes / 8, linksBytes / 12, true));
    }

    /** The arrays start small: the first rows size them. */
    int firmCapacity() { return FIRST_ROWS; }
    int linkCapacity() { return FIRST_ROWS; }

    /** Rows the whole file will have, projected from {@code rows} counted in {@code read} of its {@code size} characters. */
    static long project(long rows, long read, long size) {
        if (read <= 0 || size <= read) return rows;
        return (long) Math.ceil(rows * (double) size / read);
    }

    /** The firm arrays are full at {@code counted} rows: the capacity to grow them to, or a refusal. */
    int growFirms(CsvLines r, int counted, boolean names) throws BadInputException {
        long projected = project(counted, r.bytesRead(), firmsBytes);
        long links = linksBytes / 24; // not counted yet: a typical row of links.csv is about 24 bytes
        long held = BUILDER_FIRM_BYTES * counted; // the full arrays, while they are copied
        String how = String.format(java.util.Locale.ROOT, "projected from the %,d rows read so far of %s", counted, firmsFile);
        long next = capacity(projected, counted);
        if (bytesToRead(next, links, names) + held > heap.budget()) {
            if (r.bytesRead() >= SURE_FRACTION * firmsBytes) refuseIf(true, projected, links, bytesToRead(projected, links, names) + held, how);
            next = capacity(0, counted);
            refuseIf(bytesToRead(next, links, names) + held > heap.budget(), projected, links, bytesToRead(projected, links, names) + held, how);
        }
        return (int) Math.min(NetworkSpec.MAX_FIRMS, next);
    }

    /** The link arrays of one kind are full at {@code counted} rows: the room to make for all links, or a refusal. */
    long growLinks(CsvLines r, int firms, long counted, boolean names) throws BadInputException {
        long projected = project(counted, r.bytesRead(), linksBytes);
        long held = BUILDER_LINK_BYTES * counted;
        String how = String.format(java.util.Locale.ROOT, "projected from the %,d rows read so far of %s", counted, linksFile);
        long next = capacity(projected, counted);
        if (bytesToRead(firms, next, names) + held > heap.budget()) {
            if (r.bytesRead() >= SURE_FRACTION * linksBytes) refuseIf(true, firms, projected, bytesToRead(firms, projected, names) + held, how);
            next = capacity(0, counted);
            refuseIf(bytesToRead(firms, next, names) + held > heap.budget(), firms, projected, bytesToRead(firms, projected, names) + held, how);
        }
        return next;
    }

    void require(long firms, long links, boolean names) throws BadInputException {
        heap.require("network.files", bytesToRead(firms, links, names), String.format(java.util.Locale.ROOT,
                "a network of %,d firms and %,d links (as counted in %s and %s)", firms, links, firmsFile, linksFile));
    }

    /** When {@code refuse}: refuses a network of about so many firms and links, which needs {@code needed} bytes. */
    private void refuseIf(boolean refuse, long firms, long links, long needed, String how) throws BadInputException {
        if (refuse) heap.refuse("network.files", needed, String.format(java.util.Locale.ROOT, "a network of about %,d firms and %,d links (%s)", firms, links, how));
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the reader names the problem
        }
    }
}
