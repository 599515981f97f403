package org.seuil.audit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;

/**
 * The area a campaign covers: a valid polygon or multipolygon in WGS 84 (x = longitude,
 * y = latitude). Point-in-polygon tests go through a JTS prepared geometry, which is fast enough
 * to test every place of the district's bounding box.
 */
public final class District {
    public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Geometry area;
    private final PreparedGeometry prepared;

    public District(Geometry area) {
        if (area == null || area.isEmpty()) {
            throw new InvalidValueException("district", "is empty");
        }
        if (!(area instanceof Polygonal)) {
            throw new InvalidValueException("district", "must be a Polygon or MultiPolygon, got " + area.getGeometryType());
        }
        for (Coordinate c : area.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw new InvalidValueException("district", "point " + c.x + ", " + c.y
                        + " is not a longitude, latitude pair in range (are they swapped?)");
            }
        }
        TopologyValidationError error = new IsValidOp(area).getValidationError();
        if (error != null) {
            throw new InvalidValueException("district", "is not a valid polygon: " + error.getMessage()
                    + " near " + error.getCoordinate().x + ", " + error.getCoordinate().y);
        }
        this.area = GEOMETRY.createGeometry(area);
        this.prepared = PreparedGeometryFactory.prepare(this.area);
    }

    public static District fromWkt(String wkt) {
        try {
            return new District(new WKTReader(GEOMETRY).read(wkt));
        } catch (ParseException e) {
            throw new InvalidValueException("district", "is not readable WKT: " + e.getMessage());
        }
    }

    public String wkt() {
        return new WKTWriter().write(area);
    }

    /** A copy of the polygon: JTS geometries are mutable, this one must not change under the index. */
    public Geometry area() {
        return area.copy();
    }

    public boolean contains(GeoPoint point) {
        return prepared.covers(GEOMETRY.createPoint(new Coordinate(point.lon(), point.lat())));
    }

    public BoundingBox boundingBox() {
        Envelope e = area.getEnvelopeInternal();
        return new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    /** The area on the ground, in square metres, measured in a projection local to the district. */
    public double squareMetres() {
        return LocalProjection.around(this).project(area).getArea();
    }

    public GeoPoint centroid() {
        Coordinate c = area.getInteriorPoint().getCoordinate();
        return new GeoPoint(c.y, c.x);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof District d && d.area.equalsExact(area);
    }

    @Override
    public int hashCode() {
        return area.getEnvelopeInternal().hashCode();
    }

    @Override
    public String toString() {
        return "District" + boundingBox();
    }
}
