package weaklink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN §3, read from the compiled classes of src/main: each package is a stage of
 * the data flow and depends only on the floors below it. A new package must be given a floor here
 * (every class must belong to one), and a dependency that runs up or sideways, or closes a cycle
 * between any two packages, fails the build.
 *
 * <pre>
 *   floor 10 cli (and cli.spark)            commands: parse, call, print
 *   floor 9  gui | cluster (and .spark)     the MASON console; the Slurm and Spark runners
 *   floor 8  report                         results folder to tables, charts, report.html
 *   floor 7  experiment                     replicates x policies, seeding, threads, shards, sweeps, merge
 *   floor 6  economics (and subpackages)    decisions, policies, losses, insurance
 *   floor 5  production                     the contingent-business-interruption cascade, by input types
 *   floor 4  model                          the MASON SimState of one replicate
 *   floor 3  network                        the supply network in arrays, generators, CSV
 *   floor 2  scenario | stats               the scenario records and loader; summaries and intervals
 *   floor 1  io | random                    plumbing: CSV, JSON, atomic files; keyed streams, seeds, samplers
 * </pre>
 * Packages on one floor do not depend on each other.
 */
class LayersTest {
    /** The floors from the ground up: each entry is a floor, its packages side by side. */
    static final List<List<String>> FLOORS = List.of(
            List.of("io", "random"),
            List.of("scenario", "stats"),
            List.of("network"),
            List.of("model"),
            List.of("production"),
            List.of("economics"),
            List.of("experiment"),
            List.of("report"),
            List.of("gui", "cluster"),
            List.of("cli"));

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("weaklink");
    }

    /** Each package may depend on the packages of the floors below its own, and on nothing above or beside it. */
    static LayeredArchitecture layers() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers().ensureAllClassesAreContainedInArchitecture();
        for (List<String> floor : FLOORS) for (String p : floor) arch = arch.layer(p).definedBy("weaklink." + p + "..");
        List<String> below = new ArrayList<>();
        for (List<String> floor : FLOORS) {
            for (String p : floor) {
                arch = below.isEmpty() ? arch.whereLayer(p).mayNotAccessAnyLayer()
                        : arch.whereLayer(p).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(floor);
        }
        return arch;
    }

    @Test
    void everyPackageDependsOnlyOnTheFloorsBelowIt() {
        layers().check(classes);
    }

    @Test
    void noCycleBetweenAnyTwoPackages() {
        slices().matching("weaklink.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("weaklink.cli..").should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void onlyTheSparkRunnerAndItsCommandLineUseSpark() {
        noClasses().that().resideOutsideOfPackages("weaklink.cluster.spark..", "weaklink.cli.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark..").check(classes);
    }

    @Test
    void theModelRunsHeadlessWithNoTraceOfDisplaysOrCharts() {
        noClasses().that().resideOutsideOfPackages("weaklink.gui..", "weaklink.report..", "weaklink.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "org.jfree..", "sim.display..", "sim.portrayal..")
                .check(classes);
    }

    @Test
    void theReportKnowsNothingOfMason() {
        noClasses().that().resideInAPackage("weaklink.report..").should().dependOnClassesThat().resideInAPackage("sim..").check(classes);
    }
}
