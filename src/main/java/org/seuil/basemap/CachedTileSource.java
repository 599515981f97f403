package org.seuil.basemap;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.seuil.geo.TileId;

/**
 * A source behind a memory cache over a disk cache (MBTiles): memory, then disk, then the origin.
 * A tile fetched from the origin goes to memory at once and to disk on a background thread, so a
 * render or download never waits for PNG encoding and SQLite. Closing waits for pending writes.
 */
public final class CachedTileSource implements TileSource {
    private static final System.Logger LOG = System.getLogger(CachedTileSource.class.getName());

    private final TileSource origin;
    private final MBTiles disk;
    private final MemoryTileCache memory;
    private final ExecutorService diskWriter;

    /** @param disk the disk cache, owned (closed) by this source */
    public CachedTileSource(TileSource origin, MBTiles disk, MemoryTileCache memory) {
        this.origin = origin;
        this.disk = disk;
        this.memory = memory;
        this.diskWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "seuil-tile-cache-writer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Optional<TileImage> tile(TileId id) throws IOException {
        Optional<TileImage> inMemory = memory.get(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        Optional<byte[]> onDisk = disk.read(id);
        if (onDisk.isPresent()) {
            TileImage image = TileImage.ofEncoded(onDisk.get());
            memory.put(id, image);
            return Optional.of(image);
        }
        Optional<TileImage> fetched = origin.tile(id);
        fetched.ifPresent(image -> {
            memory.put(id, image);
            diskWriter.execute(() -> writeToDisk(id, image));
        });
        return fetched;
    }

    private void writeToDisk(TileId id, TileImage image) {
        try {
            disk.writeAll(Map.of(id, image.encoded()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not cache tile " + id + " in " + disk.file() + ": " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return origin.name() + " (cached in " + disk.file().getFileName() + ")";
    }

    public TileSource origin() {
        return origin;
    }

    /** Waits until every tile fetched so far is on disk (tests and the benchmark use it). */
    public void flush() throws IOException {
        try {
            diskWriter.submit(() -> { }).get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IOException("waiting for the tile cache writer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        diskWriter.shutdown();
        try {
            if (!diskWriter.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.log(Level.WARNING, "tile cache writer did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            origin.close();
        } finally {
            disk.close();
        }
    }
}
