package org.seuil.formats.osm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.seuil.domain.GeoPoint;

/**
 * Where a way or a relation is put on the map: the centroid of its geometry, built with JTS from
 * the node positions of the extract. Centroids are taken in degrees, which is close enough for
 * the size of a venue. Members or nodes missing from the extract (cut at its border) are left out;
 * the result says whether anything was missing.
 */
final class OsmGeometry {
    /** Site relations may hold relations; deeper nesting than this is a mapping error, not a venue. */
    private static final int MAX_DEPTH = 4;
    private final GeometryFactory factory = new GeometryFactory();
    private final NodeLocations nodes;
    private final WayNodes ways;
    private final Map<Long, RelationMembers> relations;

    /** A position, and whether every node and member it was built from was in the extract. */
    record Located(GeoPoint point, boolean complete) {
    }

    OsmGeometry(NodeLocations nodes, WayNodes ways, Map<Long, RelationMembers> relations) {
        this.nodes = nodes;
        this.ways = ways;
        this.relations = relations;
    }

    /** The centroid of a way, or null when none of its nodes is in the extract. */
    Located way(long id) {
        long[] refs = ways.nodes(id);
        Built built = refs == null ? null : wayGeometry(refs);
        return built == null ? null : located(built.geometry, built.complete);
    }

    /** The centroid of a relation's geometry, or null when none of its members is in the extract. */
    Located relation(long id, String type) {
        RelationMembers members = relations.get(id);
        if (members == null) {
            return null;
        }
        Parts parts = new Parts();
        if ("multipolygon".equals(type) || "boundary".equals(type)) {
            Geometry area = outerArea(members, parts);
            if (area != null) {
                return located(area, parts.complete);
            }
        }
        Set<Long> visiting = new HashSet<>();
        visiting.add(id);
        collect(members, parts, visiting, 0);
        if (parts.geometries.isEmpty()) {
            return null;
        }
        Geometry all = factory.buildGeometry(parts.geometries);
        return located(all, parts.complete);
    }

    private record Built(Geometry geometry, boolean complete) {
    }

    private static final class Parts {
        final List<Geometry> geometries = new ArrayList<>();
        boolean complete = true;
    }

    /** The polygons the outer ways of a multipolygon close, or null when they close none. */
    private Geometry outerArea(RelationMembers members, Parts parts) {
        Polygonizer polygonizer = new Polygonizer(true);
        int lines = 0;
        for (int i = 0; i < members.size(); i++) {
            String role = members.roles()[i];
            if (members.types()[i] != ElementType.WAY || !(role.isEmpty() || role.equals("outer"))) {
                continue;
            }
            long[] refs = ways.nodes(members.refs()[i]);
            if (refs == null) {
                parts.complete = false;
                continue;
            }
            List<Coordinate> coordinates = coordinates(refs);
            if (coordinates.size() < refs.length) {
                parts.complete = false;
            }
            if (coordinates.size() >= 2) {
                polygonizer.add(factory.createLineString(coordinates.toArray(Coordinate[]::new)));
                lines++;
            }
        }
        if (lines == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = new ArrayList<>(polygonizer.getPolygons());
        if (polygons.isEmpty()) {
            return null;
        }
        return factory.buildGeometry(polygons);
    }

    private void collect(RelationMembers members, Parts parts, Set<Long> visiting, int depth) {
        for (int i = 0; i < members.size(); i++) {
            long ref = members.refs()[i];
            switch (members.types()[i]) {
                case NODE -> {
                    int index = nodes.indexOf(ref);
                    if (index < 0) {
                        parts.complete = false;
                    } else {
                        parts.geometries.add(point(index));
                    }
                }
                case WAY -> {
                    long[] refs = ways.nodes(ref);
                    Built built = refs == null ? null : wayGeometry(refs);
                    if (built == null) {
                        parts.complete = false;
                    } else {
                        parts.geometries.add(built.geometry);
                        parts.complete &= built.complete;
                    }
                }
                case RELATION -> {
                    RelationMembers nested = relations.get(ref);
                    if (nested == null || depth >= MAX_DEPTH) {
                        parts.complete = false;
                    } else if (visiting.add(ref)) {
                        collect(nested, parts, visiting, depth + 1);
                        visiting.remove(ref);
                    }
                }
            }
        }
    }

    /**
     * A closed way whose nodes are all known is a polygon when JTS finds it valid; otherwise the
     * way is a line, and a line of one distinct position is a point.
     */
    private Built wayGeometry(long[] refs) {
        List<Coordinate> coordinates = coordinates(refs);
        if (coordinates.isEmpty()) {
            return null;
        }
        boolean complete = coordinates.size() == refs.length;
        boolean closed = refs.length >= 4 && refs[0] == refs[refs.length - 1];
        Coordinate[] array = coordinates.toArray(Coordinate[]::new);
        if (complete && closed) {
            Polygon polygon = factory.createPolygon(array);
            if (polygon.isValid() && polygon.getArea() > 0) {
                return new Built(polygon, true);
            }
        }
        if (array.length >= 2) {
            LineString line = factory.createLineString(array);
            if (line.getLength() > 0) {
                return new Built(line, complete);
            }
        }
        return new Built(factory.createPoint(array[0]), complete);
    }

    private List<Coordinate> coordinates(long[] refs) {
        List<Coordinate> coordinates = new ArrayList<>(refs.length);
        for (long ref : refs) {
            int index = nodes.indexOf(ref);
            if (index >= 0) {
                coordinates.add(new Coordinate(nodes.lon(index), nodes.lat(index)));
            }
        }
        return coordinates;
    }

    private Point point(int index) {
        return factory.createPoint(new Coordinate(nodes.lon(index), nodes.lat(index)));
    }

    private static Located located(Geometry geometry, boolean complete) {
        Point centroid = geometry.getCentroid();
        if (centroid.isEmpty() || !Double.isFinite(centroid.getX()) || !Double.isFinite(centroid.getY())) {
            return null;
        }
        // JTS's polygonizer does not return rings in a fixed order, and summing the same parts in
        // another order changes the last bits: at OSM's own precision (1e-7°, about 1 cm) the
        // centroid is the same on every read, so a re-import finds the place unchanged.
        return new Located(new GeoPoint(osmPrecision(centroid.getY()), osmPrecision(centroid.getX())), complete);
    }

    private static double osmPrecision(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
