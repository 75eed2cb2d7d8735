package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's quick start writes the same bytes, every file but the manifest (its times and
 * paths), when its JVM sees one core — no warm-up thread, the charts and the ORD export on the main
 * thread — as when it sees two: the warm-up readies the JSON mapper and the charts' machinery while
 * the run simulates, and the charts are drawn on two threads beside the ORD export. Run with the
 * README's JVM options, as a user runs it.
 */
class WarmUpIT {
    @Test
    void aQuickStartWritesTheSameFilesOnOneCoreAsOnTwo(@TempDir Path tmp) throws IOException, InterruptedException {
        Path jar = Path.of("target/weaklink.jar");
        assumeTrue(Files.isRegularFile(jar) && Files.isRegularFile(Path.of("target/weaklink.jsa")), "no class-data archive (built with -Dcds.skip=true)");
        Path one = run(tmp, 1), two = run(tmp, 2);

        List<Path> files = files(one);
        assertEquals(files, files(two));
        assertTrue(files.contains(Path.of("report.html")) && files.contains(Path.of("charts", "timeseries.png")), files.toString());
        for (Path f : files) {
            if (!f.toString().equals("manifest.json")) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f.toString());
        }
    }

    private static Path run(Path tmp, int cores) throws IOException, InterruptedException {
        Path out = tmp.resolve("cores" + cores), log = tmp.resolve("cores" + cores + ".txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CdsArchiveIT.readmeJvmOptions());
        command.addAll(List.of("-XX:ActiveProcessorCount=" + cores, "-jar", "target/weaklink.jar", "run", "scenarios/quickstart.yaml",
                "--replicates", "30", "--quiet", "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run did not finish");
        assertEquals(0, p.exitValue(), Files.readString(log));
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
