package org.seuil.formats.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.seuil.formats.InputException;

class AreaReaderTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static boolean contains(Geometry area, double lon, double lat) {
        return area.contains(GEOMETRY.createPoint(new Coordinate(lon, lat)));
    }

    @Test
    void aGeoJsonFeatureCollectionOfTwoDistrictsIsOneMultiPolygon() throws IOException {
        Path file = file("districts.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Monte-Carlo"},"geometry":{"type":"Polygon","coordinates":[[[7.42,43.735],[7.435,43.735],[7.435,43.75],[7.42,43.75],[7.42,43.735]]]}},
                 {"type":"Feature","properties":{"name":"Monaco-Ville"},"geometry":{"type":"Polygon","coordinates":[[[7.418,43.728],[7.428,43.728],[7.428,43.733],[7.418,43.733],[7.418,43.728]]]}}
                ]}""");
        Geometry area = AreaReader.read(file);
        assertEquals("MultiPolygon", area.getGeometryType());
        assertTrue(contains(area, 7.43, 43.74));
        assertTrue(contains(area, 7.42, 43.73));
        assertTrue(!contains(area, 7.41, 43.73));
    }

    @Test
    void aKmlPolygonKeepsItsHole() throws IOException {
        Path file = file("zone.kml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Zone</name>
                <Polygon><outerBoundaryIs><LinearRing><coordinates>
                  7.40,43.72,0 7.44,43.72,0 7.44,43.76,0 7.40,43.76,0 7.40,43.72,0
                </coordinates></LinearRing></outerBoundaryIs>
                <innerBoundaryIs><LinearRing><coordinates>7.41,43.73 7.42,43.73 7.42,43.74 7.41,43.74 7.41,43.73</coordinates></LinearRing></innerBoundaryIs>
                </Polygon></Placemark></Document></kml>""");
        Geometry area = AreaReader.read(file);
        assertEquals("Polygon", area.getGeometryType());
        assertTrue(contains(area, 7.43, 43.75));
        assertTrue(!contains(area, 7.415, 43.735), "in the hole");
    }

    @Test
    void badFilesSayWhichFeatureAndFieldIsWrong() throws IOException {
        Path line = file("line.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}""");
        assertEquals(line + ": feature 1: geometry.type: a LineString is not a Polygon or MultiPolygon",
                assertThrows(InputException.class, () -> AreaReader.read(line)).getMessage());
        Path open = file("open.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}");
        assertEquals(open + ": coordinates[0]: the ring is not closed (the last position must repeat the first)",
                assertThrows(InputException.class, () -> AreaReader.read(open)).getMessage());
        Path far = file("far.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[200,0],[1,1],[0,0]]]}");
        assertEquals(far + ": coordinates[0][1]: longitude 200.0, latitude 0.0 is not a WGS 84 position (longitude -180..180, latitude -90..90)",
                assertThrows(InputException.class, () -> AreaReader.read(far)).getMessage());
        Path bowtie = file("bowtie.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}");
        assertTrue(assertThrows(InputException.class, () -> AreaReader.read(bowtie)).getMessage()
                .startsWith(bowtie + ": the polygon is not valid: self-intersection near 0.5, 0.5"));
        Path kml = file("bad.kml", "<kml><Polygon><outerBoundaryIs><LinearRing><coordinates>7.4;43.7 1,2 3,4 7.4,43.7</coordinates></LinearRing></outerBoundaryIs></Polygon></kml>");
        assertEquals(kml + ": polygon 0 (line 1): coordinates[0]: '7.4;43.7' is not longitude,latitude[,altitude]",
                assertThrows(InputException.class, () -> AreaReader.read(kml)).getMessage());
        Path missing = dir.resolve("missing.geojson");
        assertEquals(missing + ": no such file", assertThrows(InputException.class, () -> AreaReader.read(missing)).getMessage());
    }
}
