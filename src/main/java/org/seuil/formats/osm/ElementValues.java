package org.seuil.formats.osm;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.seuil.formats.InputException;

/** Checks of the values both parsers read, each failure naming the file, where, and the field. */
final class ElementValues {
    private ElementValues() {
    }

    static long id(String file, String location, String field, String text) {
        if (text == null) {
            throw new InputException(file, location, field, "is missing");
        }
        long id;
        try {
            id = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(file, location, field, "'" + abbreviate(text) + "' is not a whole number");
        }
        return positive(file, location, field, id);
    }

    static long positive(String file, String location, String field, long id) {
        if (id <= 0) {
            throw new InputException(file, location, field, id + " is not a positive id (negative ids are objects an editor never uploaded)");
        }
        return id;
    }

    static double latitude(String file, String location, String text) {
        return inRange(file, location, "lat", 90, number(file, location, "lat", text));
    }

    static double longitude(String file, String location, String text) {
        return inRange(file, location, "lon", 180, number(file, location, "lon", text));
    }

    static double latitude(String file, String location, double value) {
        return inRange(file, location, "lat", 90, value);
    }

    static double longitude(String file, String location, double value) {
        return inRange(file, location, "lon", 180, value);
    }

    private static double number(String file, String location, String field, String text) {
        if (text == null) {
            throw new InputException(file, location, field, "is missing");
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(file, location, field, "'" + abbreviate(text) + "' is not a number");
        }
        return value;
    }

    private static double inRange(String file, String location, String field, int limit, double value) {
        if (!Double.isFinite(value) || value < -limit || value > limit) {
            throw new InputException(file, location, field, value + " is outside [-" + limit + ", " + limit + "]");
        }
        return value;
    }

    /** Epoch milliseconds of an ISO-8601 instant, or {@link OsmSink#NO_TIMESTAMP} when absent. */
    static long timestamp(String file, String location, String field, String text) {
        if (text == null) {
            return OsmSink.NO_TIMESTAMP;
        }
        try {
            return Instant.parse(text.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InputException(file, location, field, "'" + abbreviate(text) + "' is not a time such as 2021-04-21T10:00:00Z");
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
