package org.seuil.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.formats.raster.FloatRaster;

class HeatmapTest {
    private static final double MONACO_LAT = 43.735;
    private static final double MONACO_LON = 7.42;

    private static double sumTimesGroundArea(FloatRaster raster, double cellMetres) {
        double sum = 0;
        for (int r = 0; r < raster.height(); r++) {
            for (int c = 0; c < raster.width(); c++) {
                if (!raster.isNodata(c, r)) {
                    sum += raster.get(c, r);
                }
            }
        }
        return sum * cellMetres * cellMetres / 1e6;
    }

    @Test
    void theHeatmapIntegratesToTheTotalWeightOfBarriersOverGroundSquareKilometres() {
        GradedPoints points = GradedPoints.builder()
                .add(MONACO_LON, MONACO_LAT, Accessibility.NO, GradedPoints.NEVER)
                .add(MONACO_LON + 0.004, MONACO_LAT + 0.002, Accessibility.LIMITED, GradedPoints.NEVER)
                .add(MONACO_LON - 0.003, MONACO_LAT - 0.001, Accessibility.YES, GradedPoints.NEVER)
                .build();
        for (Kernel kernel : Kernel.values()) {
            FloatRaster raster = Heatmap.compute(points, null, new HeatmapParameters(kernel, 200, 10, GradeWeights.BARRIERS, 3857));
            // no = 1 and limited = 0.5: 1.5 barriers in all, whatever the kernel (Gaussian keeps 98.9 %).
            double expected = kernel == Kernel.GAUSSIAN ? 1.5 * (1 - Math.exp(-4.5)) : 1.5;
            assertEquals(expected, sumTimesGroundArea(raster, 10), 0.015, kernel.name());
        }
    }

    @Test
    void theBandwidthIsInGroundMetresNotWebMercatorUnits() {
        GradedPoints one = GradedPoints.builder().add(MONACO_LON, MONACO_LAT, Accessibility.NO, GradedPoints.NEVER).build();
        FloatRaster raster = Heatmap.compute(one, null, new HeatmapParameters(Kernel.UNIFORM, 200, 10, GradeWeights.BARRIERS, 3857));
        int covered = 0;
        for (int r = 0; r < raster.height(); r++) {
            for (int c = 0; c < raster.width(); c++) {
                covered += raster.isNodata(c, r) ? 0 : 1;
            }
        }
        // A disc of 200 ground metres on 10 m cells: π 20² ≈ 1257 cells; unscaled it would be 1/cos²(43.7°) ≈ 1.9 times more.
        assertEquals(Math.PI * 400, covered, Math.PI * 400 * 0.03);
        // The pixel size in the file is 10 ground metres in Web Mercator units.
        assertEquals(10 / Math.cos(Math.toRadians(MONACO_LAT)), raster.geometry().pixelSize(), 0.1);
        // Uniform density of one barrier over a disc of 200 m: 1 / (π 0.2²) per km².
        float[] range = raster.range();
        assertEquals(1 / (Math.PI * 0.04), range[1], 1e-3);
    }

    @Test
    void weightsDecideWhatCounts() {
        GradedPoints points = GradedPoints.builder()
                .add(MONACO_LON, MONACO_LAT, Accessibility.YES, GradedPoints.NEVER)
                .add(MONACO_LON, MONACO_LAT, Accessibility.UNKNOWN, GradedPoints.NEVER).build();
        FloatRaster barriers = Heatmap.compute(points, null, HeatmapParameters.DEFAULT);
        assertEquals(0f, barriers.range()[1], "yes and unknown weigh 0 by default");
        FloatRaster unknowns = Heatmap.compute(points, null, new HeatmapParameters(Kernel.QUARTIC, 200, 25,
                new GradeWeights(Map.of(Accessibility.UNKNOWN, 1.0)), 3857));
        assertTrue(unknowns.range()[1] > 0);
    }

    @Test
    void aGivenAreaIsCoveredExactlyAndPlacesOutsideItAreOutOfTheRaster() {
        BoundingBox area = new BoundingBox(7.40, 43.72, 7.44, 43.75);
        GradedPoints points = GradedPoints.builder().add(7.42, 43.73, Accessibility.NO, GradedPoints.NEVER).build();
        FloatRaster raster = Heatmap.compute(points, area, HeatmapParameters.DEFAULT);
        double[] sw = MetricProjection.webMercator().forward(7.40, 43.72);
        double[] ne = MetricProjection.webMercator().forward(7.44, 43.75);
        var g = raster.geometry();
        assertTrue(g.left() <= sw[0] && g.left() > sw[0] - g.pixelSize());
        assertTrue(g.right() >= ne[0] && g.right() < ne[0] + g.pixelSize());
        assertTrue(g.bottom() <= sw[1] && g.top() >= ne[1]);
    }

    @Test
    void nothingToMapIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.compute(GradedPoints.builder().build(), null, HeatmapParameters.DEFAULT));
        assertTrue(e.getMessage().contains("no place matches"), e.getMessage());
    }
}
