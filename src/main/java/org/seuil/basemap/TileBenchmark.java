package org.seuil.basemap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seuil.domain.BoundingBox;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;

/**
 * Measures the offline tile path on one pack: theme parsing, cold renders (through the cache,
 * as the app does), memory hits, disk hits (read and decode), and a prefetch of zooms 12-17.
 * The JVM is warmed up on zoom 15 tiles first so "cold" means "not cached", not "not JIT-compiled".
 * A disk hit is timed as SQLite read plus PNG decode; the read alone is reported too.
 */
public final class TileBenchmark {
    public record Result(String map, String theme, int tileSize, double themeParseMs, int coldTiles,
                         double coldMedianMs, double coldP95Ms, double memoryHitMedianMs, double diskHitMedianMs,
                         double diskReadMedianMs, String prefetchZooms, long prefetchTiles, double prefetchSeconds,
                         double prefetchCpuSeconds) {
        public String toJson() {
            return String.format(java.util.Locale.ROOT,
                    "{\"map\":\"%s\",\"theme\":\"%s\",\"tileSize\":%d,\"themeParseMs\":%.1f,\"coldTiles\":%d,"
                            + "\"coldMedianMs\":%.2f,\"coldP95Ms\":%.2f,\"memoryHitMedianMs\":%.4f,\"diskHitMedianMs\":%.2f,"
                            + "\"diskReadMedianMs\":%.2f,\"prefetchZooms\":\"%s\",\"prefetchTiles\":%d,\"prefetchSeconds\":%.2f,"
                            + "\"prefetchCpuSeconds\":%.2f}",
                    map.replace("\\", "\\\\").replace("\"", "\\\""), theme, tileSize, themeParseMs, coldTiles,
                    coldMedianMs, coldP95Ms, memoryHitMedianMs, diskHitMedianMs, diskReadMedianMs, prefetchZooms, prefetchTiles,
                    prefetchSeconds, prefetchCpuSeconds);
        }
    }

    private TileBenchmark() {
    }

    public static Result run(Path map, MapTheme theme, int tileSize, int prefetchMinZoom, int prefetchMaxZoom, Path workFolder)
            throws IOException {
        Files.createDirectories(workFolder);
        long t0 = System.nanoTime();
        MapsforgeTileSource renderer = new MapsforgeTileSource(List.of(map), theme, tileSize, 0);
        double themeParseMs = (System.nanoTime() - t0) / 1e6;
        BoundingBox area = renderer.coverage();
        for (TileId id : WebMercator.tilesCovering(area, 15)) {
            renderer.render(id);
        }
        List<TileId> tiles = new ArrayList<>();
        WebMercator.tilesCovering(area, 16).forEach(tiles::add);
        WebMercator.tilesCovering(area, 17).forEach(tiles::add);

        Path cacheFile = workFolder.resolve("bench-cache-" + System.nanoTime() + ".mbtiles");
        double[] cold = new double[tiles.size()];
        double[] memoryHit = new double[tiles.size()];
        double[] diskHit = new double[tiles.size()];
        double[] diskRead = new double[tiles.size()];
        MBTiles disk = MBTiles.openOrCreate(cacheFile, TileChains.metadata("benchmark cache", "© OpenStreetMap contributors"));
        try (CachedTileSource cached = new CachedTileSource(renderer, disk, new MemoryTileCache(tiles.size() + 1))) {
            for (int i = 0; i < tiles.size(); i++) {
                long s = System.nanoTime();
                cached.tile(tiles.get(i)).orElseThrow().image();
                cold[i] = (System.nanoTime() - s) / 1e6;
            }
            for (int i = 0; i < tiles.size(); i++) {
                long s = System.nanoTime();
                cached.tile(tiles.get(i)).orElseThrow().image();
                memoryHit[i] = (System.nanoTime() - s) / 1e6;
            }
            cached.flush();
        }
        try (MBTiles reopened = MBTiles.openReadOnly(cacheFile)) {
            for (int i = 0; i < tiles.size(); i++) {
                long s = System.nanoTime();
                byte[] bytes = reopened.read(tiles.get(i)).orElseThrow();
                diskRead[i] = (System.nanoTime() - s) / 1e6;
                TileImage.ofEncoded(bytes).image();
                diskHit[i] = (System.nanoTime() - s) / 1e6;
            }
        }
        deleteWithSidecars(cacheFile);

        Path pack = workFolder.resolve("bench-prefetch-" + System.nanoTime() + ".mbtiles");
        Prefetcher.Summary summary;
        long cpuBefore = processCpuNanos();
        try (MapsforgeTileSource prefetchRenderer = new MapsforgeTileSource(List.of(map), theme, tileSize, 0)) {
            summary = Prefetcher.prefetch(prefetchRenderer, area, prefetchMinZoom, prefetchMaxZoom, pack, p -> { });
        }
        double prefetchCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        deleteWithSidecars(pack);
        return new Result(map.toString(), theme.id(), tileSize, themeParseMs, tiles.size(), percentile(cold, 50),
                percentile(cold, 95), percentile(memoryHit, 50), percentile(diskHit, 50), percentile(diskRead, 50),
                prefetchMinZoom + "-" + prefetchMaxZoom, summary.tiles(), summary.seconds(), prefetchCpuSeconds);
    }

    /** CPU time of the whole process: on a shared machine, wall time alone mostly measures the neighbours. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void deleteWithSidecars(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
    }
}
