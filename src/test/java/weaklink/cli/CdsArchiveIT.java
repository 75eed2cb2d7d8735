package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's class-data archive ({@code target/weaklink.jsa}, written by the build's training run)
 * holds every class of ours a quick start loads, lambdas included: run with the README's JVM options (read
 * from its quick-start command, so they are checked to start a JVM that uses the archive), the JVM
 * reads none of them from the jar and makes (almost) none of them again; picocli's Java 5 class files come from
 * it too (a static archive keeps them; one written at a run's exit, as before the thirteenth pass, left all 177 out).
 * The exceptions are the classes in {@code weaklink.cli.Main} that implement picocli's interfaces (the few picocli
 * interfaces a lambda of ours implements are linked while the archive is dumped, and Java 17 then leaves them out,
 * and what implements them), and a lambda or two whose call site two threads (the report's, the
 * ORD export's) reached at once, in the training run or in this one: which of them the JVM made first
 * varies, so the archived one may not be found. Before the rows of EventRows and GroupTables linked
 * their nest host first, 64 of their lambdas were made again at every run. The same run, quiet, prints
 * nothing: none of the options has the JVM write a warning of its own (a kernel without transparent huge
 * pages would have it warn on the standard output but for {@code -Xlog:pagesize=off}).
 */
class CdsArchiveIT {
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source: (.*)$");

    @Test
    void aQuickStartLoadsEveryClassOfOursFromTheArchive(@TempDir Path tmp) throws IOException, InterruptedException {
        Path jar = Path.of("target/weaklink.jar"), archive = Path.of("target/weaklink.jsa");
        assumeTrue(Files.isRegularFile(jar) && Files.isRegularFile(archive), "no class-data archive (built with -Dcds.skip=true)");
        Path log = tmp.resolve("classes.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(readmeJvmOptions());
        command.addAll(List.of("-Xlog:class+load=info:file=" + log, "-jar", jar.toString(),
                "run", "scenarios/quickstart.yaml", "--replicates", "20", "--threads", "1", "--quiet", "--out", tmp.resolve("out").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("run.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run did not finish");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("run.txt")));
        assertEquals("", Files.readString(tmp.resolve("run.txt")), "a quiet run with the README's options prints nothing, the JVM included");

        List<String> fromTheArchive = new ArrayList<>(), madeOrRead = new ArrayList<>();
        int picocliArchived = 0, picocliRead = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = LOADED.matcher(line);
            if (m.find() && m.group(1).startsWith("picocli.")) {
                if (m.group(2).startsWith("shared objects file")) picocliArchived++;
                else picocliRead++;
            }
            if (!m.find(0) || !m.group(1).startsWith("weaklink.")) continue;
            if (m.group(2).startsWith("shared objects file")) fromTheArchive.add(m.group(1));
            else if (!m.group(1).startsWith("weaklink.cli.Main$")) madeOrRead.add(m.group(1).replaceAll("/0x[0-9a-f]+$", "") + " (" + m.group(2) + ")");
        }
        assertTrue(fromTheArchive.size() > 300, "classes of ours from the archive: " + fromTheArchive.size());
        assertTrue(madeOrRead.size() <= 3, "made again or read from the jar: " + madeOrRead);
        assertTrue(picocliArchived > 150 && picocliRead <= 10, "picocli's classes from the archive: " + picocliArchived + ", from the jar: " + picocliRead);
    }

    /** The JVM options of the README's quick-start command: what stands between {@code java} and {@code -jar}. */
    static List<String> readmeJvmOptions() throws IOException {
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            int java = line.indexOf(" java -XX:SharedArchiveFile="), jar = line.indexOf(" -jar target/weaklink.jar run scenarios/quickstart.yaml");
            if (java >= 0 && jar > java) {
                List<String> options = List.of(line.substring(java + " java ".length(), jar).trim().split(" +"));
                assertTrue(options.contains("-XX:SharedArchiveFile=target/weaklink.jsa"), options.toString());
                return options;
            }
        }
        throw new AssertionError("README.md has no quick-start command with the class-data archive");
    }
}
