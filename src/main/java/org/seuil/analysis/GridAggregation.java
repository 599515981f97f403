package org.seuil.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.cells.CellSummary;

/**
 * Aggregates places on square or hexagonal cells laid out in a projected CRS: per cell the number
 * of places, of each grade, and the median age of their last surveys. One pass assigns each point
 * a dense cell index; grade counts are arrays indexed by it; the ages are bucketed by cell with a
 * counting sort, so medians cost one sort of each cell's ages.
 *
 * <p>The cell size is in ground metres at the centre of the area, like the heatmap's
 * (see {@link MetricProjection}); only non-empty cells are returned.
 */
public final class GridAggregation {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final double SECONDS_PER_DAY = 86_400;

    private GridAggregation() {
    }

    /**
     * @param area the area whose centre sets the metre-to-CRS scale, or null for the points' extent
     * @param now  the instant survey ages are measured from
     */
    public static CellLayer aggregate(GradedPoints points, BoundingBox area, CellShape shape, double sizeMetres,
                                      int epsg, Instant now) {
        if (!(sizeMetres > 0) || !Double.isFinite(sizeMetres)) {
            throw new IllegalArgumentException("cell size must be a positive number of metres, got " + sizeMetres);
        }
        int n = points.size();
        MetricProjection projection = MetricProjection.epsg(epsg);
        BoundingBox box = area != null ? area : points.extent();
        if (box == null) {
            return new CellLayer(epsg, shape.label(), sizeMetres, List.of());
        }
        double size = sizeMetres * projection.scaleAt((box.minLon() + box.maxLon()) / 2, (box.minLat() + box.maxLat()) / 2);
        double[] x = new double[n];
        double[] y = new double[n];
        projection.forward(points.lonArray(), points.latArray(), n, x, y);

        Map<Long, Integer> denseIndex = new HashMap<>();
        long[] cellKeys = new long[256];
        int[] cellOfPoint = new int[n];
        for (int i = 0; i < n; i++) {
            long key = shape.cellOf(x[i], y[i], size);
            Integer index = denseIndex.get(key);
            if (index == null) {
                index = denseIndex.size();
                denseIndex.put(key, index);
                if (index == cellKeys.length) {
                    cellKeys = Arrays.copyOf(cellKeys, index * 2);
                }
                cellKeys[index] = key;
            }
            cellOfPoint[i] = index;
        }
        int cells = denseIndex.size();
        int[][] perGrade = new int[Accessibility.values().length][cells];
        int[] surveyed = new int[cells + 1];
        byte[] grades = points.gradeArray();
        long[] lastSurveyed = points.surveyedArray();
        for (int i = 0; i < n; i++) {
            perGrade[grades[i]][cellOfPoint[i]]++;
            if (lastSurveyed[i] != GradedPoints.NEVER) {
                surveyed[cellOfPoint[i] + 1]++;
            }
        }
        // Counting sort of survey ages by cell: ages of cell c end up in [start[c], start[c + 1]).
        int[] start = surveyed;
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        double[] ages = new double[start[cells]];
        int[] fill = Arrays.copyOf(start, cells);
        long nowSecond = now.getEpochSecond();
        for (int i = 0; i < n; i++) {
            if (lastSurveyed[i] != GradedPoints.NEVER) {
                ages[fill[cellOfPoint[i]]++] = (nowSecond - lastSurveyed[i]) / SECONDS_PER_DAY;
            }
        }

        List<CellSummary> summaries = new ArrayList<>(cells);
        for (int c = 0; c < cells; c++) {
            int no = perGrade[Accessibility.NO.ordinal()][c];
            int limited = perGrade[Accessibility.LIMITED.ordinal()][c];
            int yes = perGrade[Accessibility.YES.ordinal()][c] + perGrade[Accessibility.DESIGNATED.ordinal()][c];
            int unknown = perGrade[Accessibility.UNKNOWN.ordinal()][c];
            summaries.add(new CellSummary(shape.id(cellKeys[c]), polygon(shape.ring(cellKeys[c], size)),
                    no + limited + yes + unknown, no, limited, yes, unknown, median(ages, start[c], start[c + 1])));
        }
        return new CellLayer(epsg, shape.label(), sizeMetres, summaries);
    }

    /** The same cells with their outlines in WGS 84 longitude / latitude, for GeoJSON, CSV and KML. */
    public static CellLayer toWgs84(CellLayer layer) {
        if (layer.epsg() == 4326) {
            return layer;
        }
        MetricProjection projection = MetricProjection.epsg(layer.epsg());
        List<CellSummary> cells = new ArrayList<>(layer.cells().size());
        for (CellSummary cell : layer.cells()) {
            Coordinate[] projected = cell.polygon().getExteriorRing().getCoordinates();
            double[] ring = new double[projected.length * 2];
            for (int i = 0; i < projected.length; i++) {
                double[] lonLat = projection.inverse(projected[i].x, projected[i].y);
                ring[2 * i] = lonLat[0];
                ring[2 * i + 1] = lonLat[1];
            }
            cells.add(new CellSummary(cell.id(), polygon(ring), cell.places(), cell.no(), cell.limited(), cell.yes(),
                    cell.unknown(), cell.medianSurveyAgeDays()));
        }
        return new CellLayer(4326, layer.shape(), layer.sizeMetres(), cells);
    }

    private static Double median(double[] values, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return null;
        }
        Arrays.sort(values, from, to);
        int mid = from + count / 2;
        return count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static Polygon polygon(double[] ring) {
        Coordinate[] coordinates = new Coordinate[ring.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(ring[2 * i], ring[2 * i + 1]);
        }
        return GEOMETRY.createPolygon(coordinates);
    }
}
