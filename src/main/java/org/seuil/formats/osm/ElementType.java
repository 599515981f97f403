package org.seuil.formats.osm;

import java.util.Locale;

/** The three kinds of OSM element, written as OSM writes them ({@code node/123}). */
public enum ElementType {
    NODE, WAY, RELATION;

    public String osm() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String ref(long id) {
        return osm() + "/" + id;
    }

    /** The member type of a relation as XML writes it, or null when unknown. */
    static ElementType fromOsm(String text) {
        return switch (text) {
            case "node" -> NODE;
            case "way" -> WAY;
            case "relation" -> RELATION;
            default -> null;
        };
    }
}
