package org.seuil.basemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.BoundingBox;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;

class PrefetcherTest {
    @TempDir
    Path dir;

    @Test
    void prefetchingMonacoWritesEveryTileOfTheAreaIntoARasterPack() throws IOException {
        Path out = dir.resolve("monaco.mbtiles");
        List<Prefetcher.Progress> progress = new ArrayList<>();
        BoundingBox area;
        try (MapsforgeTileSource renderer = new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.Accessibility(), 256, 0)) {
            area = renderer.coverage();
            Prefetcher.Summary summary = Prefetcher.prefetch(renderer, area, 12, 15, out, progress::add);
            // 1 + 4 + 6 + 20 tiles at zooms 12 to 15, computed apart with the OSM wiki formula
            assertEquals(31, summary.tiles());
        }
        assertEquals(31, progress.get(progress.size() - 1).done());
        assertEquals(31, progress.get(progress.size() - 1).total());
        assertFalse(Files.exists(dir.resolve("monaco.mbtiles.part")), "no temporary file is left behind");
        assertFalse(Files.exists(dir.resolve("monaco.mbtiles-wal")), "the pack must not be left in WAL mode");
        try (RasterPackSource pack = RasterPackSource.open(out); MBTiles mbtiles = MBTiles.openReadOnly(out)) {
            assertEquals(31, mbtiles.tileCount());
            Map<String, String> metadata = mbtiles.metadata();
            assertEquals("png", metadata.get("format"));
            assertEquals("12", metadata.get("minzoom"));
            assertEquals("15", metadata.get("maxzoom"));
            assertEquals(area.toString(), metadata.get("bounds"));
            for (int z = 12; z <= 15; z++) {
                for (TileId id : WebMercator.tilesCovering(area, z)) {
                    assertTrue(pack.tile(id).isPresent(), "missing " + id);
                }
            }
            TileId inside = WebMercator.tilesCovering(area, 15).iterator().next();
            assertEquals(256, pack.tile(inside).orElseThrow().image().getWidth());
        }
    }

    @Test
    void theTileCountAddsTheZooms() {
        BoundingBox monaco = new BoundingBox(7.409205, 43.72335, 7.448637, 43.75169);
        assertEquals(343, Prefetcher.tileCount(monaco, 12, 17));
        assertEquals(1, Prefetcher.tileCount(BoundingBox.WORLD, 0, 0));
        assertEquals(1 + 4 + 16, Prefetcher.tileCount(BoundingBox.WORLD, 0, 2));
    }
}
