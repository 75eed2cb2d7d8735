package weaklink.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Housekeeping of a results folder. */
public final class ResultsFolder {
    private ResultsFolder() {}

    /** Removes everything in {@code dir} (for {@code --overwrite}); refuses folders that are not results folders. */
    static void clear(Path dir) throws IOException, weaklink.scenario.BadInputException {
        if (!Files.exists(dir.resolve(Runner.MANIFEST))) {
            throw weaklink.scenario.BadInputException.option("--overwrite", "refusing to overwrite " + dir
                    + ": it is not a WeakLink results folder (no " + Runner.MANIFEST + ")");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) Files.delete(p);
            }
        }
    }

    /** Refuses an output folder ({@code --out}) that is a file or holds anything: results are never mixed. */
    public static void requireAbsentOrEmpty(Path dir) throws IOException, weaklink.scenario.BadInputException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw weaklink.scenario.BadInputException.option("--out", dir + " exists and is not a folder");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) throw weaklink.scenario.BadInputException.option("--out", "results folder " + dir + " is not empty; choose another --out");
            }
        }
    }
}
