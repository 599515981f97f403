package org.seuil.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.seuil.formats.raster.FloatRaster;
import org.seuil.formats.raster.RasterGeometry;

class KernelDensityTest {
    /** 6x6 pixels of 10 units, top-left at (0, 60): pixel (c, r) has its centre at (5 + 10c, 55 - 10r). */
    private static final RasterGeometry GRID = new RasterGeometry(0, 60, 10, 6, 6, 3857);
    private static final double H = 20;
    /** A point on the centre of pixel (2, 3), weight 1; one on the corner shared by pixels (2..3, 2..3), weight 0.5; one of weight 0 far east. */
    private static final double[] X = {25, 30, 55};
    private static final double[] Y = {25, 30, 5};
    private static final float[] W = {1f, 0.5f, 0f};

    /** The kernels as the literature writes them (Silverman 1986; QGIS heatmap), for u = d / h < support. */
    private static double byHand(Kernel kernel, double d2) {
        double u2 = d2 / (H * H);
        double u = Math.sqrt(u2);
        double k = switch (kernel) {
            case QUARTIC -> u < 1 ? 3 / Math.PI * (1 - u2) * (1 - u2) : 0;
            case TRIANGULAR -> u < 1 ? 3 / Math.PI * (1 - u) : 0;
            case UNIFORM -> u < 1 ? 1 / Math.PI : 0;
            case EPANECHNIKOV -> u < 1 ? 2 / Math.PI * (1 - u2) : 0;
            case GAUSSIAN -> u < 3 ? Math.exp(-u2 / 2) / (2 * Math.PI) : 0;
        };
        return k / (H * H);
    }

    private static double expectedAt(Kernel kernel, int column, int row) {
        double cx = 5 + 10 * column;
        double cy = 55 - 10 * row;
        double sum = 0;
        for (int i = 0; i < X.length; i++) {
            sum += W[i] * byHand(kernel, (cx - X[i]) * (cx - X[i]) + (cy - Y[i]) * (cy - Y[i]));
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void everyPixelMatchesTheKernelComputedByHand(Kernel kernel) {
        FloatRaster raster = KernelDensity.density(X, Y, W, 3, GRID, kernel, H, 1);
        for (int row = 0; row < 6; row++) {
            for (int column = 0; column < 6; column++) {
                if (!raster.isNodata(column, row)) {
                    double expected = expectedAt(kernel, column, row);
                    assertEquals(expected, raster.get(column, row), 1e-6 * Math.max(expected, 1e-4),
                            kernel + " at pixel " + column + "," + row);
                }
            }
        }
    }

    @Test
    void quarticValuesAtChosenPixelsAreTheOnesWorkedOutOnPaper() {
        FloatRaster raster = KernelDensity.density(X, Y, W, 3, GRID, Kernel.QUARTIC, H, 1);
        double c = 3 / Math.PI / 400;
        // Pixel (2, 3), centre (25, 25): point 1 at d = 0 gives 1; point 2 at d² = 50 gives 0.5 (1 - 50/400)².
        assertEquals(c * (1 + 0.5 * 0.765625), raster.get(2, 3), 1e-9);
        // Pixel (3, 3), centre (35, 25): point 1 at d² = 100 gives 0.5625; point 2 at d² = 50 again.
        assertEquals(c * (0.5625 + 0.5 * 0.765625), raster.get(3, 3), 1e-9);
        // Pixel (1, 1), centre (15, 45): point 1 at d² = 500 > 400 gives 0; point 2 at d² = 450 gives 0.
        assertTrue(raster.isNodata(1, 1), "no kernel reaches (15, 45)");
        // Pixel (4, 3), centre (45, 25): point 1 exactly on its rim (d = 20): the support is open; point 2 at d² = 250.
        assertEquals(c * 0.5 * Math.pow(1 - 250.0 / 400, 2), raster.get(4, 3), 1e-9);
    }

    @Test
    void aPlaceOfWeightZeroMakesItsSurroundingsZeroNotNodata() {
        FloatRaster raster = KernelDensity.density(X, Y, W, 3, GRID, Kernel.QUARTIC, H, 1);
        // Pixel (5, 5), centre (55, 5): only the weight-0 point at (55, 5) reaches it.
        assertEquals(0f, raster.get(5, 5));
        assertTrue(raster.isNodata(0, 0), "pixel (0, 0) is out of every kernel's reach");
    }

    @Test
    void manyPointsSplitOverThreadsSumLikeOnePass() {
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        float[] w = new float[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 60;
            y[i] = random.nextDouble() * 60;
            w[i] = 1;
        }
        FloatRaster raster = KernelDensity.density(x, y, w, n, GRID, Kernel.UNIFORM, H, 1);
        // Uniform kernel: pixel value = (points within 20 of its centre) / (π 20²); for the middle pixel
        // that disc lies inside the square, so it holds about n π 400 / 3600 points.
        double expectedCount = 0;
        for (int i = 0; i < n; i++) {
            if ((x[i] - 25) * (x[i] - 25) + (y[i] - 35) * (y[i] - 35) < 400) {
                expectedCount++;
            }
        }
        assertEquals(expectedCount / (Math.PI * 400), raster.get(2, 2), expectedCount / (Math.PI * 400) * 1e-5);
    }

    @Test
    void aBandwidthThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KernelDensity.density(X, Y, W, 3, GRID, Kernel.QUARTIC, 0, 1));
    }
}
