package org.seuil.formats.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.InputException;

/** Each kind of bad input, with the exact file, feature, line, column and field in the error. */
class GeoJsonReaderErrorsTest {
    static final String A = "0b5c4c36-8f0e-4a55-9c52-6d7c1c2a9e01";
    static final String B = "1b5c4c36-8f0e-4a55-9c52-6d7c1c2a9e02";
    static final String C = "2b5c4c36-8f0e-4a55-9c52-6d7c1c2a9e03";
    static final String HEADER = "{\"type\":\"FeatureCollection\",\"features\":[\n";

    @TempDir
    Path dir;

    static String report(String id, String placeId, String extra) {
        return "{\"id\":\"" + id + "\",\"placeId\":\"" + placeId + "\",\"author\":\"marie\",\"surveyedAt\":\"2024-05-01T10:00:00Z\","
                + "\"revision\":1" + extra + "}";
    }

    static String feature(String id, String coordinates, String reports) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + coordinates + "]},"
                + "\"properties\":{\"name\":\"Café\",\"category\":\"amenity=cafe\",\"reports\":[" + reports + "]}}";
    }

    static String good(String id) {
        return feature(id, "7.42, 43.73", report("r-" + id, id, ",\"wheelchair\":\"yes\""));
    }

    /** A collection with one feature per line, as the writer lays it out: feature i starts on line i + 2. */
    Path file(String... features) throws IOException {
        Path file = dir.resolve("bad.geojson");
        Files.writeString(file, HEADER + String.join(",\n", features) + "\n]}\n");
        return file;
    }

    static InputException readFails(Path file) {
        return assertThrows(InputException.class, () -> readAll(file, false));
    }

    static List<PlaceRecord> readAll(Path file, boolean skipInvalid) {
        List<PlaceRecord> records = new ArrayList<>();
        try (GeoJsonReader reader = GeoJsonReader.open(file, skipInvalid)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void aWrongTypeInAReportNamesTheFeatureAndTheFullFieldPath() throws IOException {
        Path file = file(good(A), feature(B, "7.42, 43.73", report("r2", B, ",\"entrance\":{\"stepCount\":\"two\"}")));
        InputException e = readFails(file);
        assertEquals(file.toString(), e.file());
        assertEquals("feature 1 (line 3, column 1)", e.location());
        assertEquals("properties.reports[0].entrance.stepCount", e.field());
        assertEquals("expected a whole number, got \"two\"", e.reason());
        assertEquals(file + ": feature 1 (line 3, column 1): properties.reports[0].entrance.stepCount: expected a whole number, got \"two\"",
                e.getMessage());
    }

    @Test
    void aNameThatIsNotAStringIsRefused() throws IOException {
        InputException e = readFails(file(good(A).replace("\"name\":\"Café\"", "\"name\":42")));
        assertEquals("properties.name", e.field());
        assertEquals("expected a string, got 42", e.reason());
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() throws IOException {
        InputException e = readFails(file(feature(A, "7.42, 43.73", report("r1", A, ",\"wheelchair\":\"maybe\""))));
        assertEquals("feature 0 (line 2, column 1)", e.location());
        assertEquals("properties.reports[0].wheelchair", e.field());
        assertEquals("unknown value 'maybe', expected one of yes, limited, no, designated, unknown", e.reason());
    }

    @Test
    void malformedJsonGivesTheLineAndColumnAndTheFeatureItIsIn() throws IOException {
        Path file = file(good(A), good(B).replace("\"type\":\"Feature\",", "\"type\":\"Feature\" "));
        InputException e = readFails(file);
        assertEquals("line 3, column 19 (in feature 1)", e.location());
        assertTrue(e.reason().startsWith("malformed JSON: Unexpected character ('\"'"), e.reason());
    }

    @Test
    void aTruncatedFileSaysSoWithTheLineAndColumnWhereItEnds() throws IOException {
        Path file = dir.resolve("truncated.geojson");
        String whole = HEADER + good(A) + ",\n" + good(B);
        Files.writeString(file, whole.substring(0, whole.length() - 40));
        InputException e = readFails(file);
        assertTrue(e.location().startsWith("line 3, column "), e.location());
        assertTrue(e.location().endsWith("(in feature 1)"), e.location());
        assertTrue(e.reason().startsWith("the file ends in the middle of the JSON (truncated?)"), e.reason());
    }

    @Test
    void nanIsRefusedWithAClearMessageAndTheField() throws IOException {
        InputException e = readFails(file(good(A), feature(B, "NaN, 43.73", "")));
        assertEquals("geometry.coordinates[0]", e.field());
        assertTrue(e.location().startsWith("line 3, column "), e.location());
        assertTrue(e.location().endsWith("(in feature 1)"), e.location());
        assertTrue(e.reason().startsWith("NaN and Infinity are not numbers in JSON (RFC 8259)"), e.reason());
    }

    @Test
    void infinityIsRefusedInReportsToo() throws IOException {
        InputException e = readFails(file(feature(A, "7.42, 43.73",
                report("r1", A, ",\"entrance\":{\"doorWidth\":{\"value\":-Infinity,\"unit\":\"m\"}}"))));
        assertEquals("properties.reports[0].entrance.doorWidth.value", e.field());
        assertTrue(e.reason().startsWith("NaN and Infinity are not numbers in JSON"), e.reason());
    }

    @Test
    void aNumberTooLargeForADoubleIsNotTakenAsInfinity() throws IOException {
        InputException e = readFails(file(feature(A, "1e999, 43.73", "")));
        assertEquals("feature 0 (line 2, column 1)", e.location());
        assertEquals("geometry.coordinates[0]", e.field());
        assertEquals("expected a finite number, got Infinity (beyond the range of a double)", e.reason());
    }

    @Test
    void aLongitudeBeyond180IsRefused() throws IOException {
        InputException e = readFails(file(good(A), good(B), feature(C, "181.5, 43.73", "")));
        assertEquals("feature 2 (line 4, column 1)", e.location());
        assertEquals("geometry.coordinates[0]", e.field());
        assertEquals("longitude 181.5 is outside [-180, 180]", e.reason());
    }

    @Test
    void swappedAxesAreDetectedFromALatitudeBeyond90() throws IOException {
        // Tokyo written [lat, lon] instead of [lon, lat].
        InputException e = readFails(file(feature(A, "35.68, 139.76", "")));
        assertEquals("geometry.coordinates[1]", e.field());
        assertEquals("latitude 139.76 is outside [-90, 90] (are longitude and latitude swapped?)", e.reason());
    }

    @Test
    void aPolygonIsNotAPlace() throws IOException {
        InputException e = readFails(file(good(A).replace("\"type\":\"Point\",\"coordinates\":[7.42, 43.73]",
                "\"type\":\"Polygon\",\"coordinates\":[[[7.42,43.73],[7.43,43.73],[7.43,43.74],[7.42,43.73]]]")));
        assertEquals("geometry.type", e.field());
        assertEquals("expected \"Point\" (a place is one point), got \"Polygon\"", e.reason());
    }

    @Test
    void aFeatureWithoutGeometryIsRefused() throws IOException {
        InputException e = readFails(file(good(A).replace("{\"type\":\"Point\",\"coordinates\":[7.42, 43.73]}", "null")));
        assertEquals("geometry", e.field());
        assertEquals("is missing: a place needs a Point geometry", e.reason());
    }

    @Test
    void aDuplicatePlaceIdInOneFileNamesTheSecondFeature() throws IOException {
        String again = feature(A, "7.5, 43.8", report("r-other", A, ""));
        InputException e = readFails(file(good(A), good(B), again));
        assertEquals("feature 2 (line 4, column 1)", e.location());
        assertEquals("id", e.field());
        assertEquals("place " + A + " already appears in an earlier feature of this file", e.reason());
    }

    @Test
    void aDuplicateReportIdAcrossFeaturesIsRefused() throws IOException {
        InputException e = readFails(file(good(A), feature(B, "7.5, 43.8", report("r-other", B, "") + "," + report("r-" + A, B, ""))));
        assertEquals("feature 1 (line 3, column 1)", e.location());
        assertEquals("properties.reports[1].id", e.field());
        assertEquals("report r-" + A + " already appears in an earlier feature of this file", e.reason());
    }

    @Test
    void aDuplicateReportIdInOneFeatureIsRefused() throws IOException {
        InputException e = readFails(file(feature(A, "7.5, 43.8", report("r1", A, "") + "," + report("r1", A, ""))));
        assertEquals("properties.reports[1].id", e.field());
        assertEquals("report r1 appears twice in this feature", e.reason());
    }

    @Test
    void aReportOfAnotherPlaceIsRefused() throws IOException {
        InputException e = readFails(file(feature(A, "7.5, 43.8", report("r1", B, ""))));
        assertEquals("properties.reports[0].placeId", e.field());
        assertEquals("is " + B + " but the feature's id is " + A, e.reason());
    }

    @Test
    void nestingDeeperThan32LevelsStopsTheParser() throws IOException {
        // root object, features array, feature, properties = 4 levels; 29 more arrays make 33.
        String deep = "[".repeat(29) + "]".repeat(29);
        InputException e = readFails(file(good(A).replace("\"name\":\"Café\"", "\"name\":" + deep)));
        assertTrue(e.reason().startsWith("JSON nested deeper than 32 levels"), e.reason());
        assertTrue(e.location().endsWith("(in feature 0)"), e.location());
        assertTrue(e.field().startsWith("properties.name[0]"), e.field());
    }

    @Test
    void nestingOf32LevelsIsStillJson() throws IOException {
        // 28 arrays: 32 levels; the tree is read, then refused as a name that is not a string.
        String deep = "[".repeat(28) + "]".repeat(28);
        InputException e = readFails(file(good(A).replace("\"name\":\"Café\"", "\"name\":" + deep)));
        assertEquals("properties.name", e.field());
    }

    @Test
    void aHundredMegabyteStringFailsFastWithAClearMessage() throws IOException {
        Path file = dir.resolve("huge.geojson");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write(good(A));
            out.write(",\n{\"type\":\"Feature\",\"id\":\"" + B + "\",\"properties\":{\"name\":\"");
            char[] chunk = "abcdefghij".repeat(100_000).toCharArray();
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
            out.write("\"}}\n]}\n");
        }
        assertTrue(Files.size(file) > 100_000_000);

        InputException e = readFails(file);
        assertEquals("properties.name", e.field());
        assertTrue(e.location().startsWith("line 3, column "), e.location());
        assertTrue(e.location().endsWith("(in feature 1)"), e.location());
        assertTrue(e.reason().startsWith("a string is longer than the limit of 1000000 characters"), e.reason());
    }

    @Test
    void aFileThatIsNotAFeatureCollectionIsRefused() throws IOException {
        Path file = dir.resolve("feature.geojson");
        Files.writeString(file, good(A));
        InputException e = readFails(file);
        assertEquals("type", e.field());
        assertEquals("line 1, column 9", e.location());
        assertTrue(e.reason().startsWith("expected \"FeatureCollection\", got Feature"), e.reason());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = dir.resolve("empty.geojson");
        Files.writeString(file, "");
        InputException e = readFails(file);
        assertEquals("the file is empty, expected a GeoJSON FeatureCollection", e.reason());
        assertNull(e.field());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.geojson");
        InputException e = readFails(file);
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void contentAfterTheCollectionIsRefused() throws IOException {
        Path file = file(good(A));
        Files.writeString(file, Files.readString(file) + "{}");
        InputException e = readFails(file);
        assertEquals("unexpected { after the end of the FeatureCollection", e.reason());
    }

    @Test
    void skipInvalidListsEverySkippedFeatureWithItsReasonAndKeepsTheRest() throws IOException {
        Path file = file(good(A), feature(B, "200, 43.73", report("r-b", B, "")), good(C),
                feature(A, "7.1, 43.1", report("r-x", A, "")));
        try (GeoJsonReader reader = GeoJsonReader.open(file, true)) {
            List<PlaceRecord> read = new ArrayList<>();
            reader.forEachRemaining(read::add);

            assertEquals(List.of(A, C), read.stream().map(r -> r.place().id().value()).toList());
            assertEquals(4, reader.featureCount());
            assertEquals(2, reader.skipped().size());
            assertEquals(1, reader.skipped().get(0).index());
            assertEquals("feature 1 (line 3, column 1)", reader.skipped().get(0).location());
            assertEquals("geometry.coordinates[0]: longitude 200.0 is outside [-180, 180]", reader.skipped().get(0).reason());
            assertEquals(3, reader.skipped().get(1).index());
            assertEquals("id: place " + A + " already appears in an earlier feature of this file", reader.skipped().get(1).reason());
        }
    }

    @Test
    void skipInvalidDoesNotSkipMalformedJson() throws IOException {
        Path file = file(good(A), "{\"type\":\"Feature\",,}", good(C));
        InputException e = assertThrows(InputException.class, () -> readAll(file, true));
        assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
        assertEquals("line 3, column 19 (in feature 1)", e.location());
    }
}
