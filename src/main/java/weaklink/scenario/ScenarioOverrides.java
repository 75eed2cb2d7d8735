package weaklink.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads a scenario with some values replaced, addressed by key path as in error messages:
 * {@code actors[0].campaigns_per_year}, {@code policies[1].phi}, {@code economics.substitution_share}.
 * The replacement happens in the YAML node tree before the strict reader runs, so every check
 * applies to the new values, a misspelt path is refused with a "did you mean", and an error in a
 * replaced value is reported at the original value's line. A key absent from the file is added
 * (the scenario's default is then overridden).
 */
public final class ScenarioOverrides {
    private ScenarioOverrides() {}

    /** Loads {@code file} with {@code overrides} (key path -> value text) applied. */
    public static Scenario load(Path file, Map<String, String> overrides) throws BadInputException {
        return load(ScenarioSource.read(file), overrides);
    }

    /** Loads a scenario file already read, with {@code overrides} applied. */
    public static Scenario load(ScenarioSource source, Map<String, String> overrides) throws BadInputException {
        String name = source.name();
        Node root = YamlDocument.parseNode(name, source.text());
        for (Map.Entry<String, String> e : overrides.entrySet()) set(name, root, e.getKey(), e.getValue());
        Path dir = source.file().toAbsolutePath().getParent();
        return ScenarioLoader.read(YamlDocument.wrap(name, root), dir);
    }

    /** Parses scenario {@code text} (named {@code name}, relative paths from {@code baseDir}) with {@code overrides} applied. */
    public static Scenario parse(String name, String text, Path baseDir, Map<String, String> overrides) throws BadInputException {
        Node root = YamlDocument.parseNode(name, text);
        for (Map.Entry<String, String> e : overrides.entrySet()) set(name, root, e.getKey(), e.getValue());
        return ScenarioLoader.read(YamlDocument.wrap(name, root), baseDir);
    }

    /** Splits {@code a.b[2].c} into ["a", "b", "[2]", "c"]. */
    static List<String> parsePath(String path) throws BadInputException {
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("\\.", -1)) {
            int bracket = segment.indexOf('[');
            String key = bracket < 0 ? segment : segment.substring(0, bracket);
            if (key.isEmpty() && bracket != 0) throw BadInputException.option(path, "empty key in the path");
            if (!key.isEmpty()) parts.add(key);
            String rest = bracket < 0 ? "" : segment.substring(bracket);
            while (!rest.isEmpty()) {
                int close = rest.indexOf(']');
                if (!rest.startsWith("[") || close < 2 || !rest.substring(1, close).matches("\\d+")) {
                    throw BadInputException.option(path, "expected a key path such as actors[0].campaigns_per_year");
                }
                parts.add(rest.substring(0, close + 1));
                rest = rest.substring(close + 1);
            }
        }
        return parts;
    }

    private static void set(String file, Node root, String path, String value) throws BadInputException {
        List<String> parts = parsePath(path);
        Node node = root;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (part.startsWith("[")) {
                int index = Integer.parseInt(part.substring(1, part.length() - 1));
                if (!(node instanceof SequenceNode seq)) throw BadInputException.option(path, "'" + String.join("", parts.subList(0, i)) + "' is not a list in " + file);
                if (index >= seq.getValue().size()) throw BadInputException.option(path, "index " + index + " is beyond the " + seq.getValue().size() + " entries in " + file);
                if (last) {
                    seq.getValue().set(index, scalar(value, seq.getValue().get(index)));
                    return;
                }
                node = seq.getValue().get(index);
            } else {
                if (!(node instanceof MappingNode map)) throw BadInputException.option(path, "'" + part + "' is not inside a mapping in " + file);
                NodeTuple found = null;
                int at = -1;
                for (int k = 0; k < map.getValue().size(); k++) {
                    NodeTuple t = map.getValue().get(k);
                    if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(part)) {
                        found = t;
                        at = k;
                    }
                }
                Node next;
                if (found == null) {
                    next = last ? scalar(value, map) : new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.BLOCK, map.getStartMark(), map.getEndMark());
                    map.getValue().add(new NodeTuple(new ScalarNode(Tag.STR, true, part, ScalarStyle.PLAIN, map.getStartMark(), map.getEndMark()), next));
                } else if (last) {
                    next = scalar(value, found.getValueNode());
                    map.getValue().set(at, new NodeTuple(found.getKeyNode(), next));
                } else {
                    next = found.getValueNode();
                }
                if (last) return;
                node = next;
            }
        }
    }

    /** The value as if it had been written plain in the file: typed by the same schema (a number, true, ~ ...). */
    private static ScalarNode scalar(String value, Node at) {
        Optional<Mark> start = at.getStartMark(), end = at.getEndMark();
        Tag tag = YamlDocument.SCHEMA.getScalarResolver().resolve(value, true);
        return new ScalarNode(tag, true, value, ScalarStyle.PLAIN, start, end);
    }

    /** Parses {@code key=value} pairs (as given on the command line) into an ordered map. */
    public static Map<String, String> parseAssignments(List<String> assignments) throws BadInputException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw BadInputException.option(a, "expected KEY.PATH=VALUE");
            out.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
        return out;
    }
}
