package weaklink.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read strictly: every key the reader asks for (present or not) becomes known,
 * and {@link #done()} refuses any other key with a "did you mean" suggestion. Typed getters
 * check type and range and report file:line:column and the key path on failure.
 *
 * <p>Usage: read every key with the getters, then call {@code done()}.
 */
public final class YamlMap {
    private final YamlValue self;
    private final Map<String, YamlValue> entries = new LinkedHashMap<>();
    private final Map<String, YamlValue> keyNodes = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    YamlMap(YamlValue self, MappingNode node) throws BadInputException {
        this.self = self;
        String prefix = self.path.isEmpty() ? "" : self.path + ".";
        for (NodeTuple t : node.getValue()) {
            YamlValue keyValue = new YamlValue(self.file, self.path, t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode k)) throw keyValue.error("a key must be plain text");
            String key = k.getValue();
            checkNotThousandsSeparated(node, t, prefix);
            if (entries.containsKey(key)) throw keyValue.error("duplicate key '" + key + "'");
            entries.put(key, new YamlValue(self.file, prefix + key, t.getValueNode()));
            keyNodes.put(key, new YamlValue(self.file, prefix + key, t.getKeyNode()));
        }
    }

    /** The value of this mapping itself, for errors about the whole mapping. */
    public YamlValue value() { return self; }

    public BadInputException error(String problem) { return self.error(problem); }

    public boolean has(String key) {
        known.add(key);
        YamlValue v = entries.get(key);
        return v != null && !v.isNull();
    }

    /** The value at {@code key}, or null when it is absent or null. */
    public YamlValue get(String key) {
        known.add(key);
        YamlValue v = entries.get(key);
        return v == null || v.isNull() ? null : v;
    }

    public YamlValue require(String key) throws BadInputException {
        YamlValue v = get(key);
        if (v == null) {
            YamlValue present = entries.get(key);
            if (present != null) throw present.error("required key '" + key + "' has no value");
            throw new BadInputException(self.file, self.line(), self.column(), childPath(key), "required key '" + key + "' is missing");
        }
        return v;
    }

    /** The keys present in the file, in file order (for open-ended maps such as named presets). */
    public Collection<String> keys() {
        known.addAll(entries.keySet());
        return new ArrayList<>(entries.keySet());
    }

    public YamlMap map(String key) throws BadInputException { return require(key).asMap(); }

    /** The mapping at {@code key}, or an empty mapping located at this one when absent. */
    public YamlMap mapOrEmpty(String key) throws BadInputException {
        YamlValue v = get(key);
        return v == null ? YamlDocument.emptyMap(self.file, childPath(key)) : v.asMap();
    }

    public List<YamlValue> list(String key) throws BadInputException {
        YamlValue v = get(key);
        return v == null ? List.of() : v.asList();
    }

    public String string(String key, String defaultValue) throws BadInputException {
        YamlValue v = get(key);
        return v == null ? defaultValue : v.asString();
    }

    public String requireString(String key) throws BadInputException { return require(key).asString(); }

    /** A name that WeakLink writes and reads back ({@link Names}); {@code separators}: the characters of the list it is written in. */
    public String name(String key, String defaultValue, String separators) throws BadInputException {
        YamlValue v = get(key);
        return v == null ? defaultValue : Names.check(v, v.asString(), separators);
    }

    /** The key itself as a located value (for errors about a key, e.g. a name used as a key). */
    public YamlValue keyValue(String key) {
        known.add(key);
        return keyNodes.get(key);
    }

    /** A number in {@code [min, max]}. */
    public double number(String key, double defaultValue, double min, double max) throws BadInputException {
        YamlValue v = get(key);
        if (v == null) return defaultValue;
        return checkRange(v, v.asDouble(), min, max);
    }

    public double requireNumber(String key, double min, double max) throws BadInputException {
        YamlValue v = require(key);
        return checkRange(v, v.asDouble(), min, max);
    }

    /** A probability or share: a number in [0, 1]. */
    public double probability(String key, double defaultValue) throws BadInputException {
        return number(key, defaultValue, 0, 1);
    }

    public double nonNegative(String key, double defaultValue) throws BadInputException {
        return number(key, defaultValue, 0, Double.MAX_VALUE);
    }

    /** A money amount: a number from 0 to {@link Scenario#MAX_MONEY}. */
    public double money(String key, double defaultValue) throws BadInputException {
        YamlValue v = get(key);
        if (v == null) return defaultValue;
        return checkMoney(v, v.asDouble());
    }

    /** Refuses a money amount below 0 or above {@link Scenario#MAX_MONEY}; a larger one is a typo or a unit error. */
    static double checkMoney(YamlValue v, double x) throws BadInputException {
        if (x < 0) throw v.error("must be at least 0, found " + fmt(x));
        if (x > Scenario.MAX_MONEY) {
            throw v.error("a money amount must be at most 1e15 (10^15 currency units, about twice Japan's GDP in yen), found "
                    + fmt(x) + "; express money in a larger unit if you need more");
        }
        return x;
    }

    public long integer(String key, long defaultValue, long min, long max) throws BadInputException {
        YamlValue v = get(key);
        if (v == null) return defaultValue;
        long x = v.asLong();
        checkRange(v, x, min, max);
        return x;
    }

    public boolean bool(String key, boolean defaultValue) throws BadInputException {
        YamlValue v = get(key);
        return v == null ? defaultValue : v.asBoolean();
    }

    /** One of a closed set of labels; the error lists them and suggests the closest. */
    public String choice(String key, String defaultValue, Collection<String> allowed) throws BadInputException {
        YamlValue v = get(key);
        if (v == null) {
            if (defaultValue == null) require(key);
            return defaultValue;
        }
        return YamlDocument.checkChoice(v, v.asString(), allowed);
    }

    /** Refuses keys nobody asked for, suggesting the closest known key. */
    public void done() throws BadInputException {
        for (Map.Entry<String, YamlValue> e : keyNodes.entrySet()) {
            if (known.contains(e.getKey())) continue;
            String suggestion = Suggest.closest(e.getKey(), known);
            throw e.getValue().error("unknown key '" + e.getKey() + "'"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                    + (known.isEmpty() ? "" : "; known keys here: " + String.join(", ", known)));
        }
    }

    /**
     * In a flow mapping, {@code {budget_yen: 5,000,000}} reads as {@code budget_yen: 5} followed by
     * keys {@code 000}: say what was meant rather than "duplicate key '000'".
     */
    private void checkNotThousandsSeparated(MappingNode node, NodeTuple t, String prefix) throws BadInputException {
        if (!(t.getKeyNode() instanceof ScalarNode k) || !k.getValue().matches("\\d{3}(\\.\\d*)?")) return;
        if (!(t.getValueNode() instanceof ScalarNode v) || !v.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL)) return;
        List<NodeTuple> all = node.getValue();
        int at = all.indexOf(t);
        StringBuilder written = new StringBuilder(k.getValue());
        for (int i = at - 1; i >= 0; i--) {
            NodeTuple before = all.get(i);
            if (before.getValueNode() instanceof ScalarNode bv && bv.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.INT)
                    && bv.getValue().matches("[-+]?\\d{1,3}")) {
                written.insert(0, bv.getValue() + ",");
                for (int j = at + 1; j < all.size() && all.get(j).getKeyNode() instanceof ScalarNode nk && nk.getValue().matches("\\d{3}(\\.\\d*)?")
                        && all.get(j).getValueNode() instanceof ScalarNode nv && nv.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL); j++) {
                    written.append(',').append(nk.getValue());
                }
                String key = before.getKeyNode() instanceof ScalarNode bk ? bk.getValue() : "";
                throw new YamlValue(self.file, prefix + key, bv).error(YamlValue.thousandsSeparators(written.toString()));
            }
            if (!(before.getKeyNode() instanceof ScalarNode bk && bk.getValue().matches("\\d{3}")
                    && before.getValueNode() instanceof ScalarNode bn && bn.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL))) return;
            written.insert(0, bk.getValue() + ",");
        }
    }

    private String childPath(String key) {
        return self.path.isEmpty() ? key : self.path + "." + key;
    }

    private static double checkRange(YamlValue v, double x, double min, double max) throws BadInputException {
        if (x < min || x > max) {
            String range = max == Double.MAX_VALUE || max >= Long.MAX_VALUE / 2
                    ? "at least " + fmt(min)
                    : "between " + fmt(min) + " and " + fmt(max);
            throw v.error("must be " + range + ", found " + fmt(x));
        }
        return x;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
