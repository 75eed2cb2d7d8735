package weaklink.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** The one JSON mapper, configured for stable, readable output (indented, keys in insertion order). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    public static void write(Path file, JsonNode node) throws IOException {
        AtomicFile.writeString(file, MAPPER.writeValueAsString(node) + "\n");
    }

    /** Writes with {@link AtomicFile#writeDurably}: for files a resumed run trusts. */
    public static void writeDurably(Path file, JsonNode node) throws IOException {
        String text = MAPPER.writeValueAsString(node) + "\n";
        AtomicFile.writeDurably(file, w -> w.write(text));
    }

    /** The bytes {@link #write} writes for {@code node}. */
    public static byte[] bytes(JsonNode node) throws IOException {
        return (MAPPER.writeValueAsString(node) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    public static ObjectNode object() { return MAPPER.createObjectNode(); }
}
