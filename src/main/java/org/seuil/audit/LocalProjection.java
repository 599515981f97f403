package org.seuil.audit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.seuil.domain.GeoPoint;

/**
 * An equirectangular projection in metres centred on a district. Over a few kilometres it keeps
 * distances within a fraction of a percent, which is all zones and walking order need, and it
 * has no singularity to trip over (unlike a UTM zone chosen wrongly near its edge).
 */
public final class LocalProjection {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double lat0;
    private final double lon0;
    private final double cosLat0;

    private LocalProjection(double lat0, double lon0) {
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.cosLat0 = Math.cos(Math.toRadians(lat0));
    }

    public static LocalProjection around(GeoPoint centre) {
        return new LocalProjection(centre.lat(), centre.lon());
    }

    public static LocalProjection around(District district) {
        var box = district.boundingBox();
        return new LocalProjection((box.minLat() + box.maxLat()) / 2, (box.minLon() + box.maxLon()) / 2);
    }

    /** x east and y north of the centre, in metres. */
    public Coordinate project(GeoPoint p) {
        return new Coordinate(x(p.lon()), y(p.lat()));
    }

    public Geometry project(Geometry wgs84) {
        Geometry copy = wgs84.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, x(seq.getX(i)));
                seq.setOrdinate(i, 1, y(seq.getY(i)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    private double x(double lon) {
        return Math.toRadians(lon - lon0) * EARTH_RADIUS_M * cosLat0;
    }

    private double y(double lat) {
        return Math.toRadians(lat - lat0) * EARTH_RADIUS_M;
    }
}
