package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.io.Csv;

/**
 * Buyers paying nothing and requiring nothing leaves every firm facing what it faces with no
 * policy: through the whole run, {@code buyer-share} with {@code phi: 0} gives the baseline's
 * numbers in every loss and spending column of every replicate.
 */
class PhiZeroIsNoneTest {
    @TempDir Path tmp;

    @Test
    void buyerShareWithPhiZeroAndNoRequirementEqualsNoneInEveryLossAndSpendingColumn() throws Exception {
        Path scenario = tmp.resolve("phi0.yaml");
        String text = Files.readString(Path.of("scenarios/quickstart.yaml"));
        assertTrue(text.contains("\n  - id: none\n"));
        Files.writeString(scenario, text.replace("\n  - id: none\n", "\n  - id: none\n"
                + "  - {id: buyer-share, name: bs-0, phi: 0, tiers: 3, standard: meti}\n"
                + "  - {id: buyer-share, name: bs-0-price, phi: 0, standard: star4, payment: price}\n"));
        Path out = tmp.resolve("r");
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", scenario.toString(), "--replicates", "60", "--policies", "none,bs-0,bs-0-price", "--out", out.toString(), "--quiet");
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out.resolve(Runner.REPLICATES));
        List<String> header = Csv.split(lines.get(0));
        List<List<String>> none = new ArrayList<>(), zero = new ArrayList<>(), price = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Csv.split(line);
            switch (cells.get(0)) {
                case "none" -> none.add(cells);
                case "bs-0" -> zero.add(cells);
                case "bs-0-price" -> price.add(cells);
                default -> throw new AssertionError(line);
            }
        }
        assertEquals(60, none.size());
        double spend = 0, loss = 0;
        for (int r = 0; r < none.size(); r++) {
            for (int c = 1; c < header.size(); c++) {
                // who the policy addresses is not a loss or spending column: buyer-share addresses suppliers, none nobody
                if (header.get(c).equals("share_meeting_standard")) continue;
                // how the decisions were reached is not either: none's rounds run from the base posture, a policy's from none's equilibrium
                if (header.get(c).startsWith("equilibrium_")) continue;
                assertEquals(none.get(r).get(c), zero.get(r).get(c), header.get(c) + ", replicate " + r);
                assertEquals(none.get(r).get(c), price.get(r).get(c), header.get(c) + ", replicate " + r);
            }
            spend += Double.parseDouble(none.get(r).get(header.indexOf("security_spend")));
            loss += Double.parseDouble(none.get(r).get(header.indexOf("total_loss")));
        }
        assertTrue(spend > 0 && loss > 0, "the baseline must invest and lose something for the comparison to mean anything");
    }
}
