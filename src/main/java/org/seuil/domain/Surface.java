package org.seuil.domain;

/** OSM {@code surface=*}, the values that matter for rolling. */
public enum Surface {
    PAVED, ASPHALT, CONCRETE, PAVING_STONES, SETT, COBBLESTONE, UNHEWN_COBBLESTONE, METAL, WOOD,
    COMPACTED, FINE_GRAVEL, GRAVEL, PEBBLESTONE, GROUND, DIRT, GRASS, SAND, UNPAVED;

    public String osm() {
        return OsmValues.of(this);
    }
}
