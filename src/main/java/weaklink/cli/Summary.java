package weaklink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.experiment.Runner;
import weaklink.report.ResultsFinalizer;

/** Prints the headline table of a finished results folder. */
final class Summary {
    private Summary() {}

    static void print(PrintWriter out, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(ResultsFinalizer.SUMMARY));
        List<String> header = Csv.split(lines.get(0));
        int policy = header.indexOf("policy"), mean = header.indexOf("mean_loss"), lo = header.indexOf("ci95_low"),
                hi = header.indexOf("ci95_high"), var = header.indexOf("var_99_5"), diff = header.indexOf("diff_vs_baseline");
        out.printf("%-24s %18s %31s %18s %18s%n", "policy", "mean annual loss", "95% interval", "VaR 99.5%", "vs baseline");
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Csv.split(line);
            out.printf("%-24s %18s %15s-%-15s %18s %18s%n", c.get(policy), big(c.get(mean)), big(c.get(lo)), big(c.get(hi)), big(c.get(var)), big(c.get(diff)));
        }
        JsonNode manifest = Json.read(dir.resolve(Runner.MANIFEST));
        if (Runner.TARGET_CI_REACHED.equals(manifest.path("stop_reason").asText())) {
            out.printf("stopped early after %,d of %,d replicates: every policy's 95%% interval is within %s%% of its mean%n",
                    manifest.path("replicates_run").asInt(), manifest.path("replicates").asInt(), Csv.number(manifest.path("target_ci_percent").asDouble()));
        } else if (manifest.path("target_ci_percent").isNumber()) {
            out.printf("ran all %,d replicates without reaching the --target-ci of %s%%%n", manifest.path("replicates_run").asInt(),
                    Csv.number(manifest.path("target_ci_percent").asDouble()));
        }
        out.println("results: " + dir);
    }

    /** A money amount in thousands-separated whole units. */
    static String big(String s) {
        if (s.isEmpty()) return "";
        return String.format("%,.0f", Double.parseDouble(s));
    }
}
