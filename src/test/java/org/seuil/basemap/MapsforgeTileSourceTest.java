package org.seuil.basemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.GeoPoint;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;

/** Real tiles rendered from the Monaco pack in ../shared/data. */
class MapsforgeTileSourceTest {
    /** Near Place d'Armes and the Rocher, where the pack has many highway=steps ways. */
    private static final TileId CONDAMINE_Z17 = WebMercator.tileAt(new GeoPoint(43.7315, 7.4200), 17);
    private static final Color STEPS_RED = new Color(0xD7, 0x19, 0x1C);

    @TempDir
    Path dir;

    @Test
    void theDefaultThemeDrawsMonacoStreets() throws IOException {
        try (MapsforgeTileSource source = new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.MapsforgeDefault(), 256, 10)) {
            BufferedImage tile = source.tile(CONDAMINE_Z17).orElseThrow().image();
            assertEquals(256, tile.getWidth());
            assertTrue(TestImages.distinctColours(tile) > 50, "a street tile has many colours (roads, buildings, labels)");
            assertTrue(TestImages.pixelsNear(tile, STEPS_RED, 30) < 20, "the default theme does not draw steps red");
        }
    }

    @Test
    void ourThemeMakesTheStepsOfMonacoStandOutInRed() throws IOException {
        try (MapsforgeTileSource source = new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.Accessibility(), 256, 10)) {
            BufferedImage tile = source.tile(CONDAMINE_Z17).orElseThrow().image();
            assertTrue(TestImages.distinctColours(tile) > 50);
            int white = TestImages.pixelsNear(tile, Color.WHITE, 2);
            assertTrue(white < tile.getWidth() * tile.getHeight() * 0.9, "the tile is mostly blank");
            assertTrue(TestImages.pixelsNear(tile, STEPS_RED, 30) > 100, "steps should be drawn in the theme's red");
        }
    }

    @Test
    void hiDpiTilesAre512PixelsWide() throws IOException {
        try (MapsforgeTileSource source = new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.Accessibility(), 512, 10)) {
            BufferedImage tile = source.tile(CONDAMINE_Z17).orElseThrow().image();
            assertEquals(512, tile.getWidth());
            assertTrue(TestImages.pixelsNear(tile, STEPS_RED, 30) > 400);
        }
    }

    @Test
    void tilesOutsideThePackOrBelowItsMinimumZoomAreLeftToTheNextSource() throws IOException {
        try (MapsforgeTileSource source = new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.MapsforgeDefault(), 256, 10)) {
            assertTrue(source.tile(WebMercator.tileAt(new GeoPoint(48.8584, 2.2945), 16)).isEmpty(), "Paris is not in Monaco");
            assertTrue(source.tile(WebMercator.tileAt(new GeoPoint(43.7315, 7.4200), 9)).isEmpty());
            assertTrue(source.covers(WebMercator.tileAt(new GeoPoint(43.7315, 7.4200), 10)));
        }
    }

    @Test
    void aCorruptMapFileIsRefusedWithItsName() throws IOException {
        Path corrupt = dir.resolve("broken.map");
        byte[] head = Files.readAllBytes(SharedData.monacoMap());
        Files.write(corrupt, java.util.Arrays.copyOf(head, 200));
        IOException e = assertThrows(IOException.class,
                () -> new MapsforgeTileSource(List.of(corrupt), new MapTheme.MapsforgeDefault(), 256, 10));
        assertTrue(e.getMessage().contains("broken.map"), e.getMessage());
    }

    @Test
    void aCachedVectorPackServesRenderedTilesFromDiskAfterARestart() throws IOException {
        Path cache = dir.resolve("cache");
        byte[] first;
        try (CachedTileSource source = TileChains.cachedVectorPacks(List.of(SharedData.monacoMap()), new MapTheme.Accessibility(), 256, cache)) {
            first = source.tile(CONDAMINE_Z17).orElseThrow().encoded();
            source.flush();
        }
        Path file = cache.resolve("packs-seuil-accessibility-256.mbtiles");
        try (MBTiles disk = MBTiles.openReadOnly(file)) {
            assertEquals(1, disk.tileCount());
            assertTrue(java.util.Arrays.equals(first, disk.read(CONDAMINE_Z17).orElseThrow()));
        }
    }
}
