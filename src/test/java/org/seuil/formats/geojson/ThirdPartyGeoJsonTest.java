package org.seuil.formats.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.formats.InputException;

/** Plain GeoJSON points from other tools (overpass turbo, QGIS, uMap) whose properties are OSM-like tags. */
class ThirdPartyGeoJsonTest {
    static final Instant FILE_TIME = Instant.parse("2025-03-04T05:06:07Z");

    @TempDir
    Path dir;

    Path file(String json) throws Exception {
        Path file = dir.resolve("overpass.geojson");
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, FileTime.from(FILE_TIME));
        return file;
    }

    @Test
    void overpassStylePointsBecomePlacesWithOneImportReport() throws Exception {
        Path file = file("""
                {"type": "FeatureCollection", "generator": "overpass-turbo", "features": [
                  {"type": "Feature", "id": "node/123",
                   "properties": {"@id": "node/123", "name": "Café de Paris", "amenity": "cafe", "wheelchair": "limited",
                                  "toilets:wheelchair": "no", "entrance:step_count": 1, "entrance:step:height": "7 cm",
                                  "ramp:wheelchair": "separate", "door:width": 0.85, "automatic_door": "no",
                                  "wheelchair:description:fr": "Une marche à l'entrée", "addr:housenumber": "12",
                                  "addr:street": "Place du Casino", "addr:postcode": "98000", "addr:city": "Monaco",
                                  "incline": "6%", "kerb": "lowered", "capacity:disabled": 2, "opening_hours": "Mo-Su 08:00-02:00"},
                   "geometry": {"type": "Point", "coordinates": [7.4276, 43.7394]}}
                ]}
                """);
        List<PlaceRecord> records = GeoJsonRoundTripTest.readAll(file);

        assertEquals(1, records.size());
        PlaceRecord record = records.get(0);
        assertEquals("osm:node/123", record.place().id().value());
        assertEquals("Café de Paris", record.place().name());
        assertEquals("amenity=cafe", record.place().category());
        assertEquals("12 Place du Casino, 98000 Monaco", record.place().address());
        assertEquals(43.7394, record.place().location().lat());
        assertEquals(7.4276, record.place().location().lon());
        Report report = record.reports().get(0);
        assertEquals("import", report.author());
        assertEquals(FILE_TIME, report.surveyedAt());
        assertEquals(Accessibility.LIMITED, report.wheelchair());
        assertEquals(Accessibility.NO, report.toiletsWheelchair());
        assertEquals(1, report.entrance().stepCount());
        assertEquals(Quantity.centimetres(7), report.entrance().stepHeight());
        assertEquals(Ramp.REMOVABLE, report.entrance().ramp());
        assertEquals(Quantity.metres(0.85), report.entrance().doorWidth());
        assertEquals(Boolean.FALSE, report.entrance().automaticDoor());
        assertEquals(Quantity.percent(6), report.path().incline());
        assertEquals(2, report.parking().disabledSpaces());
        assertEquals(Map.of("fr", "Une marche à l'entrée"), report.descriptions());
    }

    @Test
    void reimportingTheSameThirdPartyFileGivesTheSameReportIds() throws Exception {
        String json = """
                {"type":"FeatureCollection","features":[{"type":"Feature","id":"way/42","geometry":{"type":"Point","coordinates":[2.35,48.85]},
                 "properties":{"name":"Mairie","amenity":"townhall","wheelchair":"yes"}}]}
                """;
        Report first = GeoJsonRoundTripTest.readAll(file(json)).get(0).reports().get(0);
        Report second = GeoJsonRoundTripTest.readAll(file(json)).get(0).reports().get(0);
        assertEquals(first, second);
    }

    @Test
    void featuresWithoutAUsableIdGetANewUuid() throws Exception {
        Path file = file("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[2.35,48.85]},"properties":{"shop":"bakery"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.36,48.86]},"properties":null}]}
                """);
        List<PlaceRecord> records = GeoJsonRoundTripTest.readAll(file);
        assertEquals(2, records.size());
        assertTrue(records.get(0).place().id().value().matches("[0-9a-f-]{36}"));
        assertNotEquals(records.get(0).place().id(), records.get(1).place().id());
        assertEquals("shop=bakery", records.get(0).place().category());
        assertEquals(Accessibility.UNKNOWN, records.get(1).reports().get(0).wheelchair());
    }

    @Test
    void aBadTagValueNamesTheProperty() throws Exception {
        Path file = file("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.35,48.85]},"properties":{"door:width":"wide"}}]}
                """);
        InputException e = assertThrows(InputException.class, () -> GeoJsonRoundTripTest.readAll(file));
        assertEquals("feature 0 (line 2, column 2)", e.location());
        assertEquals("properties.door:width", e.field());
        assertEquals("expected a number of metres, got 'wide'", e.reason());
    }
}
