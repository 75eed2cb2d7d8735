package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.scenario.BadInputException;
import weaklink.scenario.ScenarioOverrides;
import weaklink.scenario.ScenarioSource;

/**
 * The calibration machinery on a small case (docs/CALIBRATION.md, "Fitted to Japan's statistics"):
 * cases are counted as the NPA counts them, a fit recovers the parameters that produced its targets,
 * and a fitted scenario is a fixed point of the fit. The shipped scenarios' own fit is rerun by
 * {@code scripts/calibrate.sh}, not here (minutes on the national network).
 */
class CalibrationTest {
    @TempDir Path tmp;

    /** A small generated network (about 2,400 firms) with opportunistic ransomware and a mass exploit. */
    static final String SMALL = """
            name: calibration-small
            days: 365
            seed: 77
            replicates: 12
            network:
              technologies: {vpn: 0.3}
              generator:
                tiers:
                  - firms: 20
                    size_mix: {large: 1.0}
                  - firms: 400
                    size_mix: {medium: 0.5, small: 0.5}
                    suppliers_per_buyer: 20
                  - firms: 2000
                    size_mix: {small: 0.5, micro: 0.5}
                    suppliers_per_buyer: 5
            actors:
              - mode: opportunistic
                campaigns_per_year: 12
                attempt_probability: %s
              - mode: mass-exploit
                technology: vpn
                campaigns_per_year: 12
                attempt_probability: %s
            size_classes:
              large: {incident_fixed_yen: %s, recovery_days: {type: lognormal, median: %s, sigma: 0.6}}
              medium: {incident_fixed_yen: %s, recovery_days: {type: lognormal, median: %s, sigma: 0.6}}
              small: {incident_fixed_yen: %s, recovery_days: {type: lognormal, median: %s, sigma: 0.6}}
              micro: {incident_fixed_yen: %s, recovery_days: {type: lognormal, median: %s, sigma: 0.6}}
            policies:
              - id: none
            """;

    ScenarioSource small(String file, double opportunistic, double mass, double costFactor, double recoveryFactor) throws Exception {
        Path p = tmp.resolve(file);
        Files.writeString(p, SMALL.formatted(opportunistic, mass, 5e7 * costFactor, 10 * recoveryFactor, 1e7 * costFactor, 14 * recoveryFactor,
                3e6 * costFactor, 21 * recoveryFactor, 1e6 * costFactor, 21 * recoveryFactor));
        return ScenarioSource.read(p);
    }

    @Test
    void aCaseIsAFirmWithARansomwareOutageItsCostAndLongestOutageAsSimulated() throws Exception {
        Path firms = tmp.resolve("firms.csv"), links = tmp.resolve("links.csv"), yaml = tmp.resolve("three.yaml");
        Files.writeString(firms, """
                id,name,tier,size_class,revenue_yen
                0,A,0,large,1e10
                1,B,1,small,1e8
                2,C,1,micro,1e7
                """);
        Files.writeString(links, "kind,source,target,type,share\nsupply,1,0,,0.1\nsupply,2,0,,0.1\n");
        Files.writeString(yaml, """
                name: three
                days: 365
                network: {files: {firms: firms.csv, links: links.csv}}
                size_classes:
                  large: {incident_fixed_yen: 2e7, incident_revenue_share: 0, incident_sigma: 0, ransom_propensity: 0, recovery_days: {type: fixed, value: 40}}
                  small: {incident_fixed_yen: 4e6, incident_revenue_share: 0, incident_sigma: 0, ransom_propensity: 0, recovery_days: {type: fixed, value: 10}}
                  micro: {incident_fixed_yen: 1e6, incident_revenue_share: 0, incident_sigma: 0, ransom_propensity: 0, recovery_days: {type: fixed, value: 20}}
                initial_compromises:
                  - {firm: 0, day: 10}
                  - {firm: 1, day: 20}
                  - {firm: 1, day: 200}
                  - {firm: 2, day: 30, effect: data-theft}
                policies:
                  - id: none
                """);
        RansomwareCases cases = RansomwareCases.simulate(ScenarioOverrides.load(yaml, Map.of()), 5, 3, 1);
        // firm 0: one 40-day outage; firm 1: two 10-day outages, one case (its costs add up); firm 2: data theft, no outage, no case
        assertEquals(6, cases.cases().size());
        for (double n : cases.casesPerYear()) assertEquals(2, n);
        Calibration.Moments m = Calibration.moments(cases, 0.5);
        assertEquals(1.0, m.reportedCases().value(), 1e-12, "half of two cases a year");
        assertEquals(0.5, m.costShare().value(), 1e-12, "firm 0 costs 20 million; firm 1 twice 4 million, 8 million in the year");
        assertEquals(0.5, m.monthShare().value(), 1e-12, "firm 0's outage is 40 days, firm 1's longest 10");
        assertEquals(0.5, m.smeShare().value(), 1e-12);
        assertEquals(0, m.massExploitShare().value(), 1e-12, "stress-test seeds are no actor's");
        assertEquals(1.4e7, m.meanCost().value(), 1e-3, "(2e7 + 2 x 4e6) / 2");
    }

