package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import weaklink.economics.decision.BestResponse;
import weaklink.economics.decision.FirmTerms;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.Equilibrium;
import weaklink.economics.policy.FirmChunks;
import weaklink.economics.policy.PolicyContext;
import weaklink.economics.policy.SecurityFunding;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The policies' funding computed concurrently is the funding computed one policy after another,
 * bit for bit, for every kind of policy under equilibrium decisions — each side on a run context of
 * its own, so that the tables the policies share are filled by several threads at once on one side
 * and by one on the other — and a failure names the policy the serial computation would name.
 */
class PolicyFundingTest {
    /** The quick start with every kind of policy, METI's rule (which reads the shared supply exposure) and the planner. */
    private static Scenario everyKind(String morePolicies, String economics) throws Exception {
        String text = Files.readString(Path.of("scenarios/quickstart.yaml"));
        assertTrue(text.contains("\n  - id: none\n"));
        text = text.replace("\n  - id: none\n", "\n  - id: none\n" + morePolicies
                + "  - {id: buyer-share, name: bs-meti, phi: 0.5, tiers: 3, standard: meti, requirement: true}\n"
                + "  - {id: buyer-share, name: bs-price, phi: 1, standard: star4, payment: price}\n"
                + "  - {id: mandate, name: mandate-meti, standard: meti, min_tier: 1}\n"
                + "  - {id: targeted, name: targeted-buyers, budget_yen: 2.0e8, payer: buyers}\n"
                + "  - {id: planner}\n");
        return ScenarioLoader.parse("every-kind", text + economics, Path.of("scenarios"));
    }

    private static SecurityFunding[] fund(Scenario s, int threads, List<PhaseTimer.Phase> phases) throws Exception {
        RunContext context = RunContext.of(s, s.seed());
        List<PolicySpec> specs = s.policies();
        CostSharingPolicy[] policies = specs.stream().map(CostSharingPolicy::of).toArray(CostSharingPolicy[]::new);
        List<String> names = specs.stream().map(PolicySpec::name).toList();
        return PolicyFunding.all(context.policyContext(), policies, names, threads, new PhaseTimer(), phases);
    }

    private static void assertSameFunding(SecurityFunding a, SecurityFunding b, String name) {
        assertArrayEquals(a.posture().successProbability(), b.posture().successProbability(), name);
        assertArrayEquals(a.posture().dwellScale(), b.posture().dwellScale(), name);
        assertArrayEquals(a.posture().recoveryScale(), b.posture().recoveryScale(), name);
        assertArrayEquals(a.investmentYen(), b.investmentYen(), name);
        assertArrayEquals(a.paidBySelf(), b.paidBySelf(), name);
        assertArrayEquals(a.paidByBuyers(), b.paidByBuyers(), name);
        assertArrayEquals(a.paidByGovernment(), b.paidByGovernment(), name);
        assertArrayEquals(a.paidByPool(), b.paidByPool(), name);
        assertArrayEquals(a.paidForSuppliers(), b.paidForSuppliers(), name);
        assertArrayEquals(a.premiumYen(), b.premiumYen(), name);
        assertArrayEquals(a.lostBusinessYen(), b.lostBusinessYen(), name);
        assertArrayEquals(a.penaltyYen(), b.penaltyYen(), name);
        assertEquals(Double.doubleToLongBits(a.totalSpend()), Double.doubleToLongBits(b.totalSpend()), name);
        assertEquals(Double.doubleToLongBits(a.administrationYen()), Double.doubleToLongBits(b.administrationYen()), name);
        assertEquals(a.convergence(), b.convergence(), name);
        assertEquals(a.addressedCount(), b.addressedCount(), name);
        for (int i = 0; i < a.firmCount(); i++) {
            assertEquals(a.meetsStandard(i), b.meetsStandard(i), name + ", firm " + i);
            assertEquals(a.budgetBound(i), b.budgetBound(i), name + ", firm " + i);
        }
    }

    @Test
    void concurrentFundingEqualsSerialFundingBitForBit() throws Exception {
        Scenario s = everyKind("", "");
        List<PhaseTimer.Phase> serialPhases = new ArrayList<>(), concurrentPhases = new ArrayList<>();
        SecurityFunding[] serial = fund(s, 1, serialPhases);
        assertEquals(s.policies().size(), serial.length);
        assertTrue(s.policies().size() >= 10, "every kind of policy, several of a kind");
        for (int threads : new int[] {2, 4}) {
            concurrentPhases.clear();
            // the threads whose policies are done help with the planner's loops (SharedFirmChunks)
            SecurityFunding[] concurrent = fund(s, threads, concurrentPhases);
            for (int p = 0; p < serial.length; p++) assertSameFunding(serial[p], concurrent[p], s.policies().get(p).name() + " at " + threads + " threads");
        }
        // the planner moved firms from their own choices (the comparison above is not of identical trivia)
        int planner = s.policies().size() - 1;
        assertTrue(serial[planner].totalSpend() != serial[0].totalSpend());
        // one phase per policy in the scenario's order, then the whole funding
        List<String> expected = new ArrayList<>(s.policies().stream().map(p -> "funding " + p.name()).toList());
        expected.add(PolicyFunding.ALL);
        assertEquals(expected, serialPhases.stream().map(PhaseTimer.Phase::name).toList());
        assertEquals(expected, concurrentPhases.stream().map(PhaseTimer.Phase::name).toList());
    }

