package org.seuil.formats.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.SampleRecords;

class GeoJsonRoundTripTest {
    @TempDir
    Path dir;

    static List<PlaceRecord> readAll(Path file) {
        List<PlaceRecord> records = new ArrayList<>();
        try (GeoJsonReader reader = GeoJsonReader.open(file, false)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    static void writeAll(Path file, List<PlaceRecord> records) throws Exception {
        try (GeoJsonWriter writer = GeoJsonWriter.open(file)) {
            records.forEach(writer);
        }
    }

    @Test
    void writingThenReadingGivesEqualRecordsForEveryFieldOfAReport() throws Exception {
        List<PlaceRecord> records = new SampleRecords(20261129).records(2000);
        Path file = dir.resolve("places.geojson");
        writeAll(file, records);

        List<PlaceRecord> read = readAll(file);

        assertEquals(records.size(), read.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i), read.get(i), "feature " + i);
        }
        // The sample really covers what it claims to.
        assertTrue(records.stream().flatMap(r -> r.reports().stream()).anyMatch(r -> r.deleted()));
        assertTrue(records.stream().flatMap(r -> r.reports().stream()).anyMatch(r -> !r.experiences().isEmpty()));
        assertTrue(records.stream().flatMap(r -> r.reports().stream()).anyMatch(r -> r.descriptions().size() > 1));
        assertTrue(records.stream().flatMap(r -> r.reports().stream()).anyMatch(r -> !r.photos().isEmpty()));
    }

    @Test
    void importThenExportThenImportIsLossless() throws Exception {
        List<PlaceRecord> records = new SampleRecords(7).records(300);
        Path first = dir.resolve("first.geojson");
        Path second = dir.resolve("second.geojson");
        writeAll(first, records);
        writeAll(second, readAll(first));

        assertEquals(Files.readString(first), Files.readString(second));
        assertEquals(records, readAll(second));
    }

    @Test
    void exportIsAnRfc7946FeatureCollectionWithOneFeaturePerLineAndTheDerivedSummary() throws Exception {
        List<PlaceRecord> records = new SampleRecords(3).records(50);
        Path file = dir.resolve("places.geojson");
        writeAll(file, records);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(records.size() + 2, lines.size(), "header, one line per feature, footer");
        assertEquals("{\"type\":\"FeatureCollection\",\"features\":[", lines.get(0));
        assertEquals("]}", lines.get(lines.size() - 1));
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (int i = 0; i < records.size(); i++) {
            JsonNode feature = root.get("features").get(i);
            PlaceRecord record = records.get(i);
            assertEquals("Feature", feature.get("type").textValue());
            assertEquals(record.place().id().value(), feature.get("id").textValue());
            assertEquals("Point", feature.at("/geometry/type").textValue());
            assertEquals(record.place().location().lon(), feature.at("/geometry/coordinates/0").doubleValue());
            assertEquals(record.place().location().lat(), feature.at("/geometry/coordinates/1").doubleValue());
            assertEquals(record.accessibility().wheelchair().osm(), feature.at("/properties/wheelchair").textValue());
            assertEquals(record.accessibility().toiletsWheelchair().osm(), feature.at("/properties/toilets:wheelchair").textValue());
            assertEquals(record.accessibility().lastSurveyed() == null ? null : record.accessibility().lastSurveyed().toString(),
                    feature.at("/properties/last_surveyed").textValue());
            assertEquals(record.reports().size(), feature.at("/properties/reports").size());
        }
    }

    @Test
    void anEmptyExportIsAnEmptyCollectionThatReadsBack() throws Exception {
        Path file = dir.resolve("empty.geojson");
        writeAll(file, List.of());
        assertEquals(List.of(), readAll(file));
    }
}
