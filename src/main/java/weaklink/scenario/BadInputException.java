package weaklink.scenario;

import java.nio.file.Path;

/**
 * The one exception for bad input: it says where (file, line and column, or key path) and
 * what is wrong. Thrown early, by loading and validation, never from deep in a run; the CLI
 * turns it into exit code 2 and a one-line message without a stack trace.
 */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String key;
    private final String problem;

    /**
     * @param file   the file name as the user gave it, or null
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param key    key path such as {@code actors[1].campaigns_per_year}, or null
     * @param problem what is wrong, phrased for the user
     */
    public BadInputException(String file, int line, int column, String key, String problem) {
        super(format(file, line, column, key, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key;
        this.problem = problem;
    }

    public BadInputException(Path file, int line, int column, String key, String problem) {
        this(file == null ? null : file.toString(), line, column, key, problem);
    }

    /** A problem with a command-line option or value that has no file. */
    public static BadInputException option(String option, String problem) {
        return new BadInputException((String) null, 0, 0, option, problem);
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    public String key() { return key; }
    public String problem() { return problem; }

    private static String format(String file, int line, int column, String key, String problem) {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
            if (line > 0) {
                where.append(':').append(line);
                if (column > 0) where.append(':').append(column);
            }
        }
        if (key != null && !key.isEmpty()) {
            if (where.length() > 0) where.append(": ");
            where.append(key);
        }
        return where.length() == 0 ? problem : where + ": " + problem;
    }
}
