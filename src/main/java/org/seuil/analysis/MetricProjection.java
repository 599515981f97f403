package org.seuil.analysis;

import mil.nga.proj.ProjectionException;
import mil.nga.proj.ProjectionFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.units.Units;

/**
 * A projected CRS in metres (EPSG:3857 by default) where kernels and cells are laid out, with the
 * way back to WGS 84 for files that must be in longitude / latitude (GeoJSON, CSV, KML).
 *
 * <p>Projected metres are not ground metres: Web Mercator stretches both axes by 1/cos(lat), a UTM
 * zone by up to 1.0004. {@link #scaleAt} measures that stretch numerically at a point (the same
 * code for every CRS), and the analyses multiply bandwidths and cell sizes given in ground metres
 * by the scale at the centre of their area, so "200 m" means 200 m on the ground there. Over a
 * city the scale varies by well under 1 %, which we accept rather than vary kernels cell by cell.
 */
public final class MetricProjection {
    public static final int WEB_MERCATOR = 3857;
    private static final double WGS84_A = 6378137.0;
    private static final double WGS84_E2 = 0.00669437999014;
    private static final double MAX_MERCATOR_LAT = 85.05112878;

    private final int epsg;
    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;

    private MetricProjection(int epsg, CoordinateTransform forward, CoordinateTransform inverse) {
        this.epsg = epsg;
        this.forward = forward;
        this.inverse = inverse;
    }

    /** The projected CRS {@code EPSG:code}; geographic or non-metre CRSs are refused with the reason. */
    public static MetricProjection epsg(int code) {
        CoordinateReferenceSystem target = crs(code);
        if (Boolean.TRUE.equals(target.isGeographic()) || target.getProjection().getUnits() != Units.METRES) {
            throw new IllegalArgumentException("EPSG:" + code + " is not a projected CRS in metres; kernels and cells need one (e.g. 3857, or a UTM zone such as 32632)");
        }
        CoordinateReferenceSystem wgs84 = crs(4326);
        CoordinateTransformFactory transforms = new CoordinateTransformFactory();
        return new MetricProjection(code, transforms.createTransform(wgs84, target), transforms.createTransform(target, wgs84));
    }

    /**
     * proj4j 1.4 ships no EPSG registry of its own (that is the separate proj4j-epsg artifact);
     * NGA's proj library, which the GeoPackage writer brings anyway, carries the EPSG database's
     * PROJ definitions and builds proj4j CRSs from them.
     */
    private static CoordinateReferenceSystem crs(int code) {
        try {
            return ProjectionFactory.getProjection(code).getCrs();
        } catch (ProjectionException | IllegalArgumentException e) {
            throw new IllegalArgumentException("EPSG:" + code + " is not a coordinate reference system Seuil knows");
        }
    }

    public static MetricProjection webMercator() {
        return epsg(WEB_MERCATOR);
    }

    public int epsg() {
        return epsg;
    }

    /**
     * Projects {@code n} points into {@code x} and {@code y}. Web Mercator uses its closed form
     * (20x faster than the generic path on a million points, and tested equal to proj4j); other
     * CRSs go through proj4j. Latitudes beyond Web Mercator's ±85.05° are clamped to it.
     */
    public void forward(double[] lon, double[] lat, int n, double[] x, double[] y) {
        if (epsg == WEB_MERCATOR) {
            for (int i = 0; i < n; i++) {
                x[i] = WGS84_A * Math.toRadians(lon[i]);
                double phi = Math.toRadians(Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat[i])));
                y[i] = WGS84_A * Math.log(Math.tan(Math.PI / 4 + phi / 2));
            }
            return;
        }
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        synchronized (forward) {
            for (int i = 0; i < n; i++) {
                in.x = lon[i];
                in.y = lat[i];
                forward.transform(in, out);
                x[i] = out.x;
                y[i] = out.y;
            }
        }
    }

    /** One point forward: {@code [x, y]}. */
    public double[] forward(double lon, double lat) {
        double[] x = new double[1];
        double[] y = new double[1];
        forward(new double[] {lon}, new double[] {lat}, 1, x, y);
        return new double[] {x[0], y[0]};
    }

    /** One point back to WGS 84: {@code [lon, lat]}. */
    public double[] inverse(double x, double y) {
        ProjCoordinate out = new ProjCoordinate();
        synchronized (inverse) {
            inverse.transform(new ProjCoordinate(x, y), out);
        }
        return new double[] {out.x, out.y};
    }

    /**
     * Projected metres per ground metre at a point: the geometric mean of the east and north
     * stretches against the WGS 84 ellipsoid, measured over a few metres. 1/cos(lat) for Web Mercator.
     */
    public double scaleAt(double lon, double lat) {
        double phi = Math.toRadians(lat);
        double sin = Math.sin(phi);
        double w = Math.sqrt(1 - WGS84_E2 * sin * sin);
        double primeVertical = WGS84_A / w;
        double meridional = WGS84_A * (1 - WGS84_E2) / (w * w * w);
        double deltaDeg = 1e-4;
        double[] p0 = forward(lon, lat);
        double[] pe = forward(lon + deltaDeg, lat);
        double[] pn = forward(lon, lat + deltaDeg);
        double groundEast = primeVertical * Math.cos(phi) * Math.toRadians(deltaDeg);
        double groundNorth = meridional * Math.toRadians(deltaDeg);
        double east = Math.hypot(pe[0] - p0[0], pe[1] - p0[1]) / groundEast;
        double north = Math.hypot(pn[0] - p0[0], pn[1] - p0[1]) / groundNorth;
        return Math.sqrt(east * north);
    }
}
