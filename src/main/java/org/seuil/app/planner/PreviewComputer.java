package org.seuil.app.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.seuil.analysis.GradedPoints;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.cells.CellSummary;
import org.seuil.formats.raster.ColourRamp;
import org.seuil.formats.raster.FloatRaster;
import org.seuil.formats.raster.RasterGeometry;

/** Turns places and settings into a {@link Preview}: no JavaFX here, so it runs on any thread and in benchmarks. */
public final class PreviewComputer {
    /** Cells where nobody ever surveyed a place: a neutral grey, apart from the ramp. */
    static final int UNSURVEYED = 0xff9e9e9e;

    private PreviewComputer() {
    }

    public static Preview compute(GradedPoints points, PlannerSettings settings, Instant now) {
        long start = System.nanoTime();
        Preview preview = switch (settings.mode()) {
            case HEATMAP -> heatmap(points, settings);
            case GRID, FRESHNESS -> cells(points, settings, now);
        };
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Preview(preview.mode(), preview.raster(), preview.cells(), preview.legend(), preview.places(), preview.previewMetres(), millis);
    }

    private static Preview heatmap(GradedPoints points, PlannerSettings settings) {
        double metres = PlannerAnalysis.previewCellMetres(settings);
        FloatRaster raster = PlannerAnalysis.heatmap(points, settings, metres);
        float[] range = raster.range();
        double max = range == null ? 0 : range[1];
        RasterGeometry g = raster.geometry();
        int[] argb = new int[g.width() * g.height()];
        for (int row = 0; row < g.height(); row++) {
            for (int column = 0; column < g.width(); column++) {
                float v = raster.get(column, row);
                // Over the map, 0 (places within reach, none a barrier) stays clear like nodata, so the
                // streets show through everywhere but where barriers are; the exports keep the 0.
                if (!raster.isNodata(column, row) && v > 0) {
                    argb[row * g.width() + column] = ColourRamp.viridis(v / max);
                }
            }
        }
        Preview.Raster image = new Preview.Raster(g.width(), g.height(), argb, PlannerAnalysis.unitX(g.left()),
                PlannerAnalysis.unitY(g.top()), PlannerAnalysis.unitX(g.right()), PlannerAnalysis.unitY(g.bottom()));
        return new Preview(PlannerMode.HEATMAP, image, List.of(), new Preview.Legend(Preview.Legend.Kind.DENSITY, max, false),
                points.size(), metres, 0);
    }

    private static Preview cells(GradedPoints points, PlannerSettings settings, Instant now) {
        CellLayer layer = PlannerAnalysis.cells(points, settings, now);
        boolean freshness = settings.mode() == PlannerMode.FRESHNESS;
        double max = 1;
        boolean unsurveyed = false;
        if (freshness) {
            max = 0;
            for (CellSummary c : layer.cells()) {
                if (c.medianSurveyAgeDays() == null) {
                    unsurveyed = true;
                } else {
                    max = Math.max(max, c.medianSurveyAgeDays());
                }
            }
        }
        List<Preview.Cell> cells = new ArrayList<>(layer.cells().size());
        for (CellSummary c : layer.cells()) {
            int colour;
            if (freshness) {
                Double age = c.medianSurveyAgeDays();
                colour = age == null ? UNSURVEYED : ColourRamp.viridis(max == 0 ? 0 : age / max);
            } else {
                colour = ColourRamp.viridis(c.shareNo() + c.shareLimited());
            }
            Coordinate[] ring = c.polygon().getExteriorRing().getCoordinates();
            double[] x = new double[ring.length];
            double[] y = new double[ring.length];
            for (int i = 0; i < ring.length; i++) {
                x[i] = PlannerAnalysis.unitX(ring[i].x);
                y[i] = PlannerAnalysis.unitY(ring[i].y);
            }
            cells.add(new Preview.Cell(c.id(), x, y, colour));
        }
        Preview.Legend legend = new Preview.Legend(freshness ? Preview.Legend.Kind.AGE : Preview.Legend.Kind.SHARE, max, unsurveyed);
        return new Preview(settings.mode(), null, cells, legend, points.size(), settings.cellMetres(), 0);
    }
}
