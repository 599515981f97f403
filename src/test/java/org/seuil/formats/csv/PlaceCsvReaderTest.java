package org.seuil.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.formats.InputException;
import org.seuil.formats.SampleRecords;

class PlaceCsvReaderTest {
    static final Instant FILE_TIME = Instant.parse("2025-03-04T05:06:07Z");

    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path file = dir.resolve("places.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(FILE_TIME));
        return file;
    }

    static List<PlaceRecord> readAll(Path file) {
        List<PlaceRecord> records = new ArrayList<>();
        try (PlaceCsvReader reader = PlaceCsvReader.open(file, false)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void aSpreadsheetOfOurOwnMakingMapsByHeaderNameInAnyOrder() throws Exception {
        Path file = file("""
                Name;Latitude;Longitude;amenity;addr:street;addr:housenumber;wheelchair;door:width;incline;Author;surveyed_at;wheelchair:description:fr;notes
                Mairie;43,7311;7,4197;townhall;Place de la Mairie;1;limited;90 cm;5%;Jeanne D.;2024-06-01;Rampe amovible;ask at desk
                """);
        try (PlaceCsvReader reader = PlaceCsvReader.open(file, false)) {
            PlaceRecord record = reader.next();
            assertEquals(List.of("notes"), reader.ignoredColumns());
            assertEquals("Mairie", record.place().name());
            assertEquals("amenity=townhall", record.place().category());
            assertEquals("1 Place de la Mairie", record.place().address());
            assertEquals(43.7311, record.place().location().lat());
            assertEquals(7.4197, record.place().location().lon());
            Report report = record.reports().get(0);
            assertEquals("Jeanne D.", report.author());
            assertEquals(Instant.parse("2024-06-01T00:00:00Z"), report.surveyedAt());
            assertEquals(Accessibility.LIMITED, report.wheelchair());
            assertEquals(Quantity.centimetres(90), report.entrance().doorWidth());
            assertEquals(Quantity.percent(5), report.path().incline());
            assertEquals(Map.of("fr", "Rampe amovible"), report.descriptions());
            assertTrue(record.place().id().value().matches("[0-9a-f-]{36}"), "a row without id gets a new UUID");
        }
    }

    @Test
    void withoutAuthorOrDateTheReportIsByImportAtTheFileTime() throws Exception {
        PlaceRecord record = readAll(file("lat,lng,name\n48.85,2.35,Louvre\n")).get(0);
        Report report = record.reports().get(0);
        assertEquals("import", report.author());
        assertEquals(FILE_TIME, report.surveyedAt());
        assertEquals(Accessibility.UNKNOWN, report.wheelchair());
    }

    @Test
    void exportThenImportKeepsThePlaceAndItsCurrentAccessibility() throws Exception {
        List<PlaceRecord> records = new SampleRecords(11).records(500);
        Path file = dir.resolve("export.csv");
        try (PlaceCsvWriter writer = PlaceCsvWriter.open(file)) {
            records.forEach(writer);
        }
        Files.setLastModifiedTime(file, FileTime.from(FILE_TIME));

        List<PlaceRecord> read = readAll(file);

        assertEquals(records.size(), read.size());
        for (int i = 0; i < records.size(); i++) {
            PlaceRecord original = records.get(i);
            PlaceRecord imported = read.get(i);
            assertEquals(original.place(), imported.place(), "row " + i);
            PlaceAccessibility before = original.accessibility();
            PlaceAccessibility after = imported.accessibility();
            for (Criterion criterion : Criterion.values()) {
                Object expected = before.value(criterion);
                Object actual = after.value(criterion);
                if (expected instanceof Quantity q) {
                    // The CSV holds metres or percent: equal as a measure, not as the unit it was entered in.
                    Quantity r = (Quantity) actual;
                    double e = q.unit().isLength() ? q.metres() : q.percent();
                    double a = r.unit().isLength() ? r.metres() : r.percent();
                    assertEquals(e, a, 1e-6, "row " + i + " " + criterion);
                } else {
                    assertEquals(expected, actual, "row " + i + " " + criterion);
                }
            }
            assertEquals(before.lastSurveyed() == null ? FILE_TIME : before.lastSurveyed(), imported.reports().get(0).surveyedAt());
        }
    }

    @Test
    void theApostropheThatDisarmsFormulasIsRemovedOnImport() throws Exception {
        Path file = dir.resolve("formula.csv");
        Place place = new Place(PlaceId.generate(), new GeoPoint(43.7, 7.4), "=1+1", null, "'quoted");
        try (PlaceCsvWriter writer = PlaceCsvWriter.open(file)) {
            writer.accept(new PlaceRecord(place, List.of()));
        }
        assertTrue(Files.readString(file).contains(",'=1+1,,''quoted,"));
        assertEquals(place, readAll(file).get(0).place());
    }

    @Test
    void importingTheSameFileTwiceGivesTheSameReportIds() throws Exception {
        Path file = file("id,lat,lon,wheelchair\nosm:node/42,43.7,7.4,yes\n");
        assertEquals(readAll(file), readAll(file));
    }

    @Test
    void aBadValueNamesTheLineAndTheColumnAsTheHeaderSpellsIt() throws Exception {
        Path file = file("lat,lon,Door:Width\n43.7,7.4,0.9\n\"43.8\",7.5,wide\n");
        InputException e = assertThrows(InputException.class, () -> readAll(file));
        assertEquals(file.toString(), e.file());
        assertEquals("line 3", e.location());
        assertEquals("Door:Width", e.field());
        assertEquals("expected a number of metres, got 'wide'", e.reason());
    }

    @Test
    void aLatitudeBeyond90HintsAtSwappedColumns() throws Exception {
        InputException e = assertThrows(InputException.class, () -> readAll(file("lon,lat\n43.7,139.7\n")));
        assertEquals("line 2", e.location());
        assertEquals("lat", e.field());
        assertEquals("latitude 139.7 is outside [-90, 90] (are longitude and latitude swapped?)", e.reason());
    }

    @Test
    void aCoordinateThatIsNotANumberIsRefused() throws Exception {
        InputException e = assertThrows(InputException.class, () -> readAll(file("lat,lon\nNaN,7.4\n")));
        assertEquals("lat", e.field());
        assertEquals("expected a decimal number such as 43.7384, got 'NaN'", e.reason());
    }

    @Test
    void anUnknownEnumValueIsRefused() throws Exception {
        InputException e = assertThrows(InputException.class, () -> readAll(file("lat,lon,wheelchair\n43.7,7.4,maybe\n")));
        assertEquals("wheelchair", e.field());
        assertEquals("unknown value 'maybe', expected one of yes, limited, no, designated, unknown", e.reason());
    }

    @Test
    void aStepHeightWithoutStepsIsNamedByItsColumn() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> readAll(file("lat,lon,entrance:step_count,entrance:step:height\n43.7,7.4,0,0.05\n")));
        assertEquals("entrance:step:height", e.field());
        assertEquals("is given but stepCount is 0", e.reason());
    }

