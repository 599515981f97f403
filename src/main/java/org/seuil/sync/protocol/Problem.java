package org.seuil.sync.protocol;

import java.util.List;

/**
 * An RFC 9457 problem body. {@code errors} names each offending feature and field so that a
 * client (or a person reading a log) can find the bad input.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String TYPE_BASE = "https://seuil.org/problems/";

    /** One bad value: the feature's index in the batch (or -1) and the field's path. */
    public record FieldError(int feature, String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    public static ProtocolException badRequest(String detail, int feature, String field) {
        return new ProtocolException(new Problem(TYPE_BASE + "invalid-body", "The request body is not valid", 400, detail,
                field == null ? List.of() : List.of(new FieldError(feature, field, detail))));
    }

    public static ProtocolException tooLarge(String detail) {
        return new ProtocolException(of(413, "too-large", "The request is too large", detail));
    }
}
