package weaklink.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import weaklink.experiment.PhaseOutOfMemoryError;
import weaklink.experiment.Version;
import weaklink.network.HeapCheck;
import weaklink.scenario.BadInputException;

/**
 * The {@code weaklink} command. Exit codes (DESIGN §4): 0 success, 2 bad input (the message names
 * the file, line/column or key, and what is wrong), 1 anything else. No stack traces unless
 * {@code WEAKLINK_DEBUG=1}.
 */
@Command(name = "weaklink", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Simulates cyber attacks that enter through suppliers and spread along a supply network, "
                + "and compares who-pays-for-security policies by their network-wide losses.")
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /**
     * The commands by name, in the order {@code --help} lists them. Added by {@link #newCommandLine}
     * rather than named in {@code @Command(subcommands = ...)}, so that a command line that starts with
     * one of them builds picocli's model of that command alone (see {@link #execute(String...)}).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("run", RunCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("network", NetworkCommand.class);
        m.put("merge", MergeCommand.class);
        m.put("sweep", SweepCommand.class);
        m.put("spof", SpofCommand.class);
        m.put("calibrate", CalibrateCommand.class);
        m.put("slurm", SlurmCommand.class);
        m.put("gui", GuiCommand.class);
        m.put("chart", ChartCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (e.g. run, validate); see --help");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit code (for tests, without exiting the JVM). A command
     * line whose first argument names a command other than {@code help} gets a model of that command
     * alone ({@link #newCommandLine(PrintWriter, PrintWriter, String...)}): it prints, writes and
     * exits as with every command in place, without reflecting on the other nine's options (about a
     * tenth of a second of a quick start's CPU).
     */
    public static int execute(String... args) {
        if (args.length > 0 && args[0].equals("run")) WarmUp.start(args); // before picocli reads the command line: a tenth of a second sooner
        return execute(newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args), args);
    }

    /**
     * Runs a configured command line. picocli hands exceptions to the handler of {@link #configure},
     * but an {@link Error} escapes it: running out of memory (or of stack) ends here, as exit code 1
     * and one line that says what ran out, in which phase, and what to do; no stack trace unless
     * {@code WEAKLINK_DEBUG=1}.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            cl.getErr().println("error: " + describe(e));
            if ("1".equals(System.getenv("WEAKLINK_DEBUG"))) e.printStackTrace(cl.getErr());
            cl.getErr().flush();
            return FAILED;
        }
    }

    /** The {@code weaklink} command line with every command. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        COMMANDS.values().forEach(cl::addSubcommand);
        return configure(cl, out, err);
    }

    /**
     * The command line {@code args} needs: when the first argument names a command, one with that
     * command alone (its help, its errors and everything it runs depend on it and on this top command
     * only); otherwise (no command, an option, a misspelt name, {@code help NAME}, which lists or reads
     * the others) one with every command.
     */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String... args) {
        Class<?> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only == null || only == CommandLine.HelpCommand.class) return newCommandLine(out, err);
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(only);
        return configure(cl, out, err);
    }

    /** Gives a command line (this one, or a separate entry point such as the Spark runner's) WeakLink's exit codes and error messages. */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> e instanceof BadInputException ? BAD_INPUT : FAILED);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof BadInputException bad) {
                commandLine.getErr().println("error: " + bad.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("error: " + describe(cause));
            if ("1".equals(System.getenv("WEAKLINK_DEBUG"))) cause.printStackTrace(commandLine.getErr());
            return FAILED;
        });
        return cl;
    }

    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory();
            String phase = t instanceof PhaseOutOfMemoryError p ? " while " + p.phase() : "";
            String threads = t instanceof PhaseOutOfMemoryError p && p.phase().contains("replicates") ? ", or fewer --threads" : "";
            return String.format(java.util.Locale.ROOT, "out of memory%s (maximum heap %,d MB); rerun with more heap, e.g. java %s -jar target/weaklink.jar ...%s",
                    phase, max >> 20, HeapCheck.xmxFor(2 * max), threads);
        }
        if (t instanceof StackOverflowError) {
            return "the work nested too deeply for the thread's stack; rerun with a larger stack, e.g. java -Xss64m -jar target/weaklink.jar ...";
        }
        if (t instanceof java.nio.file.NoSuchFileException e) return e.getFile() + ": file not found";
        if (t instanceof java.nio.file.AccessDeniedException e) return e.getFile() + ": permission denied";
        if (t instanceof java.nio.file.FileSystemException e) return e.getFile() + ": " + e.getReason();
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"weaklink " + Version.VALUE, "Java " + System.getProperty("java.version")};
        }
    }
}
