package weaklink.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import weaklink.experiment.PhaseTimer;
import weaklink.io.AtomicFile;
import weaklink.experiment.Manifest;
import weaklink.experiment.Runner;
import weaklink.scenario.ActorSpec;
import weaklink.scenario.NetworkSpec;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioTree;
import weaklink.scenario.BadInputException;

/**
 * Renders a results folder's charts ({@code charts/*.png} and {@code *.svg}) and its report
 * ({@code report.html}) from the folder's files alone, so {@code run}, {@code merge} and
 * {@code chart DIR} give the same charts for the same results. A chart whose input file is absent
 * is left out, and the report says why. The report is one page that works offline: charts are
 * embedded as {@code data:} images, styles are inline, there is no script, and every text that
 * comes from the scenario is HTML-escaped.
 *
 * <p>Why one class of about 430 lines: it writes one page, in the page's order — the figures (a
 * table of {@code Figure}s, each a heading, a caption and a chart method of {@link ResultCharts}),
 * then the scenario, the answer, the method and the files — and each section is a short method
 * reading the same {@link Results}. The page's pieces that stand alone already do: the charts
 * ({@link ResultCharts}, {@link Charts}), the headline sentence ({@link Headline}), HTML escaping
 * ({@link Html}). Should the text sections grow (an insurer's or a decision section), they move
 * together into a class of their own.
 */
public final class ReportWriter {
    public static final String REPORT = "report.html";
    public static final String CHARTS = "charts";

    /**
     * What was written.
     *
     * @param charts the chart names written (each as {@code charts/NAME.png} and {@code .svg})
     * @param notes  charts left out and why
     */
    public record Outcome(List<String> charts, List<String> notes, Path report) {
        /** The files written, relative to the results folder. */
        public List<String> files() {
            List<String> out = new ArrayList<>();
            for (String c : charts) {
                out.add(CHARTS + "/" + c + ".png");
                out.add(CHARTS + "/" + c + ".svg");
            }
            out.add(REPORT);
            return out;
        }
    }

