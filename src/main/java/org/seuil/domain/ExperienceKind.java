package org.seuil.domain;

/**
 * I Wheel Share's paired tags: it went well ("ça roule"), it went badly ("bâton dans les roues"),
 * or a tip ("bon plan").
 */
public enum ExperienceKind {
    POSITIVE, NEGATIVE, TIP;

    public String osm() {
        return OsmValues.of(this);
    }
}
