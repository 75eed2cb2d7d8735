package weaklink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weaklink.io.AtomicFile;
import weaklink.io.Csv;
import weaklink.io.Json;
import weaklink.experiment.Sweep;
import weaklink.stats.SobolIndices;

/**
 * {@code sensitivity.csv} of a Saltelli sweep: Sobol' first-order and total indices of each
 * headline figure (mean annual loss, VaR 99.5 %, mean societal cost) to each swept parameter,
 * per policy. Columns: {@code policy, output, parameter, first_order, total}.
 */
public final class SensitivityReport {
    public static final String FILE = "sensitivity.csv";
    static final List<String> OUTPUTS = List.of("mean_loss", "var_99_5", "mean_societal_cost");

    private SensitivityReport() {}

    /** Writes sensitivity.csv when the sweep in {@code dir} used the Saltelli design; returns whether it did. */
    public static boolean write(Path dir) throws IOException {
        JsonNode design = Json.read(dir.resolve(Sweep.DESIGN));
        if (!"saltelli".equals(design.path("design").asText())) return false;
        int samples = design.path("samples").asInt();
        List<String> params = new ArrayList<>();
        design.path("parameters").forEach(p -> params.add(p.path("path").asText()));
        List<String> lines = Files.readAllLines(dir.resolve(Sweep.TABLE), StandardCharsets.UTF_8);
        List<String> header = Csv.split(lines.get(0));
        int pointCol = header.indexOf("point"), policyCol = header.indexOf("policy");
        Map<String, Map<String, double[]>> byPolicy = new LinkedHashMap<>();
        int points = design.path("points").size();
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Csv.split(line);
            int point = Integer.parseInt(c.get(pointCol)) - 1;
            Map<String, double[]> outputs = byPolicy.computeIfAbsent(c.get(policyCol), k -> new LinkedHashMap<>());
            for (String o : OUTPUTS) {
                String cell = c.get(header.indexOf(o));
                // VaR is empty where a point's replicates are too few for it; that output is then left out
                outputs.computeIfAbsent(o, k -> new double[points])[point] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
        }
        for (Map<String, double[]> outputs : byPolicy.values()) {
            outputs.values().removeIf(v -> java.util.Arrays.stream(v).anyMatch(Double::isNaN));
        }
        SobolIndices sobol = new SobolIndices(samples, params.size());
        StringBuilder sb = new StringBuilder("policy,output,parameter,first_order,total\n");
        for (var pe : byPolicy.entrySet()) {
            for (var oe : pe.getValue().entrySet()) {
                SobolIndices.Result r = sobol.estimate(oe.getValue());
                for (int i = 0; i < params.size(); i++) {
                    sb.append(Csv.text(pe.getKey())).append(',').append(oe.getKey()).append(',').append(Csv.text(params.get(i)))
                            .append(',').append(Csv.number(r.firstOrder()[i])).append(',').append(Csv.number(r.total()[i])).append('\n');
                }
            }
        }
        AtomicFile.writeString(dir.resolve(FILE), sb.toString());
        return true;
    }
}
