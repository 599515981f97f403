package org.seuil.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;

class WebMercatorTest {

    /** Expected tiles computed with the formula of the OSM wiki ("Slippy map tilenames"), independently. */
    @ParameterizedTest
    @CsvSource({
            "51.5074, -0.1278, 10, 511, 340",     // London
            "43.7384, 7.4246, 16, 34119, 23896",  // Monaco
            "48.8584, 2.2945, 15, 16592, 11272",  // Eiffel tower
            "-33.8568, 151.2153, 12, 3768, 2457", // Sydney opera house
            "0, 0, 1, 1, 1",
            "0, 0, 0, 0, 0"})
    void pointsFallInTheirKnownTiles(double lat, double lon, int zoom, int x, int y) {
        assertEquals(new TileId(zoom, x, y), WebMercator.tileAt(new GeoPoint(lat, lon), zoom));
    }

    @Test
    void theZoomZeroTileCoversTheSquareWorld() {
        BoundingBox world = WebMercator.bounds(new TileId(0, 0, 0));
        assertEquals(-180, world.minLon(), 1e-9);
        assertEquals(180, world.maxLon(), 1e-9);
        assertEquals(-85.0511287798, world.minLat(), 1e-9);
        assertEquals(85.0511287798, world.maxLat(), 1e-9);
    }

    @Test
    void zoomOneTilesMeetAtTheEquatorAndGreenwich() {
        BoundingBox northEast = WebMercator.bounds(new TileId(1, 1, 0));
        assertEquals(0, northEast.minLon(), 1e-9);
        assertEquals(0, northEast.minLat(), 1e-9);
        assertEquals(180, northEast.maxLon(), 1e-9);
    }

    @Test
    void theCentreOfATileLiesInThatTile() {
        for (TileId tile : List.of(new TileId(16, 34119, 23896), new TileId(3, 7, 0), new TileId(20, 1, 1_048_574))) {
            BoundingBox b = WebMercator.bounds(tile);
            GeoPoint centre = new GeoPoint((b.minLat() + b.maxLat()) / 2, (b.minLon() + b.maxLon()) / 2);
            assertEquals(tile, WebMercator.tileAt(centre, tile.zoom()));
        }
    }

    @Test
    void pointsOnTheEastAndSouthEdgesOfTheWorldFallInTheLastTile() {
        assertEquals(new TileId(2, 3, 3), WebMercator.tileAt(new GeoPoint(-90, 180), 2));
        assertEquals(new TileId(2, 0, 0), WebMercator.tileAt(new GeoPoint(90, -180), 2));
    }

    @Test
    void worldPixelsAndFractionsInvertEachOther() {
        double lat = 43.7384;
        double lon = 7.4246;
        assertEquals(lat, WebMercator.latOf(WebMercator.yFraction(lat)), 1e-9);
        assertEquals(lon, WebMercator.lonOf(WebMercator.xFraction(lon)), 1e-9);
        assertEquals(256 * 34119.0, Math.floor(WebMercator.worldPixelX(lon, 16, 256) / 256) * 256, 1e-6);
    }

    @Test
    void tilesCoveringAnAreaAreAllTheTilesTouchingIt() {
        // The Monaco pack's bounding box; 343 tiles for zooms 12-17 is the count DESIGN.md measured.
        BoundingBox monaco = new BoundingBox(7.409205, 43.72335, 7.448637, 43.75169);
        long total = 0;
        for (int z = 12; z <= 17; z++) {
            total += WebMercator.tilesCovering(monaco, z).count();
        }
        assertEquals(343, total);
        TileRange z16 = WebMercator.tilesCovering(monaco, 16);
        List<TileId> listed = new ArrayList<>();
        z16.forEach(listed::add);
        assertEquals(z16.count(), listed.size());
        assertTrue(listed.contains(new TileId(16, 34119, 23896)));
        for (TileId tile : listed) {
            assertTrue(WebMercator.intersects(monaco, WebMercator.bounds(tile)), tile + " does not touch Monaco");
        }
    }

    @Test
    void tmsRowsCountFromTheSouth() {
        assertEquals(1, new TileId(1, 0, 0).tmsRow());
        assertEquals(0, new TileId(1, 0, 1).tmsRow());
        TileId monaco = new TileId(16, 34119, 23896);
        assertEquals(65535 - 23896, monaco.tmsRow());
        assertEquals(monaco, TileId.fromTms(16, 34119, monaco.tmsRow()));
    }

    @Test
    void tilesOutsideTheGridAreRefusedWithTheFieldNamed() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new TileId(2, 4, 0));
        assertTrue(e.getMessage().contains("column 4"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> new TileId(-1, 0, 0));
        assertThrows(InvalidValueException.class, () -> new TileId(25, 0, 0));
        assertThrows(InvalidValueException.class, () -> new TileId(3, 0, 8));
    }

    @Test
    void aParentContainsItsChild() {
        assertEquals(new TileId(15, 17059, 11948), new TileId(16, 34119, 23896).parent());
    }
}
