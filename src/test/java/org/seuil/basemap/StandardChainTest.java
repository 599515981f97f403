package org.seuil.basemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.GeoPoint;
import org.seuil.geo.WebMercator;

/** The chain the app builds, over a data folder with the Monaco pack installed, network off. */
class StandardChainTest {
    @TempDir
    Path data;

    @Test
    void anInstalledPackIsRenderedAndTheRestOfTheWorldIsTheOverview() throws IOException {
        Path maps = PackLocator.installFolder(data);
        Files.createDirectories(maps);
        Files.copy(SharedData.monacoMap(), maps.resolve("monaco.map"));
        BasemapSettings settings = new BasemapSettings(data, List.of(maps), new MapTheme.Accessibility(), 256, () -> false, "test");
        try (TileChain chain = TileChains.standard(settings)) {
            assertEquals(3, chain.sources().size(), "vector packs, online (cached), world overview");
            TileChain.Result monaco = chain.tile(WebMercator.tileAt(new GeoPoint(43.7315, 7.4200), 16));
            assertTrue(monaco.source().startsWith("mapsforge [monaco.map]"), monaco.source());
            TileChain.Result paris = chain.tile(WebMercator.tileAt(new GeoPoint(48.8584, 2.2945), 16));
            assertEquals("world overview", paris.source());
            TileChain.Result lowZoom = chain.tile(WebMercator.tileAt(new GeoPoint(43.7315, 7.4200), 5));
            assertEquals("world overview", lowZoom.source());
        }
        assertTrue(Files.exists(PackLocator.cacheFolder(data).resolve("packs-seuil-accessibility-256.mbtiles")));
        assertTrue(Files.exists(PackLocator.cacheFolder(data).resolve("osm-tiles.mbtiles")));
    }

    @Test
    void aBrokenPackIsLeftOutAndTheGoodOnesStillShow() throws IOException {
        Path maps = PackLocator.installFolder(data);
        Files.createDirectories(maps);
        Files.writeString(maps.resolve("broken.map"), "not a map");
        Files.copy(SharedData.monacoMap(), maps.resolve("monaco.map"));
        Files.writeString(maps.resolve("broken.mbtiles"), "not a database");
        BasemapSettings settings = new BasemapSettings(data, List.of(maps), new MapTheme.Accessibility(), 256, () -> false, "test");
        try (TileChain chain = TileChains.standard(settings)) {
            assertEquals(3, chain.sources().size(), "the good vector pack, online (cached) and world overview");
            TileChain.Result monaco = chain.tile(WebMercator.tileAt(new GeoPoint(43.7315, 7.4200), 16));
            assertTrue(monaco.source().startsWith("mapsforge [monaco.map]"), monaco.source());
        }
    }
}
