package org.seuil.store;

/** Where imported records come from, which decides what an import may replace and what it syncs. */
public enum ImportSource {
    /**
     * OpenStreetMap: each place carries one report authored {@code osm}. Re-importing replaces
     * that report only, never reports made by people, and writes nothing to the outbox (anyone can
     * import OSM themselves; the server does not need our copy).
     */
    OSM,
    /**
     * A Seuil file (GeoJSON, CSV): places and reports are upserted by id (a higher revision wins,
     * equal content is "unchanged") and every created or updated report goes to the outbox.
     */
    FILE
}
