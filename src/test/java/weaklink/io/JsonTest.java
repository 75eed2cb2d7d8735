package weaklink.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The one JSON mapper. */
class JsonTest {
    @Test
    void warmingUpChangesNoByteTheMapperWritesOrReads() throws Exception {
        ObjectNode node = Json.object();
        node.put("started", "2026-11-30T21:13:06.679062752Z").put("mean", 0.1 + 0.2).put("replicates", 100L).putArray("policies").add("none").add(1e-300);
        byte[] before = Json.bytes(node);

        Json.warmUp();

        assertArrayEquals(before, Json.bytes(node));
        assertArrayEquals(before, Json.bytes(Json.MAPPER.readTree(before)));
    }
}
