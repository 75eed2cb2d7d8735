package weaklink.cli;

import weaklink.io.Json;
import weaklink.io.Sha256;
import weaklink.report.Charts;

/**
 * Readies, on a thread of its own, what a run uses only later: the native SHA-256 its files are hashed with
 * ({@link Sha256#prepare()}), the JSON mapper (its manifest and checkpoints) and the charts' machinery (its report). {@code Main} starts it for a {@code run} command
 * line before it reads the command line. A run's start — the command line, the
 * scenario, the network, the firms' decisions — keeps one core busy; when the run has two or more
 * threads ({@code --threads}, all cores by default) the other core does this meanwhile, so the run
 * does not wait for it between its phases. A run of one thread (one core, or {@code --threads 1}: a
 * shard given one core) starts nothing: the warm-up would only take turns with the run, or take a
 * core the run was not given. Whatever fails here fails again where the run needs it, and is reported there.
 */
final class WarmUp {
    private WarmUp() {}

    /** Starts the warm-up (a daemon thread, so it never holds the process open) when the command line {@code args} runs on two or more threads. */
    static void start(String... args) {
        if (threads(args) < 2) return;
        Thread t = new Thread(WarmUp::run, "weaklink-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The threads the command line {@code args} asks for with its last {@code --threads T} or {@code --threads=T},
     * or else all cores (the option's default); a value that is not a number counts as the default (picocli refuses
     * it before anything runs).
     */
    static int threads(String... args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads") && i + 1 < args.length) value = args[i + 1];
            else if (args[i].startsWith("--threads=")) value = args[i].substring("--threads=".length());
        }
        try {
            if (value != null) return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            // picocli says what is wrong with it
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static void run() {
        try {
            Sha256.prepare();
            Json.warmUp();
            Charts.warmUp();
        } catch (Throwable ignored) {
            // the run meets the same failure where it uses the mapper or draws a chart, and reports it there
        }
    }
}
