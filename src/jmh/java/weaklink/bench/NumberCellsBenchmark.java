package weaklink.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import weaklink.io.Csv;

/**
 * The number cells of {@code replicates.csv} ({@link Csv#number}), as a run writes them: three funding figures of
 * each of eight policies (a share meeting the standard, a share bound by the budget, the equilibrium's last change),
 * the same in every replicate, taken in turn; one operation = one cell, under the README's
 * {@code -XX:TieredStopAtLevel=1}, on one thread and on two (as the workers of a 2-thread run write them at once).
 * docs/BENCHMARKS.md, "Eighteenth pass".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class NumberCellsBenchmark {
    /** Eight policies' three figures: shares and small changes with all 17 significant digits, as a run has them. */
    private final double[] figures = new double[24];

    @State(Scope.Thread)
    public static class Turn {
        int next;
    }

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < figures.length; i++) figures[i] = i % 3 == 2 ? rng.nextDouble() * 1e-4 : rng.nextDouble();
    }

    private String cell(Turn turn) {
        int i = turn.next;
        turn.next = i == figures.length - 1 ? 0 : i + 1;
        return Csv.number(figures[i]);
    }

    @Benchmark
    public String oneThread(Turn turn) { return cell(turn); }

    @Benchmark
    @Threads(2)
    public String twoThreads(Turn turn) { return cell(turn); }
}
