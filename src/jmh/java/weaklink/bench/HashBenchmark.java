package weaklink.bench;

import java.security.MessageDigest;
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
import org.openjdk.jmh.annotations.Warmup;
import weaklink.io.Sha256;

/**
 * The SHA-256 every results folder pays for its rows, event files and ORD tables ({@link Sha256}:
 * streamed while the replicates are appended, and over every summary file for the manifest), one
 * operation = one MiB, so operations per second are MiB/s. {@link #sha256} runs under the JVM's
 * default JIT, where C2 replaces the digest's compression loop by the CPU's SHA instructions;
 * {@link #sha256C1Only} under the README's {@code -XX:TieredStopAtLevel=1}, where C1 has no such
 * intrinsic and compiles the Java loop (docs/BENCHMARKS.md, "Fifth pass").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HashBenchmark {
    private final byte[] mebibyte = new byte[1 << 20];
    private MessageDigest digest;

    @Setup
    public void setUp() {
        new SplittableRandom(1).nextBytes(mebibyte);
        digest = Sha256.digest();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    public byte[] sha256() {
        digest.update(mebibyte);
        return digest.digest();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:TieredStopAtLevel=1"})
    public byte[] sha256C1Only() {
        digest.update(mebibyte);
        return digest.digest();
    }
}
