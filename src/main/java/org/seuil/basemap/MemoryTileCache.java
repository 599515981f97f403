package org.seuil.basemap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.seuil.geo.TileId;

/** A least-recently-used cache of tiles in memory; a 256 px tile is about 256 KB decoded. */
public final class MemoryTileCache {
    private final Map<TileId, TileImage> tiles;

    public MemoryTileCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("memory cache capacity must be at least 1, got " + capacity);
        }
        this.tiles = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TileId, TileImage> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<TileImage> get(TileId id) {
        return Optional.ofNullable(tiles.get(id));
    }

    public synchronized void put(TileId id, TileImage image) {
        tiles.put(id, image);
    }

    public synchronized int size() {
        return tiles.size();
    }

    public synchronized void clear() {
        tiles.clear();
    }
}
