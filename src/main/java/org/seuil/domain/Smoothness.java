package org.seuil.domain;

/** OSM {@code smoothness=*}; "intermediate" is the worst that a manual wheelchair handles well. */
public enum Smoothness {
    EXCELLENT, GOOD, INTERMEDIATE, BAD, VERY_BAD, HORRIBLE, VERY_HORRIBLE, IMPASSABLE;

    public String osm() {
        return OsmValues.of(this);
    }
}
