package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import weaklink.cli.Main;

/** A results folder made by the real tool: the quick-start scenario with a second policy variant. */
final class RealRun {
    static final String SECOND_POLICY = "none-b";

    private RealRun() {}

    /** Runs {@code weaklink run} of the baseline and the variant into {@code tmp/results} and returns the folder. */
    static Path make(Path tmp, int replicates) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/quickstart.yaml"));
        String last = yaml.lines().filter(l -> l.matches("[a-z_]+:.*")).reduce((a, b) -> b).orElse("");
        if (!last.equals("policies:")) throw new IllegalStateException("quickstart.yaml no longer ends with its policy list");
        Path scenario = tmp.resolve("two-policies.yaml");
        Files.writeString(scenario, yaml.stripTrailing() + "\n  - {id: none, name: " + SECOND_POLICY + "}\n");
        Path out = tmp.resolve("results");
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("run", scenario.toString(), "--policies", "none," + SECOND_POLICY, "--replicates", Integer.toString(replicates), "--out", out.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        return out;
    }

    /** A copy of results folder {@code from} at {@code to}, to change without touching the original. */
    static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }
}
