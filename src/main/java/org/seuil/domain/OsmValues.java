package org.seuil.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums of this package are written with the OSM tag value they stand for. */
public final class OsmValues {
    /**
     * Each enum's constants and their lower-case names, made once: lower-casing a name on every
     * write was a tenth of writing a batch, and {@code getEnumConstants} copies its array per call.
     */
    private static final ClassValue<Enum<?>[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected Enum<?>[] computeValue(Class<?> type) {
            return (Enum<?>[]) type.getEnumConstants();
        }
    };
    private static final ClassValue<String[]> NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(CONSTANTS.get(type)).map(e -> e.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        }
    };

    private OsmValues() {
    }

    /** An enum constant whose OSM value is its lower-case name. */
    public static String of(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }

    /** Parses an OSM value (case-insensitive); an unknown value names the field and what is allowed. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null) {
            throw new InvalidValueException(field, "is missing");
        }
        String stripped = text.strip();
        for (Enum<?> constant : CONSTANTS.get(type)) {
            if (constant.name().equalsIgnoreCase(stripped)) {
                return type.cast(constant);
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(OsmValues::of).collect(Collectors.joining(", "));
        throw new InvalidValueException(field, "unknown value '" + PlaceId.abbreviate(text) + "', expected one of " + allowed);
    }
}
