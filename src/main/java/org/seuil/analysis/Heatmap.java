package org.seuil.analysis;

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
}
