package org.seuil.geo.cluster;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A supercluster-style point clustering index: for every zoom from {@code maxZoom} down to
 * {@code minZoom}, the items of the zoom above are greedily merged (each unvisited item takes every
 * unvisited item within {@code radius} pixels) into clusters at their weighted centroid, and every
 * zoom keeps a static KD-tree over its items, so that a viewport query is one range search.
 *
 * <p>Memory is what makes a million points fit: each zoom is three flat arrays in tree order
 * (float x/y, one int that is either a point index or minus a cluster's count, one int pointing at
 * the parent cluster), about 16 bytes an item; a zoom where nothing merges shares the arrays of the
 * zoom above. Exact positions of single points stay in double arrays, so pins land on the pixel at
 * street level even though cluster positions are floats.
 *
 * <p>The index is immutable; for updates see {@link ClusterOverlay}. Grades and names live with the
 * caller, keyed by point index: a report that changes a place's grade does not touch the index.
 */
public final class ClusterIndex {
    /** Mercator latitude limit, where y reaches 0 and 1. */
    public static final double MAX_LATITUDE = 85.05112878;

    private final Options options;
    private final double[] px;
    private final double[] py;
    /** levels[z] for minZoom..maxZoom+1; the last is the points themselves. */
    private final Level[] levels;
    /** parents[z][i]: the index in level z-1 of the item that absorbed item i of level z; null means "same index". */
    private final int[][] parents;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * @param radiusPx  cluster radius in screen pixels
     * @param tileSize  pixel size of a map tile (256 for Gluon Maps and OSM raster tiles)
     * @param minZoom   lowest zoom with its own clusters
     * @param maxZoom   highest zoom with clusters; above it every point shows alone
     */
    public record Options(double radiusPx, int tileSize, int minZoom, int maxZoom) {
        public static final Options DEFAULT = new Options(40, 256, 0, 18);

        public Options {
            if (!(radiusPx > 0) || Double.isInfinite(radiusPx)) {
                throw new IllegalArgumentException("radiusPx must be a positive number, got " + radiusPx);
            }
            if (tileSize <= 0) {
                throw new IllegalArgumentException("tileSize must be positive, got " + tileSize);
            }
            if (minZoom < 0 || maxZoom > 24 || minZoom > maxZoom) {
                throw new IllegalArgumentException("zooms must satisfy 0 <= minZoom <= maxZoom <= 24, got " + minZoom + ".." + maxZoom);
            }
        }

        /** The radius at this zoom in Mercator units (the world is 1 wide). */
        double radiusAt(int zoom) {
            return radiusPx / (tileSize * Math.pow(2, zoom));
        }
    }

    private record Level(float[] coords, int[] values, int size) {
    }

    private static final class Scratch {
        final KdTree.IntStack stack = new KdTree.IntStack();
        final KdTree.IntBuffer hits = new KdTree.IntBuffer();
    }

    private ClusterIndex(Options options, double[] px, double[] py, Level[] levels, int[][] parents) {
        this.options = options;
        this.px = px;
        this.py = py;
        this.levels = levels;
        this.parents = parents;
    }

