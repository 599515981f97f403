package org.seuil.analysis;

/**
 * What a heatmap of barriers is made with. Bandwidth and cell size are ground metres at the
 * centre of the area (see {@link MetricProjection}).
 */
public record HeatmapParameters(Kernel kernel, double bandwidthMetres, double cellMetres, GradeWeights weights, int epsg) {
    public static final HeatmapParameters DEFAULT = new HeatmapParameters(Kernel.QUARTIC, 200, 25, GradeWeights.BARRIERS, MetricProjection.WEB_MERCATOR);

    public HeatmapParameters {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel is required");
        }
        if (!(bandwidthMetres > 0) || !Double.isFinite(bandwidthMetres)) {
            throw new IllegalArgumentException("bandwidth must be a positive number of metres, got " + bandwidthMetres);
        }
        if (!(cellMetres > 0) || !Double.isFinite(cellMetres)) {
            throw new IllegalArgumentException("cell size must be a positive number of metres, got " + cellMetres);
        }
        weights = weights == null ? GradeWeights.BARRIERS : weights;
    }
}