    @Test
    void aFitRecoversTheParametersThatProducedItsTargets() throws Exception {
        double rho = 0.5;
        Calibration.Moments truth = Calibration.check(small("truth.yaml", 0.004, 0.02, 3, 1.5), 77, 12, 2, rho);
        Calibration.Targets targets = Calibration.Targets.of(truth.reportedCases().value(), truth.massExploitShare().value(),
                truth.costShare().value(), truth.monthShare().value(), rho);
        Calibration.Fit fit = Calibration.fit(small("start.yaml", 0.002, 0.05, 1, 1), Map.of(), 77, 12, 2, targets, 15, null);
        assertTrue(fit.converged(), "history " + fit.history().size());
        Map<String, String> v = fit.settings();
        assertEquals(0.004, Double.parseDouble(v.get("actors[0].attempt_probability")), 0.004 * 0.1);
        assertEquals(0.02, Double.parseDouble(v.get("actors[1].attempt_probability")), 0.02 * 0.1);
        assertEquals(3e6 * 3, Double.parseDouble(v.get("size_classes.small.incident_fixed_yen")), 3e6 * 3 * 0.15);
        assertEquals(21 * 1.5, Double.parseDouble(v.get("size_classes.small.recovery_days.median")), 21 * 1.5 * 0.15);
    }

    @Test
    void aScenarioHoldingItsFittedValuesIsAFixedPointOfTheFit() throws Exception {
        double rho = 0.5;
        Calibration.Moments truth = Calibration.check(small("truth.yaml", 0.004, 0.02, 3, 1.5), 77, 12, 2, rho);
        Calibration.Targets targets = Calibration.Targets.of(truth.reportedCases().value(), truth.massExploitShare().value(),
                truth.costShare().value(), truth.monthShare().value(), rho);
        ScenarioSource start = small("start.yaml", 0.002, 0.05, 1, 1);
        Calibration.Fit fit = Calibration.fit(start, Map.of(), 77, 12, 2, targets, 15, null);
        assertEquals(fit.settings(), Calibration.fit(start, Map.of(), 77, 12, 2, targets, 15, null).settings(), "same start, same seed: the same fit");
        // the fitted values written into the scenario: the fit stops at its first evaluation and gives them back
        Calibration.Fit fixed = Calibration.fit(start, fit.settings(), 77, 12, 2, targets, 15, null);
        assertEquals(1, fixed.history().size(), "within tolerance at the first evaluation");
        assertEquals(fit.settings(), fixed.settings());
    }

    @Test
    void calibrateRefusesAReportingRateOfZeroNamingTheOption() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("calibrate", "scenarios/quickstart.yaml", "--reported-cases", "10", "--reporting-rate", "0");
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(err.toString().contains("--reporting-rate") && err.toString().contains("not 0.0"), err.toString());
    }

    @Test
    void aScenarioWithoutAMassExploitActorIsRefusedBeforeAnythingRuns() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Calibration.fit(ScenarioSource.read(Path.of("scenarios/quickstart.yaml")), Map.of(), 1, 2, 1,
                        Calibration.Targets.of(10, 0.5, 0.5, 0.5, 0.2), 3, null));
        assertTrue(e.getMessage().contains("mass-exploit"), e.getMessage());
    }
}
