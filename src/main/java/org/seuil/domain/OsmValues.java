package org.seuil.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums of this package are written with the OSM tag value they stand for. */
public final class OsmValues {
    private OsmValues() {
    }

    /** An enum constant whose OSM value is its lower-case name. */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Parses an OSM value (case-insensitive); an unknown value names the field and what is allowed. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null) {
            throw new InvalidValueException(field, "is missing");
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(OsmValues::of).collect(Collectors.joining(", "));
        throw new InvalidValueException(field, "unknown value '" + PlaceId.abbreviate(text) + "', expected one of " + allowed);
    }
}
