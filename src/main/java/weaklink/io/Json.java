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

    /**
     * Writes a small tree and reads it back, dropping both: the mapper's first use initialises it
     * (its date format's calendars and time zones, its serialisers), about a tenth of a second a run
     * can spend on an idle core before it writes its manifest. Changes no byte the mapper writes.
     */
    public static void warmUp() throws IOException {
        ObjectNode node = object();
        node.put("text", "warm-up").put("number", 1.5).put("whole", 2L).putArray("list").add(1).add("two");
        MAPPER.readTree(MAPPER.writeValueAsString(node));
    }
}
