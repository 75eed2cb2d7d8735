package weaklink.cli;

import weaklink.io.Json;
import weaklink.report.Charts;

/**
 * Readies, on a thread of its own, what a run uses only later: the JSON mapper (its manifest and
 * checkpoints) and the charts' machinery (its report). {@code Main} starts it for a {@code run} command
 * line before it reads the command line. A run's start — the command line, the
 * scenario, the network, the firms' decisions — keeps one core busy; on a machine with two or more
 * cores the other does this meanwhile, so the run does not wait for it between its phases. On one
 * core it would only take turns with the run: nothing is started. Whatever fails here fails again
 * where the run needs it, and is reported there.
 */
final class WarmUp {
    private WarmUp() {}

    /** Starts the warm-up (a daemon thread, so it never holds the process open) on a machine with two or more cores. */
    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2) return;
        Thread t = new Thread(WarmUp::run, "weaklink-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Json.warmUp();
            Charts.warmUp();
        } catch (Throwable ignored) {
            // the run meets the same failure where it uses the mapper or draws a chart, and reports it there
        }
    }
}
