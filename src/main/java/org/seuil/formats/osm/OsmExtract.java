package org.seuil.formats.osm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;

/**
 * An OSM file read into memory: node positions and way node lists in primitive arrays, and the
 * tags of the elements that will become places. {@link #places()} builds the place records one at
 * a time from these, so the records of a country never sit in memory together.
 */
public final class OsmExtract {
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final String file;
    private final long[] elementsRead;
    private final List<Candidate> candidates;
    private final OsmGeometry geometry;
    private final Instant fallbackTime;
    private OsmReadSummary summary;

    /**
     * An element whose tags make it a place. Nodes carry their position; ways and relations find
     * their nodes and members in the geometry's stores by id when their place is built.
     */
    record Candidate(ElementType type, long id, long timestamp, OsmTags tags, double lat, double lon) {
    }

    OsmExtract(String file, long[] elementsRead, List<Candidate> candidates, OsmGeometry geometry, Instant fallbackTime) {
        this.file = file;
        this.elementsRead = elementsRead.clone();
        this.candidates = candidates;
        this.geometry = geometry;
        this.fallbackTime = fallbackTime;
    }

    /**
     * The places of the extract, in file order (nodes, ways, relations). Each call starts a new
     * pass; a pass run to its end also fixes {@link #summary()}.
     */
    public Iterator<PlaceRecord> places() {
        return new Pass();
    }

    /** What the read gave; runs a pass over the places if none has run to its end yet. */
    public synchronized OsmReadSummary summary() {
        if (summary == null) {
            Iterator<PlaceRecord> pass = places();
            while (pass.hasNext()) {
                pass.next();
            }
        }
        return summary;
    }

    public String file() {
        return file;
    }

    private synchronized void finished(OsmReadSummary result) {
        summary = result;
    }

    private final class Pass implements Iterator<PlaceRecord> {
        private final Warnings warnings = new Warnings();
        private final EnumMap<ElementType, Long> places = new EnumMap<>(ElementType.class);
        private final EnumMap<Accessibility, Long> grades = new EnumMap<>(Accessibility.class);
        private final Map<String, Long> skipped = new TreeMap<>();
        private long incomplete;
        private int index;
        private PlaceRecord next;
        private boolean done;

        @Override
        public boolean hasNext() {
            while (next == null && index < candidates.size()) {
                next = build(candidates.get(index++));
            }
            if (next == null && !done) {
                done = true;
                finished(new OsmReadSummary(file, elementsRead[0], elementsRead[1], elementsRead[2], places, grades,
                        incomplete, skipped, warnings.count(), warnings.first()));
            }
            return next != null;
        }

        @Override
        public PlaceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            PlaceRecord record = next;
            next = null;
            return record;
        }

        private PlaceRecord build(Candidate candidate) {
            OsmGeometry.Located located = switch (candidate.type()) {
                case NODE -> new OsmGeometry.Located(new GeoPoint(candidate.lat(), candidate.lon()), true);
                case WAY -> geometry.way(candidate.id());
                case RELATION -> geometry.relation(candidate.id(), candidate.tags().get("type"));
            };
            if (located == null) {
                skip(candidate.type() == ElementType.WAY ? "ways with no node in the extract" : "relations with no member in the extract");
                return null;
            }
            Instant time = time(candidate.timestamp());
            if (time == null) {
                skip("elements with no timestamp between 1990 and 2100 in the file");
                return null;
            }
            PlaceId id = PlaceId.osm(candidate.type().osm(), candidate.id());
            Place place = OsmTagMapping.place(id, located.point(), candidate.tags(), warnings);
            Report report = OsmTagMapping.report(id, time, candidate.tags(), warnings);
            places.merge(candidate.type(), 1L, Long::sum);
            grades.merge(report.wheelchair(), 1L, Long::sum);
            if (!located.complete()) {
                incomplete++;
            }
            return new PlaceRecord(place, List.of(report));
        }

        private void skip(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }
    }

    /** The element's own time, else the extract's, else the file's; null when none is plausible. */
    private Instant time(long timestamp) {
        if (timestamp != OsmSink.NO_TIMESTAMP) {
            Instant own = Instant.ofEpochMilli(timestamp);
            if (!own.isBefore(EARLIEST) && own.isBefore(LATEST)) {
                return own;
            }
        }
        return fallbackTime;
    }

    /** Collects what the parsers hand over into an {@link OsmExtract}. */
    static final class Builder implements OsmSink {
        private final String file;
        private final NodeLocations nodes = new NodeLocations();
        private final WayNodes ways = new WayNodes();
        private final Map<Long, RelationMembers> relations = new HashMap<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private final long[] elementsRead = new long[3];
        private Instant extractTime;

        Builder(String file) {
            this.file = file;
        }

        @Override
        public void extractTimestamp(Instant at) {
            extractTime = at;
        }

        @Override
        public void node(long id, double lat, double lon, long timestamp, OsmTags tags) {
            elementsRead[0]++;
            nodes.add(id, lat, lon);
            if (OsmTagMapping.isPlace(ElementType.NODE, tags)) {
                // OSM's own precision, so a node's place sits where OSM says, not at 43.733054700000004
                candidates.add(new Candidate(ElementType.NODE, id, timestamp, tags, Math.round(lat * 1e7) / 1e7,
                        Math.round(lon * 1e7) / 1e7));
            }
        }

        @Override
        public void way(long id, long timestamp, OsmTags tags, long[] nodeRefs) {
            elementsRead[1]++;
            ways.add(id, nodeRefs);
            if (OsmTagMapping.isPlace(ElementType.WAY, tags)) {
                candidates.add(new Candidate(ElementType.WAY, id, timestamp, tags, Double.NaN, Double.NaN));
            }
        }

        @Override
        public void relation(long id, long timestamp, OsmTags tags, RelationMembers members) {
            elementsRead[2]++;
            relations.put(id, members);
            if (OsmTagMapping.isPlace(ElementType.RELATION, tags)) {
                candidates.add(new Candidate(ElementType.RELATION, id, timestamp, tags, Double.NaN, Double.NaN));
            }
        }

        /**
         * @param fileTime the file's modification time, the last resort for elements without a
         *                 timestamp in a file without a header time
         */
        OsmExtract build(Instant fileTime) {
            nodes.seal();
            ways.seal();
            Instant fallback = extractTime != null && !extractTime.isBefore(EARLIEST) && extractTime.isBefore(LATEST) ? extractTime
                    : (!fileTime.isBefore(EARLIEST) && fileTime.isBefore(LATEST) ? fileTime : null);
            // Candidates are added in file order; a file with relations before ways still works
            // because geometry is resolved only now, after everything is read.
            return new OsmExtract(file, elementsRead, candidates, new OsmGeometry(nodes, ways, relations), fallback);
        }
    }
}
