package weaklink.economics.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.experiment.ReplicateColumn;
import weaklink.experiment.ReplicateRow;

/** All six policy kinds, several variants of one, through the real `run` command. */
class CostSharingPolicyRunTest {
    static final String SCENARIO = """
            name: six
            seed: 5
            network:
              generator:
                tiers:
                  - firms: 3
                    size_mix: {large: 1.0}
                  - firms: 12
                    size_mix: {medium: 0.5, small: 0.5}
                    suppliers_per_buyer: 4
                  - firms: 30
                    size_mix: {small: 0.5, micro: 0.5}
                    suppliers_per_buyer: 3
                trust_probability: {remote-access: 0.3}
            actors:
              - mode: opportunistic
                campaigns_per_year: 4
                attempt_probability: 0.1
            policies:
              - id: none
              - {id: buyer-share, name: bs-25, phi: 0.25}
              - {id: buyer-share, name: bs-100, phi: 1.0, tiers: 2}
              - {id: mandate, standard: star4}
              - {id: subsidy, sigma: 0.5, budget_yen: 5.0e6}
              - {id: mutual-pool, premium_rate: 0.002, retention_yen: 1.0e6, prevention_share: 0.3, capital_yen: 1.0e7}
              - {id: targeted, budget_yen: 5.0e7, payer: buyers}
            """;

    @TempDir Path dir;

    @Test
    void everyKindRunsAndEveryRowsBooksBalance() throws Exception {
        Path yaml = dir.resolve("six.yaml");
        Files.writeString(yaml, SCENARIO);
        Path out = dir.resolve("out");
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", yaml.toString(), "--replicates", "40", "--out", out.toString(), "--quiet");
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out.resolve("replicates.csv"));
        assertEquals(ReplicateRow.header(), lines.get(0));
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            ReplicateRow r = ReplicateRow.parse(line);
            seen.add(r.policy());
            double payers = r.value(ReplicateColumn.PAID_BY_SELF) + r.value(ReplicateColumn.PAID_BY_BUYERS)
                    + r.value(ReplicateColumn.PAID_BY_GOVERNMENT) + r.value(ReplicateColumn.PAID_BY_POOL);
            assertEquals(r.value(ReplicateColumn.SECURITY_SPEND), payers, 0.05 + 1e-9 * payers, line);
            assertEquals(r.value(ReplicateColumn.TOTAL_LOSS) + r.value(ReplicateColumn.SECURITY_SPEND) + r.value(ReplicateColumn.ADMINISTRATION_COST)
                    + r.value(ReplicateColumn.EXCESS_BURDEN), r.value(ReplicateColumn.SOCIETAL_COST), 0.05, line);
            // the excess burden is 0.3 of the public money: the government's payments and, for public programmes, their administration
            double publicMoney = r.value(ReplicateColumn.PAID_BY_GOVERNMENT)
                    + (r.policy().equals("subsidy") ? r.value(ReplicateColumn.ADMINISTRATION_COST) : 0);
            assertEquals(0.3 * publicMoney, r.value(ReplicateColumn.EXCESS_BURDEN), 0.05, line);
            if (r.policy().equals("mutual-pool")) {
                // the pool also spends 10 % of premiums on running itself (the default administration share)
                assertEquals(1.0e7 + r.value(ReplicateColumn.PREMIUMS), r.value(ReplicateColumn.PAID_BY_POOL) + 0.1 * r.value(ReplicateColumn.PREMIUMS)
                        + r.value(ReplicateColumn.POOL_PAYOUTS) + r.value(ReplicateColumn.POOL_BALANCE), 0.05, line);
                assertTrue(r.value(ReplicateColumn.PREMIUMS) > 0);
            } else {
                assertEquals(0, r.value(ReplicateColumn.PREMIUMS));
                assertEquals(0, r.value(ReplicateColumn.POOL_PAYOUTS));
            }
            if (r.policy().equals("none")) assertEquals(0, r.value(ReplicateColumn.POLICY_COST));
            if (r.policy().startsWith("bs-")) assertTrue(r.value(ReplicateColumn.PAID_BY_BUYERS) > 0, line);
            double government = r.value(ReplicateColumn.PAID_BY_GOVERNMENT);
            if (r.policy().equals("subsidy")) assertTrue(government > 0 && government <= 5.0e6 + 0.01, line);
            if (r.policy().equals("targeted")) assertEquals(5.0e7, r.value(ReplicateColumn.PAID_BY_BUYERS), 1, line);
        }
        assertEquals(Set.of("none", "bs-25", "bs-100", "mandate", "subsidy", "mutual-pool", "targeted"), seen);

        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(","));
        int ruin = header.indexOf("pool_ruin_probability"), gov = header.indexOf("mean_paid_by_government");
        int ruined = 0;
        for (String line : lines.subList(1, lines.size())) {
            ReplicateRow r = ReplicateRow.parse(line);
            if (r.policy().equals("mutual-pool") && r.value(ReplicateColumn.POOL_RUINED) == 1) ruined++;
        }
        for (String row : summary.subList(1, summary.size())) {
            String[] cells = row.split(",");
            if (cells[0].equals("mutual-pool")) assertEquals(ruined / 40.0, Double.parseDouble(cells[ruin]), 1e-9);
            if (cells[0].equals("subsidy")) assertTrue(Double.parseDouble(cells[gov]) <= 5.0e6 + 0.01);
        }
    }
}
