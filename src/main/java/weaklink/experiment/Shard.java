package weaklink.experiment;

import weaklink.scenario.BadInputException;

/**
 * One share of a run's replicates: shard {@code index} of {@code count} (1-based, as written on
 * the command line: {@code --shard 2/4}) computes the contiguous block
 * {@code [start(R), end(R))} of replicates {@code 0..R-1}. Results depend only on the replicate
 * index, so shards can run anywhere and {@code merge} reassembles the unsharded run.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) throw new IllegalArgumentException("shard " + index + "/" + count);
    }

    public static Shard parse(String text) throws BadInputException {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].trim()), n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && i >= 1 && i <= n) return new Shard(i, n);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw BadInputException.option("--shard", "expected I/N with 1 <= I <= N (e.g. 2/4), found '" + text + "'");
    }

    public int start(int replicates) { return (int) ((long) replicates * (index - 1) / count); }

    public int end(int replicates) { return (int) ((long) replicates * index / count); }

    @Override public String toString() { return index + "/" + count; }
}
