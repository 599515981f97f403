package org.seuil.domain;

/**
 * The grade of a place for wheelchair users, with the values of OSM {@code wheelchair=*}.
 * {@code designated} is a place built for wheelchair users; for display it counts as {@code yes}.
 */
public enum Accessibility {
    YES, LIMITED, NO, DESIGNATED, UNKNOWN;

    public String osm() {
        return OsmValues.of(this);
    }

    public static Accessibility fromOsm(String field, String value) {
        return OsmValues.parse(Accessibility.class, field, value);
    }

    /** The four grades a map shows: designated is shown as yes. */
    public Accessibility shown() {
        return this == DESIGNATED ? YES : this;
    }
}
