package org.seuil.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.seuil.formats.raster.FloatRaster;
import org.seuil.formats.raster.RasterGeometry;

/**
 * Kernel density estimation by splatting: each point adds its kernel to the pixels whose centres
 * lie within the kernel's support, row by row over the exact column span of the disc (so no pixel
 * outside the footprint is ever visited). The Gaussian is separable and is evaluated as a product
 * of one exponential per column and one per row of the footprint. Work is split over threads,
 * each with its own accumulator, summed at the end.
 *
 * <p>Pixels no point reaches are nodata: a heatmap of reports knows nothing where nobody reported,
 * which is not the same as "no barrier". Points of weight 0 (places graded yes) still make the
 * pixels they reach 0 instead of nodata.
 */
public final class KernelDensity {
    private KernelDensity() {
    }

    /**
     * Density of {@code n} weighted points given in the raster's CRS.
     *
     * @param bandwidthUnits the bandwidth in CRS units, which lays the kernel out on the raster
     * @param valueScale     multiplies every summed {@code weight × normalised kernel / bandwidthUnits²};
     *                       1 gives weight per square CRS unit
     */
    public static FloatRaster density(double[] x, double[] y, float[] weight, int n, RasterGeometry grid,
                                      Kernel kernel, double bandwidthUnits, double valueScale) {
        if (!(bandwidthUnits > 0) || !Double.isFinite(bandwidthUnits)) {
            throw new IllegalArgumentException("bandwidth must be a positive number, got " + bandwidthUnits);
        }
        int pixels = grid.width() * grid.height();
        int threads = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), Math.min(4, n / 50_000 + 1)));
        List<CompletableFuture<Accumulator>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            parts.add(CompletableFuture.supplyAsync(() -> {
                Accumulator acc = new Accumulator(pixels);
                for (int i = from; i < to; i++) {
                    splat(acc, x[i], y[i], weight[i], grid, kernel, bandwidthUnits);
                }
                return acc;
            }));
        }
        Accumulator total = parts.get(0).join();
        for (int t = 1; t < threads; t++) {
            Accumulator part = parts.get(t).join();
            for (int i = 0; i < pixels; i++) {
                total.sum[i] += part.sum[i];
                total.covered[i] |= part.covered[i];
            }
        }
        float scale = (float) (valueScale * kernel.normalisation() / (bandwidthUnits * bandwidthUnits));
        float[] values = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            values[i] = total.covered[i] ? total.sum[i] * scale : FloatRaster.DEFAULT_NODATA;
        }
        return new FloatRaster(grid, values, FloatRaster.DEFAULT_NODATA);
    }

    private static final class Accumulator {
        final float[] sum;
        final boolean[] covered;

        Accumulator(int pixels) {
            sum = new float[pixels];
            covered = new boolean[pixels];
        }
    }

    private static void splat(Accumulator acc, double px, double py, float w, RasterGeometry g, Kernel kernel, double bandwidth) {
        double cell = g.pixelSize();
        int width = g.width();
        int height = g.height();
        // Point position in pixel units where pixel centres sit on integers.
        double fx = (px - g.left()) / cell - 0.5;
        double fy = (g.top() - py) / cell - 0.5;
        double radius = kernel.support() * bandwidth / cell;
        double radius2 = radius * radius;
        double toU2 = (cell / bandwidth) * (cell / bandwidth);
        int rowFrom = Math.max(0, (int) Math.ceil(fy - radius));
        int rowTo = Math.min(height - 1, (int) Math.floor(fy + radius));
        if (rowFrom > rowTo || fx + radius < 0 || fx - radius > width - 1) {
            return;
        }
        float[] sum = acc.sum;
        boolean[] covered = acc.covered;
        double[] gaussianColumns = null;
        int gaussianFrom = 0;
        if (kernel == Kernel.GAUSSIAN && w != 0) {
            gaussianFrom = Math.max(0, (int) Math.ceil(fx - radius));
            int gaussianTo = Math.min(width - 1, (int) Math.floor(fx + radius));
            gaussianColumns = new double[gaussianTo - gaussianFrom + 1];
            for (int c = gaussianFrom; c <= gaussianTo; c++) {
                double dx = c - fx;
                gaussianColumns[c - gaussianFrom] = Math.exp(-dx * dx * toU2 / 2);
            }
        }
        for (int row = rowFrom; row <= rowTo; row++) {
            double dy = row - fy;
            double dy2 = dy * dy;
            double room = radius2 - dy2;
            if (room <= 0) {
                continue;
            }
            double half = Math.sqrt(room);
            int c0 = (int) Math.ceil(fx - half);
            int c1 = (int) Math.floor(fx + half);
            // The support is open: a pixel centre exactly on the rim gets nothing.
            if ((c0 - fx) * (c0 - fx) >= room) {
                c0++;
            }
            if ((c1 - fx) * (c1 - fx) >= room) {
                c1--;
            }
            c0 = Math.max(0, c0);
            c1 = Math.min(width - 1, c1);
            if (c0 > c1) {
                continue;
            }
            int base = row * width;
            for (int c = c0; c <= c1; c++) {
                covered[base + c] = true;
            }
            if (w == 0) {
                continue;
            }
            switch (kernel) {
                case QUARTIC -> {
                    for (int c = c0; c <= c1; c++) {
                        double dx = c - fx;
                        double t = 1 - (dx * dx + dy2) * toU2;
                        sum[base + c] += (float) (w * t * t);
                    }
                }
                case EPANECHNIKOV -> {
                    for (int c = c0; c <= c1; c++) {
                        double dx = c - fx;
                        sum[base + c] += (float) (w * (1 - (dx * dx + dy2) * toU2));
                    }
                }
                case TRIANGULAR -> {
                    for (int c = c0; c <= c1; c++) {
                        double dx = c - fx;
                        sum[base + c] += (float) (w * (1 - Math.sqrt((dx * dx + dy2) * toU2)));
                    }
                }
                case UNIFORM -> {
                    for (int c = c0; c <= c1; c++) {
                        sum[base + c] += w;
                    }
                }
                case GAUSSIAN -> {
                    double rowFactor = w * Math.exp(-dy2 * toU2 / 2);
                    for (int c = c0; c <= c1; c++) {
                        sum[base + c] += (float) (rowFactor * gaussianColumns[c - gaussianFrom]);
                    }
                }
            }
        }
    }
}
