package weaklink.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import weaklink.io.Csv;
import weaklink.io.Sha256;
import weaklink.scenario.BadInputException;

/**
 * A run's identity: every file it read (the scenario and its network files, each with its SHA-256,
 * as the manifest records them) and what must match for a folder's run to be continued, or for
 * folders to be parts of one run (shards, uncertainty draws, sweep points). A mismatch is bad input
 * naming the file or the key, with both values.
 */
final class RunIdentity {
    private RunIdentity() {}

    /** Every file a run of {@code plan} reads, hashed now: the scenario, then its network files. */
    static List<Manifest.InputFile> inputsOf(RunPlan plan) throws IOException, BadInputException {
        return inputsOf(plan, List.of());
    }

    /** The same, taking the network files' digests from {@code networkSources} (firms, then links) when given. */
    static List<Manifest.InputFile> inputsOf(RunPlan plan, List<weaklink.io.InputFile.Digest> networkSources) throws IOException, BadInputException {
        List<Manifest.InputFile> out = new ArrayList<>();
        Path scenarioFile = plan.scenarioFile();
        out.add(input("scenario", scenarioFile.toString(), scenarioFile));
        var network = plan.scenario().network();
        if (network.fromFiles()) {
            Path dir = scenarioFile.toAbsolutePath().getParent();
            if (networkSources.size() == 2) {
                out.add(new Manifest.InputFile("firms", relative(dir, network.firmsFile()), networkSources.get(0).bytes(), networkSources.get(0).sha256()));
                out.add(new Manifest.InputFile("links", relative(dir, network.linksFile()), networkSources.get(1).bytes(), networkSources.get(1).sha256()));
            } else {
                out.add(input("firms", relative(dir, network.firmsFile()), network.firmsFile()));
                out.add(input("links", relative(dir, network.linksFile()), network.linksFile()));
            }
        }
        var insurance = plan.scenario().insurance();
        if (insurance.hasPortfolio()) {
            out.add(input("portfolio", relative(scenarioFile.toAbsolutePath().getParent(), insurance.portfolio()), insurance.portfolio()));
        }
        return out;
    }

    private static Manifest.InputFile input(String role, String shown, Path file) throws IOException, BadInputException {
        try {
            return new Manifest.InputFile(role, shown, Files.size(file), Sha256.of(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), 0, 0, null, "file not found");
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * Refuses to resume the run of manifest {@code m} (in {@code dir}) with {@code plan} if anything that changes results
     * differs: an input file (named, with both hashes), the scenario, m.seed(), m.replicates(), m.policies(),
     * shard, m.version() or target.
     */
    static void checkSameRun(Manifest m, RunPlan plan, Path dir) throws BadInputException, IOException {
        String where = dir.resolve(Manifest.FILE).toString();
        checkInputs(m, inputsOf(plan), dir.toString());
        check(where, "scenario_sha256", m.scenarioSha256(), plan.scenarioSha256());
        check(where, "seed", Long.toString(m.seed()), Long.toString(plan.seed()));
        check(where, "replicates", Integer.toString(m.replicates()), Integer.toString(plan.replicates()));
        check(where, "policies", String.join(",", m.policies()), String.join(",", plan.policyNames()));
        check(where, "shard", m.shard().index() + "/" + m.shard().count(), plan.shard().toString());
        check(where, "version", m.version(), Version.VALUE);
        check(where, "target_ci_percent", m.targetCiPercent() != null ? Csv.number(m.targetCiPercent()) : "none",
                plan.stopsEarly() ? Csv.number(plan.targetCi() * 100) : "none");
    }

    /**
     * Refuses {@code current} inputs that differ from those of manifest {@code m}, naming the file: a run (or a
     * shard) built on another version of a network file is another run.
     *
     * @param otherRun where {@code m}'s run is, for the message
     */
    static void checkInputs(Manifest m, List<Manifest.InputFile> current, String otherRun) throws BadInputException {
        for (Manifest.InputFile now : current) {
            Manifest.InputFile then = m.inputs().stream().filter(i -> i.role().equals(now.role())).findFirst().orElse(null);
            if (then == null) {
                throw new BadInputException(now.path(), 0, 0, null, "is a " + now.role() + " file that the run in " + otherRun
                        + " did not read; resume with the same scenario, or start a new run");
            }
            if (!then.sha256().equals(now.sha256()) && !then.path().equals(now.path())) {
                throw new BadInputException(now.path(), 0, 0, null, "is not the " + now.role() + " file the run in " + otherRun + " read ("
                        + then.path() + ", SHA-256 " + then.sha256() + "; this file's is " + now.sha256()
                        + "): a run is only continued or merged on the same inputs");
            }
            if (!then.sha256().equals(now.sha256())) {
                throw new BadInputException(now.path(), 0, 0, null, "has changed since the run in " + otherRun + " read it (SHA-256 now "
                        + now.sha256() + ", then " + then.sha256() + "; " + now.bytes() + " bytes, then " + then.bytes()
                        + "); a run is only continued or merged on the same inputs: restore the file, or start a new run");
            }
        }
    }

    /**
     * Refuses the runs in several folders of one command (an uncertainty run's draws, a sweep's
     * points, shards being merged) when {@code other} read other inputs than {@code first}: each
     * role's file must have the same SHA-256 (where it was read from may differ).
     *
     * @param firstWhere the first run's folder, for the message
     * @param otherWhere the other run's manifest file, named by the refusal
     */
    static void checkSameInputs(Manifest first, String firstWhere, Manifest other, String otherWhere) throws BadInputException {
        for (Manifest.InputFile in : other.inputs()) {
            Manifest.InputFile then = first.inputs().stream().filter(i -> i.role().equals(in.role())).findFirst().orElse(null);
            if (then == null || !then.sha256().equals(in.sha256())) {
                throw new BadInputException(otherWhere, 0, 0, "inputs", "was run on " + in.path() + " with SHA-256 " + in.sha256() + ", but "
                        + firstWhere + (then == null ? " read no " + in.role() + " file" : " on " + then.path() + " with SHA-256 " + then.sha256())
                        + ": one run's parts were made from different inputs (a file changed between them); rerun them on the same files");
            }
        }
    }

    private static void check(String file, String key, String found, String expected) throws BadInputException {
        if (!found.equals(expected)) {
            throw new BadInputException(file, 0, 0, key, "the folder holds a run with " + key + " " + found
                    + ", this command asks for " + expected + "; resume with the same scenario and options, or start a new run");
        }
    }
}
