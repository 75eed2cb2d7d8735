package weaklink.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a YAML file safely into located nodes: the file is only composed into a node tree
 * (no type tags honoured, no objects constructed), size, nesting and aliases are bounded, and
 * every syntax error becomes a {@link BadInputException} with line and column.
 */
public final class YamlDocument {
    /** Largest scenario file accepted, in characters. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    /** Deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 40;
    /** Largest number of aliases to collections; alias bombs are refused. */
    public static final int MAX_ALIASES = 20;

    private YamlDocument() {}

    /** Loads {@code file}; the top level must be a mapping. */
    public static YamlMap load(Path file) throws BadInputException {
        String name = file.toString();
        return parse(name, readText(file));
    }

    /** The text of a scenario file, checked for size and UTF-8. */
    static String readText(Path file) throws BadInputException {
        String name = file.toString();
        String text;
        try {
            if (Files.isDirectory(file)) throw new BadInputException(name, 0, 0, null, "is a folder, not a YAML file");
            if (Files.size(file) > MAX_CHARS) throw new BadInputException(name, 0, 0, null, "file is larger than " + MAX_CHARS / (1024 * 1024) + " MiB; a scenario is a small text file");
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, 0, 0, null, "file not found");
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, 0, 0, null, "is not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(name, 0, 0, null, "cannot be read: " + e.getMessage());
        }
        return text;
    }

    /** Parses YAML text; {@code name} is used in messages. */
    public static YamlMap parse(String name, String text) throws BadInputException {
        return wrap(name, parseNode(name, text));
    }

    /** Wraps a checked node tree as the top-level mapping. */
    static YamlMap wrap(String name, Node root) throws BadInputException {
        return new YamlValue(name, "", root).asMap();
    }

    /** Parses YAML text into a checked node tree (safe, bounded; see the class comment). */
    static Node parseNode(String name, String text) throws BadInputException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CHARS)
                .build();
        Node root;
        try (Reader reader = new StringReader(text)) {
            Optional<Node> node = new Compose(settings).composeReader(reader);
            if (node.isEmpty()) throw new BadInputException(name, 0, 0, null, "the file is empty");
            root = node.get();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
            if (problem.contains("found duplicate key")) problem = problem.replace("found ", "");
            throw new BadInputException(name, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, null, "malformed YAML: " + problem);
        } catch (YamlEngineException e) {
            throw new BadInputException(name, 0, 0, null, "malformed YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(name, 0, 0, null, "cannot be read: " + e.getMessage());
        }
        checkTree(name, root, 0);
        return root;
    }

    static YamlMap emptyMap(String file, String path) {
        try {
            return new YamlValue(file, path, new MappingNode(Tag.MAP, List.of(), org.snakeyaml.engine.v2.common.FlowStyle.BLOCK)).asMap();
        } catch (BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    static String checkChoice(YamlValue v, String value, Collection<String> allowed) throws BadInputException {
        if (allowed.contains(value)) return value;
        String suggestion = Suggest.closest(value, allowed);
        throw v.error("unknown value '" + YamlValue.abbreviate(value) + "'"
                + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                + "; allowed: " + String.join(", ", allowed));
    }

    /** Refuses explicit type tags and excessive depth; the scenario schema is all the typing we need. */
    private static void checkTree(String name, Node node, int depth) throws BadInputException {
        YamlValue here = new YamlValue(name, "", node);
        if (depth > MAX_DEPTH) throw here.error("nesting deeper than " + MAX_DEPTH + " levels");
        if (node.isRecursive()) throw here.error("recursive alias");
        Tag tag = node.getTag();
        boolean standard = tag.equals(Tag.MAP) || tag.equals(Tag.SEQ) || tag.equals(Tag.STR) || tag.equals(Tag.INT)
                || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL);
        if (!standard) throw here.error("type tag '" + tag.getValue() + "' is not allowed in a scenario");
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                checkTree(name, t.getKeyNode(), depth + 1);
                checkTree(name, t.getValueNode(), depth + 1);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) checkTree(name, n, depth + 1);
        }
    }
}
