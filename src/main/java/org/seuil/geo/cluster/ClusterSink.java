package org.seuil.geo.cluster;

/**
 * Receives what a viewport query finds, without a result object per item: the map layer draws
 * straight from these calls. Coordinates are Web Mercator in [0, 1] (x east, y south).
 */
public interface ClusterSink {
    /** A single point: its index in the arrays the index was built from, and its exact position. */
    void point(int pointIndex, double x, double y);

    /** A cluster of {@code count} points at their weighted centroid. */
    void cluster(long clusterId, double x, double y, int count);
}
