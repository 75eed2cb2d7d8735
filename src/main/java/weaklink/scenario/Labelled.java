package weaklink.scenario;

import java.util.ArrayList;
import java.util.List;

/** An enum whose constants have the kebab-case label used in files and on the command line. */
public interface Labelled {
    String label();

    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) out.add(e.label());
        return out;
    }

    static <E extends Enum<E> & Labelled> E byLabel(Class<E> type, String label) {
        for (E e : type.getEnumConstants()) if (e.label().equals(label)) return e;
        throw new IllegalArgumentException("no " + type.getSimpleName() + " labelled " + label);
    }

    /** Reads an enum by its label from a YAML mapping. */
    static <E extends Enum<E> & Labelled> E read(YamlMap map, String key, Class<E> type, E defaultValue) throws BadInputException {
        String label = map.choice(key, defaultValue == null ? null : defaultValue.label(), labels(type));
        return byLabel(type, label);
    }
}
