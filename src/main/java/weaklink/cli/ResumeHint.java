package weaklink.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * While a command writes a results folder, says on standard error — should the JVM be stopped by
 * SIGINT (Ctrl-C) or SIGTERM (a scheduler's time limit) — how to continue: the folder keeps every
 * replicate up to its last checkpoint, and the printed command resumes from there. A shutdown hook,
 * removed when the command ends by itself, so a finished or failed command prints nothing.
 */
final class ResumeHint implements AutoCloseable {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final Thread hook;

    private ResumeHint(PrintWriter err, Path dir, String command) {
        this.hook = new Thread(() -> {
            err.println();
            err.println("interrupted: " + dir + " keeps everything up to its last checkpoint; continue with");
            err.println("  " + command);
            err.flush();
        }, "weaklink-resume-hint");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** For {@code run}: {@code java -jar JAR run SCENARIO --resume DIR} (the other options come from the folder's manifest). */
    static ResumeHint forRun(PrintWriter err, Path scenario, Path dir) {
        return new ResumeHint(err, dir, shell(List.of("java", "-jar", Options.runningJar().toString(), "run", scenario.toString(),
                "--resume", dir.toString())));
    }

    /**
     * For {@code sweep}: the same command line ({@code args} as given, from the command's name), with
     * {@code --resume} and {@code --out DIR} (a sweep's design is given again and checked).
     */
    static ResumeHint forSweep(PrintWriter err, List<String> args, Path dir) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", Options.runningJar().toString()));
        command.addAll(args.subList(Math.max(0, args.indexOf("sweep")), args.size()));
        if (!command.contains("sweep")) command.add(3, "sweep");
        if (!args.contains("--resume")) command.add("--resume");
        if (args.stream().noneMatch(a -> a.equals("--out") || a.startsWith("--out="))) command.addAll(List.of("--out", dir.toString()));
        return new ResumeHint(err, dir, shell(command));
    }

    /** The words as one shell command line, quoting those that need it. */
    static String shell(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add(PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        return String.join(" ", out);
    }

    /** The command ended by itself: nothing to say. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and says how to continue
        }
    }
}
