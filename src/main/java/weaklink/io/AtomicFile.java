package weaklink.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name in the same folder and renames it into place, so a
 * failed or interrupted run never leaves a half-written file where a finished one is expected.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Something that writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path tmp = temporaryFor(target);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            content.writeTo(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        moveIntoPlace(tmp, target);
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        Path tmp = temporaryFor(target);
        Files.write(tmp, bytes);
        moveIntoPlace(tmp, target);
    }

    /** The temporary name used while {@code target} is being written. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
