package weaklink.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import weaklink.io.Json;

/**
 * The claim every way of running makes (sharded and merged, Slurm, Spark): the results folder
 * equals a local run's byte for byte, except the manifests' record of when, where and how the run
 * was done (including the paths its inputs were read from; their sizes and hashes must agree).
 */
public final class SameResults {
    /** Manifest keys that describe the execution, not the results. */
    public static final List<String> EXECUTION_KEYS = List.of("started", "finished", "threads", "merged_from", "engine",
            "scenario_file", "java_version", "os");

    private SameResults() {}

    public static void assertSameResults(Path expected, Path actual) throws IOException {
        List<Path> files = files(expected);
        assertEquals(files, files(actual), "the same files in " + expected + " and " + actual);
        for (Path f : files) {
            if (f.getFileName().toString().equals("manifest.json")) {
                assertEquals(resultsPart(expected.resolve(f)), resultsPart(actual.resolve(f)), "manifest.json apart from " + EXECUTION_KEYS);
            } else {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f + " byte for byte");
            }
        }
    }

    static ObjectNode resultsPart(Path manifest) throws IOException {
        ObjectNode m = (ObjectNode) Json.read(manifest);
        m.remove(EXECUTION_KEYS);
        // Where an input was read from (relative here, absolute on a cluster node) is execution;
        // its bytes and hash are the results' provenance and must agree.
        if (m.get("inputs") instanceof com.fasterxml.jackson.databind.node.ArrayNode inputs) {
            inputs.forEach(i -> ((ObjectNode) i).remove("path"));
        }
        return m;
    }

    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
