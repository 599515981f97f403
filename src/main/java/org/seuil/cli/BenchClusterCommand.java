package org.seuil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seuil.geo.cluster.ClusterIndex;
import org.seuil.geo.cluster.ClusterSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code seuil bench cluster --points FILE.csv}: builds the cluster index over a file of points and
 * prints build time, heap held and viewport query latency as one JSON line, measured the same way
 * as {@code docs/bench/supercluster-bench.mjs} so that the two can be compared side by side.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Benchmark the map's cluster index: build time, memory held, viewport query latency (JSON line).")
public final class BenchClusterCommand implements Callable<Integer> {
    /** The viewport of the goal: a 1280x800 px window. */
    static final int VIEW_WIDTH = 1280;
    static final int VIEW_HEIGHT = 800;

    @Spec
    CommandSpec spec;

    @Option(names = "--points", required = true, paramLabel = "FILE.csv", description = "one lon,lat per line (a non-numeric first line is a header)")
    Path points;

    @Option(names = "--queries", defaultValue = "4000", description = "viewport queries to time (default ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--radius", defaultValue = "40", description = "cluster radius in px on 256 px tiles (default ${DEFAULT-VALUE})")
    double radius;

    @Override
    public Integer call() throws IOException {
        if (queries < 1) {
            throw new IllegalArgumentException("--queries must be at least 1, got " + queries);
        }
        double[][] lonLat = readPoints(points);
        double[] lon = lonLat[0];
        double[] lat = lonLat[1];
        int n = lon.length;
        if (n == 0) {
            throw new IllegalArgumentException(points + ": no points");
        }
        ClusterIndex.Options options = new ClusterIndex.Options(radius, 256, 0, 18);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        long start = System.nanoTime();
        ClusterIndex index = ClusterIndex.build(lon, lat, n, options);
        double buildMs = (System.nanoTime() - start) / 1e6;
        long after = settledHeap(memory);
        double heldMb = (after - before) / (1024.0 * 1024.0);

        int[] found = new int[1];
        ClusterSink counter = new ClusterSink() {
            @Override
            public void point(int pointIndex, double x, double y) {
                found[0]++;
            }

            @Override
            public void cluster(long clusterId, double x, double y, int count) {
                found[0]++;
            }
        };
        // Warm up the JIT on the same viewports, as the Node script lets V8 warm up.
        for (int q = 0; q < queries; q++) {
            viewportQuery(index, lon, lat, q, counter);
        }
        double[] times = new double[queries];
        long totalItems = 0;
        for (int q = 0; q < queries; q++) {
            found[0] = 0;
            long t0 = System.nanoTime();
            viewportQuery(index, lon, lat, q, counter);
            times[q] = (System.nanoTime() - t0) / 1e6;
            totalItems += found[0];
        }
        Arrays.sort(times);
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT,
                "{\"impl\":\"seuil\",\"points\":%d,\"build_ms\":%.1f,\"held_mb\":%.1f,\"query_p50_ms\":%.4f,\"query_p95_ms\":%.4f,\"mean_items\":%.1f}",
                n, buildMs, heldMb, percentile(times, 0.50), percentile(times, 0.95), totalItems / (double) queries));
        out.flush();
        java.lang.ref.Reference.reachabilityFence(index);
        return 0;
    }

    /**
     * Query q: a 1280x800 px window at zoom 10 + q % 8, centred on point (q * 7919 + 13) % n, the
     * same sequence as the Node script.
     */
    static void viewportQuery(ClusterIndex index, double[] lon, double[] lat, int q, ClusterSink sink) {
        int n = lon.length;
        int zoom = 10 + q % 8;
        int centre = (int) (((long) q * 7919 + 13) % n);
        double worldPx = 256 * Math.pow(2, zoom);
        double cx = ClusterIndex.mercatorX(lon[centre]);
        double cy = ClusterIndex.mercatorY(lat[centre]);
        double hw = VIEW_WIDTH / 2.0 / worldPx;
        double hh = VIEW_HEIGHT / 2.0 / worldPx;
        double west = ClusterIndex.longitude(Math.max(0, cx - hw));
        double east = ClusterIndex.longitude(Math.min(1, cx + hw));
        double north = ClusterIndex.latitude(Math.max(0, cy - hh));
        double south = ClusterIndex.latitude(Math.min(1, cy + hh));
        index.query(west, south, east, north, zoom, sink);
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Reads lon,lat lines; a bad line fails with its number. */
    static double[][] readPoints(Path file) throws IOException {
        double[] lon = new double[1 << 16];
        double[] lat = new double[1 << 16];
        int n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                int comma = line.indexOf(',');
                try {
                    if (comma < 0) {
                        throw new NumberFormatException("no comma");
                    }
                    double x = Double.parseDouble(line.substring(0, comma).strip());
                    double y = Double.parseDouble(line.substring(comma + 1).strip());
                    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": (" + x + ", " + y + ") is not lon,lat in range");
                    }
                    if (n == lon.length) {
                        lon = Arrays.copyOf(lon, n * 2);
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lon[n] = x;
                    lat[n] = y;
                    n++;
                } catch (NumberFormatException e) {
                    if (lineNumber == 1) {
                        continue; // header
                    }
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": expected lon,lat, got '"
                            + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "'");
                }
            }
        }
        return new double[][] {Arrays.copyOf(lon, n), Arrays.copyOf(lat, n)};
    }
}
