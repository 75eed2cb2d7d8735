package weaklink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    static final String VALID = """
            name: tiny
            network:
              generator:
                tiers:
                  - firms: 2
                  - firms: 10
                    suppliers_per_buyer: 3
            actors:
              - mode: opportunistic
                campaigns_per_year: 2
                attempt_probability: 0.1
            """;

    @TempDir Path dir;

    private BadInputException refused(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return assertThrows(BadInputException.class, () -> ScenarioLoader.load(f));
    }

    @Test
    void validScenarioLoadsWithDefaults() throws Exception {
        Scenario s = ScenarioLoader.parse("s.yaml", VALID, dir);
        assertEquals("tiny", s.name());
        assertEquals(365, s.days());
        assertEquals(1, s.policies().size());
        assertEquals(PolicySpec.Kind.NONE, s.policies().get(0).kind());
        assertEquals(2, s.network().generator().tiers().size());
    }

    @Test
    void misspeltKeyIsRefusedWithLineAndSuggestion() throws Exception {
        BadInputException e = refused(VALID.replace("campaigns_per_year: 2", "campaigns_per_yaer: 2"));
        assertEquals(10, e.line());
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("did you mean 'campaigns_per_year'"), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("s.yaml") + ":10:5"), e.getMessage());
    }

    @Test
    void negativeProbabilityIsRefusedWithItsLocation() throws Exception {
        BadInputException e = refused(VALID.replace("attempt_probability: 0.1", "attempt_probability: -0.1"));
        assertEquals(11, e.line());
        assertEquals("actors[0].attempt_probability", e.key());
        assertTrue(e.problem().contains("between 0 and 1"), e.problem());
    }

    @Test
    void shareAboveOneIsRefused() throws Exception {
        BadInputException e = refused(VALID + "economics:\n  substitution_share: 1.5\n");
        assertEquals("economics.substitution_share", e.key());
        assertEquals(13, e.line());
    }

    @Test
    void nonNumberIsRefused() throws Exception {
        BadInputException e = refused(VALID.replace("campaigns_per_year: 2", "campaigns_per_year: often"));
        assertEquals(10, e.line());
        assertTrue(e.problem().contains("expected a number, found 'often'"), e.problem());
    }

    @Test
    void malformedYamlReportsLineAndColumn() throws Exception {
        BadInputException e = refused("name: x\nnetwork: [1, 2\n");
        assertTrue(e.line() >= 2, e.getMessage());
        assertTrue(e.problem().startsWith("malformed YAML"), e.problem());
    }

    @Test
    void typeTagsAreRefused() throws Exception {
        BadInputException e = refused("name: !!java.lang.Runtime x\n");
        assertTrue(e.problem().contains("type tag"), e.problem());
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        BadInputException e = refused(VALID + "name: again\n");
        assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
    }

    @Test
    void unknownEnumValueSuggestsTheClosest() throws Exception {
        BadInputException e = refused(VALID.replace("mode: opportunistic", "mode: oportunistic"));
        assertTrue(e.problem().contains("did you mean 'opportunistic'"), e.problem());
        assertEquals(9, e.line());
    }

    @Test
    void missingRequiredKeyIsNamed() throws Exception {
        BadInputException e = refused(VALID.replace("name: tiny\n", ""));
        assertEquals("name", e.key());
        assertTrue(e.problem().contains("missing"), e.problem());
    }

    @Test
    void missingFileIsReported() {
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void aliasBombIsRefused() throws Exception {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ", ").append('*').append(prev);
            y.append("]\n");
            prev = c;
        }
        BadInputException e = refused(y.toString());
        assertTrue(e.problem().contains("aliases to lists or mappings"), e.problem());
        // the 21st alias to a list is the third on line 4 ('d: &d [*c, *c, *c' ...): column 16
        assertEquals(4, e.line(), e.getMessage());
        assertEquals(16, e.column(), e.getMessage());
    }

    @Test
    void twentyAliasesToListsAndAnyAliasesToScalarsAreRead() throws Exception {
        StringBuilder y = new StringBuilder("list: &l [1, 2]\nscalar: &s 3\nuses: [");
        for (int i = 0; i < YamlDocument.MAX_ALIASES; i++) y.append("*l, ");
        for (int i = 0; i < 100; i++) y.append("*s, ");
        y.append("4]\n");
        YamlDocument.parse("s.yaml", y.toString()); // throws if refused
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"days:", "days: ~", "days: null", "days: Null"})
    void anEmptyOrNullValueMeansTheDefaultLikeAnAbsentKey(String line) throws Exception {
        Scenario s = ScenarioLoader.parse("s.yaml", VALID + line + "\n", dir);
        assertEquals(365, s.days());
    }

    @Test
    void aNumberWithUnderscoresIsStillANumber() throws Exception {
        Scenario s = ScenarioLoader.parse("s.yaml", VALID + "replicates: 1_000\n", dir);
        assertEquals(1000, s.replicates());
    }

    @Test
    void sizeMixSharesThatAddUpToOneAreKept() throws Exception {
        Scenario s = ScenarioLoader.parse("s.yaml", VALID.replace("suppliers_per_buyer: 3", "suppliers_per_buyer: 3\n        size_mix: {small: 0.1, micro: 0.2, medium: 0.7}"), dir);
        var mix = s.network().generator().tiers().get(1).sizeMix();
        assertEquals(0.1, mix.get(SizeClass.SMALL), 1e-12);
        assertEquals(0.7, mix.get(SizeClass.MEDIUM), 1e-12);
    }
}
