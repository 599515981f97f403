package org.seuil.formats;

import java.util.StringJoiner;

/**
 * Bad input in a file being imported, with everything a person needs to find and fix it: the
 * file, where in it (a line and column, or a feature index) and which field. The message reads
 * {@code file: location: field: reason}, leaving out the parts that are not known.
 */
public class InputException extends RuntimeException {
    private final String file;
    private final String location;
    private final String field;
    private final String reason;

    public InputException(String file, String location, String field, String reason) {
        super(message(file, location, field, reason));
        this.file = file;
        this.location = location;
        this.field = field;
        this.reason = reason;
    }

    public InputException(String file, String location, String field, String reason, Throwable cause) {
        super(message(file, location, field, reason), cause);
        this.file = file;
        this.location = location;
        this.field = field;
        this.reason = reason;
    }

    /** The file's name as the user gave it. */
    public String file() {
        return file;
    }

    /** Where in the file, e.g. {@code line 12, column 4} or {@code feature 7}; null when the whole file is at fault. */
    public String location() {
        return location;
    }

    /** The field at fault, e.g. {@code properties.reports[0].entrance.stepCount}; null when none applies. */
    public String field() {
        return field;
    }

    /** What is wrong, without the file, location and field. */
    public String reason() {
        return reason;
    }

    private static String message(String file, String location, String field, String reason) {
        StringJoiner joiner = new StringJoiner(": ");
        for (String part : new String[] {file, location, field, reason}) {
            if (part != null) {
                joiner.add(part);
            }
        }
        return joiner.toString();
    }
}
