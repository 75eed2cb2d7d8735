package weaklink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import weaklink.io.Csv;
import weaklink.experiment.Manifest;
import weaklink.experiment.Runner;
import weaklink.report.Headline;
import weaklink.report.Measure;
import weaklink.report.ResultsFinalizer;
import weaklink.report.SummaryColumn;
import weaklink.scenario.BadInputException;

/** Prints the headline table of a finished results folder. */
final class Summary {
    private Summary() {}

    static void print(PrintWriter out, Path dir) throws IOException, BadInputException {
        Headline headline = Headline.read(dir);
        out.println(wrap(headline.text(), 100));
        out.println();
        headline.table().forEach(out::println);
        out.println();
        List<String> lines = Files.readAllLines(dir.resolve(ResultsFinalizer.SUMMARY));
        List<String> header = Csv.split(lines.get(0));
        int policy = header.indexOf(SummaryColumn.POLICY.header()), mean = header.indexOf(SummaryColumn.MEAN_LOSS.header()),
                lo = header.indexOf(SummaryColumn.CI95_LOW.header()), hi = header.indexOf(SummaryColumn.CI95_HIGH.header()),
                var = header.indexOf(SummaryColumn.VAR_99_5.header()), diff = header.indexOf(SummaryColumn.DIFF_VS_BASELINE.header());
        Measure money = Measure.moneyText(headline.currency());
        out.printf("%-24s %16s %24s %12s %16s%n", "policy", "mean annual loss", "95% interval", "VaR 99.5%", "loss vs baseline");
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Csv.split(line);
            out.printf("%-24s %16s %24s %12s %16s%n", c.get(policy), text(money, c.get(mean)), "[" + text(money, c.get(lo)) + ", " + text(money, c.get(hi)) + "]",
                    c.get(var).isEmpty() ? "n/a" : text(money, c.get(var)), text(money, c.get(diff)));
        }
        out.println(wrap(decisions(header, lines), 100));
        for (String caveat : headline.caveats()) out.println(wrap("Note: " + caveat, 100));
        Manifest manifest = Manifest.read(dir);
        if (Runner.TARGET_CI_REACHED.equals(manifest.stopReason())) {
            out.printf("stopped early after %,d of %,d replicates: every policy's 95%% interval is within %s%% of its mean%n",
                    manifest.replicatesRun(), manifest.replicates(), Csv.number(manifest.targetCiPercent()));
        } else if (manifest.targetCiPercent() != null) {
            out.printf("ran all %,d replicates without reaching the --target-ci of %s%%%n", manifest.replicatesRun(),
                    Csv.number(manifest.targetCiPercent()));
        }
        out.println("results: " + dir);
    }

    /** How firms' decisions were reached, per policy: best-response rounds to the equilibrium and the last round's largest change. */
    static String decisions(List<String> header, List<String> lines) {
        int policy = header.indexOf(SummaryColumn.POLICY.header()), rounds = header.indexOf(SummaryColumn.EQUILIBRIUM_ITERATIONS.header()),
                change = header.indexOf(SummaryColumn.EQUILIBRIUM_MAX_CHANGE.header());
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = Csv.split(line);
            if (c.get(rounds).isEmpty() || c.get(rounds).equals("0")) continue;
            out.append(out.length() == 0 ? "Firms' decisions: equilibrium of best responses; " : ", ")
                    .append(c.get(policy)).append(' ').append(c.get(rounds)).append(c.get(rounds).equals("1") ? " round" : " rounds")
                    .append(" (largest change ").append(c.get(change).isEmpty() ? "n/a"
                            : String.format(java.util.Locale.ROOT, "%.1e", Double.parseDouble(c.get(change)))).append(')');
        }
        return out.length() == 0 ? "Firms' decisions: independent (each firm against the others' base posture)."
                : out.append("; tolerance economics.equilibrium_tolerance.").toString();
    }

    private static String text(Measure money, String cell) {
        return cell.isEmpty() ? "" : money.write(Double.parseDouble(cell));
    }

    /** {@code text} broken into lines of at most {@code width} characters at spaces. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() - lineStart + word.length() + 1 > width && out.length() > lineStart) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
