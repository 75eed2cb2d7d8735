package weaklink.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.cli.Main;

class SweepTest {
    @TempDir Path dir;

    static int cli(StringWriter err, String... args) {
        return Main.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void gridSweepWritesOneRowPerPointAndPolicyWithTheValues() throws Exception {
        Path out = dir.resolve("s");
        assertEquals(0, cli(new StringWriter(), "sweep", "src/test/resources/scenarios/small-network.yaml", "--param", "actors[0].campaigns_per_year=1,6",
                "--replicates", "6", "--out", out.toString(), "--quiet"));
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).startsWith("point,actors[0].campaigns_per_year,policy,mean_loss"), rows.get(0));
        assertTrue(rows.get(1).startsWith("1,1,none,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("2,6,none,"), rows.get(2));
        assertTrue(Files.isRegularFile(out.resolve("points/p0002/summary.csv")));
        assertTrue(Files.size(out.resolve("charts/sweep_mean_loss_actors_0_campaigns_per_year.png")) > 1000);
        assertTrue(Files.isRegularFile(out.resolve("charts/sweep_var_99_5_actors_0_campaigns_per_year.svg")));
    }

    @Test
    void saltelliSweepGivesZeroTotalIndexToAParameterTheLossIgnores() throws Exception {
        // quickstart has no data theft, so the cost per stolen record cannot change any loss; with common
        // random numbers the outputs at A and AB_i are then identical and the total index is exactly 0
        Path out = dir.resolve("sobol");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "sweep", "src/test/resources/scenarios/small-network.yaml", "--param", "actors[0].campaigns_per_year=1:8",
                "--param", "economics.cost_per_record_yen=1000:100000", "--design", "saltelli", "--samples", "4",
                "--replicates", "4", "--out", out.toString(), "--quiet"), err.toString());
        List<String> rows = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals("policy,output,parameter,first_order,total", rows.get(0));
        String irrelevant = rows.stream().filter(r -> r.startsWith("none,mean_loss,economics.cost_per_record_yen,")).findFirst().orElseThrow();
        assertEquals("none,mean_loss,economics.cost_per_record_yen,0,0", irrelevant);
        String campaigns = rows.stream().filter(r -> r.startsWith("none,mean_loss,actors[0].campaigns_per_year,")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(campaigns.split(",")[4]) > 0.5, campaigns);
        assertTrue(Files.isRegularFile(out.resolve("charts/sensitivity_none.png")));
    }

    @Test
    void resumedSweepKeepsFinishedPointsAndGivesTheSameTable() throws Exception {
        Path out = dir.resolve("r");
        String[] args = {"sweep", "src/test/resources/scenarios/small-network.yaml", "--param", "actors[0].attempt_probability=0.01:0.05", "--samples", "3",
                "--replicates", "5", "--out", out.toString(), "--quiet"};
        assertEquals(0, cli(new StringWriter(), args));
        byte[] table = Files.readAllBytes(out.resolve("sweep.csv"));
        long kept = Files.getLastModifiedTime(out.resolve("points/p0001/replicates.csv")).toMillis();
        // simulate a sweep interrupted in its last point
        Files.delete(out.resolve("points/p0003/replicates.csv"));
        Files.delete(out.resolve("sweep.csv"));
        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, resume), err.toString());
        assertArrayEquals(table, Files.readAllBytes(out.resolve("sweep.csv")));
        assertEquals(kept, Files.getLastModifiedTime(out.resolve("points/p0001/replicates.csv")).toMillis());
    }

    @Test
    void misspeltParameterPathExitsTwoAndWritesNothing() {
        Path out = dir.resolve("bad");
        StringWriter err = new StringWriter();
        assertEquals(2, cli(err, "sweep", "src/test/resources/scenarios/small-network.yaml", "--param", "actors[0].campaigns_per_yaer=1,2", "--out", out.toString()));
        assertTrue(err.toString().contains("did you mean 'campaigns_per_year'"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void latinHypercubeHitsEveryStratumOncePerParameter() throws Exception {
        List<SweepDesign.Parameter> params = List.of(SweepDesign.Parameter.parse("a=0:1"), SweepDesign.Parameter.parse("b=0:10"));
        int n = 20;
        List<List<String>> points = SweepDesign.points(params, SweepDesign.Kind.LHS, n, 42);
        assertEquals(n, points.size());
        for (int j = 0; j < 2; j++) {
            Set<Integer> strata = new HashSet<>();
            double width = j == 0 ? 1.0 / n : 10.0 / n;
            for (List<String> p : points) strata.add((int) (Double.parseDouble(p.get(j)) / width));
            assertEquals(n, strata.size(), "parameter " + j);
        }
        assertEquals(points, SweepDesign.points(params, SweepDesign.Kind.LHS, n, 42));
        assertNotEquals(points, SweepDesign.points(params, SweepDesign.Kind.LHS, n, 43));
    }

    @Test
    void gridCrossesEveryValueOfEveryParameter() throws Exception {
        List<SweepDesign.Parameter> params = List.of(SweepDesign.Parameter.parse("a=1,2,3"), SweepDesign.Parameter.parse("b=0:1"));
        List<List<String>> points = SweepDesign.points(params, SweepDesign.Kind.GRID, 2, 1);
        assertEquals(List.of(List.of("1", "0"), List.of("1", "1"), List.of("2", "0"), List.of("2", "1"), List.of("3", "0"), List.of("3", "1")), points);
    }

    @Test
    void aSweptPolicyGetsACostEffectivenessCurve() throws Exception {
        Path out = dir.resolve("ce");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "sweep", "scenarios/quickstart.yaml", "--param", "policies[5].budget_yen=1e8,5e8", "--policies", "none,targeted",
                "--replicates", "5", "--out", out.toString(), "--quiet"), err.toString());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("charts/sweep_cost_effectiveness.png").toFile());
        assertEquals(weaklink.report.Charts.WIDTH, png.getWidth());
        assertTrue(Files.isRegularFile(out.resolve("charts/sweep_cost_effectiveness.svg")));
        int blue = weaklink.report.Palette.series(weaklink.report.Palette.policy("targeted", 0)).getRGB() & 0xFFFFFF, pixels = 0;
        for (int y = 0; y < png.getHeight(); y++) for (int x = 0; x < png.getWidth(); x++) if ((png.getRGB(x, y) & 0xFFFFFF) == blue) pixels++;
        assertTrue(pixels > 100, "the targeted policy's curve is drawn in its type's colour, found " + pixels + " pixels");
    }
}
