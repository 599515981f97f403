package org.seuil.audit;

import java.util.Locale;
import org.seuil.domain.InvalidValueException;

/** Where a venue stands in a campaign. Every status but {@link #TO_VISIT} is an outcome of a visit. */
public enum VenueStatus {
    TO_VISIT, VISITED, NOT_FOUND, CLOSED, REFUSED;

    /** The name used in files, the store and the command line: {@code to-visit}, {@code not-found}... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isOutcome() {
        return this != TO_VISIT;
    }

    public static VenueStatus parse(String field, String text) {
        if (text != null) {
            String normalised = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (VenueStatus status : values()) {
                if (status.name().equals(normalised)) {
                    return status;
                }
            }
        }
        throw new InvalidValueException(field, "unknown status '" + text
                + "', expected to-visit, visited, not-found, closed or refused");
    }
}
