package weaklink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up starts only for a run of two or more threads: it reads {@code --threads} from the command line picocli has not read yet. */
class WarmUpThreadsTest {
    @Test
    void theThreadsOptionInEitherSpellingIsTheRunsThreadCount() {
        assertEquals(1, WarmUp.threads("run", "s.yaml", "--threads", "1", "--quiet"));
        assertEquals(3, WarmUp.threads("run", "s.yaml", "--threads=3"));
    }

    @Test
    void theLastThreadsOptionCountsAsPicocliTakesIt() {
        assertEquals(1, WarmUp.threads("run", "s.yaml", "--threads", "4", "--threads", "1"));
    }

    @Test
    void withoutTheOptionOrWithANonNumberTheRunHasAllCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, WarmUp.threads("run", "s.yaml", "--quiet"));
        assertEquals(cores, WarmUp.threads("run", "s.yaml", "--threads", "two"));
        assertEquals(cores, WarmUp.threads("run", "s.yaml", "--threads"));
    }
}
