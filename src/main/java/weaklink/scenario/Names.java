package weaklink.scenario;

/**
 * The one rule for names that WeakLink writes and reads back (policy, actor, standard and
 * technology names from a scenario; firm names from a network file): every name that passes it
 * reads back exactly as it was written, in every file and on every command line that carries it.
 *
 * <p>The CSV files take care of the rest: a text cell is quoted when it holds a separator, and the
 * spreadsheet-formula guard (an apostrophe before a cell starting with {@code = + - @}, a tab, a
 * carriage return or an apostrophe) is removed again by every reader ({@code io.Csv}). So
 * {@code +buyer-50} is a good policy name. What no reader could give back is refused here:
 * <ul>
 *   <li>control characters (line breaks, tabs, escape codes): the files are read line by line;</li>
 *   <li>an empty name, or one that starts or ends with white space: names are trimmed where they are
 *       typed ({@code --policies a, b}) and a blank cell reads as "no name";</li>
 *   <li>the separator of the list the name is written in: {@code ,} in a policy name
 *       ({@code --policies a,b}), {@code ;} in a technology tag ({@code technologies} cells of firms.csv).</li>
 * </ul>
 * Free text that is only written into JSON or HTML (a scenario's {@code description}) is escaped
 * there and is not restricted.
 */
public final class Names {
    private Names() {}

    /** Why {@code name} would not read back, or null when it is a good name; {@code separators} are the characters of its list. */
    public static String problem(String name, String separators) {
        if (name.isEmpty()) return "a name must not be empty";
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (Character.isISOControl(c)) {
                return "a name must not hold control characters such as line breaks or tabs (found U+"
                        + String.format(java.util.Locale.ROOT, "%04X", c) + " at character " + (name.codePointCount(0, i) + 1) + ")";
            }
            if (separators.indexOf(c) >= 0) return "a name must not hold '" + Character.toString(c) + "', which separates names in a list";
            i += Character.charCount(c);
        }
        if (Character.isWhitespace(name.codePointAt(0)) || Character.isWhitespace(name.codePointBefore(name.length()))
                || Character.isSpaceChar(name.codePointAt(0)) || Character.isSpaceChar(name.codePointBefore(name.length()))) {
            return "a name must not start or end with a space";
        }
        return null;
    }

    /** {@code name}, refused at {@code v} (exit code 2 with file, line and key) when it would not read back. */
    static String check(YamlValue v, String name, String separators) throws BadInputException {
        String p = problem(name, separators);
        if (p != null) throw v.error(p + ", found '" + YamlValue.abbreviate(printable(name)) + "'");
        return name;
    }

    /** {@code s} with control characters shown as {@code \n}, {@code \t} or a backslash-u escape, for messages. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
