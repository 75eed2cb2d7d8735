package weaklink.cluster.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;
import weaklink.cluster.SameResults;
import weaklink.io.Json;

/**
 * {@code target/weaklink-spark.jar} submitted with Spark's own {@code SparkSubmit} to a real
 * standalone master and worker on 127.0.0.1, started here from the Maven jars laid out as a Spark
 * installation ({@code SPARK_HOME/jars}); the results equal a local run's.
 */
class SparkStandaloneIT {
    static final String QUICKSTART = "src/test/resources/scenarios/small-network.yaml";
    static final Path SPARK_JAR = Path.of("target", "weaklink-spark.jar");

    @TempDir static Path home;
    static Path sparkHome;
    static Map<String, String> env;
    static final List<Process> daemons = new ArrayList<>();
    static String masterUrl;

    @BeforeAll
    static void startMasterAndWorker() throws Exception {
        assertTrue(Files.isRegularFile(SPARK_JAR), "build the Spark jar first (mvn package)");
        // Under target/, not in the temporary folder: JUnit would warn about every link it removes.
        sparkHome = Path.of("target", "spark-it", "spark-home").toAbsolutePath();
        deleteLinks(sparkHome.resolve("jars"));
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && !p.toAbsolutePath().startsWith(Path.of("target").toAbsolutePath()) && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_SCALA_VERSION", "2.13",
                "JAVA_HOME", System.getProperty("java.home"));
        int masterPort = freePort(), masterUi = freePort(), workerPort = freePort(), workerUi = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        daemons.add(start(home.resolve("master.log"), "-Xmx256m", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi)));
        daemons.add(start(home.resolve("worker.log"), "-Xmx256m", "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--port", Integer.toString(workerPort), "--webui-port", Integer.toString(workerUi),
                "--cores", "2", "--memory", "1536m", "--work-dir", Files.createDirectories(home.resolve("work")).toString(), masterUrl));
        awaitAliveWorker(masterUi);
    }

    @AfterAll
    static void stopMasterAndWorker() {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : daemons) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void submittedJarOnAStandaloneClusterEqualsALocalRun() throws Exception {
        Path local = home.resolve("local"), onSpark = home.resolve("spark");
        assertEquals(0, Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true))
                .execute("run", QUICKSTART, "--replicates", "40", "--out", local.toString(), "--quiet"));
        Path log = home.resolve("submit.log");
        long started = System.nanoTime();
        Process submit = start(log, "-Xmx512m", "org.apache.spark.deploy.SparkSubmit", "--master", masterUrl, "--deploy-mode", "client",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=768m", "--conf", "spark.driver.host=127.0.0.1",
                "--class", "weaklink.cli.spark.SparkMain", SPARK_JAR.toAbsolutePath().toString(),
                QUICKSTART, "--replicates", "40", "--tasks", "6", "--out", onSpark.toString());
        if (!submit.waitFor(5, TimeUnit.MINUTES)) {
            submit.destroyForcibly();
            fail("spark-submit did not finish in 5 minutes:\n" + Files.readString(log));
        }
        assertEquals(0, submit.exitValue(), () -> readQuietly(log));
        System.out.printf("spark standalone (1 worker, 2 cores): 40 replicates in %.1f s including driver start%n", (System.nanoTime() - started) / 1e9);
        SameResults.assertSameResults(local, onSpark);
        assertTrue(Json.read(onSpark.resolve("manifest.json")).path("engine").asText().contains(masterUrl));
    }

    @Test
    void badScenarioExitsTwoThroughSparkSubmit() throws Exception {
        Path bad = home.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(QUICKSTART)).replace("seed: 20260101", "seed: -3"));
        Path log = home.resolve("bad.log");
        Process submit = start(log, "-Xmx256m", "org.apache.spark.deploy.SparkSubmit", "--master", "local[1]",
                "--class", "weaklink.cli.spark.SparkMain", SPARK_JAR.toAbsolutePath().toString(), bad.toString(), "--out", home.resolve("never").toString());
        assertTrue(submit.waitFor(2, TimeUnit.MINUTES));
        String out = Files.readString(log);
        assertEquals(2, submit.exitValue(), out);
        assertTrue(out.contains("bad.yaml") && out.contains("seed"), out);
        assertTrue(!Files.exists(home.resolve("never")));
    }

    /** A JVM on the Spark installation's class path, as Spark's own scripts start one. */
    static Process start(Path log, String heap, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    static void awaitAliveWorker(int masterUi) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 180_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (Json.MAPPER.readTree(last).path("aliveworkers").asInt() >= 1) return;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        fail("no worker registered with the master in 180 s: " + last + "\nmaster log:\n" + readQuietly(home.resolve("master.log"))
                + "\nworker log:\n" + readQuietly(home.resolve("worker.log")));
    }

    /** Removes the links of an earlier run (never what they point to). */
    static void deleteLinks(Path jars) throws IOException {
        if (!Files.isDirectory(jars)) return;
        try (var links = Files.list(jars)) {
            for (Path p : links.toList()) Files.delete(p);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + ": " + e + ")";
        }
    }
}
