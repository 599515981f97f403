package org.seuil.app.planner;

import java.time.Instant;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.GridAggregation;
import org.seuil.analysis.Heatmap;
import org.seuil.analysis.HeatmapParameters;
import org.seuil.analysis.MetricProjection;
import org.seuil.domain.BoundingBox;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.raster.FloatRaster;

/**
 * The planner's analyses, shared by the preview and the exports so both show the same thing:
 * the heatmap of the area (pixels outside a polygon area are nodata) and the cells.
 */
public final class PlannerAnalysis {
    /** A preview raster of at most this many pixels; larger areas are previewed with larger pixels. */
    public static final long PREVIEW_PIXELS = 1_500_000;
    private static final double HALF_WORLD = 20_037_508.342789244;

    private PlannerAnalysis() {
    }

    /** The heatmap with the settings' own pixel size, as exported. */
    public static FloatRaster heatmap(GradedPoints points, PlannerSettings settings) {
        return heatmap(points, settings, settings.cellMetres());
    }

    /** The heatmap with pixels of {@code cellMetres} ground metres, masked to the polygon when the area is one. */
    public static FloatRaster heatmap(GradedPoints points, PlannerSettings settings, double cellMetres) {
        HeatmapParameters p = settings.heatmap();
        HeatmapParameters sized = new HeatmapParameters(p.kernel(), p.bandwidthMetres(), cellMetres, p.weights(), p.epsg());
        FloatRaster raster = Heatmap.compute(points, settings.area().box(), sized);
        return settings.area().polygon() == null ? raster : Heatmap.mask(raster, settings.area().polygon());
    }

    /** The pixel size the preview uses: the settings' own, or larger so the area fits in {@link #PREVIEW_PIXELS}. */
    public static double previewCellMetres(PlannerSettings settings) {
        BoundingBox box = settings.area().box();
        double k = 1 / Math.cos(Math.toRadians((box.minLat() + box.maxLat()) / 2));
        double width = mercatorX(box.maxLon()) - mercatorX(box.minLon());
        double height = mercatorY(box.maxLat()) - mercatorY(box.minLat());
        double pixel = settings.cellMetres() * k;
        double pixels = (width / pixel + 1) * (height / pixel + 1);
        if (pixels <= PREVIEW_PIXELS) {
            return settings.cellMetres();
        }
        // Whole ground metres, so the legend can say "previewed with 40 m pixels".
        return Math.ceil(settings.cellMetres() * Math.sqrt(pixels / PREVIEW_PIXELS));
    }

    /** The cells of the grid or hexagons, in EPSG:3857. */
    public static CellLayer cells(GradedPoints points, PlannerSettings settings, Instant now) {
        return GridAggregation.aggregate(points, settings.area().box(), settings.shape(), settings.cellSizeMetres(),
                MetricProjection.WEB_MERCATOR, now);
    }

    static double mercatorX(double lon) {
        return Math.toRadians(lon) * 6_378_137.0;
    }

    static double mercatorY(double lat) {
        double clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * 6_378_137.0;
    }

    /** Web Mercator metres to the map's unit square (0, 0 at the top left), as Gluon and the cluster index use. */
    static double unitX(double x) {
        return (x + HALF_WORLD) / (2 * HALF_WORLD);
    }

    static double unitY(double y) {
        return (HALF_WORLD - y) / (2 * HALF_WORLD);
    }
}
