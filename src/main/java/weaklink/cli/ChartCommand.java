package weaklink.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.ResultsStore;
import weaklink.report.ReportWriter;
import weaklink.report.ResultsFinalizer;

@Command(name = "chart", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws the charts (charts/*.png and *.svg) and the report (report.html) of a results folder",
                "from its files alone, e.g. after 'merge'. A chart whose input file is absent is left out, and",
                "the report says so."})
final class ChartCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A results folder (written by run or merge).")
    Path dir;

    @Mixin Options.Threads threads;

    @Mixin Options.Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int threadCount = threads.checked();
        ReportWriter.Outcome outcome;
        // held like any results folder, so a chart is never drawn from files another command is writing
        try (ResultsStore store = ResultsStore.open(dir, ResultsFinalizer.summariser(threadCount), "weaklink chart")) {
            outcome = ReportWriter.write(dir, threadCount);
            store.refreshFiles(outcome.files());
        }
        if (!quiet.value) print(spec.commandLine().getOut(), outcome);
        return Main.OK;
    }

    static void print(PrintWriter out, ReportWriter.Outcome outcome) {
        for (String note : outcome.notes()) out.println("note: " + note);
        out.println("report: " + outcome.report() + " (" + outcome.charts().size() + " charts)");
    }
}
