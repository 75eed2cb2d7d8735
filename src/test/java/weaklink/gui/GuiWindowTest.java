package weaklink.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sim.display.Console;
import sim.display.Display2D;
import weaklink.scenario.Scenario;

/**
 * The real console on a real display (Xvfb in CI): launched in-process, stepped with the
 * console's own buttons, and photographed. Screenshots land in {@code target/} for a person to look at.
 * Runs in its own non-headless JVM (the {@code gui-test} Surefire execution).
 */
@Tag("gui")
class GuiWindowTest {
    static final Path SNAPSHOT = Path.of("target", "gui-display.png");
    static final Path SCREEN = Path.of("target", "gui-screen.png");

    @TempDir Path dir;

    @BeforeAll
    static void needsADisplay() {
        boolean display = System.getenv("DISPLAY") != null && !GraphicsEnvironment.isHeadless();
        if (!display && "true".equals(System.getenv("CI"))) fail("CI must run the GUI test with a display (.ci/run starts Xvfb); DISPLAY is not set");
        assumeTrue(display, "no display: run under xvfb-run to test the GUI");
    }

    @Test
    void steppingTheConsoleDrawsCompromisedFirmsInTheCompromisedColour() throws Exception {
        Scenario s = GuiScenarios.outbreak(dir);
        ScenarioGui gui = GuiScenarios.outbreakGui(s);
        Console[] console = new Console[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                console[0] = new Console(gui);
                console[0].setVisible(true);
                console[0].pressPause(); // starts the simulation paused; play then steps once per press
            });
            for (int i = 0; i < 500 && gui.states().day() < 14; i++) SwingUtilities.invokeAndWait(() -> console[0].pressPlay());
            assertTrue(gui.states().day() >= 14, "the console's step button should advance the days");
            assertTrue(gui.states().compromised() > 0, "the seeded outbreak is still under way on day 14");

            Files.createDirectories(SNAPSHOT.getParent());
            SwingUtilities.invokeAndWait(() -> {
                try {
                    gui.display().takeSnapshot(SNAPSHOT.toFile(), Display2D.TYPE_PNG);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            BufferedImage image = ImageIO.read(SNAPSHOT.toFile());
            int compromisedPixels = count(image, weaklink.model.FirmStatus.COMPROMISED);
            int healthyPixels = count(image, weaklink.model.FirmStatus.HEALTHY);
            assertTrue(compromisedPixels > 0, "no pixel of the compromised colour in " + SNAPSHOT);
            assertTrue(healthyPixels > compromisedPixels, "most firms are still healthy on day 14");

            // double-click the seed firm, as a user would, to open MASON's inspector on it
            int seed = 7;
            java.awt.Point onScreen = gui.display().insideDisplay.getLocationOnScreen();
            java.awt.geom.Point2D.Double[] at = new java.awt.geom.Point2D.Double[1];
            SwingUtilities.invokeAndWait(() -> {
                var info = gui.display().getDrawInfo2D(gui.firmPortrayal(), new java.awt.geom.Point2D.Double(0, 0));
                at[0] = gui.firmPortrayal().getObjectPosition(gui.view().node(seed), info);
            });
            Robot robot = new Robot();
            robot.mouseMove(onScreen.x + (int) Math.round(at[0].x), onScreen.y + (int) Math.round(at[0].y));
            for (int click = 0; click < 2; click++) {
                robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
                robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            }
            robot.waitForIdle();
            SwingUtilities.invokeAndWait(() -> { });
            Thread.sleep(300);
            ImageIO.write(robot.createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize())), "png", SCREEN.toFile());
            java.util.List<?> inspectors = console[0].getAllInspectors();
            assertEquals(1, inspectors.size(), "double-clicking a firm opens one inspector");
            SwingUtilities.invokeAndWait(() -> console[0].pressPlay()); // inspectors follow the run
            Thread.sleep(300); // let the windows finish painting before the whole-screen picture
            BufferedImage screen = robot.createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
            ImageIO.write(screen, "png", SCREEN.toFile());
            assertTrue(count(screen, weaklink.model.FirmStatus.COMPROMISED) > 0, "the compromised colour is on screen");
        } finally {
            SwingUtilities.invokeAndWait(() -> {
                if (console[0] == null) return;
                console[0].pressStop();
                // not doClose(): MASON quits the JVM when its last console closes
                for (Object f : console[0].getAllFrames()) ((JFrame) f).dispose();
                console[0].dispose();
                Console.allControllers.remove(console[0]);
            });
        }
        assertFalse(GraphicsEnvironment.isHeadless());
    }

    /** Pixels exactly of the state's colour. */
    static int count(BufferedImage image, weaklink.model.FirmStatus state) {
        int rgb = StatusColours.of(state).getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
        }
        return n;
    }
}
