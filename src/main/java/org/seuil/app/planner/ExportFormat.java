package org.seuil.app.planner;

import java.util.Locale;

/** What the planner's export dialog writes; see docs/analytics.md for the layers and fields. */
public enum ExportFormat {
    /** The heatmap as a float32 GeoTIFF in EPSG:3857. */
    GEOTIFF("tif"),
    /** The heatmap as a viridis PNG with its .pgw world file and a -legend.png. */
    PNG("png"),
    /** The places (points, EPSG:4326) and the cells (polygons, EPSG:3857) as GeoPackage 1.3 layers. */
    GEOPACKAGE("gpkg"),
    /** The cells as a GeoJSON FeatureCollection in WGS 84. */
    GEOJSON("geojson"),
    /** The cells as CSV, one row per cell with its centre. */
    CSV("csv"),
    /** The places as KML placemarks styled by grade. */
    KML("kml");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String key() {
        return "planner.format." + name().toLowerCase(Locale.ROOT);
    }

    /** The file name with this format's extension in place of any other. */
    public String fileName(String base) {
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        return stem + "." + extension;
    }
}