    /** One standard chart: its file name, heading, caption, the file it needs, and how to draw it. */
    private record Figure(String name, String heading, String caption, String needs, Function<Results, JFreeChart> draw,
                          Function<Results, Integer> height) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure("policy_differences", "What each policy changes",
                    "The paired differences against the baseline over the same simulated years: the change in societal cost (losses "
                            + "plus all security spending) and in loss, each with its 95 % interval. These, not the overlap of each "
                            + "policy's own interval, say whether a policy is better.",
                    Results.SUMMARY, ResultCharts::policyDifferences, r -> Math.max(360, 200 + 56 * (r.policies.size() - 1))),
            new Figure("cost_effectiveness", "Cost-effectiveness",
                    "What each policy costs its payers a year against the loss it avoids, with the 95 % interval of the loss avoided. "
                            + "The dashed line is one yen of loss avoided per yen spent.",
                    Results.SUMMARY, ResultCharts::costEffectiveness, r -> 560),
            new Figure("policy_comparison", "Policy comparison",
                    "Expected annual loss across the network under each policy (bar, with its 95 % confidence interval), beside "
                            + "what is spent on security each year and who pays it.",
                    Results.SUMMARY, ResultCharts::policyComparison, r -> Math.max(420, 220 + 64 * r.policies.size())),
            new Figure("loss_distribution", "Loss distributions",
                    "How the annual loss varies from year to year under each policy. The diamond is the 1-in-200-year loss "
                            + "(VaR 99.5 %), the figure solvency regimes ask insurers to hold capital for.",
                    Runner.REPLICATES, ResultCharts::lossDistributions, r -> 560),
            new Figure("exceedance", "Exceedance curves",
                    "The loss exceeded on average once every T years. Solid: the whole year's loss (AEP); dashed: the year's "
                            + "largest single event (OEP), the figure for one catastrophic campaign.",
                    Results.EXCEEDANCE, ResultCharts::exceedance, r -> 600),
            new Figure("timeseries", "Compromised and down firms over time",
                    "Firms with an attacker inside (top) and firms whose production is stopped (bottom), each day of the year.",
                    Results.TIMESERIES, ResultCharts::overTime, r -> 660),
            new Figure("burden_by_group", "Who loses, who pays",
                    "Losses borne and money paid for security by each group of firms (tier 0 are the large buyers), and the "
                            + "government's spending.",
                    Results.BY_GROUP, ResultCharts::burdenByGroup,
                    r -> Math.max(560, 200 + ResultCharts.burdenRows(r).size() * (14 * r.policies.size() + 18))));

    private ReportWriter() {}

    /** Every file {@link #write} may write into a results folder, relative to it. */
    static List<String> outputs() {
        List<String> out = new ArrayList<>();
        for (Figure f : FIGURES) {
            out.add(CHARTS + "/" + f.name() + ".png");
            out.add(CHARTS + "/" + f.name() + ".svg");
        }
        out.add(REPORT);
        return out;
    }

    /**
     * Renders the charts and report of a folder {@link ResultsFinalizer#finish} has just completed,
     * so every way of running (local, merged, Slurm, Spark) ends with them. Its files were written
     * by this program, so a contract break there is a bug, reported as an I/O failure. The charts on
     * up to {@code threads} threads; what the summaries have read already is taken from {@code known}.
     */
    static void writeFinished(Path dir, int threads, Results.Known known) throws IOException {
        try {
            write(Results.read(dir, known), threads);
        } catch (BadInputException e) {
            throw new IOException("results folder written with a broken contract: " + e.getMessage(), e);
        }
    }

    /** Renders the charts and the report of results folder {@code dir}, the charts on up to as many threads as there are cores. */
    public static Outcome write(Path dir) throws IOException, BadInputException {
        return write(dir, Runtime.getRuntime().availableProcessors());
    }

    /** One figure's images and its piece of the page (the PNG embedded), made on any thread. */
    private record Drawn(byte[] png, String svg, String html) {}

    /**
     * Renders the charts and the report of results folder {@code dir}, drawing the charts on up to
     * {@code threads} threads. Each chart is its own objects (fresh number formats, its own image and
     * SVG document), so where it is drawn changes no byte; the files are written and the page put
     * together on the calling thread in the figures' order, so the first failure is the one one
     * thread would meet. On a pool the calling thread writes the page's text while the charts are
     * drawn, and each chart's thread encodes its piece of the page, so little is left once the last
     * chart ends.
     */
    public static Outcome write(Path dir, int threads) throws IOException, BadInputException {
        return write(Results.read(dir), threads);
    }

    /** As {@link #write(Path, int)}, of the results {@code r} read. */
    private static Outcome write(Results r, int threads) throws IOException, BadInputException {
        Path dir = r.dir;
        Path chartDir = dir.resolve(CHARTS);
        List<String> written = new ArrayList<>();
        Map<Figure, String> missing = new LinkedHashMap<>();
        List<Figure> drawn = new ArrayList<>();
        for (Figure f : FIGURES) {
            if (r.policies.size() < 2 && (f.name().equals("policy_differences") || f.name().equals("cost_effectiveness"))) {
                missing.put(f, f.heading() + ": not drawn, the run has only the baseline policy, so there is nothing to compare it with.");
            } else if (!available(r, f.needs())) {
                missing.put(f, f.heading() + ": not drawn, " + f.needs() + " is not in the results folder.");
            } else {
                drawn.add(f);
            }
        }
        Drawing drawing = draw(r, drawn, threads);
        Text text;
        List<Drawn> drawnImages;
        try {
            text = Text.of(r);
        } finally {
            drawnImages = drawing.await(); // a chart's failure comes first, as on one thread
        }
        Iterator<Drawn> images = drawnImages.iterator();
        StringBuilder figures = new StringBuilder();
        for (Figure f : FIGURES) {
            String note = missing.get(f);
            if (note != null) {
                figures.append("<p class=\"missing\">").append(Html.escape(note)).append("</p>\n");
                continue;
            }
            Drawn d = images.next();
            Files.createDirectories(chartDir);
            AtomicFile.writeBytes(chartDir.resolve(f.name() + ".png"), d.png());
            AtomicFile.writeString(chartDir.resolve(f.name() + ".svg"), d.svg());
            written.add(f.name());
            figures.append(d.html());
        }
        List<String> notes = new ArrayList<>(missing.values());
        figures.append(otherCharts(chartDir, written));
        Path report = dir.resolve(REPORT);
        AtomicFile.writeString(report, text.page(figures.toString()));
        return new Outcome(written, notes, report);
    }

    /** The figures' images being made; {@link #await} gives them in the figures' order. */
    @FunctionalInterface
    private interface Drawing {
        List<Drawn> await() throws IOException;
    }

    /**
     * Each figure drawn as PNG and SVG, in the given order: on the calling thread, before this returns;
     * or on a pool of up to {@code threads} while the caller goes on (the pool stops once they are awaited).
     */
    private static Drawing draw(Results r, List<Figure> figures, int threads) throws IOException {
        int k = Math.min(threads, figures.size());
        if (k <= 1) {
            List<Drawn> out = new ArrayList<>();
            for (Figure f : figures) out.add(draw(r, f));
            return () -> out;
        }
        // daemons: a failed report does not wait for the other charts; their CPU counts in the run's summaries phase
        ExecutorService pool = Executors.newFixedThreadPool(k, task -> PhaseTimer.poolThread(task, "weaklink-charts"));
        Map<Figure, Future<Drawn>> futures = new LinkedHashMap<>();
        try {
            for (Figure f : figures) futures.put(f, pool.submit(() -> draw(r, f)));
        } catch (RuntimeException | Error e) {
            pool.shutdownNow();
            throw e;
        }
        return () -> {
            try {
                List<Drawn> out = new ArrayList<>();
                for (Figure f : figures) out.add(result(futures.get(f)));
                return out;
            } finally {
                pool.shutdownNow();
            }
        };
    }

    private static Drawn draw(Results r, Figure f) throws IOException {
        int height = f.height().apply(r);
        JFreeChart chart = f.draw().apply(r);
        byte[] png = Charts.png(chart, Charts.WIDTH, height);
        return new Drawn(png, Charts.svg(chart, Charts.WIDTH, height), figure(f.name(), f.heading(), f.caption(), png, height));
    }

    /** A chart's images; what drawing it threw is thrown here, as drawing it on this thread would have. */
    private static Drawn result(Future<Drawn> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the charts were drawn", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private static boolean available(Results r, String file) {
        if (file.equals(Results.SUMMARY)) return true;
        if (file.equals(Results.EXCEEDANCE)) return r.exceedance != null;
        if (file.equals(Results.TIMESERIES)) return r.timeseries != null;
        if (file.equals(Results.BY_GROUP)) return r.byGroup != null;
        return true;
    }

    private static String figure(String name, String heading, String caption, byte[] png, int height) {
        return "<figure id=\"" + Html.escape(name) + "\">\n<h3>" + Html.escape(heading) + "</h3>\n"
                + "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\" width=\"" + Charts.WIDTH
                + "\" height=\"" + height + "\" alt=\"" + Html.escape(heading) + "\">\n<figcaption>" + Html.escape(caption)
                + " <span class=\"files\">Files: <a href=\"" + CHARTS + "/" + Html.escape(name) + ".svg\">SVG</a> · <a href=\""
                + CHARTS + "/" + Html.escape(name) + ".png\">PNG</a></span></figcaption>\n</figure>\n";
    }

    /** Charts other commands left in {@code charts/} (sweeps, sensitivity, single points of failure), shown after ours. */
    private static String otherCharts(Path chartDir, List<String> ours) throws IOException {
        if (!Files.isDirectory(chartDir)) return "";
        List<Path> others;
        try (Stream<Path> files = Files.list(chartDir)) {
            others = files.filter(p -> p.getFileName().toString().endsWith(".png"))
                    .filter(p -> !ours.contains(baseName(p)) && !FIGURES.stream().anyMatch(f -> f.name().equals(baseName(p))))
                    .sorted().toList();
        }
        StringBuilder sb = new StringBuilder();
        for (Path p : others) {
            String name = baseName(p);
            sb.append(figure(name, name.replace('_', ' '), "Drawn by another WeakLink command into this folder.", Files.readAllBytes(p),
                    pngHeight(p)));
        }
        return sb.toString();
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - ".png".length());
    }

    /** The image height scaled to {@link Charts#WIDTH}, read from the PNG header. */
    private static int pngHeight(Path p) throws IOException {
        var image = javax.imageio.ImageIO.read(p.toFile());
        if (image == null) throw new IOException(p + ": not a PNG image");
        return (int) Math.round(image.getHeight() * (double) Charts.WIDTH / image.getWidth());
    }

    // ---- the page ------------------------------------------------------------------------------

    /**
     * The page's text around its charts, made from the results alone: {@link #of} makes it while the charts
     * are drawn, and {@link #page} puts the page together once they are. Should making it fail, it fails
     * there, where the page was made when the charts were drawn first: a chart's failure comes first.
     */
    private record Text(String before, String after, RuntimeException failure) {
        static Text of(Results r) {
            try {
                return new Text(beforeCharts(r), afterCharts(r), null);
            } catch (RuntimeException e) {
                return new Text(null, null, e);
            }
        }

        String page(String figures) {
            if (failure != null) throw failure;
            return before + "<section id=\"charts\">\n<h2>Charts</h2>\n" + figures + "</section>\n" + after;
        }
    }

    /** The page up to its charts: the head, the title, the answer, the scenario and the headline figures. */
    private static String beforeCharts(Results r) {
        Manifest m = r.manifest;
        String name = m.scenarioName().isEmpty() ? "scenario" : m.scenarioName();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>WeakLink report: ").append(Html.escape(name)).append("</title>\n<style>\n").append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>WeakLink report: ").append(Html.escape(name)).append("</h1>\n");
        // Only what the results depend on: no times, paths or thread counts, so every way of running gives the same page.
        h.append("<p class=\"meta\">").append(Html.escape(String.format("%,d replicates (simulated years) per policy · master seed %d · "
                + "weaklink %s", r.summary.get(r.policies.get(0)).get(SummaryColumn.REPLICATES).longValue(), m.seed(), m.version()))).append("</p>\n");
        if (m.shard().count() > 1) {
            h.append("<p class=\"missing\">").append(Html.escape(String.format("This folder is shard %d of %d of the run: it covers replicates "
                    + "%,d to %,d of %,d only, and its figures are those of that share. Merge the %d shards (weaklink merge) for the run's "
                    + "figures.", m.shard().index(), m.shard().count(), m.shard().firstReplicate(), m.shard().endReplicate() - 1, m.replicates(),
                    m.shard().count()))).append("</p>\n");
        }
        h.append(answer(r));
        h.append(scenario(r));
        h.append(headline(r));
        return h.toString();
    }

    /** The page after its charts: the method, the data files and the end. */
    private static String afterCharts(Results r) {
        return method(r) + files(r) + "</main>\n</body>\n</html>\n";
    }

    private static String scenario(Results r) {
        Manifest m = r.manifest;
        Scenario s = r.scenario; // null for an older manifest: the scenario is named, not described
        StringBuilder h = new StringBuilder("<section id=\"scenario\">\n<h2>Scenario</h2>\n");
        String description = s == null ? "" : s.description().strip();
        if (!description.isEmpty()) h.append("<p>").append(Html.escape(description)).append("</p>\n");
        h.append("<dl>\n");
        Html.term(h, "Scenario file SHA-256", m.scenarioSha256());
        Html.term(h, "Simulated period", r.days + " days per replicate, money in " + r.currency);
        if (s != null) {
            Html.term(h, "Network", network(s, m));
            List<String> actors = new ArrayList<>();
            for (ActorSpec a : s.actors()) {
                actors.add(a.name() + " (" + a.mode().label() + ", " + a.effect().label() + ", " + a.campaignsPerYear() + " campaigns a year)");
            }
            if (!s.initialCompromises().isEmpty()) actors.add(s.initialCompromises().size() + " firm(s) compromised on day 0");
            Html.term(h, "Attacks", actors.isEmpty() ? "none" : String.join("; ", actors));
        }
        h.append("<dt>Policies</dt>\n<dd><ul>\n");
        for (int i = 0; i < r.policies.size(); i++) {
            String p = r.policies.get(i);
            h.append("<li>").append(Html.swatch(r.colour(p))).append("<b>").append(Html.escape(p)).append("</b>")
                    .append(Html.escape(s == null ? "" : policyParameters(s, p))).append(p.equals(r.baseline) ? " <em>(baseline)</em>" : "")
                    .append("</li>\n");
        }
        h.append("</ul></dd>\n</dl>\n</section>\n");
        return h.toString();
    }

    /** Where the network comes from: a generator's size, or the files it was read from (as the scenario names them, with their hashes). */
    private static String network(Scenario s, Manifest m) {
        if (s.network().fromFiles()) {
            List<String> files = new ArrayList<>();
            for (Manifest.InputFile f : m.inputs()) {
                if (!f.role().equals("scenario")) files.add(f.path() + " (SHA-256 " + f.sha256().substring(0, 12) + "…)");
            }
            return "read from " + String.join(" and ", files);
        }
        NetworkSpec.TieredSpec g = s.network().generator();
        long firms = 0;
        List<String> tiers = new ArrayList<>();
        for (NetworkSpec.TierSpec t : g.tiers()) {
            firms += t.firms();
            tiers.add(String.format("%,d", t.firms()));
        }
        long msp = g.mspFirms(), logistics = g.logisticsFirms();
        return String.format("generated: %,d firms in %d tiers (%s from tier 0 down)", firms + msp + logistics, tiers.size(), String.join(", ", tiers))
                + (msp > 0 ? String.format(", %d IT service providers", msp) : "")
                + (logistics > 0 ? String.format(", %d logistics providers", logistics) : "");
    }

    /** The policy's kind and parameters as the resolved scenario states them, e.g. " — buyer-share: phi 0.5, tiers 1". */
    private static String policyParameters(Scenario scenario, String policy) {
        for (PolicySpec spec : scenario.policies()) {
            if (!policy.equals(spec.name())) continue;
            List<String> params = new ArrayList<>();
            for (Map.Entry<String, Object> e : ScenarioTree.policy(spec).entrySet()) {
                if (!e.getKey().equals("id") && !e.getKey().equals("name")) params.add(e.getKey() + ": " + value(e.getKey(), e.getValue(), scenario));
            }
            return " — " + spec.kind().label() + (params.isEmpty() ? "" : ": " + String.join(", ", params));
        }
        return "";
    }

    /** The plain answer first: the sentences, the ranking by societal cost and the caveats (see {@link Headline}). */
    private static String answer(Results r) {
        Headline hl = Headline.of(r);
        Measure money = Measure.moneyText(r.currency);
        StringBuilder h = new StringBuilder("<section id=\"answer\">\n<p class=\"lead\">").append(Html.escape(hl.text())).append("</p>\n");
        if (r.policies.size() > 1) {
            h.append("<h2>Ranking by societal cost</h2>\n<div class=\"scroll\"><table>\n<thead><tr>");
            for (String c : List.of("Rank", "Policy", "Societal cost a year", "Change vs " + r.baseline + " (95 % interval)",
                    "Change in loss (95 % interval)", "Policy cost: public / private", "Loss avoided per yen of policy cost (95 % interval)",
                    "Net benefit (95 % interval)", "Probability lowest")) {
                h.append("<th>").append(Html.escape(c)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (Headline.Entry e : hl.ranking()) {
                h.append("<tr><td>").append(e.rank()).append("</td><th scope=\"row\">").append(Html.swatch(e.colour())).append(Html.escape(e.policy()))
                        .append(e.baseline() ? " <em>(baseline)</em>" : "").append("</th>");
                Html.cell(h, money.write(e.societalCost()), null);
                if (e.baseline()) {
                    Html.cell(h, "baseline", null);
                    Html.cell(h, "baseline", null);
                } else {
                    Html.cell(h, Headline.signed(money, e.diffSocietal()), Headline.interval(money, e.diffSocietalLow(), e.diffSocietalHigh()));
                    Html.cell(h, Headline.signed(money, e.diffLoss()), Headline.interval(money, e.diffLossLow(), e.diffLossHigh()));
                }
                Html.cell(h, money.write(e.policyCost()), money.write(e.publicCost()) + " / " + money.write(e.privateCost()));
                Html.cell(h, Double.isNaN(e.perYen()) ? "–" : Headline.perYen(money, e.perYen()),
                        Double.isNaN(e.perYen()) ? "no policy cost" : "[" + Headline.perYen(money, e.perYenLow()) + ", " + Headline.perYen(money, e.perYenHigh()) + "]");
                Html.cell(h, e.baseline() ? "–" : Headline.signed(money, e.netBenefit()),
                        e.baseline() ? null : Headline.interval(money, e.netBenefitLow(), e.netBenefitHigh()));
                Html.cell(h, Headline.percent(e.probBest()), null);
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table></div>\n<p class=\"note\">Societal cost = losses + all security spending, whoever pays it. "
                    + "Changes are paired differences against <b>").append(Html.escape(r.baseline)).append("</b> over the same simulated years. "
                    + "Net benefit = loss avoided − extra security spending (= −change in societal cost). Policy cost is what the policy puts on "
                    + "its payers beyond what firms would have spent alone; public = the government's part. Probability lowest: share of 1,000 "
                    + "paired bootstrap resamples of the years in which the policy has the lowest mean societal cost.</p>\n");
        }
        h.append("<ul class=\"caveats\">\n");
        for (String c : hl.caveats()) h.append("<li>").append(Html.escape(c)).append("</li>\n");
        return h.append("</ul>\n</section>\n").toString();
    }

    /** A parameter's value as a reader writes it: money ({@code *_yen}) in the report's money format, other numbers plainly. */
    private static String value(String key, Object v, Scenario scenario) {
        if (!(v instanceof Number n)) return String.valueOf(v);
        if (key.endsWith("_yen")) return Measure.moneyText(scenario.currency()).write(n.doubleValue());
        return java.math.BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
    }

    private static String headline(Results r) {
        Measure money = Measure.moneyText(r.currency);
        StringBuilder h = new StringBuilder("<section id=\"headline\">\n<h2>Losses and their distribution</h2>\n<div class=\"scroll\"><table>\n<thead><tr>");
        for (String c : List.of("Policy", "Mean annual loss (95 % interval)", "Median year", "VaR 99.5 % (1 in 200 years)",
                "TVaR 99.5 %", "Security spending", "Policy cost", "Societal cost", "Change vs baseline (95 % interval)")) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < r.policies.size(); i++) {
            String p = r.policies.get(i);
            Map<SummaryColumn, Double> s = r.summary.get(p);
            h.append("<tr><th scope=\"row\">").append(Html.swatch(r.colour(p))).append(Html.escape(p)).append("</th>");
            Html.cell(h, money.write(s.get(SummaryColumn.MEAN_LOSS)), money.write(s.get(SummaryColumn.CI95_LOW)) + " to "
                    + money.write(s.get(SummaryColumn.CI95_HIGH)));
            Html.cell(h, money.write(s.get(SummaryColumn.P50)), null);
            tail(h, money, s.get(SummaryColumn.VAR_99_5), s.get(SummaryColumn.VAR_99_5_CI95_LOW), s.get(SummaryColumn.VAR_99_5_CI95_HIGH));
            tail(h, money, s.get(SummaryColumn.TVAR_99_5), s.get(SummaryColumn.TVAR_99_5_CI95_LOW), s.get(SummaryColumn.TVAR_99_5_CI95_HIGH));
            for (SummaryColumn c : List.of(SummaryColumn.MEAN_SECURITY_SPEND, SummaryColumn.MEAN_POLICY_COST, SummaryColumn.MEAN_SOCIETAL_COST)) {
                Html.cell(h, money.write(s.get(c)), null);
            }
            if (p.equals(r.baseline)) {
                Html.cell(h, "baseline", null);
            } else {
                Html.cell(h, signed(money, s.get(SummaryColumn.DIFF_VS_BASELINE)),
                        signed(money, s.get(SummaryColumn.DIFF_CI95_LOW)) + " to " + signed(money, s.get(SummaryColumn.DIFF_CI95_HIGH)));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n<p class=\"note\">Money in ").append(Html.escape(r.currency))
                .append(" a year (K thousand, M million, B billion, T trillion). Societal cost = losses + all security spending. "
                        + "A negative change is a saving against the baseline policy <b>").append(Html.escape(r.baseline))
                .append("</b>.</p>\n</section>\n");
        return h.toString();
    }

    private static String signed(Measure money, double x) {
        return Headline.signed(money, x);
    }

    /** A tail figure with its bootstrap interval below, or "not estimated" (the caveat above says why). */
    private static void tail(StringBuilder h, Measure money, Double value, Double low, Double high) {
        if (value == null || Double.isNaN(value)) Html.cell(h, "not estimated", "too few years beyond 99.5 %");
        else Html.cell(h, money.write(value), Double.isNaN(low) ? null : money.write(low) + " to " + money.write(high));
    }

    private static String method(Results r) {
        return "<section id=\"method\">\n<h2>Method and assumptions</h2>\n<ul>\n"
                + "<li>Each replicate is one simulated year of " + r.days + " days. Threat actors' campaigns arrive at random; an "
                + "intruder moves along IT-trust links between firms until detected, ransomware stops a firm's production, and the "
                + "stoppage spreads to its buyers once their inventory runs out.</li>\n"
                + "<li>Every policy sees the same attacks in the same replicate (common random numbers), so the differences "
                + "between policies are paired: their intervals are much narrower than the intervals of each policy's mean.</li>\n"
                + "<li>Intervals are 95 % Student-t confidence intervals of the mean (for a change vs baseline, of the mean paired "
                + "difference; for loss avoided per yen, of the linearised ratio). They measure Monte Carlo error only, not the "
                + "uncertainty of the scenario's inputs (a scenario's <code>uncertainty:</code> block draws those).</li>\n"
                + "<li>VaR 99.5 % is the empirical 99.5 % quantile of the annual loss (the Solvency II 1-in-200-year loss); TVaR "
                + "99.5 % is the mean of the worst 0.5 % of years; their intervals are bootstrap percentile intervals (1,000 "
                + "resamples). They are given only when at least 10 simulated years lie beyond the 99.5 % level (2,000 replicates): "
                + "with fewer, the figure would be little more than the worst year simulated. Return periods longer than the "
                + "number of simulated years are not estimated.</li>\n"
                + "<li><i>Firms compromised</i> counts every firm an attacker got into during the year; <i>firms down</i> counts those whose "
                + "production stopped (a ransomware outage). Ransomware detonates in every firm it reaches, so with ransomware actors only "
                + "the two counts are equal; actors that steal data compromise firms without stopping them, and then the counts differ.</li>\n"
                + "<li>Losses are direct costs (incident response, ransom, data breach), business interruption and contingent "
                + "business interruption of buyers. Firms invest in security following Gordon and Loeb (2002) against their own "
                + "expected loss; policies change who pays and the minimum posture.</li>\n"
                + "<li>Every number in the scenario file either cites its source or is marked as an assumption there; the results "
                + "are what the model implies under those inputs, not forecasts.</li>\n</ul>\n</section>\n"
                + "<section id=\"model-risk\">\n<h2>Model risk</h2>\n<p>A scenario's header says what it is: a <i>replay</i> puts an "
                + "incident's outcome into its inputs and shows a mechanism; a <i>calibrated</i> scenario has its attack rates, incident "
                + "costs and recovery times fitted to the National Police Agency's ransomware figures (<code>weaklink calibrate</code>); "
                + "everything else in it is an assumption. docs/CALIBRATION.md lists which parameters are fitted and which are assumed, "
                + "the fitted statistics beside the published ones, the comparisons with data the fit did not use, and how far the "
                + "policy comparison moves over the assumption the fit rests on, the share of ransomware victims who report to the "
                + "police: for the shipped manufacturing network the policy with the lowest societal cost changes between a reporting "
                + "rate of 0.2 and 0.5. It also gives how often each policy is best when the other assumptions (the cost of public "
                + "funds, certification, the productivity of security spending, stocks, spare capacity, substitution, the programmes' "
                + "administration) are drawn together over their plausible ranges (scenarios/japan-manufacturing-model-risk.yaml): "
                + "there the best of the shipped policies follows how much the network loses downstream. The intervals above do not "
                + "include that uncertainty.</p>\n</section>\n";
    }

    private static String files(Results r) {
        StringBuilder h = new StringBuilder("<section id=\"files\">\n<h2>Data files</h2>\n<ul>\n");
        String[][] entries = {
            {Results.SUMMARY, "one row per policy: the headline figures above, with more columns"},
            {Runner.REPLICATES, "one row per policy and simulated year"},
            {Results.EXCEEDANCE, "loss by return period, annual aggregate (aep) and largest event (oep)"},
            {Results.TIMESERIES, "compromised and down firms per day"},
            {Results.BY_GROUP, "losses borne and security paid, by tier, size class and payer"},
            {Runner.MANIFEST, "how this run was made: the resolved scenario, seed, versions"},
        };
        for (String[] e : entries) {
            if (!Files.isRegularFile(r.dir.resolve(e[0]))) continue;
            h.append("<li><a href=\"").append(Html.escape(e[0])).append("\">").append(Html.escape(e[0])).append("</a>: ")
                    .append(Html.escape(e[1])).append("</li>\n");
        }
        return h.append("</ul>\n</section>\n").toString();
    }
}
