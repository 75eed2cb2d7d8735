package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build compiles {@code "a" + b} to StringBuilder calls ({@code -XDstringConcat=inline} in
 * pom.xml) instead of an invokedynamic call site: each such call site would otherwise have the JVM
 * generate method-handle classes the first time it runs, which the class-data archive cannot keep
 * (about 0.07 s of a quick start's main-thread CPU; docs/BENCHMARKS.md, "Seventh pass").
 */
class StringConcatCompiledInlineTest {
    @Test
    void noCompiledClassOfOursBootstrapsAStringConcatenation() throws IOException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes.resolve("weaklink")), classes.toString());
        byte[] marker = "java/lang/invoke/StringConcatFactory".getBytes(StandardCharsets.UTF_8);
        List<Path> compiled;
        try (Stream<Path> files = Files.walk(classes)) {
            compiled = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertTrue(compiled.size() > 100, "compiled classes found: " + compiled.size());
        List<Path> concatenating = compiled.stream().filter(f -> contains(read(f), marker)).map(classes::relativize).toList();
        assertEquals(List.of(), concatenating);
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
