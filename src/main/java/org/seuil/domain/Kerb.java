package org.seuil.domain;

/** OSM {@code kerb=*}: how high the kerb is where a wheelchair crosses it. */
public enum Kerb {
    RAISED, LOWERED, FLUSH, ROLLED, NO;

    public String osm() {
        return OsmValues.of(this);
    }
}
