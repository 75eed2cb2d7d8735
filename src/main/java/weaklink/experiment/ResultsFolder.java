package weaklink.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import weaklink.io.AtomicFile;
import weaklink.io.Sha256;
import weaklink.scenario.BadInputException;

/**
 * What may be done to a results folder before a command holds it, and what {@code --overwrite} may
 * remove: a folder is empty when it holds nothing but the tool's lock and the temporary files of
 * writes that never finished; a folder may be overwritten only when every file in it is one its
 * WeakLink manifest lists as written by WeakLink (never a symbolic link, never a file outside the
 * folder, never an input of the run), and then only those files are removed, the manifest last.
 * Also how a written file is recorded and checked against its record. Used by {@link ResultsStore}
 * and by the commands that hold a folder of results folders (uncertainty runs, sweeps).
 */
final class ResultsFolder {
    private ResultsFolder() {}

    /** Refuses an {@code --out} that is a file, or a symbolic link to nothing. */
    static void checkOutPath(Path dir) throws BadInputException {
        if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
            String target;
            try {
                target = Files.readSymbolicLink(dir).toString();
            } catch (IOException e) {
                target = "?";
            }
            throw BadInputException.option("--out", dir + " is a symbolic link to " + target
                    + ", which does not exist; create that folder, or give another --out");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw BadInputException.option("--out", dir + " exists and is not a folder");
    }

    /** The refusal of a new run in {@code dir}, which holds results already. */
    static BadInputException notEmpty(Path dir) {
        return BadInputException.option("--out", "results folder " + dir + " is not empty; use --resume " + dir
                + " to continue the run in it, --overwrite to replace it, or another --out");
    }

