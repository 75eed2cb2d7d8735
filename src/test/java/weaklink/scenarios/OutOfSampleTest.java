package weaklink.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weaklink.experiment.Calibration;
import weaklink.experiment.RansomwareCases;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;

/**
 * The calibrated scenarios against data their fit did not use (docs/CALIBRATION.md, "Out of sample").
 * (Asahi's monthly sales are checked in {@link ShippedScenariosTest}.)
 */
class OutOfSampleTest {
    /**
     * JNSA's incident-damage survey (2025 edition: 21 ransomware victims of July 2022 - June 2024, mean
     * ¥60.19 million, median ¥38.0 million) was not used by the fit, which saw only the NPA's shares.
     * Its sampling interval: a lognormal with that mean and median has {@code σ² = 2 ln(60.19/38.0)},
     * a coefficient of variation {@code √(e^{σ²} − 1) = 1.23}, so the mean of 21 has a standard error of
     * 0.268 × 60.19 = ¥16.1 million and a 95 % interval of ¥28.6-91.8 million. japan-manufacturing's
     * simulated mean damage (investigation and recovery cost, ransom and the victim's own lost
     * production) must lie in it.
     */
    @Test
    void manufacturingMeanDamagePerCaseLiesWithinJnsasSurveyInterval() throws Exception {
        double sigma2 = 2 * Math.log(60.19 / 38.0), cv = Math.sqrt(Math.exp(sigma2) - 1), se = cv / Math.sqrt(21) * 60.19e6;
        double low = 60.19e6 - 1.96 * se, high = 60.19e6 + 1.96 * se;
        Scenario s = ScenarioLoader.load(Path.of("scenarios/japan-manufacturing.yaml"));
        Calibration.Moments m = Calibration.moments(RansomwareCases.simulate(s, s.seed(), 200, 2), 0.2);
        assertTrue(m.meanDamage().value() >= low && m.meanDamage().value() <= high,
                "simulated mean damage " + m.meanDamage() + " outside JNSA's [" + low + ", " + high + "]");
    }
}
