package weaklink.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import weaklink.experiment.Merger;
import weaklink.experiment.UncertaintyMerge;
import weaklink.experiment.UncertaintyRun;
import weaklink.report.ResultsFinalizer;
import weaklink.report.UncertaintyReport;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Combines the results folders of the shards of one run (run --shard I/N) into one folder,",
                "identical byte for byte (manifest timestamps aside) to the results of the unsharded run.",
                "Refuses shards of different scenarios, seeds, replicates, policies or versions, and names",
                "missing or duplicated shards."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' results folders, in any order.")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged results folder (absent or empty).")
    Path out;

    @Mixin Options.Threads threads;

    @Mixin Options.Quiet quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int threadCount = threads.checked();
        if (UncertaintyRun.isUncertaintyRun(shards.get(0))) {
            UncertaintyMerge.merge(shards, out, UncertaintyReport.summariser(threadCount));
            if (!quiet.value) UncertaintyReport.consoleLines(out).forEach(l -> spec.commandLine().getOut().println(Summary.wrap(l, 110)));
            return Main.OK;
        }
        Merger.merge(shards, out, ResultsFinalizer.summariser(threadCount));
        if (!quiet.value) Summary.print(spec.commandLine().getOut(), out);
        return Main.OK;
    }
}
