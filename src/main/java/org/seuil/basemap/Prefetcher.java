package org.seuil.basemap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.seuil.domain.BoundingBox;
import org.seuil.geo.TileId;
import org.seuil.geo.TileRange;
import org.seuil.geo.WebMercator;

/**
 * Pre-renders an area of an offline vector pack into a raster MBTiles pack, on every core, with
 * PNG encoding in the worker threads and writes batched in transactions. Only renders local
 * packs: bulk downloading from tile.openstreetmap.org is forbidden by its usage policy.
 * The pack is written to a temporary file and moved into place at the end, so a failed or
 * interrupted run never leaves a half-written pack where the app would load it.
 */
public final class Prefetcher {
    private static final int BATCH = 64;

    /** How far a prefetch has got. */
    public record Progress(long done, long total) {
    }

    public record Summary(long tiles, long bytes, double seconds) {
    }

    private Prefetcher() {
    }

    /** The number of tiles an area covers over a range of zooms. */
    public static long tileCount(BoundingBox area, int minZoom, int maxZoom) {
        long total = 0;
        for (int z = minZoom; z <= maxZoom; z++) {
            total += WebMercator.tilesCovering(area, z).count();
        }
        return total;
    }

    public static Summary prefetch(MapsforgeTileSource renderer, BoundingBox area, int minZoom, int maxZoom, Path out,
                                   Consumer<Progress> progress) throws IOException {
        if (minZoom < 0 || maxZoom > TileId.MAX_ZOOM || minZoom > maxZoom) {
            throw new IllegalArgumentException("zooms " + minZoom + "-" + maxZoom + " are not a range within 0-" + TileId.MAX_ZOOM);
        }
        long total = tileCount(area, minZoom, maxZoom);
        long started = System.nanoTime();
        Path absolute = out.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
        Files.deleteIfExists(temp);
        long bytes = 0;
        long done = 0;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "seuil-prefetch");
            t.setDaemon(true);
            return t;
        });
        try (MBTiles mbtiles = MBTiles.openOrCreate(temp, metadata(out, area, minZoom, maxZoom, renderer))) {
            List<TileId> batch = new ArrayList<>(BATCH);
            for (int z = minZoom; z <= maxZoom; z++) {
                TileRange range = WebMercator.tilesCovering(area, z);
                for (TileId id : range) {
                    batch.add(id);
                    if (batch.size() == BATCH) {
                        bytes += renderBatch(renderer, batch, workers, mbtiles);
                        done += batch.size();
                        batch.clear();
                        progress.accept(new Progress(done, total));
                    }
                }
            }
            if (!batch.isEmpty()) {
                bytes += renderBatch(renderer, batch, workers, mbtiles);
                done += batch.size();
                progress.accept(new Progress(done, total));
            }
            mbtiles.finishAsPack();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            workers.shutdownNow();
        }
        deleteSqliteSidecars(temp);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(done, bytes, (System.nanoTime() - started) / 1e9);
    }

    private static long renderBatch(MapsforgeTileSource renderer, List<TileId> batch, ExecutorService workers, MBTiles mbtiles)
            throws IOException {
        List<Future<byte[]>> futures = new ArrayList<>(batch.size());
        for (TileId id : batch) {
            futures.add(workers.submit(() -> TileImage.encodePng(renderer.render(id))));
        }
        Map<TileId, byte[]> tiles = new LinkedHashMap<>();
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                byte[] png = futures.get(i).get();
                tiles.put(batch.get(i), png);
                bytes += png.length;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("prefetch interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("rendering tile " + batch.get(i) + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        mbtiles.writeAll(tiles);
        return bytes;
    }

    private static Map<String, String> metadata(Path out, BoundingBox area, int minZoom, int maxZoom, MapsforgeTileSource renderer) {
        Map<String, String> metadata = TileChains.metadata(out.getFileName().toString().replaceAll("\\.mbtiles$", ""),
                "© OpenStreetMap contributors");
        metadata.put("bounds", area.toString());
        double centerLon = (area.minLon() + area.maxLon()) / 2;
        double centerLat = (area.minLat() + area.maxLat()) / 2;
        metadata.put("center", centerLon + "," + centerLat + "," + Math.min(maxZoom, Math.max(minZoom, 15)));
        metadata.put("minzoom", Integer.toString(minZoom));
        metadata.put("maxzoom", Integer.toString(maxZoom));
        metadata.put("description", "Pre-rendered by Seuil from " + renderer.name());
        return metadata;
    }

    /** SQLite's WAL files must not outlive the connection when the file is moved. */
    private static void deleteSqliteSidecars(Path db) throws IOException {
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
    }
}
