package weaklink.experiment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import weaklink.io.ByteLines;
import weaklink.io.Sha256;
import weaklink.scenario.BadInputException;

/**
 * Reads a {@code replicates.csv} and checks it holds each expected (policy, replicate) exactly
 * once: the replicates {@code [first, end)} in order, each with one row per policy in the
 * manifest's order. A summary is only ever made from a file that passes, so rows doubled by two
 * writers, cut by a crash or lost in a copy can never become a wrong figure; every refusal names
 * the file, the line and the row that is wrong. The file's SHA-256, size and row count come from
 * the same pass.
 */
public final class ReplicateRows {
    private ReplicateRows() {}

    /** What a pass over the file found. */
    public record Digest(long rows, long bytes, String sha256) {}

    /** Told each row, in file order. */
    @FunctionalInterface
    public interface Visitor {
        void row(ReplicateRow row) throws IOException, BadInputException;
    }

    /**
     * Reads {@code file}, which must hold exactly the rows of {@code policies} × replicates
     * {@code [first, end)}, passing each to {@code visitor}.
     *
     * @throws BadInputException naming the file and line when a row is missing, doubled, out of
     *                           place or unreadable, or the header is not this version's
     */
    public static Digest read(Path file, List<String> policies, int first, int end, Visitor visitor) throws IOException, BadInputException {
        MessageDigest md = Sha256.digest();
        long[] bytes = {0};
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, 0, null, "not found; a results folder whose rows are all written has it");
        }
        InputStream counted = new FilterInputStream(new DigestInputStream(raw, md)) {
            @Override public int read() throws IOException {
                int c = super.read();
                if (c >= 0) bytes[0]++;
                return c;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) bytes[0] += n;
                return n;
            }
        };
        long rows = 0;
        ReplicateRow.PlainLines plain = new ReplicateRow.PlainLines(policies);
        try (ByteLines r = new ByteLines(counted)) {
            String header = r.next() ? r.text() : null;
            if (!ReplicateRow.header().equals(header)) {
                throw new BadInputException(file, 1, 0, null, "unexpected header; this version writes and reads " + ReplicateRow.header());
            }
            int line = 1, replicate = first, policy = 0;
            while (r.next()) {
                line++;
                ReplicateRow row = plain.parse(r.bytes(), r.start(), r.end());
                if (row == null) {
                    try {
                        row = ReplicateRow.parse(r.text());
                    } catch (RuntimeException e) {
                        throw new BadInputException(file, line, 0, null, "not a replicate row: " + e.getMessage());
                    }
                }
                if (replicate >= end) {
                    throw new BadInputException(file, line, 0, null, "a row for (" + describe(row) + ") after the last expected row (replicate "
                            + (end - 1) + "): the file holds more than each (policy, replicate) once");
                }
                String expected = policies.get(policy);
                if (row.replicate() != replicate || !row.policy().equals(expected)) {
                    boolean earlier = row.replicate() < replicate
                            || (row.replicate() == replicate && policies.indexOf(row.policy()) >= 0 && policies.indexOf(row.policy()) < policy);
                    throw new BadInputException(file, line, 0, null, "found the row of (" + describe(row) + ") where the row of (policy '"
                            + expected + "', replicate " + replicate + ") belongs: "
                            + (earlier ? "that row appears twice" : !policies.contains(row.policy()) ? "the manifest has no policy '" + row.policy() + "'"
                            : "the rows before it are missing")
                            + "; each (policy, replicate) must appear exactly once, in replicate order");
                }
                visitor.row(row);
                rows++;
                if (++policy == policies.size()) {
                    policy = 0;
                    replicate++;
                }
            }
            if (replicate < end || policy != 0) {
                throw new BadInputException(file, line, 0, null, "ends before the row of (policy '" + policies.get(policy) + "', replicate "
                        + replicate + "); it should hold replicates " + first + " to " + (end - 1) + " for " + policies.size()
                        + " policies: rows are missing");
            }
        }
        return new Digest(rows, bytes[0], Sha256.hex(md));
    }

    private static String describe(ReplicateRow row) {
        return "policy '" + row.policy() + "', replicate " + row.replicate();
    }
}
