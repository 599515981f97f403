package org.seuil.geo;

import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;

/**
 * Spherical Web Mercator (EPSG:3857) as slippy-map tiles use it. "World pixels" are pixels of the
 * whole world drawn at a zoom with square tiles of {@code tileSize} pixels, origin at the
 * north-west corner, y growing southwards.
 */
public final class WebMercator {
    /** The latitude where the square world ends: atan(sinh(pi)). */
    public static final double MAX_LATITUDE = 85.05112877980659;

    private WebMercator() {
    }

    /** Longitude to a fraction of the world width, 0 at 180 W, 1 at 180 E. */
    public static double xFraction(double lon) {
        return (lon + 180.0) / 360.0;
    }

    /** Latitude to a fraction of the world height, 0 at the north edge; clamped to the square world. */
    public static double yFraction(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lonOf(double xFraction) {
        return xFraction * 360.0 - 180.0;
    }

    public static double latOf(double yFraction) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * yFraction))));
    }

    public static double worldPixelX(double lon, int zoom, int tileSize) {
        return xFraction(lon) * TileId.tilesPerSide(zoom) * tileSize;
    }

    public static double worldPixelY(double lat, int zoom, int tileSize) {
        return yFraction(lat) * TileId.tilesPerSide(zoom) * tileSize;
    }

    /** The tile containing a point; points on the east or south edge of the world fall in the last tile. */
    public static TileId tileAt(GeoPoint point, int zoom) {
        return new TileId(zoom, column(point.lon(), zoom), row(point.lat(), zoom));
    }

    /** The area a tile covers. */
    public static BoundingBox bounds(TileId tile) {
        double n = TileId.tilesPerSide(tile.zoom());
        return new BoundingBox(lonOf(tile.x() / n), latOf((tile.y() + 1) / n), lonOf((tile.x() + 1) / n), latOf(tile.y() / n));
    }

    /** The tiles that cover an area at a zoom; latitudes beyond the square world are clamped. */
    public static TileRange tilesCovering(BoundingBox box, int zoom) {
        return new TileRange(zoom, column(box.minLon(), zoom), row(box.maxLat(), zoom),
                column(box.maxLon(), zoom), row(box.minLat(), zoom));
    }

    /** Whether two areas share at least one point. */
    public static boolean intersects(BoundingBox a, BoundingBox b) {
        return a.minLon() <= b.maxLon() && b.minLon() <= a.maxLon() && a.minLat() <= b.maxLat() && b.minLat() <= a.maxLat();
    }

    private static int column(double lon, int zoom) {
        return clampToGrid(Math.floor(xFraction(lon) * TileId.tilesPerSide(zoom)), zoom);
    }

    private static int row(double lat, int zoom) {
        return clampToGrid(Math.floor(yFraction(lat) * TileId.tilesPerSide(zoom)), zoom);
    }

    private static int clampToGrid(double index, int zoom) {
        return (int) Math.max(0, Math.min(TileId.tilesPerSide(zoom) - 1, index));
    }
}
