package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help is printed clean: a '%' in a description that picocli cannot format is a warning a user sees first. */
class HelpTextTest {
    @Test
    void everyCommandsHelpPrintsWithoutPicocliWarnings() {
        CommandLine top = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (String command : top.getSubcommands().keySet()) {
                StringWriter out = new StringWriter();
                int code = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)).execute(command, "--help");
                assertEquals(0, code, command);
                assertFalse(out.toString().isBlank(), command);
            }
        } finally {
            System.setErr(saved);
        }
        assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("picocli WARN"), warnings.toString(StandardCharsets.UTF_8));
    }
}
