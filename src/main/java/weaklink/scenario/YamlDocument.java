package weaklink.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads a YAML file safely into located nodes: the file is only composed into a node tree
 * (no type tags honoured, no objects constructed), and size, nesting, the number of values and
 * aliases are bounded WHILE it is read, so no input can exhaust the stack or the heap; every
 * syntax error becomes a {@link BadInputException} with line and column. Scalars are resolved
 * with the YAML 1.2 core schema ({@code ~}, {@code null} and an empty value are all null).
 */
public final class YamlDocument {
    /** Largest scenario file accepted, in bytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 40;
    /**
     * Most values (scalars, lists and mappings) in one file. The largest shipped scenario has
     * about 400; 100,000 leaves room for long lists of initial compromises while bounding the node
     * tree to some tens of MB (a 4 MiB file of two million one-character items would otherwise
     * take gigabytes).
     */
    public static final int MAX_NODES = 100_000;
    /** Largest number of aliases to collections; alias bombs are refused. */
    public static final int MAX_ALIASES = 20;

    private YamlDocument() {}

    /** Loads {@code file}; the top level must be a mapping. */
    public static YamlMap load(Path file) throws BadInputException {
        ScenarioSource source = ScenarioSource.read(file);
        return parse(source.name(), source.text());
    }

    /** Parses YAML text; {@code name} is used in messages. */
    public static YamlMap parse(String name, String text) throws BadInputException {
        return wrap(name, parseNode(name, text));
    }

    /** Wraps a checked node tree as the top-level mapping. */
    static YamlMap wrap(String name, Node root) throws BadInputException {
        return new YamlValue(name, "", root).asMap();
    }

    /**
     * Characters the YAML reader takes from the text at a time. SnakeYAML keeps the token being
     * scanned in its window and copies it on every refill, so a scalar of n characters costs
     * n²/(2·buffer) copies: with its default of 1,024, a 3 MB scalar took 25 s and 1 GB of allocation;
     * with 64 Ki a 4 MiB scalar is 128 refills (about 0.1 s), while the buffer itself stays small
     * (a buffer of the whole text would add 24 MB, which a 64 MB heap cannot spare).
     */
    static final int READ_BUFFER_CHARS = 64 * 1024;

    static LoadSettings settings(String name) {
        return LoadSettings.builder()
                .setBufferSize(READ_BUFFER_CHARS)
                .setLabel(name)
                .setSchema(SCHEMA)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_BYTES)
                .build();
    }

    /** The YAML 1.2 core schema: how plain scalars are typed (null, bool, int, float, str). */
    static final Schema SCHEMA = new CoreSchema();

    /** Parses YAML text into a checked node tree (safe, bounded; see the class comment). */
    static Node parseNode(String name, String text) throws BadInputException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        LoadSettings settings = settings(name);
        Node root;
        try (Reader reader = new StringReader(text)) {
            Parser parser = new BoundedParser(new ParserImpl(settings, new StreamReader(settings, reader)));
            Optional<Node> node = new Composer(settings, parser).getSingleNode();
            if (node.isEmpty()) throw new BadInputException(name, 0, 0, null, "the file is empty");
            root = node.get();
        } catch (LimitExceeded e) {
            throw new BadInputException(name, e.mark == null ? 0 : e.mark.getLine() + 1, e.mark == null ? 0 : e.mark.getColumn() + 1, null, e.problem);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
            if (problem.contains("found duplicate key")) problem = problem.replace("found ", "");
            throw new BadInputException(name, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, null, "malformed YAML: " + problem);
        } catch (YamlEngineException e) {
            throw new BadInputException(name, 0, 0, null, "malformed YAML: " + e.getMessage());
        } catch (StackOverflowError e) {
            // the bounds above make this unreachable; should a YAML construct still recurse too deeply, it is bad input
            throw new BadInputException(name, 0, 0, null, "malformed YAML: nested too deeply to read");
        } catch (IOException e) {
            throw new BadInputException(name, 0, 0, null, "cannot be read: " + e.getMessage());
        }
        checkTree(name, root, 0);
        return root;
    }

    /** A bound exceeded while reading, with where. */
    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Mark mark;
        final String problem;

        LimitExceeded(Optional<Mark> mark, String problem) {
            super(problem, null, false, false);
            this.mark = mark.orElse(null);
            this.problem = problem;
        }
    }

    /**
     * Passes the parser's events to the composer, refusing the event that would nest deeper than
     * {@link #MAX_DEPTH}, make more than {@link #MAX_NODES} values or be alias number
     * {@link #MAX_ALIASES}+1 to a list or mapping (SnakeYAML's own rule, counted here so the message
     * says where the alias is). The composer recurses once per level of nesting, so it never goes
     * deeper than the bound, and never holds more nodes than it.
     */
    private static final class BoundedParser implements Parser {
        private final Parser in;
        private int depth;
        private int nodes;
        /** Anchors of lists and mappings seen so far; an alias to one of them is counted. */
        private final java.util.Set<String> collectionAnchors = new java.util.HashSet<>();
        private int collectionAliases;

        BoundedParser(Parser in) { this.in = in; }

        @Override public boolean checkEvent(Event.ID id) { return in.checkEvent(id); }
        @Override public Event peekEvent() { return in.peekEvent(); }
        @Override public boolean hasNext() { return in.hasNext(); }

        @Override
        public Event next() {
            Event e = in.next();
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) throw new LimitExceeded(e.getStartMark(), "nesting deeper than " + MAX_DEPTH + " levels");
                    count(e);
                    ((NodeEvent) e).getAnchor().ifPresent(a -> collectionAnchors.add(a.getValue()));
                }
                case Alias -> {
                    if (collectionAnchors.contains(((AliasEvent) e).getAlias().getValue()) && ++collectionAliases > MAX_ALIASES) {
                        throw new LimitExceeded(e.getStartMark(), "more than " + MAX_ALIASES
                                + " aliases to lists or mappings (a growing chain of them is an alias bomb); write the values out");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Scalar -> count(e);
                default -> { }
            }
            return e;
        }

        private void count(Event e) {
            if (++nodes > MAX_NODES) {
                throw new LimitExceeded(e.getStartMark(), String.format(java.util.Locale.ROOT,
                        "more than %,d values in one file; a scenario is a short description (a network belongs in network.files)", MAX_NODES));
            }
        }
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
