package org.seuil.analysis;

import org.seuil.domain.BoundingBox;

/** Projected envelopes of longitude / latitude boxes. */
final class Envelopes {
    private static final int STEPS = 16;

    private Envelopes() {
    }

    /**
     * {@code [minX, minY, maxX, maxY]} of a box in a projected CRS. Its edges are sampled, not
     * just its corners, because in most projections (not Web Mercator) they bend.
     */
    static double[] project(MetricProjection projection, BoundingBox box) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= STEPS; i++) {
            double t = (double) i / STEPS;
            double lon = box.minLon() + t * (box.maxLon() - box.minLon());
            double lat = box.minLat() + t * (box.maxLat() - box.minLat());
            double[][] edge = {
                projection.forward(lon, box.minLat()), projection.forward(lon, box.maxLat()),
                projection.forward(box.minLon(), lat), projection.forward(box.maxLon(), lat)};
            for (double[] p : edge) {
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        return new double[] {minX, minY, maxX, maxY};
    }
}
