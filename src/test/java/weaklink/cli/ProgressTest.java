package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.experiment.ProgressListener;

class ProgressTest {
    @TempDir Path tmp;

    @Test
    void withoutATerminalProgressIsPlainPeriodicLinesWithRateAndEta() {
        StringWriter err = new StringWriter();
        ProgressListener p = Progress.forTerminal(new PrintWriter(err, true), false);
        p.progress(0, 100);
        p.progress(50, 100);   // within the 5-second interval: not printed
        p.progress(100, 100);  // the last one always is
        p.finished(100);
        String[] lines = err.toString().split("\n");
        assertEquals(3, lines.length, err.toString());
        assertTrue(lines[0].startsWith("progress: 0/100 replicates (0%)"), lines[0]);
        assertTrue(lines[1].matches("progress: 100/100 replicates \\(100%\\), [0-9.]+/s, ETA 0s"), lines[1]);
        assertTrue(lines[2].startsWith("done: 100 replicates in "), lines[2]);
        assertFalse(err.toString().contains("\r"));
    }

    @Test
    void onATerminalProgressIsABarRedrawnInPlace() {
        StringWriter err = new StringWriter();
        ProgressListener p = Progress.forTerminal(new PrintWriter(err, true), true);
        p.progress(0, 40);
        p.progress(40, 40);
        String s = err.toString();
        assertTrue(s.startsWith("\r[" + ".".repeat(30) + "] 0/40 replicates"), s);
        assertTrue(s.contains("\r[" + "#".repeat(30) + "] 40/40 replicates"), s);
        assertTrue(s.contains("ETA"), s);
    }

    @Test
    void progressNamesWhatItCounts() {
        for (String unit : new String[] {"firms", "points", "draws"}) {
            StringWriter err = new StringWriter();
            ProgressListener p = Progress.forTerminal(new PrintWriter(err, true), false, unit);
            p.progress(3, 3);
            p.finished(3);
            assertTrue(err.toString().startsWith("progress: 3/3 " + unit + " (100%)"), err.toString());
            assertTrue(err.toString().contains("done: 3 " + unit + " in "), err.toString());
        }
    }

    @Test
    void spofCountsFirms() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("spof", "src/test/resources/scenarios/small-network.yaml", "--top", "3", "--replicates", "2", "--out", tmp.resolve("s").toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("/3 firms"), err.toString());
        assertFalse(err.toString().contains("replicates"), err.toString());
    }

    @Test
    void quietRunPrintsNothing() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("run", "src/test/resources/scenarios/small-network.yaml", "--replicates", "5", "--out", tmp.resolve("q").toString(), "--quiet");
        assertEquals(0, code);
        assertEquals("", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("42s", Progress.formatDuration(42));
        assertEquals("2m05s", Progress.formatDuration(125));
        assertEquals("3h07m", Progress.formatDuration(3 * 3600 + 7 * 60 + 12));
    }
}
