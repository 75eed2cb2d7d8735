package weaklink.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One value of a scenario file with its position (file, line, column) and key path, so that
 * every conversion error can say where it is. Conversions are strict: a string where a number
 * belongs is an error, not a zero.
 */
public final class YamlValue {
    final String file;
    final String path;
    final Node node;

    YamlValue(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    public String path() { return path; }
    public String file() { return file; }

    public int line() { return node.getStartMark().map(m -> m.getLine() + 1).orElse(0); }

    public int column() { return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0); }

    /** An error located at this value. */
    public BadInputException error(String problem) {
        return new BadInputException(file, line(), column(), path, problem);
    }

    public boolean isMap() { return node instanceof MappingNode; }
    public boolean isList() { return node instanceof SequenceNode; }
    public boolean isScalar() { return node instanceof ScalarNode; }
    public boolean isNull() { return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL); }

    public YamlMap asMap() throws BadInputException {
        if (!(node instanceof MappingNode m)) throw error("expected a mapping of keys to values, found " + describe());
        return new YamlMap(this, m);
    }

    public List<YamlValue> asList() throws BadInputException {
        if (!(node instanceof SequenceNode s)) throw error("expected a list, found " + describe());
        List<YamlValue> out = new ArrayList<>(s.getValue().size());
        int i = 0;
        for (Node item : s.getValue()) out.add(new YamlValue(file, path + "[" + i++ + "]", item));
        return out;
    }

    public String asString() throws BadInputException {
        if (!(node instanceof ScalarNode s) || isNull()) throw error("expected a text value, found " + describe());
        return s.getValue();
    }

    /**
     * A finite number; YAML's {@code .inf} and {@code .nan} are refused, underscores as digit
     * separators are allowed. A value written as text (quoted, or tagged {@code !!str}) is not a
     * number, nor is a value tagged as anything but a number.
     */
    public double asDouble() throws BadInputException {
        if (!(node instanceof ScalarNode s) || isNull()) throw error("expected a number, found " + describe());
        if (writtenAsText()) throw error("expected a number, found the text " + describe() + " (quoted or tagged !!str); write the number without quotes or tag");
        Tag tag = s.getTag();
        if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT) && !tag.equals(Tag.STR)) {
            throw error("expected a number, found " + describe() + " tagged " + tag.getValue());
        }
        String text = s.getValue().trim().replace("_", "");
        double v;
        try {
            if (text.isEmpty() || !text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) throw new NumberFormatException();
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            if (THOUSANDS.matcher(s.getValue().trim()).matches()) throw error(thousandsSeparators(s.getValue().trim()));
            throw error("expected a number, found '" + abbreviate(s.getValue()) + "'");
        }
        if (!Double.isFinite(v)) throw error("the number '" + abbreviate(s.getValue()) + "' is too large");
        return v;
    }

    /** A number written with thousands separators, e.g. {@code 5,000,000,000} or {@code 1,234.5}. */
    static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    /** What to say about a number written with thousands separators. */
    static String thousandsSeparators(String written) {
        String plain = written.replace(",", "");
        return "numbers take no thousands separators: write " + plain + " (or with underscores, " + underscored(plain) + "), not " + written;
    }

    private static String underscored(String plain) {
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point), rest = point < 0 ? "" : plain.substring(point);
        StringBuilder b = new StringBuilder();
        int digits = 0;
        for (int i = whole.length() - 1; i >= 0; i--) {
            char c = whole.charAt(i);
            if (Character.isDigit(c) && digits > 0 && digits % 3 == 0) b.append('_');
            if (Character.isDigit(c)) digits++;
            b.append(c);
        }
        return b.reverse() + rest;
    }

    /**
     * Whether the author wrote this scalar as text: quoted, or tagged {@code !!str} where the core
     * schema would have read a number, a boolean or null. Such a value is never taken as a number or a boolean.
     */
    boolean writtenAsText() {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) return false;
        if (!s.isPlain()) return true;
        return !YamlDocument.SCHEMA.getScalarResolver().resolve(s.getValue(), true).equals(Tag.STR);
    }

    public long asLong() throws BadInputException {
        double v = asDouble();
        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) throw error("expected a whole number, found " + asString());
        return (long) v;
    }

    public boolean asBoolean() throws BadInputException {
        if (writtenAsText()) throw error("expected true or false, found the text " + describe() + " (quoted or tagged !!str); write it without quotes or tag");
        String text = isScalar() && !isNull() ? ((ScalarNode) node).getValue().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, found " + describe());
        };
    }

    String describe() {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        if (isNull()) return "nothing (null)";
        return "'" + abbreviate(((ScalarNode) node).getValue()) + "'";
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
