package weaklink.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import weaklink.cli.Main;

/**
 * Runs {@code weaklink} in a child JVM with its own options (a small {@code -Xmx}), as a user
 * would from a shell, and returns its exit code and what it printed. A child that outlives
 * {@code timeoutSeconds} is killed and reported as exit code -1.
 */
final class ChildJvm {
    private ChildJvm() {}

    record Outcome(int code, String out, String err) {}

    static Outcome run(Path workDir, List<String> jvmOptions, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return exec(workDir, command, timeoutSeconds);
    }

    /** The command line that runs weaklink in a child JVM, as shell words (for tests that need a shell). */
    static String shellCommand(List<String> jvmOptions) {
        List<String> words = new ArrayList<>();
        words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.addAll(jvmOptions);
        words.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        StringBuilder b = new StringBuilder();
        for (String w : words) b.append(b.length() == 0 ? "" : " ").append("'").append(w.replace("'", "'\\''")).append("'");
        return b.toString();
    }

    static Outcome exec(Path workDir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "child", ".out"), err = Files.createTempFile(workDir, "child", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code;
        if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            code = p.exitValue();
        } else {
            p.destroyForcibly().waitFor();
            code = -1;
        }
        return new Outcome(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