    /** Builds the index over the first {@code n} points; point i is then reported as index i. */
    public static ClusterIndex build(double[] lon, double[] lat, int n, Options options) {
        if (n < 0 || n > lon.length || n > lat.length) {
            throw new IllegalArgumentException("n = " + n + " but there are " + Math.min(lon.length, lat.length) + " coordinates");
        }
        double[] px = new double[n];
        double[] py = new double[n];
        float[] coords = new float[2 * n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(lon[i]) || !Double.isFinite(lat[i]) || Math.abs(lon[i]) > 180 || Math.abs(lat[i]) > 90) {
                throw new IllegalArgumentException("point " + i + ": (" + lon[i] + ", " + lat[i] + ") is not a longitude, latitude pair");
            }
            px[i] = mercatorX(lon[i]);
            py[i] = mercatorY(lat[i]);
            coords[2 * i] = (float) px[i];
            coords[2 * i + 1] = (float) py[i];
            ids[i] = i;
        }
        KdTree.sort(coords, ids, n);
        int top = options.maxZoom() + 1;
        Level[] levels = new Level[top + 1];
        int[][] parents = new int[top + 1][];
        levels[top] = new Level(coords, ids, n);
        Scratch scratch = new Scratch();
        for (int z = options.maxZoom(); z >= options.minZoom(); z--) {
            clusterInto(levels, parents, z, options.radiusAt(z), scratch);
        }
        return new ClusterIndex(options, px, py, levels, parents);
    }

    /** Greedy clustering of level z+1 into level z, then the tree of level z and the parent links. */
    private static void clusterInto(Level[] levels, int[][] parents, int z, double r, Scratch scratch) {
        Level below = levels[z + 1];
        int n = below.size();
        float[] c = below.coords();
        int[] v = below.values();
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        float[] outCoords = new float[2 * n];
        int[] outValues = new int[n];
        int m = 0;
        KdTree.IntBuffer hits = scratch.hits;
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                continue;
            }
            float x = c[2 * i];
            float y = c[2 * i + 1];
            hits.clear();
            KdTree.within(c, n, x, y, r, scratch.stack, hits);
            int weight = weight(v[i]);
            double total = weight;
            double wx = x * (double) weight;
            double wy = y * (double) weight;
            boolean merged = false;
            for (int h = 0; h < hits.size; h++) {
                int k = hits.items[h];
                if (k == i || parent[k] >= 0) {
                    continue;
                }
                int wk = weight(v[k]);
                total += wk;
                wx += c[2 * k] * (double) wk;
                wy += c[2 * k + 1] * (double) wk;
                parent[k] = m;
                merged = true;
            }
            parent[i] = m;
            if (merged) {
                outCoords[2 * m] = (float) (wx / total);
                outCoords[2 * m + 1] = (float) (wy / total);
                outValues[m] = -(int) total;
            } else {
                outCoords[2 * m] = x;
                outCoords[2 * m + 1] = y;
                outValues[m] = v[i];
            }
            m++;
        }
        if (m == n) {
            // Nothing merged (common at high zooms for sparse data): share the zoom above.
            levels[z] = below;
            parents[z + 1] = null;
            return;
        }
        float[] coords = Arrays.copyOf(outCoords, 2 * m);
        outCoords = null;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        KdTree.sort(coords, order, m);
        int[] values = new int[m];
        int[] newPosition = new int[m];
        for (int i = 0; i < m; i++) {
            values[i] = outValues[order[i]];
            newPosition[order[i]] = i;
        }
        for (int i = 0; i < n; i++) {
            parent[i] = newPosition[parent[i]];
        }
        levels[z] = new Level(coords, values, m);
        parents[z + 1] = parent;
    }

    private static int weight(int value) {
        return value >= 0 ? 1 : -value;
    }

    public Options options() {
        return options;
    }

    /** Number of points indexed. */
    public int size() {
        return px.length;
    }

    /** Mercator x of point i, for callers drawing the exact position. */
    public double pointX(int i) {
        return px[i];
    }

    public double pointY(int i) {
        return py[i];
    }

    /** The level a (fractional) map zoom shows: its floor, kept within the zooms the index has. */
    public int levelFor(double zoom) {
        int z = (int) Math.floor(zoom);
        return Math.max(options.minZoom(), Math.min(options.maxZoom() + 1, z));
    }

    /** Number of items (clusters and lone points) at a zoom. */
    public int itemCount(int zoom) {
        return levels[levelFor(zoom)].size();
    }

    /**
     * Everything shown at {@code zoom} inside a Mercator box; a box that crosses the antimeridian
     * ({@code minX > maxX}) is split in two. Allocation-free after the first call on a thread.
     */
    public void queryMercator(double minX, double minY, double maxX, double maxY, double zoom, ClusterSink sink) {
        if (minX > maxX) {
            queryMercator(minX, minY, 1, maxY, zoom, sink);
            queryMercator(0, minY, maxX, maxY, zoom, sink);
            return;
        }
        int z = levelFor(zoom);
        Level level = levels[z];
        Scratch s = scratch.get();
        s.hits.clear();
        KdTree.range(level.coords(), level.size(), minX, minY, maxX, maxY, s.stack, s.hits);
        emit(z, level, s.hits, sink);
    }

    /** {@link #queryMercator} with a longitude/latitude box. */
    public void query(double west, double south, double east, double north, double zoom, ClusterSink sink) {
        queryMercator(mercatorX(west), mercatorY(north), mercatorX(east), mercatorY(south), zoom, sink);
    }

    private void emit(int z, Level level, KdTree.IntBuffer hits, ClusterSink sink) {
        for (int h = 0; h < hits.size; h++) {
            int i = hits.items[h];
            int value = level.values()[i];
            if (value >= 0) {
                sink.point(value, px[value], py[value]);
            } else {
                sink.cluster(clusterId(z, i), level.coords()[2 * i], level.coords()[2 * i + 1], -value);
            }
        }
    }

    private static long clusterId(int zoom, int index) {
        return ((long) zoom << 32) | index;
    }

    private static int zoomOf(long clusterId) {
        return (int) (clusterId >>> 32);
    }

    private static int indexOf(long clusterId) {
        return (int) clusterId;
    }

    private void checkCluster(long clusterId) {
        int z = zoomOf(clusterId);
        int i = indexOf(clusterId);
        if (z < options.minZoom() || z > options.maxZoom() || i < 0 || i >= levels[z].size() || levels[z].values()[i] >= 0) {
            throw new IllegalArgumentException("no cluster with id " + Long.toHexString(clusterId));
        }
    }

    /** Number of points in a cluster. */
    public int count(long clusterId) {
        checkCluster(clusterId);
        return -levels[zoomOf(clusterId)].values()[indexOf(clusterId)];
    }

    /** What a cluster splits into one zoom further in: lone points and clusters, to the sink. */
    public void children(long clusterId, ClusterSink sink) {
        checkCluster(clusterId);
        int z = zoomOf(clusterId);
        int index = indexOf(clusterId);
        Level below = levels[z + 1];
        int[] parent = parents[z + 1];
        Scratch s = new Scratch();
        if (parent == null) {
            s.hits.add(index);
        } else {
            Level level = levels[z];
            // Children lie within r of the first item that formed the cluster, which lies within r
            // of the centroid: 2r from the centroid finds them all (plus float slack).
            double r = 2 * options.radiusAt(z) * (1 + 1e-5) + 1e-7;
            KdTree.IntBuffer near = new KdTree.IntBuffer();
            KdTree.within(below.coords(), below.size(), level.coords()[2 * index], level.coords()[2 * index + 1], r, s.stack, near);
            for (int h = 0; h < near.size; h++) {
                if (parent[near.items[h]] == index) {
                    s.hits.add(near.items[h]);
                }
            }
        }
        emit(z + 1, below, s.hits, sink);
    }

    /**
     * The zoom at which a cluster first splits into more than one item: where a click on it
     * should zoom the map.
     */
    public int expansionZoom(long clusterId) {
        checkCluster(clusterId);
        long current = clusterId;
        int zoom = zoomOf(clusterId);
        while (zoom <= options.maxZoom()) {
            long[] only = {-1};
            int[] items = {0};
            children(current, new ClusterSink() {
                @Override
                public void point(int pointIndex, double x, double y) {
                    items[0]++;
                }

                @Override
                public void cluster(long id, double x, double y, int count) {
                    items[0]++;
                    only[0] = id;
                }
            });
            zoom++;
            if (items[0] != 1 || only[0] < 0) {
                break;
            }
            current = only[0];
        }
        return zoom;
    }

    /** Every point in a cluster, by point index. */
    public void leaves(long clusterId, IntConsumer sink) {
        checkCluster(clusterId);
        children(clusterId, new ClusterSink() {
            @Override
            public void point(int pointIndex, double x, double y) {
                sink.accept(pointIndex);
            }

            @Override
            public void cluster(long id, double x, double y, int count) {
                leaves(id, sink);
            }
        });
    }

    public static double mercatorX(double lon) {
        return lon / 360 + 0.5;
    }

    public static double mercatorY(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        double y = 0.5 - 0.25 * Math.log((1 + sin) / (1 - sin)) / Math.PI;
        return Math.max(0, Math.min(1, y));
    }

    public static double longitude(double x) {
        return (x - 0.5) * 360;
    }

    public static double latitude(double y) {
        double y2 = (180 - y * 360) * Math.PI / 180;
        return 360 * Math.atan(Math.exp(y2)) / Math.PI - 90;
    }
}