    @Test
    void aHeaderWithoutCoordinatesIsRefusedAtLineOne() throws Exception {
        InputException e = assertThrows(InputException.class, () -> readAll(file("name,lat\nx,1\n")));
        assertEquals("line 1", e.location());
        assertEquals("no longitude column: the header needs one of lng, lon, long, longitude", e.reason());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() throws Exception {
        InputException e = assertThrows(InputException.class, () -> readAll(file("lat,lon,name\n43.7,7.4\n")));
        assertEquals("line 2", e.location());
        assertNull(e.field());
        assertEquals("has 2 fields but the header has 3", e.reason());
    }

    @Test
    void aDuplicateIdIsRefused() throws Exception {
        InputException e = assertThrows(InputException.class,
                () -> readAll(file("id,lat,lon\nnode/1,43.7,7.4\nosm:node/1,43.8,7.5\n")));
        assertEquals("line 3", e.location());
        assertEquals("id", e.field());
        assertEquals("place osm:node/1 already appears on an earlier line", e.reason());
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithAHint() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "lat,lon,name\n43.7,7.4,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        InputException e = assertThrows(InputException.class, () -> readAll(file));
        assertEquals("is not UTF-8 text; save the file as CSV in UTF-8", e.reason());
    }

    @Test
    void skipInvalidListsEverySkippedRowAndKeepsTheRest() throws Exception {
        Path file = file("lat,lon,wheelchair\n43.7,7.4,yes\n\n95,7.4,no\n43.8,7.5,perhaps\n43.9,7.6,no\n");
        try (PlaceCsvReader reader = PlaceCsvReader.open(file, true)) {
            List<PlaceRecord> read = new ArrayList<>();
            reader.forEachRemaining(read::add);
            assertEquals(2, read.size());
            assertEquals(2, reader.skipped().size());
            assertEquals(4, reader.skipped().get(0).index());
            assertEquals("line 4", reader.skipped().get(0).location());
            assertEquals("lat: latitude 95.0 is outside [-90, 90] (are longitude and latitude swapped?)", reader.skipped().get(0).reason());
            assertEquals("line 5: wheelchair: unknown value 'perhaps', expected one of yes, limited, no, designated, unknown",
                    reader.skipped().get(1).toString());
        }
    }
}
