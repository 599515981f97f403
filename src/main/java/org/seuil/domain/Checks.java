package org.seuil.domain;

import java.util.List;
import java.util.Map;

/** Validation shared by the records of this package; every failure names its field. */
final class Checks {
    static final int MAX_NAME = 500;
    static final int MAX_TEXT = 10_000;
    static final int MAX_ITEMS = 100;

    private Checks() {
    }

    static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, "is " + value.length() + " characters long, at most " + maxLength + " allowed");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidValueException(field, "contains a NUL character");
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static String requiredText(String field, String value, int maxLength) {
        String checked = optionalText(field, value, maxLength);
        if (checked == null) {
            throw new InvalidValueException(field, "is required");
        }
        return checked;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(field, "must be a finite number, got " + value);
        }
        return value;
    }

    static Integer optionalCount(String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw new InvalidValueException(field, "must be between 0 and " + max + ", got " + value);
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ITEMS) {
            throw new InvalidValueException(field, "has " + values.size() + " items, at most " + MAX_ITEMS + " allowed");
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidValueException(field, "contains a null item");
            }
        }
        return List.copyOf(values);
    }

    static <T> T nested(String field, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            throw e.within(field);
        }
    }

    static void noNullEntries(String field, Map<?, ?> map) {
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidValueException(field, "contains a null key or value");
            }
        });
    }
}
