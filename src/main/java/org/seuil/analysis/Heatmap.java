package org.seuil.analysis;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.formats.raster.FloatRaster;
import org.seuil.formats.raster.RasterGeometry;

/**
 * A heatmap of barriers: kernel density of places weighted by grade, in weighted places per
 * square kilometre of ground.
 *
 * <p>Units: the kernel is laid out in the projected CRS with bandwidth {@code b × k} and pixels of
 * {@code cell × k} CRS units, where {@code k} is the CRS's scale at the centre of the area
 * (1/cos(lat) in Web Mercator). The value of a pixel is {@code 10⁶ × Σ wᵢ K(dᵢ / (b k)) / b²}: the
 * density per square ground metre ({@code k²} per CRS unit² times {@code 1/(b k)²}), per km².
 * Summing pixel × ground pixel area gives back the total weight (less what falls outside the area).
 */
public final class Heatmap {
    private Heatmap() {
    }

    /**
     * @param area the area to cover, or null for the points' extent grown by the kernel's reach
     */
    public static FloatRaster compute(GradedPoints points, BoundingBox area, HeatmapParameters parameters) {
        MetricProjection projection = MetricProjection.epsg(parameters.epsg());
        BoundingBox box = area;
        if (box == null) {
            box = points.extent();
            if (box == null) {
                throw new IllegalArgumentException("no place matches the filter and no --bbox was given: nothing to map");
            }
        }
        double scale = projection.scaleAt((box.minLon() + box.maxLon()) / 2, (box.minLat() + box.maxLat()) / 2);
        double bandwidthUnits = parameters.bandwidthMetres() * scale;
        double[] envelope = Envelopes.project(projection, box);
        if (area == null) {
            double reach = parameters.kernel().support() * bandwidthUnits;
            envelope = new double[] {envelope[0] - reach, envelope[1] - reach, envelope[2] + reach, envelope[3] + reach};
        }
        RasterGeometry grid = RasterGeometry.covering(envelope[0], envelope[1], envelope[2], envelope[3],
                parameters.cellMetres() * scale, projection.epsg());

        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        projection.forward(points.lonArray(), points.latArray(), n, x, y);
        float[] weight = new float[n];
        byte[] grades = points.gradeArray();
        float[] byGrade = new float[Accessibility.values().length];
        for (Accessibility g : Accessibility.values()) {
            byGrade[g.ordinal()] = (float) parameters.weights().of(g);
        }
        for (int i = 0; i < n; i++) {
            weight[i] = byGrade[grades[i]];
        }
        // 1e6 m² per km², and scale² turns "per CRS unit²" into "per ground m²".
        return KernelDensity.density(x, y, weight, n, grid, parameters.kernel(), bandwidthUnits, 1e6 * scale * scale);
    }

    /**
     * The raster with every pixel whose centre lies outside {@code polygonWgs84} set to nodata: a
     * heatmap of a district ends at its boundary. The polygon is projected into the raster's CRS.
     */
    public static FloatRaster mask(FloatRaster raster, Geometry polygonWgs84) {
        MetricProjection projection = MetricProjection.epsg(raster.geometry().epsg());
        Geometry projected = polygonWgs84.copy();
        projected.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] xy = projection.forward(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
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
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(projected);
        RasterGeometry g = raster.geometry();
        float[] values = new float[g.width() * g.height()];
        Coordinate probe = new Coordinate();
        for (int row = 0; row < g.height(); row++) {
            probe.y = g.centreY(row);
            for (int column = 0; column < g.width(); column++) {
                probe.x = g.centreX(column);
                values[row * g.width() + column] = inside.locate(probe) == Location.EXTERIOR ? raster.nodata() : raster.get(column, row);
            }
        }
        return new FloatRaster(g, values, raster.nodata());
    }
}
