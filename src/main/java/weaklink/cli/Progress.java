package weaklink.cli;

import java.io.PrintWriter;
import weaklink.experiment.ProgressListener;

/**
 * Progress of a run: a bar with rate and ETA on a terminal, plain lines every few seconds otherwise,
 * naming what it counts (replicates of a run, firms of spof, points of a sweep, draws of an
 * uncertainty run).
 */
final class Progress implements ProgressListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private long firstDone = -1;

    private Progress(PrintWriter err, boolean terminal, String unit) {
        this.err = err;
        this.terminal = terminal;
        this.unit = unit;
        this.lastPrint = startNanos - interval();  // the first call prints
    }

    /** Between two prints: a bar redraws five times a second, a log line every five seconds. */
    private long interval() { return terminal ? 200_000_000L : 5_000_000_000L; }

    static ProgressListener forTerminal(PrintWriter err, boolean terminal) {
        return forTerminal(err, terminal, "replicates");
    }

    /** @param unit what is counted, plural: "replicates", "firms", "points", "draws" */
    static ProgressListener forTerminal(PrintWriter err, boolean terminal, String unit) {
        return new Progress(err, terminal, unit);
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (firstDone < 0) firstDone = done;
        long now = System.nanoTime();
        if (now - lastPrint < interval() && done < total) return;
        lastPrint = now;
        double seconds = (now - startNanos) / 1e9;
        long fresh = done - firstDone;
        double rate = seconds > 0 ? fresh / seconds : 0;
        String eta = rate > 0 ? formatDuration((total - done) / rate) : "?";
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) (width * done / total);
            err.printf("\r[%s%s] %d/%d %s  %.1f/s  ETA %s ", "#".repeat(filled), ".".repeat(width - filled), done, total, unit, rate, eta);
            err.flush();
        } else {
            err.printf("progress: %d/%d %s (%.0f%%), %.1f/s, ETA %s%n", done, total, unit, total == 0 ? 100.0 : 100.0 * done / total, rate, eta);
        }
    }

    @Override
    public void finished(long total) {
        if (terminal) err.println();
        err.printf("done: %d %s in %s%n", total, unit, formatDuration((System.nanoTime() - startNanos) / 1e9));
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
}
