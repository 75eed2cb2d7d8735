package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weaklink.economics.EventLosses;
import weaklink.economics.ReplicateLosses;
import weaklink.model.ReplicateRecord;
import weaklink.random.RandomStreams;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * An insurer's book of 200 firms (src/test/resources/book): each insured firm's loss and claim per
 * event equal the figures make_fixture.py works out by hand — own business interruption and CBI with
 * waiting periods of 0 to 72 hours, CBI and ransom sublimits, deductibles, limits and shares written.
 */
class BookClaimsTest {
    static final Path FIXTURE = Path.of("src/test/resources/book");

    static ReplicateLosses fixtureLosses() throws Exception {
        Scenario s = ScenarioLoader.load(FIXTURE.resolve("book.yaml"));
        RunContext context = RunContext.of(s, s.seed());
        RandomStreams streams = context.streams(0);
        ReplicateRecord record = context.model(context.funding(s.policies().get(0)).posture(), streams).run();
        return context.lossModel().losses(record, streams);
    }

    @Test
    void everyInsuredFirmsClaimMatchesTheHandComputedFixture() throws Exception {
        ReplicateLosses losses = fixtureLosses();
        EventLosses.Claims claims = losses.events().claims();
        Map<Long, double[]> found = new HashMap<>();
        for (int k = 0; k < claims.size(); k++) {
            double[] v = new double[7];
            for (int f = 0; f < 7; f++) v[f] = claims.yen(k, f);
            found.put((long) claims.firm(k), v);
        }
        List<String> lines = Files.readAllLines(FIXTURE.resolve("expected_claims.csv"));
        assertEquals(lines.size() - 1, found.size(), "one claim per firm with a loss");
        int[] fields = {EventLosses.Claims.GROUND_UP, EventLosses.Claims.BI, EventLosses.Claims.CBI, EventLosses.Claims.RANSOM,
                EventLosses.Claims.WAITING, EventLosses.Claims.PAID, EventLosses.Claims.BOOK};
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            long firm = Long.parseLong(c[0]);
            double[] v = found.get(firm);
            for (int i = 0; i < fields.length; i++) {
                double expected = Double.parseDouble(c[i + 1]);
                assertEquals(expected, v[fields[i]], 0.005 + 1e-9 * expected, "firm " + firm + ", " + lines.get(0).split(",")[i + 1]);
            }
        }
    }

    @Test
    void theBooksEventLossesAreItsShareOfWhatItsPoliciesPaid() throws Exception {
        ReplicateLosses losses = fixtureLosses();
        EventLosses events = losses.events();
        EventLosses.Claims claims = events.claims();
        double[] byEvent = new double[events.size()];
        for (int k = 0; k < claims.size(); k++) byEvent[claims.event(k)] += claims.yen(k, EventLosses.Claims.BOOK);
        for (int e = 0; e < events.size(); e++) assertEquals(byEvent[e], events.il(e, 0), 1e-6, "event " + events.id(e));
    }
}
