package org.seuil.audit;

import java.util.regex.Pattern;
import org.seuil.domain.InvalidValueException;

/** Volunteer names follow the rule of report authors, since a volunteer's visits become reports. */
public final class Volunteers {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@ -]{1,100}");

    private Volunteers() {
    }

    public static String check(String field, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            throw new InvalidValueException(field, "'" + name + "' must be 1-100 letters, digits, spaces or . _ @ -");
        }
        return name.strip();
    }
}