    /** Whether {@code dir} holds nothing but this tool's lock and unfinished temporary files. */
    static boolean emptyButOurs(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!name.equals(FolderLock.FILE) && !AtomicFile.isTemporary(name)) return false;
            }
        }
        return true;
    }

    /**
     * The files {@code --overwrite} may remove from {@code dir}: those its manifest lists as written
     * by WeakLink, and the manifest. Refuses (bad input, naming the file) a folder without a WeakLink
     * manifest, any other file in it, and any input of the run inside it.
     */
    static List<Path> removableFiles(Path dir, List<Path> inputs) throws IOException, BadInputException {
        refuseInputsInside(dir, inputs);
        Path root = dir.toAbsolutePath().normalize();
        return collect(dir, ownFiles(dir, root, "refusing to overwrite " + dir + ": it is not a WeakLink results folder"));
    }

    private static void refuseInputsInside(Path dir, List<Path> inputs) throws BadInputException {
        Path root = dir.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in.toAbsolutePath().normalize().startsWith(root)) {
                throw BadInputException.option("--overwrite", "refusing to overwrite " + dir + ": it holds " + in
                        + ", an input of this run; keep inputs outside the results folder, or choose another --out");
            }
        }
    }

    /** The files of the results folder {@code folder} (absolute: {@code root}) that WeakLink wrote: its manifest and those it lists. */
    private static Set<Path> ownFiles(Path folder, Path root, String notOurs) throws IOException, BadInputException {
        Manifest m;
        try {
            m = Manifest.read(folder);
        } catch (BadInputException e) {
            throw BadInputException.option("--overwrite", notOurs + " (" + e.getMessage() + "); only files WeakLink's own manifest lists are ever removed");
        }
        if (m.format() < Manifest.FORMAT) {
            throw BadInputException.option("--overwrite", "refusing to overwrite " + folder + ": its manifest was written by weaklink " + m.version()
                    + ", which does not list the files it wrote; remove them yourself, or choose another --out");
        }
        Set<Path> own = new LinkedHashSet<>();
        own.add(root.resolve(Manifest.FILE));
        for (Manifest.OutputFile f : m.files()) {
            Path p = root.resolve(f.path()).normalize();
            if (!p.startsWith(root) || p.equals(root)) {
                throw BadInputException.option("--overwrite", "refusing to overwrite " + folder + ": its manifest lists " + f.path()
                        + ", which is not a file inside the folder");
            }
            own.add(p);
        }
        return own;
    }

    /**
     * Every file under {@code dir} if each is in {@code own}, a lock file or an unfinished temporary
     * file; otherwise refuses, naming the first other file. Symbolic links are never WeakLink's.
     */
    private static List<Path> collect(Path dir, Set<Path> own) throws IOException, BadInputException {
        Path root = dir.toAbsolutePath().normalize();
        List<Path> remove = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(root) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                String name = p.getFileName().toString();
                if (name.equals(FolderLock.FILE) && p.getParent().equals(root)) continue; // ours, held now
                if (AtomicFile.isTemporary(name) || name.equals(FolderLock.FILE)) {
                    remove.add(p);
                    continue;
                }
                if (!own.contains(p) || Files.isSymbolicLink(p)) {
                    throw BadInputException.option("--overwrite", "refusing to overwrite " + dir + ": it holds " + p
                            + ", which WeakLink's manifest does not list as its own; move it away, or choose another --out");
                }
                remove.add(p);
            }
        }
        return remove;
    }

    /**
     * {@code --overwrite} of a folder that holds results folders below it (an uncertainty run's
     * draws): removes its manifest (which {@code isOurs} must accept), the files of {@code topFiles}
     * (relative paths) and, in each folder of {@code nested}, the files that folder's manifest lists —
     * after checking the folder holds nothing else and none of {@code inputs}; otherwise refuses
     * (bad input, naming the file) and removes nothing.
     */
    static void clearNested(Path dir, java.util.Collection<String> topFiles, String nested, List<Path> inputs,
                            java.util.function.Predicate<Path> isOurs) throws IOException, BadInputException {
        refuseInputsInside(dir, inputs);
        Path root = dir.toAbsolutePath().normalize();
        if (!isOurs.test(dir)) {
            throw BadInputException.option("--overwrite", "refusing to overwrite " + dir + ": it is not a WeakLink results folder;"
                    + " only files WeakLink's own manifest lists are ever removed");
        }
        Set<Path> own = new LinkedHashSet<>();
        own.add(root.resolve(Manifest.FILE));
        for (String f : topFiles) own.add(root.resolve(f).normalize());
        Path below = root.resolve(nested);
        if (Files.isDirectory(below)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(below)) {
                for (Path folder : s) {
                    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) continue;
                    if (!Files.exists(folder.resolve(Manifest.FILE)) && emptyButOurs(folder)) continue;
                    own.addAll(ownFiles(folder, folder.toAbsolutePath().normalize(), "refusing to overwrite " + dir + ": " + folder
                            + " is not a WeakLink results folder"));
                }
            }
        }
        clear(dir, collect(dir, own));
    }

    /** Removes {@code files} (the manifest last, so an interrupted clearing can be repeated) and the folders they leave empty. */
    static void clear(Path dir, List<Path> files) throws IOException {
        Path manifest = dir.toAbsolutePath().normalize().resolve(Manifest.FILE);
        for (Path p : files) if (!p.getFileName().toString().equals(Manifest.FILE)) Files.deleteIfExists(p);
        for (Path p : files) if (p.getFileName().toString().equals(Manifest.FILE) && !p.equals(manifest)) Files.deleteIfExists(p);
        Files.deleteIfExists(manifest);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (p.equals(dir) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
                    if (!s.iterator().hasNext()) Files.delete(p);
                }
            }
        }
    }

    /** Temporary files of writes that never finished (their writer was killed); none can be in progress while we hold the lock. */
    static void removeTemporaries(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && AtomicFile.isTemporary(p.getFileName().toString())) Files.deleteIfExists(p);
            }
        }
    }

    /** Refuses a file whose size or SHA-256 is not what the manifest recorded, naming it. */
    static void verify(Path dir, Manifest.OutputFile f) throws IOException, BadInputException {
        Path file = dir.resolve(f.path());
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, 0, 0, null, "is missing; the manifest records it as written (" + f.bytes() + " bytes)");
        }
        long size = Files.size(file);
        String sha = Sha256.of(file);
        if (size != f.bytes() || !sha.equals(f.sha256())) {
            throw new BadInputException(file, 0, 0, null, "is not the file the run wrote: the manifest records " + f.bytes() + " bytes with SHA-256 "
                    + f.sha256() + ", the folder holds " + size + " bytes with SHA-256 " + sha + "; it was changed after the run");
        }
    }

    /** A file written into a results folder as the manifest records it: size, SHA-256 and, for a CSV file, data rows. */
    static Manifest.OutputFile describe(Path file, String path) throws IOException {
        MessageDigest md = Sha256.digest();
        long bytes = 0, lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
            }
        }
        return new Manifest.OutputFile(path, bytes, Sha256.hex(md), dataRows(path, lines));
    }

    /** The data rows the manifest records for a file of {@code newlines} line ends: for a CSV file those after its header, else none. */
    static Long dataRows(String path, long newlines) {
        return path.endsWith(".csv") ? Math.max(0, newlines - 1) : null;
    }
}
