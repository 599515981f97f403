package org.seuil.formats.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seuil.formats.geojson.GeoJsonReaderErrorsTest.A;
import static org.seuil.formats.geojson.GeoJsonReaderErrorsTest.B;
import static org.seuil.formats.geojson.GeoJsonReaderErrorsTest.C;
import static org.seuil.formats.geojson.GeoJsonReaderErrorsTest.HEADER;
import static org.seuil.formats.geojson.GeoJsonReaderErrorsTest.feature;
import static org.seuil.formats.geojson.GeoJsonReaderErrorsTest.good;
import static org.seuil.formats.geojson.GeoJsonReaderErrorsTest.report;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.InputException;
import org.seuil.formats.SampleRecords;
import org.seuil.formats.SkippedFeature;

/**
 * A file is read without a tree per feature where the feature is in Seuil's own form
 * ({@link PlainPlaceFeature}), and as a tree, read again from the file, where it is not; a stream
 * is read with trees only. Both must give the same records, skipped features and errors.
 */
class PlainFeatureReadingTest {
    @TempDir
    Path dir;

    @Test
    void aFileReadWithoutTreesGivesTheRecordsOfTheTreeReader() throws Exception {
        Path exported = dir.resolve("places.geojson");
        GeoJsonRoundTripTest.writeAll(exported, new SampleRecords(11).records(3000));
        List<PlaceRecord> plain = readFile(exported, false);
        assertEquals(3000, plain.size());
        assertEquals(readStream(exported, false), plain);
    }

    @Test
    void featuresInOtherFormsAreReadAsTreesAndTheNextOnesWithoutAgain() throws IOException {
        String seuilReport = report("r-" + B, B, ",\"wheelchair\":\"no\"");
        Path file = write(HEADER + String.join(",\n",
                good(A),
                // Third-party feature: OSM-like tags, read as a tree.
                "{\"type\":\"Feature\",\"id\":\"node/42\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.4,43.7]},"
                        + "\"properties\":{\"name\":\"Kiosque\",\"amenity\":\"cafe\",\"wheelchair\":\"limited\"}}",
                // Members in another order, an altitude, whole-number coordinates, a null name.
                "{\"properties\":{\"reports\":[" + seuilReport + "],\"name\":null,\"wheelchair\":\"no\"},\"id\":\"" + B + "\","
                        + "\"geometry\":{\"coordinates\":[7,43,12.5],\"type\":\"Point\"},\"type\":\"Feature\"}",
                // A member the plain reader does not know (a bounding box): read as a tree, which ignores it.
                "{\"type\":\"Feature\",\"bbox\":[7.4,43.7,7.4,43.7],\"id\":\"" + C + "\",\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[7.4,43.7]},\"properties\":{\"name\":\"Gare\",\"reports\":[" + report("r-" + C, C, "") + "]}}")
                + "\n]}\n");

        List<PlaceRecord> plain = readFile(file, false);
        assertEquals(4, plain.size());
        assertEquals(readStream(file, false), plain);
    }

    @Test
    void aFileOfAnotherProgramIsReadAsTreesToItsEndWithTheSameRecords() throws IOException {
        // After its first feature the reader stops trying the plain form; a Seuil feature further on
        // must still come out as the tree reader gives it.
        List<String> features = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            features.add("{\"type\":\"Feature\",\"id\":\"node/" + (1000 + i) + "\",\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[7.4" + i + ",43.7]},\"properties\":{\"name\":\"Kiosque " + i + "\",\"amenity\":\"cafe\"}}");
        }
        features.add(good(A));
        Path file = write(HEADER + String.join(",\n", features) + "\n]}\n");

        List<PlaceRecord> records = readFile(file, false);
        assertEquals(101, records.size());
        assertEquals(readStream(file, false), records);
    }

    @Test
    void skippedFeaturesAndTheirReasonsAreTheSame() throws IOException {
        Path file = write(HEADER + String.join(",\n",
                good(A),
                feature(B, "7.42, 43.73", report("r-" + B, B, ",\"wheelchair\":\"perhaps\"")),
                feature(C, "7.42, 93.73", report("r-" + C, C, "")),
                good("3b5c4c36-8f0e-4a55-9c52-6d7c1c2a9e04"))
                + "\n]}\n");

        List<SkippedFeature> fromFile;
        try (GeoJsonReader reader = GeoJsonReader.open(file, true)) {
            assertEquals(2, readAll(reader).size());
            fromFile = reader.skipped();
        }
        try (GeoJsonReader reader = streamReader(file, true)) {
            assertEquals(2, readAll(reader).size());
            assertEquals(reader.skipped(), fromFile);
        }
        assertEquals(2, fromFile.size());
    }

    @Test
    void malformedJsonInsideAFeatureFailsAsInTheTreeReader() throws IOException {
        Path file = write(HEADER + good(A) + ",\n" + feature(B, "7.42, 43.73", report("r-" + B, B, ",\"wheelchair\":\"yes\",}")) + "\n]}\n");

        InputException fromFile = assertThrows(InputException.class, () -> readFile(file, false));
        InputException fromStream = assertThrows(InputException.class, () -> readStream(file, false));
        assertEquals(fromStream.getMessage(), fromFile.getMessage());
    }

    @Test
    void aFileWithAByteOrderMarkIsReadAgainAtTheRightPlace() throws IOException {
        String text = HEADER + good(A) + ",\n{\"type\":\"Feature\",\"id\":\"node/42\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[7.4,43.7]},\"properties\":{\"name\":\"Kiosque\",\"amenity\":\"cafe\"}},\n" + good(B) + "\n]}\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(text.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("bom.geojson");
        Files.write(file, bytes.toByteArray());

        List<PlaceRecord> plain = readFile(file, false);
        assertEquals(3, plain.size());
        assertEquals(readStream(file, false), plain);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("mixed.geojson");
        Files.writeString(file, text);
        return file;
    }

    private static List<PlaceRecord> readFile(Path file, boolean skipInvalid) {
        try (GeoJsonReader reader = GeoJsonReader.open(file, skipInvalid)) {
            return readAll(reader);
        }
    }

    private static List<PlaceRecord> readStream(Path file, boolean skipInvalid) throws IOException {
        try (GeoJsonReader reader = streamReader(file, skipInvalid)) {
            return readAll(reader);
        }
    }

    /** The same file as a stream, with the same name and time, so messages and third-party reports match. */
    private static GeoJsonReader streamReader(Path file, boolean skipInvalid) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return new GeoJsonReader(in, file.toString(), Files.getLastModifiedTime(file).toInstant(), skipInvalid);
    }

    private static List<PlaceRecord> readAll(GeoJsonReader reader) {
        List<PlaceRecord> records = new ArrayList<>();
        reader.forEachRemaining(records::add);
        return records;
    }
}
