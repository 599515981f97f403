package org.seuil.domain;

/** Whom an experience or tip concerns. */
public enum Need {
    WHEELCHAIR, WALKING_AID, BLIND_LOW_VISION, DEAF_HARD_OF_HEARING, COGNITIVE;

    public String osm() {
        return OsmValues.of(this);
    }
}
