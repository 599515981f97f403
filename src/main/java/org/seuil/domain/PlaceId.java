package org.seuil.domain;

/**
 * A stable place identifier: a UUID for places people create, {@code osm:node/123} (or way,
 * relation) for places imported from OpenStreetMap so that re-imports find them again.
 */
public record PlaceId(String value) {
    public PlaceId {
        if (value == null || !(TextShapes.isLowerCaseUuid(value) || TextShapes.isOsmId(value))) {
            throw new InvalidValueException("id", "'" + abbreviate(value) + "' is neither a lower-case UUID nor osm:node|way|relation/<id>");
        }
    }

    /** A new id for a place made here: a time-ordered UUID ({@link TimeOrderedIds}). */
    public static PlaceId generate() {
        return new PlaceId(TimeOrderedIds.next());
    }

    public static PlaceId osm(String type, long id) {
        return new PlaceId("osm:" + type + "/" + id);
    }

    public boolean isOsm() {
        return value.startsWith("osm:");
    }

    static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}
