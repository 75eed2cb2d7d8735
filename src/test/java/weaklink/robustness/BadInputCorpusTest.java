package weaklink.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weaklink.cli.Main;

/**
 * The bad-input corpus (src/test/resources/bad-input): every file is refused with exit code 2,
 * a message that names its location and what is wrong, no stack trace, and nothing written.
 * Each case states what it expects in its first line: {@code # expect: LINE:COL | fragment | fragment}
 * ({@code 0:0} when the error has no position in the file, e.g. a reference checked after parsing).
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-input/scenario");
    static final Path GOOD = Path.of("src/test/resources/good-input");

    @TempDir Path tmp;

    static Stream<Path> scenarioCases() throws Exception {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Stream<Path> goodCases() throws Exception {
        try (Stream<Path> s = Files.list(GOOD)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    record Outcome(int code, String out, String err) {}

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioCases")
    void badScenarioIsRefusedWithItsLocationAndNothingWritten(Path file) throws Exception {
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        assertTrue(first.startsWith("# expect: "), file + " must start with '# expect: LINE:COL | fragment'");
        String[] parts = first.substring("# expect: ".length()).split("\\|");
        String position = parts[0].trim();
        List<String> fragments = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) fragments.add(parts[i].trim());

        Outcome validate = cli("validate", file.toString());
        assertEquals(2, validate.code(), validate.err());
        String message = validate.err();
        if (!position.equals("0:0")) assertTrue(message.contains(file + ":" + position + ":"), "expected " + file + ":" + position + " in: " + message);
        else assertTrue(message.contains(file.toString()) || fragments.stream().anyMatch(f -> f.contains("[") || f.contains(".")), message);
        for (String f : fragments) assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
        assertNoStackTrace(message);

        Path out = tmp.resolve("out");
        Outcome run = cli("run", file.toString(), "--out", out.toString(), "--replicates", "2");
        assertEquals(2, run.code(), run.err());
        assertNoStackTrace(run.err());
        assertFalse(Files.exists(out), "a refused run must write nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodCases")
    void byteOrderMarkCrlfAndNonAsciiTextAreAccepted(Path file) {
        Outcome validate = cli("validate", file.toString());
        assertEquals(0, validate.code(), validate.err());
    }

    @Test
    void missingScenarioFileIsRefused() {
        Outcome o = cli("validate", tmp.resolve("absent.yaml").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("absent.yaml: file not found"), o.err());
    }

    @Test
    void folderGivenAsScenarioIsRefused() {
        Outcome o = cli("validate", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("is a folder"), o.err());
    }

    @Test
    void nonUtf8FileIsRefused() throws Exception {
        Path f = tmp.resolve("latin1.yaml");
        Files.write(f, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Outcome o = cli("validate", f.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("is not UTF-8"), o.err());
    }

    @Test
    void hugeScalarIsRefusedQuickly() throws Exception {
        Path f = tmp.resolve("huge.yaml");
        Files.writeString(f, "name: x\ndescription: " + "a".repeat(5 * 1024 * 1024) + "\n");
        Outcome o = cli("validate", f.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("larger than"), o.err());
    }

    @Test
    void badCommandLineValuesExitTwo() {
        Path scenario = Path.of("scenarios/quickstart.yaml");
        for (String[] args : List.of(
                new String[] {"run", scenario.toString(), "--replicates", "0"},
                new String[] {"run", scenario.toString(), "--replicates", "many"},
                new String[] {"run", scenario.toString(), "--threads", "0"},
                new String[] {"run", scenario.toString(), "--shard", "5/4"},
                new String[] {"run", scenario.toString(), "--policies", "nonee"},
                new String[] {"run", scenario.toString(), "--no-such-option"},
                new String[] {"frobnicate"})) {
            Outcome o = cli(args);
            assertEquals(2, o.code(), String.join(" ", args) + " -> " + o.err());
            assertNoStackTrace(o.err());
            assertTrue(o.err().startsWith("error: "), o.err());
        }
    }

    /** The command line takes the scenario file's bounds: --seed -1 and --replicates 100000001 were accepted; 100,000 threads were spawned. */
    @Test
    void commandLineNumbersHaveTheScenarioFilesBounds() {
        String q = "scenarios/quickstart.yaml";
        String sweep = "actors[0].campaigns_per_year=1,2";
        for (String[] args : List.of(
                new String[] {"run", q, "--seed", "-1"},
                new String[] {"run", q, "--replicates", "100000001"},
                new String[] {"run", q, "--threads", "100000"},
                new String[] {"sweep", q, "--param", sweep, "--seed", "-1"},
                new String[] {"sweep", q, "--param", sweep, "--replicates", "100000001"},
                new String[] {"sweep", q, "--param", sweep, "--threads", "100000"},
                new String[] {"slurm", q, "--shards", "2", "--seed", "-1"},
                new String[] {"slurm", q, "--shards", "2", "--replicates", "100000001"},
                new String[] {"slurm", q, "--shards", "2", "--cpus-per-task", "2000"},
                new String[] {"spof", q, "--seed", "-1"},
                new String[] {"spof", q, "--threads", "100000"},
                new String[] {"calibrate", q, "--reported-cases", "10", "--seed", "-1"},
                new String[] {"calibrate", q, "--reported-cases", "10", "--threads", "100000"},
                new String[] {"calibrate", q, "--reported-cases", "10", "--replicates", "100000001"},
                new String[] {"network", q, "--out", "never", "--seed", "-1"},
                new String[] {"gui", q, "--seed", "4611686018427387904"})) {
            Outcome o = cli(args);
            assertEquals(2, o.code(), String.join(" ", args) + " -> " + o.err());
            String option = args[args.length - 2];
            assertTrue(o.err().startsWith("error: " + option + ": must be between "), String.join(" ", args) + " -> " + o.err());
            assertNoStackTrace(o.err());
        }
    }

    static void assertNoStackTrace(String text) {
        assertFalse(text.contains("\tat "), "stack trace in: " + text);
        assertFalse(text.contains("Exception"), "exception name in: " + text);
    }
}
