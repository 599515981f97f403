package org.seuil.formats.osm;

import java.util.ArrayList;
import java.util.List;

/**
 * The tags of one element, as a flat key, value, key, value array: elements have few tags, so a
 * linear search beats a map and costs no objects beyond the strings.
 */
final class OsmTags {
    static final OsmTags NONE = new OsmTags(new String[0]);
    private final String[] keysAndValues;

    OsmTags(String[] keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        this.keysAndValues = keysAndValues;
    }

    static OsmTags of(String... keysAndValues) {
        return keysAndValues.length == 0 ? NONE : new OsmTags(keysAndValues);
    }

    /** The value of a key, stripped, or null when the key is absent or its value blank. */
    String get(String key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i].equals(key)) {
                String value = keysAndValues[i + 1].strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** The value of the first of these keys that is present. */
    String first(String... keys) {
        for (String key : keys) {
            String value = get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The key that {@link #first} found, for warnings that name the tag at fault. */
    String firstKey(String... keys) {
        for (String key : keys) {
            if (get(key) != null) {
                return key;
            }
        }
        return null;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            keys.add(keysAndValues[i]);
        }
        return keys;
    }

    boolean isEmpty() {
        return keysAndValues.length == 0;
    }
}
