package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slurm} on a real cluster: with {@code --setup} the jobs call {@code java} from the PATH
 * the setup lines make (not the login node's absolute JDK path, which compute nodes may not have),
 * and a results folder under /tmp (local to each node) is warned about.
 */
class SlurmCommandTest {
    static final String THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir Path tmp;
    /**
     * A folder outside the node-local ones: in the build's own target folder, or, when the checkout itself lies under
     * one (a clone in /tmp), in the user's home, so the no-warning test does not depend on where the project is.
     */
    Path shared = sharedFolder();

    static Path sharedFolder() {
        String name = "slurm-command-test-" + ProcessHandle.current().pid();
        Path inTarget = Path.of("target", name).toAbsolutePath().normalize();
        if (SlurmCommand.NODE_LOCAL.stream().noneMatch(inTarget::startsWith)) return inTarget;
        return Path.of(System.getProperty("user.home"), ".cache", "weaklink-tests", name).toAbsolutePath().normalize();
    }

    @AfterEach
    void removeShared() throws Exception {
        if (!Files.exists(shared)) return;
        try (var s = Files.walk(shared)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        // the home's folder for these tests goes too once no other run's folder is in it (a non-empty one is left alone)
        Path parent = shared.getParent();
        if (parent.getFileName().toString().equals("weaklink-tests")) {
            try {
                Files.deleteIfExists(parent);
            } catch (java.nio.file.DirectoryNotEmptyException otherRun) {
                // another test JVM's folder is still there
            }
        }
    }

    record Outcome(int code, String out, String err) {}

    Outcome slurm(Path out, String... extra) throws Exception {
        Path jar = tmp.resolve("weaklink.jar");
        if (!Files.exists(jar)) Files.writeString(jar, "a jar");
        List<String> args = new ArrayList<>(List.of("slurm", "scenarios/quickstart.yaml", "--shards", "2", "--out", out.toString(), "--jar", jar.toString()));
        args.addAll(List.of(extra));
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute(args.toArray(String[]::new));
        return new Outcome(code, o.toString(), e.toString());
    }

    @Test
    void withSetupLinesTheJobsCallJavaFromThePathTheyMake() throws Exception {
        Outcome o = slurm(shared, "--setup", "module load java/17");
        assertEquals(0, o.code(), o.err());
        String shards = Files.readString(shared.resolve("slurm/shards.sbatch"));
        assertTrue(shards.contains("module load java/17\nif ! command -v java "), shards);
        assertTrue(shards.contains("exec java -XX:ActiveProcessorCount=\"$threads\" -jar "), shards);
        assertFalse(shards.contains(THIS_JAVA), "the login node's JDK path must not be in the job: " + shards);
        assertTrue(Files.readString(shared.resolve("slurm/merge.sbatch")).contains("exec java -XX:ActiveProcessorCount=1 -jar "));
    }

    @Test
    void withoutSetupLinesTheJobsCallThisJava() throws Exception {
        Outcome o = slurm(shared);
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(shared.resolve("slurm/shards.sbatch")).contains("exec " + THIS_JAVA + " -XX:ActiveProcessorCount=\"$threads\" -jar "));
    }

    @Test
    void javaOptionNamesTheJavaCommand() throws Exception {
        Outcome o = slurm(shared, "--setup", "module load java/17", "--java", "/opt/jdk-21/bin/java");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(shared.resolve("slurm/shards.sbatch")).contains("exec /opt/jdk-21/bin/java -XX:ActiveProcessorCount=\"$threads\" -jar "));
    }

    @Test
    void aResultsFolderUnderTmpIsWarnedAbout() throws Exception {
        Path out = tmp.resolve("run");
        Outcome o = slurm(out);
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("warning: --out " + out.toAbsolutePath().normalize() + " is under /tmp, which is local to each node on most clusters"), o.err());
        assertTrue(Files.exists(out.resolve("slurm/submit.sh")), "a warning, not a refusal");
    }

    @Test
    void aResultsFolderOnASharedFileSystemIsNotWarnedAbout() throws Exception {
        assumeTrue(SlurmCommand.NODE_LOCAL.stream().noneMatch(shared::startsWith), "both the checkout and the home folder are node-local: " + shared);
        Outcome o = slurm(shared);
        assertEquals(0, o.code(), o.err());
        assertFalse(o.err().contains("--out"), o.err());
    }
}
