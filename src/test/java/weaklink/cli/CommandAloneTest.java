package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line that starts with a command's name gets picocli's model of that command alone
 * ({@link Main#newCommandLine(PrintWriter, PrintWriter, String...)}): what it prints, on which stream,
 * and its exit code are those of the command line with every command.
 */
class CommandAloneTest {
    private record Outcome(int code, String out, String err) {}

    private static Outcome run(CommandLine cl, StringWriter out, StringWriter err, String... args) {
        int code = Main.execute(cl, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Outcome withEveryCommand(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        return run(Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)), out, err, args);
    }

    private static Outcome withTheCommandsNeeded(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        return run(Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), args), out, err, args);
    }

    @Test
    void theCommandsAreListedUnderTheirOwnNamesInTheirOrder() {
        CommandLine every = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(new ArrayList<>(Main.COMMANDS.keySet()), new ArrayList<>(every.getSubcommands().keySet()));
        Main.COMMANDS.forEach((name, type) -> assertEquals(name, new CommandLine(type).getCommandName(), type.getName()));
    }

    @Test
    void aCommandLineStartingWithACommandBuildsThatCommandAlone() {
        for (String name : Main.COMMANDS.keySet()) {
            if (name.equals("help")) continue;
            CommandLine cl = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), name, "--help");
            assertEquals(List.of(name), new ArrayList<>(cl.getSubcommands().keySet()));
        }
        for (String[] args : new String[][] {{}, {"help", "run"}, {"--help"}, {"rn"}, {"RUN"}, {"--", "run"}}) {
            CommandLine cl = Main.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
            assertEquals(Main.COMMANDS.size(), cl.getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void everyCommandsHelpAndUsageErrorsAreTheSameAsWithEveryCommand() {
        List<String[]> cases = new ArrayList<>();
        for (String name : Main.COMMANDS.keySet()) {
            if (name.equals("help")) continue;
            cases.add(new String[] {name, "--help"});
            cases.add(new String[] {name, "-h"});
            cases.add(new String[] {name, "--version"});
            cases.add(new String[] {name, "--no-such-option", "x"});
            if (!name.equals("gui")) cases.add(new String[] {name}); // gui without a scenario opens its window
        }
        cases.add(new String[] {"run", "scenarios/quickstart.yaml", "--threads", "abc"});
        cases.add(new String[] {"run", "--seed", "x", "scenarios/quickstart.yaml"});
        cases.add(new String[] {"run", "scenarios/quickstart.yaml", "extra"});
        cases.add(new String[] {"run", "no-such-scenario.yaml"});
        cases.add(new String[] {"validate", "no-such-scenario.yaml"});
        cases.add(new String[] {"chart", "no-such-folder"});
        for (String[] args : cases) {
            Outcome every = withEveryCommand(args), alone = withTheCommandsNeeded(args);
            assertEquals(every, alone, String.join(" ", args));
            if (!List.of(args).contains("--version")) assertFalse(every.out().isEmpty() && every.err().isEmpty(), String.join(" ", args)); // something to compare
        }
    }
}
