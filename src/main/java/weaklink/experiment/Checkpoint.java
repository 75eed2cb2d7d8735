package weaklink.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import weaklink.io.Json;
import weaklink.io.Sha256;
import weaklink.scenario.BadInputException;
import weaklink.stats.RunningMean;

/**
 * The content of {@code accumulators.json}: replicates done (in order from the shard's first), how
 * many bytes of {@code replicates.csv.partial} hold them and — while the run is in progress — the
 * SHA-256 of those bytes, the exact sums, and for a run with {@code --target-ci} each policy's
 * running mean of total loss and, once it has ended, why. A resumed run continues only from a
 * checkpoint whose bytes and hash the partial file still has. While in progress the checkpoint is
 * also sealed: {@code checkpoint_sha256} is the SHA-256 of everything else in it, so a changed sum
 * (which no row could reveal: the daily counts are in the sums alone) is refused rather than carried
 * into the results. The finished folder's file leaves out both hashes (the manifest lists every
 * file's hash then), so its bytes equal every earlier version's.
 *
 * @param done          replicates done
 * @param bytes         bytes of the rows file that hold them (header included)
 * @param partialSha256 SHA-256 of those bytes, or null in the finished form
 * @param sums          the exact sums
 * @param losses        per policy, the running mean of total loss ({@code --target-ci}); else null
 * @param stopReason    why the run ended, once it has and only with {@code --target-ci}; else null
 * @param streams       the event files streamed with the rows ({@link ResultsStore#STREAMS}): how much of each
 *                      holds the replicates done, with its SHA-256 and rows; empty in the finished form
 */
record Checkpoint(int done, long bytes, String partialSha256, Accumulators sums, RunningMean[] losses, String stopReason,
                  java.util.List<Mark> streams) {
    static final String SEAL = "checkpoint_sha256";

    /**
     * How far a streamed file is written at a checkpoint.
     *
     * @param file   its name in the finished folder ({@code events.csv})
     * @param bytes  bytes that hold the replicates done, header included
     * @param sha256 SHA-256 of those bytes
     * @param rows   rows in them (header excluded)
     */
    record Mark(String file, long bytes, String sha256, long rows) {}

    Checkpoint {
        streams = java.util.List.copyOf(streams);
    }

    /** The content of an in-progress checkpoint is not what its seal says: it was changed after it was written. */
    static final class Unsealed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Unsealed(String recorded, String found) {
            super("its content does not have the SHA-256 recorded in " + SEAL + " (" + recorded + ", found " + found + ")");
        }
    }

    /** The same checkpoint in the form a finished folder keeps (no hashes: the manifest has them). */
    Checkpoint finished() { return new Checkpoint(done, bytes, null, sums, losses, stopReason, java.util.List.of()); }

    ObjectNode toJson() {
        ObjectNode state = Json.object();
        state.put("replicates_done", done);
        state.put("partial_bytes", bytes);
        if (partialSha256 != null) state.put("partial_sha256", partialSha256);
        state.set("sums", sums.toJson());
        if (losses != null) {
            ArrayNode a = state.putArray("total_loss_running_mean");
            for (RunningMean m : losses) {
                ObjectNode o = a.addObject();
                o.put("n", m.count());
                o.put("mean", m.count() == 0 ? 0 : m.mean());
                o.put("m2", m.sumOfSquaredDeviations());
            }
        }
        if (stopReason != null) state.put("stop_reason", stopReason);
        if (!streams.isEmpty()) {
            ArrayNode a = state.putArray("streams");
            for (Mark m : streams) {
                ObjectNode o = a.addObject();
                o.put("file", m.file());
                o.put("bytes", m.bytes());
                o.put("sha256", m.sha256());
                o.put("rows", m.rows());
            }
        }
        if (partialSha256 != null) state.put(SEAL, seal(state));
        return state;
    }

    /** SHA-256 of the checkpoint's JSON without its seal, as the one JSON writer writes it. */
    private static String seal(JsonNode stateWithoutSeal) {
        try {
            return Sha256.of(Json.MAPPER.writeValueAsBytes(stateWithoutSeal));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalArgumentException saying what is wrong when the JSON is not a checkpoint ({@link Unsealed} when its seal does not match)
     */
    static Checkpoint fromJson(JsonNode state) {
        if (!state.path("replicates_done").canConvertToInt() || !state.path("partial_bytes").canConvertToLong() || !state.path("sums").isObject()) {
            throw new IllegalArgumentException("expected replicates_done, partial_bytes and sums");
        }
        if (state.has("partial_sha256")) {
            if (!state.path(SEAL).isTextual()) throw new IllegalArgumentException("an in-progress checkpoint without its " + SEAL);
            ObjectNode content = ((ObjectNode) state).deepCopy();
            content.remove(SEAL);
            String found = seal(content);
            if (!found.equals(state.get(SEAL).asText())) throw new Unsealed(state.get(SEAL).asText(), found);
        }
        RunningMean[] losses = null;
        if (state.has("total_loss_running_mean")) {
            JsonNode a = state.get("total_loss_running_mean");
            losses = new RunningMean[a.size()];
            for (int p = 0; p < losses.length; p++) {
                JsonNode o = a.get(p);
                losses[p] = new RunningMean(o.path("n").asLong(), o.path("mean").asDouble(), o.path("m2").asDouble());
            }
        }
        java.util.List<Mark> streams = new java.util.ArrayList<>();
        for (JsonNode o : state.path("streams")) {
            if (!o.path("file").isTextual() || !ResultsStore.STREAMS.contains(o.get("file").asText()) || !o.path("bytes").canConvertToLong()
                    || !o.path("sha256").isTextual() || !o.path("rows").canConvertToLong()) {
                throw new IllegalArgumentException("expected each of streams to have a file (one of " + ResultsStore.STREAMS + "), bytes, sha256 and rows");
            }
            streams.add(new Mark(o.get("file").asText(), o.get("bytes").asLong(), o.get("sha256").asText(), o.get("rows").asLong()));
        }
        return new Checkpoint(state.get("replicates_done").asInt(), state.get("partial_bytes").asLong(),
                state.path("partial_sha256").isTextual() ? state.get("partial_sha256").asText() : null,
                Accumulators.fromJson(state.get("sums")), losses, state.path("stop_reason").isTextual() ? state.get("stop_reason").asText() : null,
                streams);
    }

    /** Reads the checkpoint in {@code file}; bad input naming it (nothing changed) when it is not one, or not as it was written. */
    static Checkpoint read(Path file) throws IOException, BadInputException {
        try {
            return fromJson(Json.read(file));
        } catch (Unsealed e) {
            throw new BadInputException(file, 0, 0, SEAL, "is not the checkpoint the run wrote: " + e.getMessage()
                    + "; it was changed after the run stopped; nothing was changed: restore it, or start the run again with --overwrite");
        } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) {
            throw new BadInputException(file, 0, 0, null, "is not a readable checkpoint (" + e.getMessage().lines().findFirst().orElse("")
                    + "); nothing was changed: restore it, or start the run again with --overwrite");
        }
    }
}