    @Test
    void thePlannerIsHandedOutFirstThenTheTargetedBudgetAndThePoolThenTheRestInTheScenariosOrder() throws Exception {
        Scenario s = everyKind("", "");
        CostSharingPolicy[] policies = s.policies().stream().map(CostSharingPolicy::of).toArray(CostSharingPolicy[]::new);
        List<String> order = java.util.Arrays.stream(PolicyFunding.dearestFirst(policies)).mapToObj(p -> s.policies().get(p).name()).toList();
        assertEquals(List.of("planner", "targeted-buyers", "mutual-pool", "targeted", "none", "bs-meti", "bs-price", "mandate-meti", "buyer-share",
                "mandate", "subsidy"), order);
    }

    @Test
    void aFailingPolicyIsTheOneTheSerialComputationWouldName() throws Exception {
        // five rounds settle the no-policy decisions and every policy but the planner (nine rounds): of the two planners,
        // the first in the scenario's order is named, whichever thread gives up first
        Scenario s = everyKind("  - {id: planner, name: planner-b}\n", "economics:\n  equilibrium_max_iterations: 5\n");
        Equilibrium.NotConverged serial = assertThrows(Equilibrium.NotConverged.class, () -> fund(s, 1, new ArrayList<>()));
        Equilibrium.NotConverged concurrent = assertThrows(Equilibrium.NotConverged.class, () -> fund(s, 4, new ArrayList<>()));
        assertEquals(serial.getMessage(), concurrent.getMessage());
        assertTrue(serial.getMessage().contains("under policy 'planner-b'"), serial.getMessage());
    }

    @Test
    void theFirmsOwnChoicesMadeOnSeveralThreadsAreTheSerialOnesBitForBit() throws Exception {
        // japan-manufacturing: 10,000 firms (over a hundred chunks) to the no-policy equilibrium in several rounds
        Scenario s = ScenarioLoader.load(Path.of("scenarios/japan-manufacturing.yaml"));
        PolicyContext serial = PolicyFunding.decisions(RunContext.of(s, s.seed()), 1);
        int n = serial.network().firmCount();
        assertTrue(n > 100 * PolicyFunding.CHUNK_FIRMS, "many chunks: " + n + " firms");
        int bound = 0, investing = 0;
        for (int i = 0; i < n; i++) {
            // each firm's choice is its best response to its risk in the equilibrium's last round, decided here again firm by firm
            BestResponse.Choice truth = BestResponse.decide(serial.breach(i), serial.risk(i), new FirmTerms(serial.budgetYen(i)));
            assertEquals(Double.doubleToRawLongBits(truth.investmentYen()), Double.doubleToRawLongBits(serial.baselineInvestmentYen(i)), "firm " + i);
            assertEquals(Double.doubleToRawLongBits(truth.expectedLossYen()), Double.doubleToRawLongBits(serial.baselineLossYen(i)), "firm " + i);
            assertEquals(truth.budgetBound(), serial.baselineBudgetBound(i), "firm " + i);
            if (serial.baselineBudgetBound(i)) bound++;
            if (serial.baselineInvestmentYen(i) > 0) investing++;
        }
        // some firms are held down by their budget and some not, some invest and some not: the choices differ from firm to firm
        assertTrue(bound > 0 && bound < n, bound + " budget-bound");
        assertTrue(investing > 0 && investing < n, investing + " investing");
        CostSharingPolicy none = CostSharingPolicy.of(s.policies().get(0));
        assertEquals("none", s.policies().get(0).name());
        Equilibrium.Convergence rounds = serial.fund(none).convergence();
        assertTrue(rounds.iterations() > 1, "an equilibrium of several rounds: " + rounds);
        ExecutorService three = Executors.newFixedThreadPool(3);
        try {
            // besides the run's threads, a cut no run makes: chunks of 7 firms, handed out from the last, on three threads at once
            CheckedChunks backwards = (firms, body) -> {
                List<Future<?>> chunks = new ArrayList<>();
                for (int from = (firms - 1) / 7 * 7; from >= 0; from -= 7) {
                    int f = from;
                    chunks.add(three.submit(() -> body.run(f, Math.min(firms, f + 7))));
                }
                for (Future<?> c : chunks) c.get();
            };
            List<PolicyContext> others = List.of(PolicyFunding.decisions(RunContext.of(s, s.seed()), 2),
                    PolicyFunding.decisions(RunContext.of(s, s.seed()), 4), RunContext.of(s, s.seed()).policyContext(uncheckedGet(backwards)));
            for (PolicyContext other : others) {
                for (int i = 0; i < n; i++) {
                    assertEquals(Double.doubleToRawLongBits(serial.baselineInvestmentYen(i)), Double.doubleToRawLongBits(other.baselineInvestmentYen(i)), "firm " + i);
                    assertEquals(Double.doubleToRawLongBits(serial.baselineLossYen(i)), Double.doubleToRawLongBits(other.baselineLossYen(i)), "firm " + i);
                    assertEquals(serial.baselineBudgetBound(i), other.baselineBudgetBound(i), "firm " + i);
                    assertEquals(Double.doubleToRawLongBits(serial.referenceInvestmentYen(i)), Double.doubleToRawLongBits(other.referenceInvestmentYen(i)),
                            "firm " + i);
                }
                assertArrayEquals(serial.referencePosture().successProbability(), other.referencePosture().successProbability());
                assertEquals(rounds, other.fund(none).convergence());
            }
        } finally {
            three.shutdownNow();
        }
    }

    /** {@code chunks} with a chunk's failure (or an interruption) rethrown unchecked, as {@link FirmChunks} asks. */
    private static FirmChunks uncheckedGet(CheckedChunks chunks) {
        return (firms, body) -> {
            try {
                chunks.forEach(firms, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @FunctionalInterface
    private interface CheckedChunks {
        void forEach(int firms, FirmChunks.Body body) throws Exception;
    }
}
