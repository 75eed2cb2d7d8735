package weaklink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioOverridesTest {
    @TempDir Path dir;

    Path scenario() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, ScenarioLoaderTest.VALID);
        return f;
    }

    @Test
    void overrideReplacesAValueAddressedByKeyPath() throws Exception {
        Scenario s = ScenarioOverrides.load(scenario(), Map.of("actors[0].campaigns_per_year", "7.5"));
        assertEquals(7.5, s.actors().get(0).campaignsPerYear());
    }

    @Test
    void overrideAddsAKeyTheFileLeftToItsDefault() throws Exception {
        Scenario s = ScenarioOverrides.load(scenario(), Map.of("economics.substitution_share", "0.1", "seed", "99"));
        assertEquals(0.1, s.economics().substitutionShare());
        assertEquals(99, s.seed());
    }

    @Test
    void misspeltPathIsRefusedWithASuggestion() throws Exception {
        Path f = scenario();
        BadInputException e = assertThrows(BadInputException.class,
                () -> ScenarioOverrides.load(f, Map.of("actors[0].campaigns_per_yr", "2")));
        assertTrue(e.getMessage().contains("did you mean 'campaigns_per_year'"), e.getMessage());
    }

    @Test
    void outOfRangeValueIsReportedAtTheOriginalLine() throws Exception {
        Path f = scenario();
        BadInputException e = assertThrows(BadInputException.class,
                () -> ScenarioOverrides.load(f, Map.of("actors[0].attempt_probability", "1.7")));
        assertEquals(11, e.line());
        assertTrue(e.problem().contains("between 0 and 1"), e.problem());
    }

    @Test
    void indexBeyondTheListIsRefused() throws Exception {
        Path f = scenario();
        BadInputException e = assertThrows(BadInputException.class,
                () -> ScenarioOverrides.load(f, Map.of("actors[3].capability", "2")));
        assertTrue(e.problem().contains("beyond"), e.problem());
    }
}
