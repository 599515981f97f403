package org.seuil.formats.osm;

import java.time.Instant;

/**
 * What the XML and PBF parsers hand over, element by element, once they have checked the values
 * (ids, coordinates, timestamps). Timestamps are epoch milliseconds, {@link #NO_TIMESTAMP} when the
 * file has no metadata.
 */
interface OsmSink {
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The time the whole extract was cut, from the file header, when the file says. */
    void extractTimestamp(Instant at);

    void node(long id, double lat, double lon, long timestamp, OsmTags tags);

    void way(long id, long timestamp, OsmTags tags, long[] nodeRefs);

    void relation(long id, long timestamp, OsmTags tags, RelationMembers members);
}
