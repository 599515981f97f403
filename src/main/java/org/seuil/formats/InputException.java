package org.seuil.formats;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * Bad input in a file being read: names the file, where in it (a line and column, a feature
 * index, an element such as {@code node/123}, a PBF blob), the field when one is to blame, and why.
 * The message reads {@code monaco.osm: line 12, column 4: lat: 95 is outside [-90, 90]}.
 */
public class InputException extends RuntimeException {
    private final String file;
    private final String location;
    private final String field;
    private final String reason;

    public InputException(String file, String location, String field, String reason) {
        this(file, location, field, reason, null);
    }

    public InputException(String file, String location, String field, String reason, Throwable cause) {
        super(message(file, location, field, reason), cause);
        this.file = file;
        this.location = location;
        this.field = field;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String message(String file, String location, String field, String reason) {
        StringJoiner message = new StringJoiner(": ");
        for (String part : new String[] {file, location, field, reason}) {
            if (part != null && !part.isEmpty()) {
                message.add(part);
            }
        }
        return message.toString();
    }

    /** The file name as the user gave it (usually without its folder). */
    public String file() {
        return file;
    }

    /** Where in the file, e.g. {@code line 12, column 4}, {@code feature 7} or {@code node/123}; may be null. */
    public String location() {
        return location;
    }

    /** The offending field or tag, or null when the input is broken as a whole (truncated, malformed). */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
