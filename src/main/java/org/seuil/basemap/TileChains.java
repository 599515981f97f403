package org.seuil.basemap;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seuil.basemap.world.WorldOverview;
import org.seuil.basemap.world.WorldOverviewSource;

/** Builds the standard chain: raster packs, vector packs (cached), OSM online (cached), world overview. */
public final class TileChains {
    private static final System.Logger LOG = System.getLogger(TileChains.class.getName());
    private static final String PACKS_KEY = "seuil:packs";
    private static final int MEMORY_TILES = 512;

    private TileChains() {
    }

    /**
     * Never fails for a bad pack or an unwritable cache: what cannot be opened is logged and left
     * out, so the map still opens (at worst on the world overview).
     */
    public static TileChain standard(BasemapSettings settings) throws IOException {
        List<TileSource> sources = new ArrayList<>();
        List<Path> vectorPacks = new ArrayList<>();
        for (PackLocator.Pack pack : PackLocator.find(settings.packFolders())) {
            if (pack.kind() == PackLocator.Kind.RASTER_MBTILES) {
                try {
                    sources.add(RasterPackSource.open(pack.file()));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "skipping raster pack: " + e.getMessage());
                }
            } else if (opens(pack.file())) {
                vectorPacks.add(pack.file());
            }
        }
        Path cacheFolder = PackLocator.cacheFolder(settings.dataFolder());
        if (!vectorPacks.isEmpty()) {
            try {
                sources.add(cachedVectorPacks(vectorPacks, settings.theme(), settings.tileSize(), cacheFolder));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "offline packs unavailable: " + e.getMessage());
            }
        }
        OnlineTileSource online = OnlineTileSource.openStreetMap(settings.networkAllowed(), settings.version());
        try {
            MBTiles osmCache = MBTiles.openOrCreate(cacheFolder.resolve("osm-tiles.mbtiles"),
                    metadata("OpenStreetMap tile cache", "© OpenStreetMap contributors"));
            sources.add(new CachedTileSource(online, osmCache, new MemoryTileCache(MEMORY_TILES)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "online tiles will not be cached: " + e.getMessage());
        }
        sources.add(new WorldOverviewSource(WorldOverview.loadBundled(), settings.tileSize()));
        return new TileChain(sources, settings.tileSize());
    }

    /** Checks a .map on its own, so one bad file does not take the good ones down with it. */
    private static boolean opens(Path map) {
        try {
            MapsforgeTileSource.openMapFile(map).close();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "skipping vector pack: " + e.getMessage());
            return false;
        }
    }

    /**
     * Vector packs behind a memory and a disk cache. The cache file is named after the theme and
     * tile size; it remembers which pack files (name, size, date) it was drawn from and is emptied
     * when they change, so a replaced pack never shows stale tiles.
     */
    public static CachedTileSource cachedVectorPacks(List<Path> maps, MapTheme theme, int tileSize, Path cacheFolder) throws IOException {
        String fingerprint = fingerprint(maps);
        MapsforgeTileSource renderer = new MapsforgeTileSource(maps, theme, tileSize, MapsforgeTileSource.DEFAULT_MIN_ZOOM);
        MBTiles disk;
        try {
            Map<String, String> metadata = metadata("Seuil offline packs (" + theme.id() + ")", "© OpenStreetMap contributors");
            metadata.put(PACKS_KEY, fingerprint);
            disk = MBTiles.openOrCreate(cacheFolder.resolve("packs-" + theme.id() + "-" + tileSize + ".mbtiles"), metadata);
            if (!fingerprint.equals(disk.metadata().get(PACKS_KEY))) {
                disk.clearTiles();
                disk.putMetadata(PACKS_KEY, fingerprint);
            }
        } catch (IOException e) {
            renderer.close();
            throw e;
        }
        return new CachedTileSource(renderer, disk, new MemoryTileCache(MEMORY_TILES));
    }

    static String fingerprint(List<Path> maps) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path map : maps) {
            sb.append(map.getFileName()).append(':').append(Files.size(map)).append(':')
                    .append(Files.getLastModifiedTime(map).toMillis()).append(';');
        }
        return sb.toString();
    }

    static Map<String, String> metadata(String name, String attribution) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("format", "png");
        metadata.put("type", "baselayer");
        metadata.put("version", "1");
        metadata.put("attribution", attribution);
        return metadata;
    }
}
