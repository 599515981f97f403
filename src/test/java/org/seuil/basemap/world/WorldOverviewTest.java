package org.seuil.basemap.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.basemap.SharedData;
import org.seuil.basemap.TestImages;
import org.seuil.geo.TileId;

/** The TopoJSON converter and the world overview, on the real Natural Earth files. */
class WorldOverviewTest {
    @TempDir
    Path dir;

    @Test
    void theCoarseTopologyHasItsCountriesAndKnowsLandFromSea() throws IOException {
        WorldData data = TopoJsonReader.read(SharedData.file("world/countries-110m.json"));
        assertEquals(177, data.countries().size());
        WorldOverview world = WorldOverview.of(data);
        assertTrue(world.isLand(2.35, 48.85), "Paris is on land");
        assertFalse(world.isLand(-30, 40), "the middle of the Atlantic is sea");
        assertEquals(Optional.of("France"), world.countryAt(2.35, 48.85));
        assertEquals(Optional.of("Brazil"), world.countryAt(-47.9, -15.8));
    }

    @Test
    void theDetailedTopologyKeepsSmallCountriesAndCrossesTheAntimeridian() throws IOException {
        WorldOverview world = WorldOverview.of(TopoJsonReader.read(SharedData.file("world/countries-50m.json")));
        assertEquals(241, world.countryCount());
        // At 1:50m Monaco is a six-point polygon sitting a little north of the real town.
        assertEquals(Optional.of("Monaco"), world.countryAt(7.41, 43.755));
        assertEquals(Optional.of("Fiji"), world.countryAt(178.0, -17.8));
        assertEquals(Optional.of("Russia"), world.countryAt(-175, 66), "Chukotka lies east of the antimeridian");
        // Land borders are the arcs two countries share: 362 of 1959, counted apart in Python.
        assertEquals(362, world.borderCount());
        assertFalse(world.isLand(-150, 0), "the Pacific is sea");
    }

    @Test
    void theBinaryFileReadsBackExactlyAndIsSmall() throws IOException {
        WorldData data = TopoJsonReader.read(SharedData.file("world/countries-50m.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorldFile.write(data, out);
        assertTrue(out.size() < 1_000_000, "world file is " + out.size() + " bytes");
        WorldData back = WorldFile.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(data.grid(), back.grid());
        assertEquals(data.arcs().size(), back.arcs().size());
        for (int i = 0; i < data.arcs().size(); i++) {
            assertArrayEquals(data.arcs().get(i), back.arcs().get(i), "arc " + i);
        }
        assertEquals(data.land().size(), back.land().size());
        for (int c = 0; c < data.countries().size(); c++) {
            WorldData.Country expected = data.countries().get(c);
            WorldData.Country actual = back.countries().get(c);
            assertEquals(expected.id(), actual.id());
            assertEquals(expected.name(), actual.name());
            assertEquals(expected.polygons().size(), actual.polygons().size());
            for (int p = 0; p < expected.polygons().size(); p++) {
                for (int r = 0; r < expected.polygons().get(p).rings().size(); r++) {
                    assertArrayEquals(expected.polygons().get(p).rings().get(r), actual.polygons().get(p).rings().get(r));
                }
            }
        }
    }

    @Test
    void theShippedWorldFileIsTheFiftyMetreConversion() throws IOException {
        Path shipped = Path.of("maps/world.bin");
        assertTrue(Files.size(shipped) < 1_000_000);
        WorldOverview world = WorldOverview.load(shipped);
        assertEquals(241, world.countryCount());
        assertEquals(241, WorldOverview.loadBundled().countryCount());
        assertTrue(world.isLand(2.35, 48.85));
        assertFalse(world.isLand(-30, 40));
    }

    @Test
    void aZoomTwoTileShowsLandSeaAndBorders() throws IOException {
        WorldOverview world = WorldOverview.loadBundled();
        BufferedImage europeAndAfrica = world.render(new TileId(2, 2, 1), 256);
        int sea = TestImages.pixelsNear(europeAndAfrica, WorldOverview.SEA, 3);
        int land = TestImages.pixelsNear(europeAndAfrica, WorldOverview.LAND, 3);
        int all = 256 * 256;
        assertTrue(sea > all / 10, "sea pixels: " + sea);
        assertTrue(land > all / 10, "land pixels: " + land);
        assertTrue(TestImages.distinctColours(europeAndAfrica) > 10, "coasts and borders are antialiased lines");
        BufferedImage pacific = world.render(new TileId(3, 0, 3), 256);
        assertTrue(TestImages.pixelsNear(pacific, WorldOverview.SEA, 3) > all * 9 / 10, "the open Pacific is sea");
    }

    @Test
    void aTileAtStreetZoomStillRenders() throws IOException {
        BufferedImage paris = WorldOverview.loadBundled().render(new TileId(18, 132_742, 90_182), 256);
        assertEquals(256 * 256, TestImages.pixelsNear(paris, WorldOverview.LAND, 3), "inside France: all land");
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws IOException {
        Path notTopo = dir.resolve("x.json");
        Files.writeString(notTopo, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        IOException e = assertThrows(IOException.class, () -> TopoJsonReader.read(notTopo));
        assertTrue(e.getMessage().contains("x.json") && e.getMessage().contains("Topology"), e.getMessage());

        Path badArc = dir.resolve("arc.json");
        Files.writeString(badArc, "{\"type\":\"Topology\",\"transform\":{\"scale\":[1,1],\"translate\":[0,0]},"
                + "\"arcs\":[[[0,0],[1,\"a\"]]],\"objects\":{\"countries\":{\"type\":\"GeometryCollection\",\"geometries\":[]}}}");
        IOException arc = assertThrows(IOException.class, () -> TopoJsonReader.read(badArc));
        assertTrue(arc.getMessage().contains("arcs[0][1]"), arc.getMessage());

        IOException magic = assertThrows(IOException.class, () -> WorldFile.read(new ByteArrayInputStream(gzip("NOPE"))));
        assertTrue(magic.getMessage().contains("bad magic"), magic.getMessage());
        byte[] real = Files.readAllBytes(Path.of("maps/world.bin"));
        assertThrows(IOException.class, () -> WorldFile.read(new ByteArrayInputStream(Arrays.copyOf(real, real.length / 2))));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
