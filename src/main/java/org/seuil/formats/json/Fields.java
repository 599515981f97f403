package org.seuil.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.seuil.domain.InvalidValueException;

/**
 * Typed reads of a JSON object's fields, each failure naming the field's full path, e.g.
 * {@code reports[2].entrance.stepCount: expected a whole number, got "two"}.
 */
final class Fields {
    private final JsonNode node;
    private final String path;

    Fields(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw new InvalidValueException(path.isEmpty() ? "(root)" : path, "expected an object, got " + describe(node));
        }
        this.node = node;
        this.path = path;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidValueException(at(name), "unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String text(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidValueException(at(field), "expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null) {
            throw new InvalidValueException(at(field), "is required");
        }
        return value;
    }

    Integer integer(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidValueException(at(field), "expected a whole number, got " + describe(value));
        }
        return value.intValue();
    }

    Double number(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidValueException(at(field), "expected a number, got " + describe(value));
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidValueException(at(field), "expected a finite number, got " + value);
        }
        return d;
    }

    Boolean bool(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidValueException(at(field), "expected true or false, got " + describe(value));
        }
        return value.booleanValue();
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            String t = value.textValue();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "an array" : "an object";
        }
        return value.toString();
    }
}
