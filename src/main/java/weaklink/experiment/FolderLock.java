package weaklink.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import weaklink.io.Json;
import weaklink.scenario.BadInputException;

/**
 * An exclusive lock on a results (or sweep) folder for the whole of one command, so that two
 * commands never write into one folder and mix their results. It is an operating-system lock on
 * {@code .weaklink.lock} in the folder: the system releases it when the process ends, however it
 * ends, so the lock of a killed process is never in the way (a stale file is simply taken over).
 * The file says who holds the lock, for the message a second command prints. Where the file system
 * has no locks (some network file systems), the holder's process id is checked instead: a process
 * that no longer runs on this host holds nothing.
 */
final class FolderLock implements AutoCloseable {
    static final String FILE = ".weaklink.lock";

    /**
     * The folders this process holds, with what holds them. A second command of this process is
     * refused from here, without opening the lock file: on POSIX systems closing any descriptor of a
     * file drops every lock the process holds on it.
     */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir} (which must exist) for {@code command}, or refuses (bad input,
     * exit 2) naming the process that holds it.
     */
    static FolderLock acquire(Path dir, String command) throws IOException, BadInputException {
        Path key = dir.toRealPath();
        String mine = "process " + ProcessHandle.current().pid() + " on " + host() + " (" + command + ", since " + Instant.now() + ")";
        String other = HELD_HERE.putIfAbsent(key, mine);
        if (other != null) {
            throw BadInputException.option(dir.toString(), "is in use by " + other + ", this same process; two commands writing one results"
                    + " folder would mix their results: wait for it to end, or choose another folder");
        }
        try {
            return lock(key, dir, command);
        } catch (IOException | BadInputException | RuntimeException e) {
            HELD_HERE.remove(key);
            throw e;
        }
    }

    private static FolderLock lock(Path key, Path dir, String command) throws IOException, BadInputException {
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // cannot happen past HELD_HERE, but is the same answer
        } catch (IOException e) {
            // no locks on this file system: judge by the recorded holder
            JsonNode holder = holder(ch);
            if (holder != null && alive(holder)) {
                ch.close();
                throw inUse(dir, holder);
            }
            write(ch, command);
            return new FolderLock(key, ch, null);
        }
        if (lock == null) {
            // the holder writes who it is right after taking the lock: give it that moment, so the refusal can name it
            JsonNode holder = holder(ch);
            for (int i = 0; holder == null && i < 50; i++) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                holder = holder(ch);
            }
            ch.close();
            throw inUse(dir, holder);
        }
        write(ch, command);
        return new FolderLock(key, ch, lock);
    }

    private static BadInputException inUse(Path dir, JsonNode holder) {
        String who = holder == null ? "another WeakLink command"
                : "process " + holder.path("pid").asText("?") + " on " + holder.path("host").asText("?") + " (" + holder.path("command").asText("?")
                + ", since " + holder.path("since").asText("?") + ")";
        return BadInputException.option(dir.toString(), "is in use by " + who + "; two commands writing one results folder would mix"
                + " their results: wait for it to end (or stop it), or choose another folder");
    }

    private static JsonNode holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
            ch.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            return text.isBlank() ? null : Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the recorded holder still runs (only knowable on this host; elsewhere, assume it does). */
    private static boolean alive(JsonNode holder) {
        if (!host().equals(holder.path("host").asText())) return true;
        return ProcessHandle.of(holder.path("pid").asLong(-1)).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void write(FileChannel ch, String command) throws IOException {
        ObjectNode me = Json.object();
        me.put("pid", ProcessHandle.current().pid());
        me.put("host", host());
        me.put("command", command);
        me.put("since", Instant.now().toString());
        byte[] bytes = (Json.MAPPER.writeValueAsString(me) + "\n").getBytes(StandardCharsets.UTF_8);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(bytes), 0);
        ch.force(false);
    }

    static String host() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * Releases the lock. The file stays, emptied (so folders at rest hold the same empty file):
     * deleting it could let a third command lock a new file while a second holds the old one.
     */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            if (lock != null) lock.release();
        } finally {
            channel.close();
            HELD_HERE.remove(key);
        }
    }
}
