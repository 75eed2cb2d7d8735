package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Json;

class NetworkCommandTest {
    static final Path QUICKSTART = Path.of("scenarios/quickstart.yaml");

    @TempDir Path dir;

    static int run(StringWriter out, StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    static int run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    /** The quick-start scenario with its generator replaced by the exported files. */
    private Path importing(Path exported) throws Exception {
        String yaml = Files.readString(QUICKSTART);
        int from = yaml.indexOf("network:\n"), to = yaml.indexOf("\nactors:");
        String files = "network:\n  files: {firms: " + exported.resolve("firms.csv") + ", links: " + exported.resolve("links.csv") + "}\n";
        Path s = dir.resolve("imported.yaml");
        Files.writeString(s, yaml.substring(0, from) + files + yaml.substring(to));
        return s;
    }

    @Test
    void networkWritesFirmsLinksAndStatsThatAgree() throws Exception {
        Path out = dir.resolve("net");
        StringWriter stdout = new StringWriter();
        assertEquals(0, run(stdout, new StringWriter(), "network", QUICKSTART.toString(), "--out", out.toString()));
        JsonNode stats = Json.read(out.resolve("network_stats.json"));
        long firms = Files.lines(out.resolve("firms.csv")).count() - 1;
        long links = Files.lines(out.resolve("links.csv")).count() - 1;
        assertEquals(firms, stats.get("firms").asLong());
        assertEquals(links, stats.get("supply_links").asLong() + stats.get("trust_links").asLong());
        assertEquals(Files.lines(out.resolve("links.csv")).filter(l -> l.startsWith("trust,")).count(), stats.get("trust_links").asLong());
        assertEquals(5, stats.path("firms_by_tier").path("0").asLong());
        assertTrue(stats.path("degree_distributions").path("customers").has("histogram"));
        assertTrue(stats.path("largest_hubs").path("by_trust_out").get(0).path("role").asText().equals("it-service"));
        assertTrue(stdout.toString().contains("969 firms"), stdout.toString());
    }

    @Test
    void exportImportExportThroughTheCommandGivesIdenticalFiles() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, run("network", QUICKSTART.toString(), "--out", a.toString()));
        Path imported = importing(a);
        assertEquals(0, run("validate", imported.toString()));
        assertEquals(0, run("network", imported.toString(), "--out", b.toString()));
        for (String f : NetworkCommand.FILES) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }

    @Test
    void aRunOnTheImportedNetworkEqualsTheRunOnTheGeneratedOne() throws Exception {
        Path net = dir.resolve("net"), r1 = dir.resolve("r1"), r2 = dir.resolve("r2");
        assertEquals(0, run("network", QUICKSTART.toString(), "--out", net.toString()));
        assertEquals(0, run("run", QUICKSTART.toString(), "--replicates", "5", "--out", r1.toString(), "--quiet"));
        assertEquals(0, run("run", importing(net).toString(), "--replicates", "5", "--out", r2.toString(), "--quiet"));
        assertArrayEquals(Files.readAllBytes(r1.resolve("replicates.csv")), Files.readAllBytes(r2.resolve("replicates.csv")));
    }

    @Test
    void existingNetworkFilesAreKeptUnlessOverwriteIsGiven() throws Exception {
        Path out = Files.createDirectories(dir.resolve("full"));
        Files.writeString(out.resolve("links.csv"), "precious");
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "network", QUICKSTART.toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("--overwrite"), err.toString());
        assertEquals("precious", Files.readString(out.resolve("links.csv")));
        assertEquals(0, run("network", QUICKSTART.toString(), "--out", out.toString(), "--overwrite"));
        assertTrue(Files.readString(out.resolve("links.csv")).startsWith("kind,source,target"));
    }

    @Test
    void aBadLinkRowExitsTwoNamingFileLineAndColumn() throws Exception {
        Path a = dir.resolve("a");
        assertEquals(0, run("network", QUICKSTART.toString(), "--out", a.toString()));
        Files.writeString(a.resolve("links.csv"), "trust,0,1,vpn,,,\n", java.nio.file.StandardOpenOption.APPEND);
        long line = Files.lines(a.resolve("links.csv")).count();
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "network", importing(a).toString(), "--out", dir.resolve("b").toString()));
        assertTrue(err.toString().contains("links.csv:" + line + ":4: type: unknown trust type 'vpn'"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(dir.resolve("b")));
    }
}
