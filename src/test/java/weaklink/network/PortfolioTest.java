package weaklink.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/** The insurer's book is read as strictly as the network files: every refusal names file, line, column and column name. */
class PortfolioTest {
    static final Path FIXTURE = Path.of("src/test/resources/book");
    static SupplyNetwork net;

    @TempDir Path dir;

    @BeforeAll
    static void network() throws Exception {
        Scenario s = ScenarioLoader.load(FIXTURE.resolve("book.yaml"));
        net = NetworkCsv.read(FIXTURE.resolve("firms.csv"), FIXTURE.resolve("links.csv"), s, s.seed());
    }

    BadInputException refused(String content) throws Exception {
        Path f = dir.resolve("book.csv");
        Files.writeString(f, content);
        return assertThrows(BadInputException.class, () -> Portfolio.read(f, net));
    }

    @Test
    void theFixturesBookHoldsItsTwoHundredFirmsInNetworkOrder() throws Exception {
        Portfolio p = Portfolio.read(FIXTURE.resolve("portfolio.csv"), net);
        assertEquals(200, p.size());
        assertEquals(net.indexOf(150), p.firm(p.positionOf(net.indexOf(150))));
        assertEquals(-1, p.positionOf(-5));
    }

    @Test
    void aFirmNotInTheNetworkIsRefusedAtItsCell() throws Exception {
        BadInputException e = refused("firm_id,limit_yen\n0,1000\n999,1000\n");
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("no firm with id 999"), e.getMessage());
    }

    @Test
    void aFirmListedTwiceIsRefusedNamingBothLines() throws Exception {
        BadInputException e = refused("firm_id,limit_yen\n5,1000\n6,1000\n5,2000\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("first on line 2"), e.getMessage());
    }

    @Test
    void anUnknownColumnIsRefusedWithASuggestion() throws Exception {
        BadInputException e = refused("firm_id,limit_yen,waiting_period_hour\n5,1000,8\n");
        assertEquals(1, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("did you mean 'waiting_period_hours'"), e.getMessage());
    }

    @Test
    void aShareAboveOneIsRefused() throws Exception {
        BadInputException e = refused("firm_id,limit_yen,share\n5,1000,1.5\n");
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals("share", e.key());
    }

    @Test
    void aMissingLimitIsRefused() throws Exception {
        BadInputException e = refused("firm_id,limit_yen\n5,\n");
        assertEquals(2, e.line());
        assertEquals("limit_yen", e.key());
    }

    @Test
    void aNegativeDeductibleIsRefused() throws Exception {
        BadInputException e = refused("firm_id,limit_yen,deductible_yen\n5,1000,-3\n");
        assertEquals("deductible_yen", e.key());
    }

    @Test
    void aNegativeOrZeroLimitIsRefusedAsNotAboveZero() throws Exception {
        for (String limit : new String[] {"-5", "0"}) {
            BadInputException e = refused("firm_id,limit_yen\n5," + limit + "\n");
            assertEquals(2, e.line());
            assertEquals("limit_yen", e.key());
            assertTrue(e.problem().contains("the limit must be above 0, found " + limit), e.problem());
        }
    }

    @Test
    void aBookWithAHeaderButNoFirmIsRefused() throws Exception {
        BadInputException e = refused("firm_id,limit_yen,share\n\n");
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("no insured firm"), e.problem());
    }
}
