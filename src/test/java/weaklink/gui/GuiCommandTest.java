package weaklink.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

/** The {@code gui} command refuses bad input before opening anything, and says what to do without a display. */
class GuiCommandTest {
    @TempDir Path dir;

    static int run(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    Path scenario() throws Exception {
        Path file = dir.resolve("outbreak.yaml");
        Files.writeString(file, GuiScenarios.OUTBREAK);
        return file;
    }

    @Test
    void anUnknownPolicyIsBadInputNamingTheOption() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, run(err, "gui", scenario().toString(), "--policy", "nope"));
        assertTrue(err.toString().contains("--policy") && err.toString().contains("nope"), err.toString());
    }

    @Test
    void aBrokenScenarioIsBadInputWithItsLocation() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, GuiScenarios.OUTBREAK.replace("days: 120", "dayz: 120"));
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, run(err, "gui", file.toString()));
        assertTrue(err.toString().contains("broken.yaml:2:1"), err.toString());
    }

    @Test
    void aNegativeReplicateIsBadInput() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, run(err, "gui", scenario().toString(), "--replicate", "-1"));
        assertTrue(err.toString().contains("--replicate"), err.toString());
    }

    @Test
    void withoutADisplayItSaysHowToGetOne() throws Exception {
        assumeTrue(GraphicsEnvironment.isHeadless(), "this JVM has a display");
        StringWriter err = new StringWriter();
        assertEquals(Main.FAILED, run(err, "gui", scenario().toString()));
        assertTrue(err.toString().contains("xvfb-run"), err.toString());
    }
}
