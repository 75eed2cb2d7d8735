package weaklink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the YAML reader is set up to read a scenario's text. */
class YamlDocumentTest {
    /**
     * SnakeYAML keeps the token being scanned in its window and copies it on every refill: with its
     * default buffer of 1,024 characters a 3 MB scalar was 3,000 copies of up to 3 MB (25 s, 1 GB).
     * The largest file WeakLink reads must fill the buffer at most a few hundred times.
     */
    @Test
    void theLargestScenarioFileFillsTheReadersBufferAtMostAFewHundredTimes() {
        int fills = YamlDocument.MAX_BYTES / YamlDocument.settings("s.yaml").getBufferSize();
        assertTrue(fills <= 256, fills + " fills");
    }

    @Test
    void aScalarOfMegabytesIsReadBackWhole() throws Exception {
        String value = "x".repeat(3 * 1024 * 1024);
        YamlMap m = YamlDocument.parse("s.yaml", "name: long\ndescription: '" + value + "'\n");
        assertEquals(value, m.requireString("description"));
    }
}
