package org.seuil.basemap.world;

import java.util.Optional;
import org.seuil.basemap.MemoryTileCache;
import org.seuil.basemap.TileImage;
import org.seuil.basemap.TileSource;
import org.seuil.geo.TileId;

/** The last source of every chain: it covers every tile of the world, offline, and never fails. */
public final class WorldOverviewSource implements TileSource {
    private final WorldOverview world;
    private final int tileSize;
    private final MemoryTileCache memory = new MemoryTileCache(256);

    public WorldOverviewSource(WorldOverview world, int tileSize) {
        this.world = world;
        this.tileSize = tileSize;
    }

    @Override
    public Optional<TileImage> tile(TileId id) {
        Optional<TileImage> cached = memory.get(id);
        if (cached.isPresent()) {
            return cached;
        }
        TileImage image = TileImage.ofImage(world.render(id, tileSize));
        memory.put(id, image);
        return Optional.of(image);
    }

    @Override
    public String name() {
        return "world overview";
    }
}
