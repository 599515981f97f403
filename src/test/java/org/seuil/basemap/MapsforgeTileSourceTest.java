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
import org.seuil.basemap.world.WorldOverview;
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
    void theThemeLoadsFromTheMapsFolderToo() throws IOException {
        MapTheme fromFolder = MapTheme.parse("maps/seuil-accessibility.xml");
        assertTrue(fromFolder instanceof MapTheme.External);
        try (MapsforgeTileSource source = new MapsforgeTileSource(List.of(SharedData.monacoMap()), fromFolder, 256, 10)) {
            assertTrue(TestImages.pixelsNear(source.render(CONDAMINE_Z17), STEPS_RED, 30) > 100);
        }
    }

    @Test
    void aBrokenThemeIsRefusedWithItsName() throws IOException {
        Path theme = dir.resolve("mine.xml");
        Files.writeString(theme, "<rendertheme><rule e=\"way\"");
        IOException e = assertThrows(IOException.class,
                () -> new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.External(theme), 256, 10));
        assertTrue(e.getMessage().contains("mine"), e.getMessage());
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
    void tilesAtThePackEdgeShowTheWorldOverviewOutsideThePack() throws IOException {
        WorldOverview world = WorldOverview.loadBundled();
        TileId edge = WebMercator.tileAt(new GeoPoint(43.7384, 7.4246), 13);
        try (MapsforgeTileSource packs = new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.Accessibility(), 256, 10)) {
            BufferedImage plain = packs.render(edge);
            BufferedImage filled = new EdgeFilledPackSource(packs, world).tile(edge).orElseThrow().image();
            Color outside = new Color(0xDD, 0xDD, 0xDD); // the theme's map-background-outside
            assertTrue(TestImages.pixelsNear(plain, outside, 1) > 10_000, "mapsforge paints outside the pack flat grey");
            assertTrue(TestImages.pixelsNear(filled, outside, 1) < 500, "the overview fills the outside");
            // The pixel of Place d'Armes, well inside the pack.
            int px = (int) (WebMercator.worldPixelX(7.4200, 13, 256) - edge.x() * 256.0);
            int py = (int) (WebMercator.worldPixelY(43.7315, 13, 256) - edge.y() * 256.0);
            assertEquals(new Color(plain.getRGB(px, py)), new Color(filled.getRGB(px, py)), "inside the pack the rendering is kept");
            assertTrue(px >= 0 && px < 256 && py >= 0 && py < 256);
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
        try (CachedTileSource source = TileChains.cachedVectorPacks(List.of(SharedData.monacoMap()), new MapTheme.Accessibility(), 256,
                WorldOverview.loadBundled(), cache)) {
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
