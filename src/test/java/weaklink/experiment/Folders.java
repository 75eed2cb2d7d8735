package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import weaklink.cli.Main;
import weaklink.io.Json;

/** Helpers of the results-folder tests: run the command line here or in a child JVM, and look at folders. */
final class Folders {
    /** The one-policy test network (the shipped quickstart compares six policies: too slow for many runs). */
    static final String QUICKSTART = "src/test/resources/scenarios/small-network.yaml";

    private Folders() {}

    /** What a command printed and returned. */
    record Outcome(int code, String err) {}

    static Outcome cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
        return new Outcome(code, err.toString());
    }

    /** Starts {@code weaklink ARGS} in a child JVM (its output in {@code log}). */
    static Process child(Path log, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the child's checkpoint shows some replicates done; returns how many. */
    static int waitForCheckpoint(Path dir, Process child) throws Exception {
        Path acc = dir.resolve(ResultsStore.ACCUMULATORS);
        for (int i = 0; i < 6000 && child.isAlive(); i++) {
            if (Files.exists(acc)) {
                try {
                    int done = Json.read(acc).path("replicates_done").asInt();
                    if (done > 0) return done;
                } catch (java.io.IOException e) {
                    // being replaced right now
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the child never reached a checkpoint (alive: " + child.isAlive() + ")");
    }

    /** Every regular file under {@code dir} with its bytes, by relative path. */
    static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /**
     * Every file as it was, the lock file aside (a refused command may have held the folder for a
     * moment) and the unfinished writes a killed run left (AtomicFile's temporaries: not results,
     * and any command that holds the folder removes them).
     */
    static void assertUnchanged(Map<String, byte[]> before, Path dir) throws Exception {
        Map<String, byte[]> after = contents(dir);
        before = new LinkedHashMap<>(before);
        before.remove(FolderLock.FILE);
        after.remove(FolderLock.FILE);
        before.keySet().removeIf(Folders::unfinishedWrite);
        after.keySet().removeIf(Folders::unfinishedWrite);
        assertTrue(before.keySet().equals(after.keySet()), "files before " + before.keySet() + ", after " + after.keySet());
        for (String f : before.keySet()) assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f + " was changed");
    }

    private static boolean unfinishedWrite(String relativePath) {
        return weaklink.io.AtomicFile.isTemporary(Path.of(relativePath).getFileName().toString());
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
