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

    /** A finite number; YAML's {@code .inf} and {@code .nan} are refused, underscores as digit separators are allowed. */
    public double asDouble() throws BadInputException {
        if (!(node instanceof ScalarNode s) || isNull()) throw error("expected a number, found " + describe());
        String text = s.getValue().trim().replace("_", "");
        double v;
        try {
            if (text.isEmpty() || !text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) throw new NumberFormatException();
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + abbreviate(s.getValue()) + "'");
        }
        if (!Double.isFinite(v)) throw error("the number '" + abbreviate(s.getValue()) + "' is too large");
        return v;
    }

    public long asLong() throws BadInputException {
        double v = asDouble();
        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) throw error("expected a whole number, found " + asString());
        return (long) v;
    }

    public boolean asBoolean() throws BadInputException {
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
