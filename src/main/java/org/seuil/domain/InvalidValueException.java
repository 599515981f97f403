package org.seuil.domain;

/**
 * A value that breaks a rule of the domain model. Carries the name of the offending field so that
 * importers and the server can say exactly where bad input is ("feature 12, field entrance.stepCount").
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The dotted path of the field that was rejected, e.g. {@code entrance.doorWidth}. */
    public String field() {
        return field;
    }

    /** The same error one level deeper, so nested records report their full path. */
    public InvalidValueException within(String parent) {
        String reason = getMessage().substring(field.length() + 2);
        InvalidValueException nested = new InvalidValueException(parent + "." + field, reason);
        nested.setStackTrace(getStackTrace());
        return nested;
    }
}
