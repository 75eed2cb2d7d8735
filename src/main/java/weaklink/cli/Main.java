package weaklink.cli;

import java.io.PrintWriter;
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
                + "and compares who-pays-for-security policies by their network-wide losses.",
        subcommands = {RunCommand.class, ValidateCommand.class, NetworkCommand.class, MergeCommand.class, SweepCommand.class, SpofCommand.class, CalibrateCommand.class, SlurmCommand.class, GuiCommand.class, ChartCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (e.g. run, validate); see --help");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests, without exiting the JVM). */
    public static int execute(String... args) {
        return execute(newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)), args);
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

    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new Main()), out, err);
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
