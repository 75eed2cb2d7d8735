package weaklink.experiment;

import weaklink.io.Csv;
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
import weaklink.stats.PairedComparison;

/** On the real model, with every policy seeing the same attacks, the paired comparison in summary.csv beats an unpaired one. */
class PolicyComparisonTest {
    @TempDir Path tmp;

    @Test
    void summarysPairedIntervalIsNarrowerThanAnUnpairedOneOnTheModel() throws Exception {
        Path scenario = tmp.resolve("two-policies.yaml");
        String text = Files.readString(Path.of("src/test/resources/scenarios/small-network.yaml"));
        assertTrue(text.contains("\n  - id: none\n"));
        Files.writeString(scenario, text.replace("\n  - id: none\n", "\n  - id: none\n  - {id: buyer-share, name: bs-10, phi: 0.1}\n"));
        Path out = tmp.resolve("r");
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", scenario.toString(), "--replicates", "200", "--out", out.toString(), "--quiet");
        assertEquals(0, code);

        List<String> rows = Files.readAllLines(out.resolve(Runner.REPLICATES));
        List<Double> none = new ArrayList<>(), share = new ArrayList<>();
        for (String line : rows.subList(1, rows.size())) {
            ReplicateRow r = ReplicateRow.parse(line);
            (r.policy().equals("none") ? none : share).add(r.value(ReplicateColumn.TOTAL_LOSS));
        }
        double[] x = share.stream().mapToDouble(Double::doubleValue).toArray(), y = none.stream().mapToDouble(Double::doubleValue).toArray();
        PairedComparison.Interval paired = new PairedComparison(x, y).tInterval(0.95);
        PairedComparison.Interval unpaired = PairedComparison.welchInterval(x, y, 0.95);
        assertTrue(paired.width() < unpaired.width() / 2, "paired " + paired + ", unpaired " + unpaired);

        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = Csv.split(summary.get(0)), bs = Csv.split(summary.get(2));
        assertEquals("bs-10", bs.get(0));
        assertEquals(Csv.money(paired.low()), bs.get(header.indexOf("diff_ci95_low")));
        assertEquals(Csv.money(paired.high()), bs.get(header.indexOf("diff_ci95_high")));
        double bootLow = Double.parseDouble(bs.get(header.indexOf("diff_boot_ci95_low")));
        double bootHigh = Double.parseDouble(bs.get(header.indexOf("diff_boot_ci95_high")));
        assertTrue(bootHigh - bootLow < unpaired.width() / 2, "bootstrap [" + bootLow + ", " + bootHigh + "]");
    }
}
