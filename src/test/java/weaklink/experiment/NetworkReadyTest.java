package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weaklink.io.InputFile;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.ScenarioSource;

/**
 * What a run may start writing while its funding is computed: the engine says when its network is built and
 * the run fits the heap (the last checks that refuse bad input), naming the network files as it read them, and
 * says nothing for a run it refuses.
 */
class NetworkReadyTest {
    private static Scenario load(String file) throws Exception {
        return ScenarioLoader.load(ScenarioSource.read(Path.of(file)));
    }

    @Test
    void networkReadyIsToldOnceTheNetworkFilesTheEngineRead() throws Exception {
        Scenario scenario = load("scenarios/askul-logistics.yaml");
        List<List<InputFile.Digest>> told = new ArrayList<>();
        ReplicateEngine engine = new ReplicateEngine(scenario, scenario.seed(), scenario.policies(), new ReplicateEngine.Workload(2, 10), told::add);
        assertEquals(1, told.size(), "told once");
        assertEquals(2, engine.networkSources().size(), "the scenario's firms and links files");
        assertEquals(engine.networkSources(), told.get(0));
    }

    @Test
    void aRunRefusedForTheHeapIsNeverToldItsNetworkIsReady() throws Exception {
        Scenario scenario = load("scenarios/quickstart.yaml");
        List<List<InputFile.Digest>> told = new ArrayList<>();
        BadInputException refused = assertThrows(BadInputException.class, () -> new ReplicateEngine(scenario, scenario.seed(),
                scenario.policies(), new ReplicateEngine.Workload(2, 1_000_000_000_000L), told::add));
        assertTrue(refused.getMessage().contains("heap"), refused.getMessage());
        assertEquals(List.of(), told, "nothing may be written for a refused run");
    }
}
