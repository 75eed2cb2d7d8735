package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.io.Json;
import weaklink.io.Sha256;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * A run's identity covers every file it read (issue #18, item 4): the manifest holds the SHA-256 of
 * the scenario and of its network files, and resume and merge refuse a changed file, naming it. The
 * manifest's scenario loads back as a scenario, and no absolute path of the machine reaches the report
 * (issue #19, item 3).
 */
class RunIdentityTest {
    @TempDir Path tmp;
    Path scenario, firms;

    /** The Kojima/Toyota scenario, whose network is read from files, copied so its files can be edited. */
    @BeforeEach
    void copyAScenarioWithNetworkFiles() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("scenarios"));
        Files.copy(Path.of("scenarios/kojima-toyota.yaml"), home.resolve("kt.yaml"));
        Folders.copyTree(Path.of("scenarios/data/kojima-toyota"), Files.createDirectories(home.resolve("data/kojima-toyota")));
        scenario = home.resolve("kt.yaml");
        firms = home.resolve("data/kojima-toyota/firms.csv");
    }

    /** Changes Toyota's revenue: a different network. */
    void editFirms() throws Exception {
        String before = Files.readString(firms);
        Files.writeString(firms, before.replace(",11862500000000,", ",12000000000000,"));
        assertFalse(before.equals(Files.readString(firms)), "the edit changed firms.csv");
    }

    @Test
    void theManifestHoldsTheHashOfTheScenarioAndOfEachNetworkFile() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(0, Folders.cli("run", scenario.toString(), "--replicates", "5", "--out", out.toString(), "--quiet").code());
        Manifest m = Manifest.read(out);
        assertEquals(List.of("scenario", "firms", "links"), m.inputs().stream().map(Manifest.InputFile::role).toList());
        assertEquals(Sha256.of(firms), m.inputs().get(1).sha256());
        assertEquals("data/kojima-toyota/firms.csv", m.inputs().get(1).path(), "as the scenario names it");
    }

    @Test
    void resumeRefusesANetworkFileChangedSinceTheRunNamingIt() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(0, Folders.cli("run", scenario.toString(), "--replicates", "5", "--out", out.toString(), "--quiet").code());
        editFirms();
        Folders.Outcome o = Folders.cli("run", scenario.toString(), "--resume", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("firms.csv") && o.err().contains("has changed since the run"), o.err());
    }

    @Test
    void mergeRefusesShardsRunOnDifferentNetworkFilesNamingTheFile() throws Exception {
        Path one = tmp.resolve("one"), two = tmp.resolve("two");
        assertEquals(0, Folders.cli("run", scenario.toString(), "--replicates", "6", "--shard", "1/2", "--out", one.toString(), "--quiet").code());
        editFirms();
        assertEquals(0, Folders.cli("run", scenario.toString(), "--replicates", "6", "--shard", "2/2", "--out", two.toString(), "--quiet").code());
        Folders.Outcome o = Folders.cli("merge", "--out", tmp.resolve("merged").toString(), one.toString(), two.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("inputs") && o.err().contains("data/kojima-toyota/firms.csv"), o.err());
        assertFalse(Files.exists(tmp.resolve("merged")));
    }

    /** The same scenario with an uncertainty block: a run of draws, each an ordinary run on the network files. */
    Path withUncertainty() throws Exception {
        Path u = scenario.resolveSibling("kt-uncertainty.yaml");
        Files.writeString(u, Files.readString(scenario) + "\nuncertainty:\n  draws: 4\n  parameters:\n"
                + "    size_classes.large.gl_alpha: {type: uniform, min: 1.0e-7, max: 1.0e-6}\n");
        return u;
    }

    /** A finished draw is never run again, so resume checked only the draw in progress: draws on two networks made one run. */
    @Test
    void resumingAnUncertaintyRunRefusesANetworkFileChangedSinceItsFinishedDraws() throws Exception {
        Path u = withUncertainty(), out = tmp.resolve("u");
        assertEquals(0, Folders.cli("run", u.toString(), "--replicates", "3", "--out", out.toString(), "--quiet").code());
        editFirms();
        Folders.Outcome o = Folders.cli("run", u.toString(), "--resume", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("firms.csv") && o.err().contains("has changed since the run in " + UncertaintyRun.drawDir(out, 0)), o.err());
    }

    @Test
    void mergingUncertaintyShardsRunOnDifferentNetworkFilesIsRefusedNamingTheDraw() throws Exception {
        Path u = withUncertainty(), one = tmp.resolve("one"), two = tmp.resolve("two"), merged = tmp.resolve("merged");
        assertEquals(0, Folders.cli("run", u.toString(), "--replicates", "3", "--shard", "1/2", "--out", one.toString(), "--quiet").code());
        editFirms();
        assertEquals(0, Folders.cli("run", u.toString(), "--replicates", "3", "--shard", "2/2", "--out", two.toString(), "--quiet").code());
        Folders.Outcome o = Folders.cli("merge", "--out", merged.toString(), one.toString(), two.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(UncertaintyRun.drawDir(two, 2).resolve("manifest.json").toString()) && o.err().contains("inputs")
                && o.err().contains("data/kojima-toyota/firms.csv"), o.err());
        assertFalse(Files.exists(merged));
    }

    @Test
    void resumingASweepRefusesANetworkFileChangedSinceItsFinishedPoints() throws Exception {
        Path out = tmp.resolve("sweep");
        List<String> sweep = List.of("sweep", scenario.toString(), "--param", "size_classes.large.recovery_days=1,2", "--replicates", "3",
                "--out", out.toString(), "--quiet");
        assertEquals(0, Folders.cli(sweep.toArray(String[]::new)).code());
        editFirms();
        List<String> resume = new java.util.ArrayList<>(sweep);
        resume.add("--resume");
        Folders.Outcome o = Folders.cli(resume.toArray(String[]::new));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("firms.csv") && o.err().contains("has changed since the run in " + Sweep.pointDir(out, 0)), o.err());
    }

    @Test
    void theManifestsScenarioLoadsBackAsTheScenarioThatRan() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(0, Folders.cli("run", scenario.toString(), "--replicates", "5", "--out", out.toString(), "--quiet").code());
        JsonNode tree = Json.read(out.resolve("manifest.json")).get("scenario");
        Path written = scenario.resolveSibling("from-manifest.yaml");
        Files.writeString(written, Json.MAPPER.writeValueAsString(tree));
        Scenario original = ScenarioLoader.load(scenario);
        assertEquals(original, ScenarioLoader.load(written));
        assertTrue(tree.path("network").path("files").path("firms").asText().equals("data/kojima-toyota/firms.csv"), tree.toString());
        assertTrue(tree.has("size_classes") && tree.path("actors").isArray(), "snake_case keys, as a scenario file has them");
    }

    @Test
    void noAbsolutePathReachesTheReport() throws Exception {
        Path out = tmp.resolve("r");
        assertEquals(0, Folders.cli("run", scenario.toString(), "--replicates", "5", "--out", out.toString(), "--quiet").code());
        String report = Files.readString(out.resolve("report.html"));
        assertFalse(report.contains(tmp.toString()), "the report names no path of this machine");
        assertTrue(report.contains("data/kojima-toyota/firms.csv"), "it names the network files as the scenario does");
    }
}
