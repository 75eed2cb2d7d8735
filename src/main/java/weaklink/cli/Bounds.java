package weaklink.cli;

import weaklink.experiment.SweepDesign;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;

/**
 * The bounds of the numbers every command takes on its command line, the same as the scenario
 * file's where it has the same key: a value out of bounds is bad input (exit code 2, naming the
 * option), refused before anything is built or written.
 */
public final class Bounds {
    private Bounds() {}

    /**
     * Most worker threads: a thread holds one replicate's working state (tens of MB on a national
     * network), so thousands of them only exhaust memory; 1,024 is above any machine's cores today.
     */
    public static final int MAX_THREADS = 1024;

    /** {@code --seed}: 0 to {@link Scenario#MAX_SEED}, as the scenario's {@code seed}; null (not given) passes. */
    public static Long seed(Long seed) throws BadInputException {
        if (seed != null && (seed < 0 || seed > Scenario.MAX_SEED)) {
            throw BadInputException.option("--seed", "must be between 0 and " + Scenario.MAX_SEED + " (as the scenario's seed), found " + seed);
        }
        return seed;
    }

    /** {@code --replicates}: {@code min} to {@link Scenario#MAX_REPLICATES}, as the scenario's {@code replicates}; null passes. */
    public static Integer replicates(Integer replicates, int min) throws BadInputException {
        if (replicates != null && (replicates < min || replicates > Scenario.MAX_REPLICATES)) {
            throw BadInputException.option("--replicates", String.format(java.util.Locale.ROOT,
                    "must be between %d and %,d (as the scenario's replicates), found %,d", min, Scenario.MAX_REPLICATES, replicates));
        }
        return replicates;
    }

    /** {@code --threads} (or another option of worker threads): 1 to {@link #MAX_THREADS}. */
    public static int threads(String option, int threads) throws BadInputException {
        if (threads < 1 || threads > MAX_THREADS) {
            throw BadInputException.option(option, "must be between 1 and " + MAX_THREADS + ", found " + threads
                    + (threads > MAX_THREADS ? "; each thread holds a replicate in memory, and more threads than cores only wait" : ""));
        }
        return threads;
    }

    /** {@code --samples} of a sweep: 2 to {@link SweepDesign#MAX_POINTS}. */
    public static int samples(int samples) throws BadInputException {
        if (samples < 2 || samples > SweepDesign.MAX_POINTS) {
            throw BadInputException.option("--samples", String.format(java.util.Locale.ROOT, "must be between 2 and %,d, found %,d", SweepDesign.MAX_POINTS, samples));
        }
        return samples;
    }
}
