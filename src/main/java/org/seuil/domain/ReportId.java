package org.seuil.domain;

/**
 * A report identifier: a UUID for reports people make; {@code osm:node/123} for the one report
 * that carries an OSM element's own tags, so that a re-import replaces it instead of adding one.
 */
public record ReportId(String value) {
    public ReportId {
        if (value == null || !TextShapes.isReportId(value)) {
            throw new InvalidValueException("reportId", "'" + PlaceId.abbreviate(value) + "' must be 1-100 characters of a-z, 0-9, ':', '/', '.', '_', '-'");
        }
    }

    /** A new id for a report made here: a time-ordered UUID ({@link TimeOrderedIds}). */
    public static ReportId generate() {
        return new ReportId(TimeOrderedIds.next());
    }

    /** The id of the report that holds the tags of an imported OSM place. */
    public static ReportId fromOsm(PlaceId place) {
        return new ReportId(place.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
